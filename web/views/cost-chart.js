// What each activation costs, measured in this browser by the module: nanoseconds per element for
// forward and forward+backward, with the module's fast kernels and with the libm reference, next to
// each racing network's training steps per second. Bars are plain elements, not a canvas: every number
// is already text, the layout reflows to any width, and nothing needs redrawing on resize.
//
// Fast and libm bars share the activation's colour and differ by texture (libm is striped), so the
// pairing reads without relying on colour vision. Bars sit on a log axis (ReLU's 0.2 ns and Mish's
// 40 ns both readable), and every figure also reads as a multiple of ReLU's same figure ("× ReLU").

import { activationColor } from './palette.js';
import { formatNs, formatRate, setText } from './format.js';
import { formatTimes } from './ratio-text.js';
import { el } from './dom.js';
import { englishTranslator } from '../i18n/i18n.js';

const KINDS = [
  // [data-field, label's catalog key, ActivationCost key, libm?]
  ['forward-ns', 'cost.chart.forward', 'forwardNs', false],
  ['libm-forward-ns', 'cost.chart.forwardLibm', 'libmForwardNs', true],
  ['forward-backward-ns', 'cost.chart.forwardBackward', 'forwardBackwardNs', false],
  ['libm-forward-backward-ns', 'cost.chart.forwardBackwardLibm', 'libmForwardBackwardNs', true],
];

function barRow(text, field, striped, { multiple = false } = {}) {
  const row = el('div', `al-bar-row${striped ? ' is-libm' : ''}`);
  const label = el('span', 'al-bar-label');
  label.textContent = text;
  const track = el('span', 'al-bar-track', { 'aria-hidden': 'true' });
  const bar = el('span', 'al-bar');
  track.append(bar);
  const value = el('span', 'al-bar-value', { 'data-field': field });
  value.textContent = '–';
  row.append(label, track, value);
  if (!multiple) return { row, bar, value };
  const times = el('span', 'al-bar-times', { 'data-field': `${field}-x-relu` });
  times.textContent = '';
  row.append(times);
  return { row, bar, value, times };
}

// Bar lengths as a share of the largest value on the chart, so bars compare across activations;
// with `logFrom` (a power of ten below the smallest value), on a log axis from there to max.
function setBar(bar, v, max, logFrom = 0) {
  let share = Number.isFinite(v) && v > 0 && max > 0 ? Math.min(1, v / max) : 0;
  if (logFrom > 0 && share > 0) share = Math.max(0.01, Math.log(v / logFrom) / Math.log(max / logFrom));
  const width = `${(share * 100).toFixed(2)}%`;
  if (bar.style.width !== width) bar.style.width = width;
}

/**
 * Mounts the cost chart into `container` (appended).
 *   options: {labels: {[name]: label} (default: the names), headingLevel = 3, i18n = englishTranslator}
 * Returns {update({costs: ActivationCost[], stepsPerSecond: {[name]: number}}), setLanguage(i18n), destroy(), element}.
 * setLanguage rewrites every word and number from the last costs and speeds (nothing is measured again).
 * Either field may be omitted to keep what is shown. Rows follow the order of `costs` and of the keys
 * of `stepsPerSecond`; each carries data-activation, and each value data-field (see KINDS, and
 * "steps-per-second").
 */
