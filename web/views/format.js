// How numbers read as text in every view. One place, so a loss or a percentage looks the same in a
// race card, the why panel and the cost chart, and missing values (NaN: no test points, a diverged
// run) read as a dash instead of "NaN".

export const MISSING = '–';

/** Losses: 3 decimals while small, scientific once they explode. */
export function formatLoss(v) {
  if (!Number.isFinite(v)) return MISSING;
  return Math.abs(v) < 1000 ? v.toFixed(3) : v.toExponential(1);
}

/** A fraction in [0, 1] as a percentage: '97.5%'. */
export function formatPercent(v, digits = 1) {
  return Number.isFinite(v) ? `${(v * 100).toFixed(digits)}%` : MISSING;
}

/** Scientific with one decimal, as in '3.2e-5' (the gradient ratio spans many decades). */
export function formatExp(v) {
  if (!Number.isFinite(v)) return MISSING;
  if (v === 0) return '0';
  return v.toExponential(1).replace('e+', 'e');
}

/** Integers as plain digits (no locale separators), so `Number(el.textContent)` reads them back. */
export function formatInt(v) {
  return Number.isFinite(v) ? String(Math.round(v)) : MISSING;
}

/** Nanoseconds per element: 2 significant digits below 10, whole numbers above. */
export function formatNs(v) {
  if (!Number.isFinite(v)) return MISSING;
  return v < 10 ? v.toPrecision(2) : v.toFixed(0);
}

/** Steps per second: whole numbers, thin-space thousands for legibility ('12 400'). */
export function formatRate(v) {
  if (!Number.isFinite(v)) return MISSING;
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
