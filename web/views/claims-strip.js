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

const FALLBACK_LABELS = { relu: 'ReLU', sigmoid: 'Sigmoid', tanh: 'Tanh' };
// Datasets as a sentence names them ("on the XOR data"); others by their table name.
const DATASET_WORDS = { xor: 'XOR', gauss: 'Gaussian-blob', moons: 'two-moons' };

// Each claim: its title, the preset and view its link opens, how one number reads and where its
// bar ends (a log scale for multiples and ratios, which span decades; linear for shares).
const CLAIMS = [
  {
    key: 'cost', title: 'Cost', preset: 'cost', view: 'cost-view', link: 'Open the cost view',
    caption: '× ReLU per element, forward + backward (stripes: libm)',
    text: formatTimes, bar: (v) => logBar(v, 0, 2.5), axis: { lo: 0, hi: 2.5, every: 1, label: (d) => `${10 ** d}×` },
    runCaption: 'whole step',
  },
  {
    key: 'vanishing', title: 'Vanishing gradients', preset: 'vanishing', view: 'why-view', link: 'Open the why view',
    caption: 'first-layer gradient / last-layer gradient, fresh net',
    text: formatRatio, bar: (v) => logBar(v, -8, 1), axis: { lo: -8, hi: 1, every: 1, labelEvery: 4, label: decadeText },
    runCaption: 'this run',
  },
  {
    key: 'sparsity', title: 'Sparsity', preset: 'sparsity', view: 'why-view', link: 'Open the why view',
    caption: 'share of hidden outputs exactly 0, fresh net',
    text: (v) => formatPercent(v, 0), bar: (v) => Math.min(1, Math.max(0, v)),
    runCaption: 'this run',
  },
];

const SUPERSCRIPT = { '-': '\u207B', 0: '\u2070', 1: '\u00B9', 2: '\u00B2', 3: '\u00B3', 4: '\u2074', 5: '\u2075', 6: '\u2076', 7: '\u2077', 8: '\u2078', 9: '\u2079' };
function decadeText(d) {
  if (d === 0) return '1';
  if (d === 1) return '10';
  return `10${String(d).replace(/./g, (c) => SUPERSCRIPT[c])}`;
}

// Init names as a sentence says them ("sigmoid/tanh Xavier, ReLU He").
const INIT_WORDS = { xavier: 'Xavier', he: 'He', normal: 'N(0, 1)', playground: 'Playground\u2019s' };

/** "8 layers × 16, Sigmoid/Tanh Xavier, ReLU He": the fresh net a claim measured, from the worker's constants. */
export function netDescription(net, labelOf = (n) => n) {
  const byInit = new Map();
  for (const { activation, init } of net.members) byInit.set(init, [...(byInit.get(init) ?? []), labelOf(activation)]);
  const inits = [...byInit].map(([init, names]) => `${names.join('/')} ${INIT_WORDS[init] ?? init}`);
  return `${net.depth} layers × ${net.width}, ${inits.join(', ')}`;
}

// Bar length in [0, 1] for v on a log10 axis from 10^lo to 10^hi.
function logBar(v, lo, hi) {
  if (!(v > 0)) return 0;
  return Math.min(1, Math.max(0.02, (Math.log10(v) - lo) / (hi - lo)));
}

/**
 * Mounts the strip into `container` (appended).
 *   options: {labels: {name: label}, headingLevel = 2 (of each claim's title),
 *             href(claim) -> string: the link's target (default '#preset=NAME', the lab's own address;
 *             an embed passes the lab's full URL), linkTarget: e.g. '_blank' (then rel="noopener"),
 *             onOpen(claim, event): when given, called on a link click (the page applies the preset
 *             and scrolls to the view itself; claim: {key, preset, view})}
 * Returns {update(claims), destroy(), element}; claims as CLAIMS messages carry them.
 */