export function mountCostChart(container, { labels = {}, headingLevel = 3, i18n = englishTranslator } = {}) {
  let words = i18n;
  const t = (key, params) => words.t(key, params);
  const level = Math.min(6, Math.max(1, headingLevel));
  const nameOf = (name) => labels[name] ?? name;
  const root = el('section', 'al-cost');

  const costHead = el(`h${level}`, 'al-cost-title');

  const legend = el('p', 'al-cost-legend');
  const solid = el('span', 'al-key');

  const striped = el('span', 'al-key is-libm');

  legend.append(solid, striped);
  const costList = el('ol', 'al-cost-rows');

  const speedHead = el(`h${level}`, 'al-cost-title');

  const speedList = el('ol', 'al-speed-rows');
  root.append(costHead, legend, costList, speedHead, speedList);
  const writeWords = () => {
    costHead.textContent = t('cost.chart.title');
    solid.textContent = t('cost.chart.fast');
    striped.textContent = t('cost.chart.libm');
    speedHead.textContent = t('cost.chart.speedTitle');
  };
  writeWords();
  container.append(root);
  // Headings and legend appear with their first rows: no empty chart frame before a measurement.
  costHead.hidden = legend.hidden = speedHead.hidden = true;

  let costRows = new Map(), costKey = '';
  let speedRows = new Map(), speedKey = '';
  let last = {};  // the last costs and speeds, for a language switch

  function buildCosts(costs) {
    costRows = new Map();
    costList.replaceChildren(...costs.map(({ name }) => costItem(name, nameOf, words, costRows)));
  }

  function buildSpeeds(names) {
    speedRows = new Map();
    speedList.replaceChildren(...names.map((name) => speedItem(name, nameOf, speedRows)));
  }

  function update({ costs, stepsPerSecond } = {}) {
    if (Array.isArray(costs)) last.costs = costs;
    if (stepsPerSecond && typeof stepsPerSecond === 'object') last.stepsPerSecond = stepsPerSecond;
    if (Array.isArray(costs)) {
      const key = costs.map((c) => c.name).join('|');
      if (key !== costKey) { costKey = key; buildCosts(costs); costHead.hidden = legend.hidden = costs.length === 0; }
      showCosts(costRows, costs, words);
    }
    if (stepsPerSecond && typeof stepsPerSecond === 'object') {
      const names = Object.keys(stepsPerSecond);
      const key = names.join('|');
      if (key !== speedKey) { speedKey = key; buildSpeeds(names); speedHead.hidden = names.length === 0; }
      showSpeeds(speedRows, names, stepsPerSecond, words);
    }
  }

  function setLanguage(next) {
    words = next;
    writeWords();
    costKey = speedKey = '';  // rows rebuilt: their labels are words too
    update(last);
  }

  return { update, setLanguage, destroy: () => root.remove(), element: root };
}

// One activation's cost row (its four bars, KINDS order), registered in `rows` by name.
function costItem(name, nameOf, i18n, rows) {
  const item = el('li', 'al-cost-row', { 'data-activation': name });
  item.style.setProperty('--al-accent', activationColor(name));
  const title = el('span', 'al-cost-name');
  title.append(el('span', 'al-swatch', { 'aria-hidden': 'true' }), nameOf(name));
  const bars = el('div', 'al-bars');
  const parts = KINDS.map(([field, text, , libm]) => {
    const b = barRow(i18n.t(text), field, libm, { multiple: true });
    bars.append(b.row);
    return b;
  });
  item.append(title, bars);
  rows.set(name, parts);
  return item;
}

// One racer's steps-per-second row, registered in `rows` by name.
function speedItem(name, nameOf, rows) {
  const item = el('li', 'al-speed-row', { 'data-activation': name });
  item.style.setProperty('--al-accent', activationColor(name));
  const b = barRow(nameOf(name), 'steps-per-second', false);
  item.append(b.row);
  rows.set(name, b);
  return item;
}

// Every cost as text and bar: one log axis from the decade under the smallest figure to the largest.
function showCosts(costRows, costs, i18n) {
  let max = 0, min = Infinity;
  for (const c of costs) {
    for (const [, , k] of KINDS) {
      if (Number.isFinite(c[k]) && c[k] > max) max = c[k];
      if (Number.isFinite(c[k]) && c[k] > 0 && c[k] < min) min = c[k];
    }
  }
  const logFrom = min < Infinity ? 10 ** Math.floor(Math.log10(min)) : 0;
  // Each figure over ReLU's same figure (fast over fast, libm over libm).
  const ref = costs.find((c) => c.name === 'relu');
  for (const c of costs) {
    costRows.get(c.name).forEach((b, j) => {
      const k = KINDS[j][2];
      const v = c[k];
      setText(b.value, i18n.t('cost.chart.ns', { ns: formatNs(v, { i18n }) }), v);
      setBar(b.bar, v, max, logFrom);
      const times = ref ? v / ref[k] : NaN;
      setText(b.times, Number.isFinite(times) ? i18n.t('cost.chart.timesRelu', { times: formatTimes(times, { i18n }) }) : '', times);
    });
  }
}

// Every racer's steps per second as text and a linear bar.
function showSpeeds(speedRows, names, stepsPerSecond, i18n) {
  const max = Math.max(0, ...names.map((n) => stepsPerSecond[n]).filter(Number.isFinite));
  for (const n of names) {
    const v = stepsPerSecond[n], b = speedRows.get(n);
    setText(b.value, i18n.t('cost.chart.perSecond', { rate: formatRate(v, { i18n }) }), v);
    setBar(b.bar, v, max);
  }
}
