// The claims strip's words (claims-strip.js): each card's verdict written from its measured
// numbers, and the description of the fresh net a claim measured. Pure; every sentence is one
// catalog template (web/i18n/catalogs, keys claims.*) filled with the numbers, in the translator's
// language (English when none is given).
import { englishTranslator } from '../i18n/i18n.js';
import { formatNs, formatPercent } from './format.js';
import { formatRatio, formatTimes } from './ratio-text.js';

/**
 * "a, b and c": English as the page has always written it (no serial comma); other languages
 * through Intl.ListFormat (i18n.list: 、 in Chinese).
 */
export function listText(parts, i18n = englishTranslator) {
  if (i18n.lang !== 'en') return i18n.list(parts);
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** A catalog word when the catalog has one ("claims.init.he"), else the name as the core writes it. */
const word = (i18n, key, name) => (i18n.has(key) ? i18n.t(key) : name);
export const initWord = (init, i18n = englishTranslator) => word(i18n, `claims.init.${init}`, init);
const datasetWord = (dataset, i18n) => word(i18n, `claims.dataset.${dataset}`, dataset);

/** "8 layers × 16, Sigmoid/Tanh Xavier, ReLU He": the fresh net a claim measured, from the worker's constants. */
export function netDescription(net, labelOf = (n) => n, { i18n = englishTranslator } = {}) {
  const byInit = new Map();
  for (const { activation, init } of net.members) byInit.set(init, [...(byInit.get(init) ?? []), labelOf(activation)]);
  const inits = [...byInit].map(([init, names]) => i18n.t('claims.net.init', { names: names.join('/'), init: initWord(init, i18n) }));
  return i18n.t('claims.net', { depth: String(net.depth), width: String(net.width), inits: inits.join(i18n.t('claims.net.separator')) });
}

/** "In this browser sigmoid costs 12× ReLU and tanh 9×, ..." from the measured multiples. */
export function costVerdict(cost, labelOf = (n) => n, { i18n = englishTranslator } = {}) {
  const items = cost.items;
  const dearer = items.filter((i) => i.ratio > 1);
  const libm = listText(items.map((i) => formatTimes(i.libmRatio, { i18n })), i18n);
  const reference = labelOf(cost.reference);
  if (dearer.length === items.length) {
    const parts = items.map((i, k) => i18n.t(`claims.cost.verdict.dearer.${k ? 'item' : 'first'}`, { name: labelOf(i.name), times: formatTimes(i.ratio, { i18n }) }));
    return i18n.t('claims.cost.verdict.dearer', { items: listText(parts, i18n), reference, ns: formatNs(cost.referenceNs, { i18n }), libm });
  }
  const parts = items.map((i) => i18n.t('claims.cost.verdict.mixed.item', { name: labelOf(i.name), times: formatTimes(i.ratio, { i18n }) }));
  return i18n.t('claims.cost.verdict.mixed', { items: listText(parts, i18n), reference, libm });
}

/**
 * "In a fresh 8 × 16 net, sigmoid's first layer gets 1 / 42,000 of ...", and when tanh passes more
 * than ReLU there, the condition it does so under (its init, the depth, its saturated share) and
 * where to see it fail, so the card never leaves tanh looking like the better choice unqualified.
 */
export function vanishingVerdict(v, labelOf = (n) => n, { i18n = englishTranslator } = {}) {
  const [first, ...rest] = v.items;
  const params = {
    depth: String(v.depth), width: String(v.width), first: labelOf(first.name), ratio: formatRatio(first.ratio, { i18n }),
    rest: listText(rest.map((i) => i18n.t('claims.vanishing.verdict.item', { name: labelOf(i.name), ratio: formatRatio(i.ratio, { i18n }) })), i18n),
  };
  const head = v.dataset
    ? i18n.t('claims.vanishing.verdict.data', { ...params, dataset: datasetWord(v.dataset, i18n) })
    : i18n.t('claims.vanishing.verdict', params);
  const tanh = v.items.find((i) => i.name === 'tanh'), relu = v.items.find((i) => i.name === 'relu');
  if (!tanh || !relu || !(tanh.ratio > relu.ratio)) return head;
  const saturated = Number.isFinite(tanh.saturatedShare)
    ? i18n.t('claims.vanishing.saturated', { share: formatPercent(tanh.saturatedShare, 0, { i18n }) })
    : i18n.t('claims.vanishing.saturatedFew');
  const condition = i18n.t('claims.vanishing.tanhCondition', { tanh: labelOf('tanh'), init: initWord(tanh.init, i18n),
    saturated, depth: String(v.depth), width: String(v.width) });
  return i18n.t('claims.vanishing.verdictWithCondition', { verdict: head, condition });
}

/** "52% of ReLU's hidden outputs are exactly 0; sigmoid's 0% and tanh's 0%." */
export function sparsityVerdict(s, labelOf = (n) => n, { i18n = englishTranslator } = {}) {
  const [top, ...rest] = [...s.items].sort((a, b) => b.zeroShare - a.zeroShare);
  return i18n.t('claims.sparsity.verdict', { share: formatPercent(top.zeroShare, 0, { i18n }), name: labelOf(top.name),
    rest: listText(rest.map((i) => i18n.t('claims.sparsity.verdict.item', { name: labelOf(i.name), share: formatPercent(i.zeroShare, 0, { i18n }) })), i18n) });
}
