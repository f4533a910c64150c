// How numbers read as text in every view. One place, so a loss or a percentage looks the same in a
// race card, the why panel and the cost chart, and missing values (NaN: no test points, a diverged
// run) read as a dash instead of "NaN".
//
// Every function takes the reader's translator as an optional last argument ({i18n}, web/i18n/i18n.js).
// English (no translator, or the English one) keeps the exact text the browser tests compare with the
// core (tests/browser/core-oracle.mjs); another language formats through Intl for that language.

export const MISSING = '–';

/** Whether to keep the English formatting: no translator, or the English one. */
export const isEnglish = (i18n) => !i18n || i18n.lang === 'en';

/** The dash of a missing value, in the translator's words. */
export const missing = (i18n) => (isEnglish(i18n) ? MISSING : i18n.t('format.missing'));

/** Losses: 3 decimals while small, scientific once they explode. */
export function formatLoss(v, { i18n } = {}) {
  if (!Number.isFinite(v)) return missing(i18n);
  if (Math.abs(v) >= 1000) return v.toExponential(1);
  return isEnglish(i18n) ? v.toFixed(3) : i18n.number(v, { minimumFractionDigits: 3, maximumFractionDigits: 3, useGrouping: false });
}

/** A fraction in [0, 1] as a percentage: '97.5%'. */
export function formatPercent(v, digits = 1, { i18n } = {}) {
  if (!Number.isFinite(v)) return missing(i18n);
  return isEnglish(i18n) ? `${(v * 100).toFixed(digits)}%` : i18n.percent(v, digits);
}

/** Scientific with one decimal, as in '3.2e-5' (the gradient ratio spans many decades). */
export function formatExp(v, { i18n } = {}) {
  if (!Number.isFinite(v)) return missing(i18n);
  if (v === 0) return '0';
  return v.toExponential(1).replace('e+', 'e');
}

/** Integers as plain digits (no locale separators), so `Number(el.textContent)` reads them back. */
export function formatInt(v, { i18n } = {}) {
  return Number.isFinite(v) ? String(Math.round(v)) : missing(i18n);
}

/** Nanoseconds per element: 2 significant digits below 10, whole numbers above. */
export function formatNs(v, { i18n } = {}) {
  if (!Number.isFinite(v)) return missing(i18n);
  if (isEnglish(i18n)) return v < 10 ? v.toPrecision(2) : v.toFixed(0);
  return v < 10 ? i18n.number(v, { maximumSignificantDigits: 2, minimumSignificantDigits: 2 }) : i18n.number(Math.round(v), { useGrouping: false });
}

/** Steps per second: whole numbers, thin-space thousands for legibility ('12 400'). */
export function formatRate(v, { i18n } = {}) {
  if (!Number.isFinite(v)) return missing(i18n);
  if (!isEnglish(i18n)) return i18n.number(Math.round(v));
  return Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/**
 * Sets an element's text (and its raw value in data-value, for tests and tools) only when it changed:
 * writing identical text every frame still costs style and layout work.
 */
export function setText(el, text, raw) {
  if (el.textContent !== text) el.textContent = text;
  if (raw !== undefined) {
    const s = String(raw);
    if (el.dataset.value !== s) el.dataset.value = s;
  }
}
