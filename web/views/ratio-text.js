// Ratios and multiples written for people: "1 / 4,200" rather than "2.4e-4", "12×" rather than
// "1.2e1". Used wherever a ratio is read (claims strip, why view) so the same number reads the same.
// Each takes the reader's translator as an optional last argument ({i18n}); English keeps today's text.

import { isEnglish, missing } from './format.js';

/** Two significant digits, thousands separated: 4,200; 38; 6.5; 0.65. */
export function twoDigits(v, { i18n } = {}) {
  if (!Number.isFinite(v)) return missing(i18n);
  if (v === 0) return '0';
  const rounded = Number(v.toPrecision(2));
  if (!isEnglish(i18n)) return i18n.number(rounded, { maximumSignificantDigits: 2 });
  return rounded >= 1000 ? rounded.toLocaleString('en-US') : String(rounded);
}

/**
 * A ratio (first/last gradient, one cost over another):
 *   >= 1e6 or < 1e-6: a power of ten, '10^-6.3';  [0.1, 1e6): two digits, '0.65', '4,200';
 *   [1e-6, 0.1): one part in N, '1 / 4,200'. (Maths notation: the same in every language.)
 */
export function formatRatio(r, { i18n } = {}) {
  if (!Number.isFinite(r) || r < 0) return missing(i18n);
  if (r === 0) return '0';
  if (r >= 1e6 || r < 1e-6) return `10^${Math.log10(r).toFixed(1)}`;
  if (r >= 0.1) return twoDigits(r, { i18n });
  return `1 / ${twoDigits(1 / r, { i18n })}`;
}

/** A multiple of a reference: '12×', '0.8×'. */
export function formatTimes(r, { i18n } = {}) {
  if (!Number.isFinite(r)) return missing(i18n);
  const value = twoDigits(r, { i18n });
  return isEnglish(i18n) ? `${value}×` : i18n.t('format.times', { value });
}
