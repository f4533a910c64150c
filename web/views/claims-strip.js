// The claims strip: the page's three answers to "why does ReLU beat sigmoid and tanh?", each a
// small figure of numbers measured in this browser (web/worker/claims.js), a one-line verdict
// written from those numbers (never typed in), and a link to the view and preset that show more.
//
// Test hooks: each claim is [data-claim=cost|vanishing|sparsity]; inside it, one
// [data-activation=NAME][data-value=NUMBER] per activation compared (cost: multiple of ReLU's
// cost, lab kernels, with the libm multiple in data-libm; vanishing: first/last gradient ratio;
// sparsity: share of exact zeros). data-value appears only once measured. Styles:
// web/styles/claims.css (custom properties, light and dark).
import { el } from './dom.js';
import { activationColor } from './palette.js';
import { formatPercent } from './format.js';
import { formatRatio, formatTimes } from './ratio-text.js';
import { costVerdict, vanishingVerdict, sparsityVerdict, netDescription } from './claims-text.js';
import { tallySentence } from '../session/claim-tally.js';
import { englishTranslator } from '../i18n/i18n.js';

// The verdicts' words live in claims-text.js; exported here too, where the page and tests look for them.
export { costVerdict, vanishingVerdict, sparsityVerdict, netDescription };

const FALLBACK_LABELS = { relu: 'ReLU', sigmoid: 'Sigmoid', tanh: 'Tanh' };
const KERNEL_ELEMENTS = 16384;  // web/worker/costs.js: the elements each cost kernel is timed over

// Each claim (its words: catalog keys claims.<key>.*): the preset and view its link opens, how one
// number reads in the reader's language (text(v, i18n)) and where its bar ends (a log scale for
// multiples and ratios, which span decades; linear for shares).
const CLAIMS = [
  {
    key: 'cost', preset: 'cost', view: 'cost-view',
    text: (v, i18n) => formatTimes(v, { i18n }), bar: (v) => logBar(v, 0, 2.5), axis: { lo: 0, hi: 2.5, every: 1, label: (d, i18n) => i18n.t('format.times', { value: String(10 ** d) }) },
  },
  {
    key: 'vanishing', preset: 'vanishing', view: 'why-view',
    text: (v, i18n) => formatRatio(v, { i18n }), bar: (v) => logBar(v, -8, 1), axis: { lo: -8, hi: 1, every: 1, labelEvery: 4, label: decadeText },
  },
  {
    key: 'sparsity', preset: 'sparsity', view: 'why-view',
    text: (v, i18n) => formatPercent(v, 0, { i18n }), bar: (v) => Math.min(1, Math.max(0, v)),
  },
];

const SUPERSCRIPT = { '-': '\u207B', 0: '\u2070', 1: '\u00B9', 2: '\u00B2', 3: '\u00B3', 4: '\u2074', 5: '\u2075', 6: '\u2076', 7: '\u2077', 8: '\u2078', 9: '\u2079' };
function decadeText(d) {
  if (d === 0) return '1';
  if (d === 1) return '10';
  return `10${String(d).replace(/./g, (c) => SUPERSCRIPT[c])}`;
}

// Bar length in [0, 1] for v on a log10 axis from 10^lo to 10^hi.
function logBar(v, lo, hi) {
  if (!(v > 0)) return 0;
  return Math.min(1, Math.max(0.02, (Math.log10(v) - lo) / (hi - lo)));
}

/**
 * Mounts the strip into `container` (appended).
 *   options: {labels: {name: label}, headingLevel = 2 (of each claim's title), i18n (the translator),
 *             href(claim) -> string: the link's target (default '#preset=NAME', the lab's own address;
 *             an embed passes the lab's full URL), linkTarget: e.g. '_blank' (then rel="noopener"),
 *             onOpen(claim, event): when given, called on a link click (the page applies the preset
 *             and scrolls to the view itself; claim: {key, preset, view})}
 * Returns {update(claims), updateRun(run), updateTally(tally), setLanguage(i18n), destroy(), element};
 * claims as CLAIMS messages carry them; tally: tallyClaims() of the across-seeds results, or null.
 * Tally hooks: [data-claim] [data-field=tally] [data-tally=gradient|chance|zeros][data-rival?]
 * [data-held][data-done][data-total][data-failed].
 */