export function mountClaimsStrip(container, options = {}) {
  const labels = { ...FALLBACK_LABELS, ...(options.labels ?? {}) };
  const labelOf = (name) => labels[name] ?? name;
  const level = Math.min(5, Math.max(1, options.headingLevel ?? 2));
  const href = options.href ?? ((claim) => `#preset=${claim.preset}`);

  const root = el('section', 'al-claims', { 'aria-label': 'Three claims, measured in this browser' });
  root.dataset.state = 'measuring';
  const grid = el('div', 'al-claims-grid');  // root is the size container; its grid reflows inside
  root.append(grid);
  const cards = new Map();
  for (const claim of CLAIMS) {
    const card = el('article', 'al-claim', { 'data-claim': claim.key });
    const title = el(`h${level}`, 'al-claim-title');  // each claim is a section of the page at this level
    title.textContent = claim.title;
    const rows = el('ul', 'al-claim-rows');
    const caption = el('p', 'al-claim-caption');
    caption.textContent = claim.caption;
    const net = el('p', 'al-claim-net', { 'data-field': 'net' });
    net.textContent = claim.key === 'cost' ? 'The kernels alone, 16,384 elements' : 'Measured on a fresh net';
    const axis = claim.axis ? decadeAxis(claim.axis) : null;
    const verdict = el('p', 'al-claim-verdict', { 'aria-live': 'polite' });
    verdict.textContent = 'Measuring in this browser…';
    const link = el('a', 'al-claim-link', { href: href(claim) });
    if (options.linkTarget) {
      link.target = options.linkTarget;
      link.rel = 'noopener';
    }
    link.textContent = claim.link;
    if (options.onOpen) {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        options.onOpen({ key: claim.key, preset: claim.preset, view: claim.view }, event);
      });
    }
    card.append(title, net, rows, caption, verdict, link);
    grid.append(card);
    cards.set(claim.key, { claim, rows, axis, verdict, net, run: {} });
  }
  container.append(root);

  // The rows share one grid with the decade axis (its last item), so ticks and labels line up.
  function fillRows({ claim, rows, axis }, items) {
    rows.replaceChildren(...items.map((item) => {
      const li = el('li', 'al-claim-row', { 'data-activation': item.name, 'data-value': String(item.value) });
      li.style.setProperty('--al-claim-color', activationColor(item.name));
      const name = el('span', 'al-claim-name');
      name.textContent = labelOf(item.name);
      const track = el('span', 'al-claim-track', { 'aria-hidden': 'true' });
      const bar = el('span', 'al-claim-bar');
      bar.style.width = `${(100 * claim.bar(item.value)).toFixed(1)}%`;
      track.append(bar);
      const value = el('span', 'al-claim-value');
      value.textContent = claim.text(item.value);
      if (item.libm !== undefined) {
        li.dataset.libm = String(item.libm);
        const libmBar = el('span', 'al-claim-bar al-claim-bar-libm');
        libmBar.style.width = `${(100 * claim.bar(item.libm)).toFixed(1)}%`;
        track.append(libmBar);
        const libm = el('span', 'al-claim-libm');
        libm.textContent = ` (libm ${claim.text(item.libm)})`;
        value.append(libm);
      }
      if (claim.axis) track.append(...decadeTicks(claim.axis));
      const run = el('span', 'al-claim-run', { 'data-field': 'run' });
      li.append(name, track, value, run);
      return li;
    }), ...(axis ? [axis] : []));
    showRun(cards.get(claim.key));
  }

  // The current run's figure beside the fresh net's: [data-field=run][data-value], with what it is.
  function showRun(card) {
    for (const li of card.rows.querySelectorAll('[data-activation]')) {
      const span = li.querySelector('[data-field=run]');
      const v = card.run[li.dataset.activation];
      if (!(typeof v === 'number' && Number.isFinite(v))) {
        span.textContent = '';
        delete span.dataset.value;
        continue;
      }
      span.dataset.value = String(v);
      span.textContent = `${card.claim.runCaption}: ${card.claim.text(v)}`;
    }
  }

  /** The current run's figures by claim: {cost: {name: step multiple}, vanishing: {name: ratio}, sparsity: {name: share}}. */
  function updateRun(run) {
    for (const [key, values] of Object.entries(run ?? {})) {
      const card = cards.get(key);
      if (!card || !values) continue;
      card.run = values;
      showRun(card);
    }
  }

  function update(claims) {
    if (!claims) return;
    const { cost, vanishing, sparsity } = claims;
    if (cost) {
      const card = cards.get('cost');
      fillRows(card, cost.items.map((i) => ({ name: i.name, value: i.ratio, libm: i.libmRatio })));
      card.verdict.textContent = costVerdict(cost, labelOf);
    }
    if (vanishing) {
      const card = cards.get('vanishing');
      fillRows(card, vanishing.items.map((i) => ({ name: i.name, value: i.ratio })));
      card.verdict.textContent = vanishingVerdict(vanishing, labelOf);
      if (vanishing.net) card.net.textContent = `Measured on a fresh net: ${netDescription(vanishing.net, labelOf)}`;
    }
    if (sparsity) {
      const card = cards.get('sparsity');
      fillRows(card, sparsity.items.map((i) => ({ name: i.name, value: i.zeroShare })));
      card.verdict.textContent = sparsityVerdict(sparsity, labelOf);
      if (sparsity.net) card.net.textContent = `Measured on a fresh net: ${netDescription(sparsity.net, labelOf)}`;
    }
    root.dataset.state = cost && vanishing && sparsity ? 'measured' : 'measuring';
  }

  return { update, updateRun, destroy: () => root.remove(), element: root };
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