export function mountClaimsStrip(container, options = {}) {
  const labels = { ...FALLBACK_LABELS, ...(options.labels ?? {}) };
  const labelOf = (name) => labels[name] ?? name;
  const level = Math.min(5, Math.max(1, options.headingLevel ?? 2));
  const href = options.href ?? ((claim) => `#preset=${claim.preset}`);
  let i18n = options.i18n ?? englishTranslator;
  let shown = { claims: null, run: null, tally: null };  // the last data, redrawn in another language

  const { root, cards } = stripSkeleton(level, href, options);
  container.append(root);

  // The words that do not depend on a measurement, in the current language.
  function drawWords() {
    root.setAttribute('aria-label', i18n.t('claims.label'));
    for (const card of cards.values()) wordCard(card, i18n);
  }

  const fillRows = (card, items) => fillClaimRows(card, items, labelOf, i18n);

  /** The current run's figures by claim: {cost: {name: step multiple}, vanishing: {name: ratio}, sparsity: {name: share}}. */
  function updateRun(run) {
    shown.run = { ...shown.run, ...run };
    for (const [key, values] of Object.entries(run ?? {})) {
      const card = cards.get(key);
      if (!card || !values) continue;
      card.run = values;
      showRunFigures(card, i18n);
    }
  }

  function update(claims) {
    if (!claims) return;
    shown.claims = claims;
    const { cost, vanishing, sparsity } = claims;
    const words = { i18n };
    // "Measured on a fresh net: " in a span of its own, so a narrow card can drop it (its caption says
    // "fresh net") and keep the net itself, the condition its figures hold under, on one line.
    const span = (className, text) => Object.assign(el('span', className), { textContent: text });
    const measured = (net) => i18n.parts('claims.net.measured', { net: span('al-claim-net-spec', netDescription(net, labelOf, words)) })
      .map((part) => (typeof part === 'string' ? span('al-claim-net-lead', part) : part));
    if (cost) {
      const card = cards.get('cost');
      fillRows(card, cost.items.map((i) => ({ name: i.name, value: i.ratio, libm: i.libmRatio })));
      card.verdict.textContent = costVerdict(cost, labelOf, words);
    }
    if (vanishing) {
      const card = cards.get('vanishing');
      fillRows(card, vanishing.items.map((i) => ({ name: i.name, value: i.ratio })));
      card.verdict.textContent = vanishingVerdict(vanishing, labelOf, words);
      if (vanishing.net) card.net.replaceChildren(...measured(vanishing.net));
    }
    if (sparsity) {
      const card = cards.get('sparsity');
      fillRows(card, sparsity.items.map((i) => ({ name: i.name, value: i.zeroShare })));
      card.verdict.textContent = sparsityVerdict(sparsity, labelOf, words);
      if (sparsity.net) card.net.replaceChildren(...measured(sparsity.net));
    }
    root.dataset.state = cost && vanishing && sparsity ? 'measured' : 'measuring';
  }

  /** How often each card's claims held across seeds (claim-tally.js), or null: the lines go. */
  function updateTally(tally) {
    shown.tally = tally;
    for (const card of cards.values()) {
      const items = tally ? tally.items.filter((item) => item.card === card.claim.key) : [];
      card.tally.hidden = items.length === 0;
      card.tally.replaceChildren(...items.map((item) => tallyLine(item, tally, labelOf, i18n)));
    }
  }

  function setLanguage(next) {
    i18n = next ?? englishTranslator;
    drawWords();
    const { claims, run, tally } = shown;
    if (claims) update(claims);
    if (run) updateRun(run);
    updateTally(tally);
  }

  drawWords();
  return { update, updateRun, updateTally, setLanguage, destroy: () => root.remove(), element: root };
}

// The strip's DOM: a grid of one card per claim; `cards` maps a claim's key to the parts it fills.
function stripSkeleton(level, href, options) {
  const root = el('section', 'al-claims');
  root.dataset.state = 'measuring';
  const grid = el('div', 'al-claims-grid');  // root is the size container; its grid reflows inside
  root.append(grid);
  const cards = new Map();
  for (const claim of CLAIMS) {
    const { card, parts } = claimCard(claim, level, href(claim), options);
    grid.append(card);
    cards.set(claim.key, parts);
  }
  return { root, cards };
}

// One claim's card: title, net, rows, caption, verdict, tally and the link to the view that shows
// more; returns the card and the parts the strip fills (`run`: the current run's figures by name).
function claimCard(claim, level, href, options) {
  const card = el('article', 'al-claim', { 'data-claim': claim.key });
  const title = el(`h${level}`, 'al-claim-title');  // each claim is a section of the page at this level
  const rows = el('ul', 'al-claim-rows');
  const caption = el('p', 'al-claim-caption');
  const net = el('p', 'al-claim-net', { 'data-field': 'net' });
  const verdict = el('p', 'al-claim-verdict', { 'aria-live': 'polite' });
  const tally = el('div', 'al-claim-tally', { 'data-field': 'tally', 'aria-live': 'polite', hidden: '' });
  const link = el('a', 'al-claim-link', { href });
  if (options.linkTarget) {
    link.target = options.linkTarget;
    link.rel = 'noopener';
  }
  if (options.onOpen) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      options.onOpen({ key: claim.key, preset: claim.preset, view: claim.view }, event);
    });
  }
  card.append(title, net, rows, caption, verdict, tally, link);
  return { card, parts: { claim, rows, axis: null, verdict, net, tally, run: {}, words: { title, caption, link } } };
}