function decadeAxis(axis) {
  const row = el('li', 'al-claim-axis', { 'aria-hidden': 'true' });
  const scale = el('span', 'al-claim-axis-scale');
  for (let d = Math.ceil(axis.lo); d <= axis.hi; d += axis.labelEvery ?? axis.every) {
    const label = el('span', 'al-claim-axis-label');
    label.style.left = `${(100 * (d - axis.lo) / (axis.hi - axis.lo)).toFixed(1)}%`;
    label.textContent = axis.label(d);
    scale.append(label);
  }
  row.append(el('span'), scale);
  return row;
}

const list = (parts) => (parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`);

/** "In this browser sigmoid costs 12× ReLU and tanh 9×, ..." from the measured multiples. */
export function costVerdict(cost, labelOf = (n) => n) {
  const items = cost.items;
  const dearer = items.filter((i) => i.ratio > 1);
  const ns = (v) => (v < 10 ? v.toPrecision(2) : v.toFixed(0));
  const head = dearer.length === items.length
    ? `In this browser, ${list(items.map((i, k) => `${labelOf(i.name)}${k ? '' : ' costs'} ${formatTimes(i.ratio)}`))} ` +
      `what ${labelOf(cost.reference)} costs per element (${ns(cost.referenceNs)} ns)`
    : `In this browser, ${list(items.map((i) => `${labelOf(i.name)} ${formatTimes(i.ratio)}`))} ${labelOf(cost.reference)}'s ` +
      `cost per element: not all dearer here`;
  const libm = `; with libm, ${list(items.map((i) => formatTimes(i.libmRatio)))}.`;
  return head + libm;
}

/**
 * "In a fresh 8 × 16 net, sigmoid's first layer gets 1 / 42,000 of ...", and when tanh passes more
 * than ReLU there, the condition it does so under (its init, the depth, its saturated share) and
 * where to see it fail, so the card never leaves tanh looking like the better choice unqualified.
 */
export function vanishingVerdict(v, labelOf = (n) => n) {
  const [first, ...rest] = v.items;
  const data = v.dataset ? ` on the ${DATASET_WORDS[v.dataset] ?? v.dataset} data` : '';
  const head = `In a fresh ${v.depth} × ${v.width} net${data}, ${labelOf(first.name)}'s first layer gets ` +
    `${formatRatio(first.ratio)} of the gradient its last layer gets; ` +
    `${list(rest.map((i) => `${labelOf(i.name)}'s ${formatRatio(i.ratio)}`))}.`;
  const tanh = v.items.find((i) => i.name === 'tanh'), relu = v.items.find((i) => i.name === 'relu');
  if (!tanh || !relu || !(tanh.ratio > relu.ratio)) return head;
  const saturated = Number.isFinite(tanh.saturatedShare) ? `${formatPercent(tanh.saturatedShare, 0)} of its units saturated` : 'few units saturated';
  return `${head} ${labelOf('tanh')} passes more only under its condition: ${INIT_WORDS[tanh.init] ?? tanh.init} init ` +
    `keeps it near 0 (${saturated}) at ${v.depth} layers of ${v.width}; the depth figure shows it under other inits and depths.`;
}

/** "52% of ReLU's hidden outputs are exactly 0; sigmoid's 0% and tanh's 0%." */
export function sparsityVerdict(s, labelOf = (n) => n) {
  const order = [...s.items].sort((a, b) => b.zeroShare - a.zeroShare);
  const [top, ...rest] = order;
  return `${formatPercent(top.zeroShare, 0)} of ${labelOf(top.name)}'s hidden outputs are exactly 0; ` +
    `${list(rest.map((i) => `${labelOf(i.name)}'s ${formatPercent(i.zeroShare, 0)}`))}.`;
}