// A card's words before any measurement (and its decade axis, whose labels are words too).
function wordCard(card, i18n) {
  const { claim, words } = card;
  words.title.textContent = i18n.t(`claims.${claim.key}.title`);
  words.caption.textContent = i18n.t(`claims.${claim.key}.caption`);
  words.link.textContent = i18n.t(`claims.${claim.key}.link`);
  card.net.textContent = claim.key === 'cost' ? i18n.t('claims.net.kernels', { elements: KERNEL_ELEMENTS }) : i18n.t('claims.net.fresh');
  card.verdict.textContent = i18n.t('claims.measuring');
  card.axis = claim.axis ? decadeAxis(claim.axis, i18n) : null;
}

// The rows share one grid with the decade axis (its last item), so ticks and labels line up.
function fillClaimRows(card, items, labelOf, i18n) {
  const { claim, rows, axis } = card;
  rows.replaceChildren(...items.map((item) => claimRow(claim, item, labelOf, i18n)), ...(axis ? [axis] : []));
  showRunFigures(card, i18n);
}

// One activation's row: name, bar (and the libm bar when measured), value and an empty run figure.
function claimRow(claim, item, labelOf, i18n) {
  const li = el('li', 'al-claim-row', { 'data-activation': item.name, 'data-value': String(item.value) });
  li.style.setProperty('--al-claim-color', activationColor(item.name));
  const name = el('span', 'al-claim-name');
  name.textContent = labelOf(item.name);
  const track = el('span', 'al-claim-track', { 'aria-hidden': 'true' });
  const bar = el('span', 'al-claim-bar');
  bar.style.width = `${(100 * claim.bar(item.value)).toFixed(1)}%`;
  track.append(bar);
  const value = el('span', 'al-claim-value');
  value.textContent = claim.text(item.value, i18n);
  if (item.libm !== undefined) {
    li.dataset.libm = String(item.libm);
    const libmBar = el('span', 'al-claim-bar al-claim-bar-libm');
    libmBar.style.width = `${(100 * claim.bar(item.libm)).toFixed(1)}%`;
    track.append(libmBar);
    const libm = el('span', 'al-claim-libm');
    libm.textContent = i18n.t('claims.cost.libm', { times: claim.text(item.libm, i18n) });
    value.append(libm);
  }
  if (claim.axis) track.append(...decadeTicks(claim.axis));
  const run = el('span', 'al-claim-run', { 'data-field': 'run' });
  li.append(name, track, value, run);
  return li;
}

// The current run's figure beside the fresh net's: [data-field=run][data-value], with what it is.
function showRunFigures(card, i18n) {
  for (const li of card.rows.querySelectorAll('[data-activation]')) {
    const span = li.querySelector('[data-field=run]');
    const v = card.run[li.dataset.activation];
    if (!(typeof v === 'number' && Number.isFinite(v))) {
      span.textContent = '';
      delete span.dataset.value;
      continue;
    }
    span.dataset.value = String(v);
    span.textContent = i18n.t('claims.run', { caption: i18n.t(`claims.${card.claim.key}.run`), value: card.claim.text(v, i18n) });
  }
}

// How often one claim held across seeds, as a sentence with its counts in data-*.
function tallyLine(item, tally, labelOf, i18n) {
  const line = el('p', 'al-claim-tally-line', { 'data-tally': item.key, 'data-held': String(item.held),
    'data-done': String(tally.done), 'data-total': String(tally.total), 'data-failed': String(tally.failed),
    ...(item.rival ? { 'data-rival': item.rival } : {}) });
  line.textContent = tallySentence(item, tally, { labelOf, i18n });
  return line;
}

// Tick marks at whole decades inside a log bar's track, and the labelled axis under the rows.
function decadeTicks({ lo, hi, every }) {
  const ticks = [];
  for (let d = Math.ceil(lo); d <= hi; d += every) {
    const tick = el('span', 'al-claim-tick');
    tick.style.left = `${(100 * (d - lo) / (hi - lo)).toFixed(1)}%`;
    ticks.push(tick);
  }
  return ticks;
}

function decadeAxis(axis, i18n) {
  const row = el('li', 'al-claim-axis', { 'aria-hidden': 'true' });
  const scale = el('span', 'al-claim-axis-scale');
  for (let d = Math.ceil(axis.lo); d <= axis.hi; d += axis.labelEvery ?? axis.every) {
    const label = el('span', 'al-claim-axis-label');
    label.style.left = `${(100 * (d - axis.lo) / (axis.hi - axis.lo)).toFixed(1)}%`;
    label.textContent = axis.label(d, i18n);
    scale.append(label);
  }
  row.append(el('span'), scale);
  return row;
}
