// The why view's comparison: every racer's gradient norm by layer in one chart on one shared log
// axis, the same numbers as a table (the chart's text equivalent), and one sentence that states
// this run's first/last ratios, written from the diagnostics on screen (never typed in).
//
// Test hooks: the sentence is [data-field="why-sentence"] with data-step; each ratio in it is a
// [data-activation=NAME][data-value=RATIO] span whose text is the same formatRatio() text the
// panels show. Table cells: [data-activation][data-layer][data-value].

import { el } from './dom.js';
import { activationColor } from './palette.js';
import { drawNormSeries, normRange } from './norm-chart.js';
import { fitCanvas } from './canvas-fit.js';
import { formatExp, formatPercent } from './format.js';
import { formatRatio } from './ratio-text.js';
import { englishTranslator } from '../i18n/i18n.js';

// Line styles by position, so racers differ by more than colour.
const DASHES = [[], [6, 3], [2, 3], [8, 3, 2, 3], [4, 4], [1, 2], [10, 4], [3, 6]];

/**
 * Mounts the comparison into `container` (appended).
 *   options: {labelOf(name) -> text, headingLevel = 3, i18n = englishTranslator}
 * Returns {update(members: [{name, diagnostics}], {draw = true}) -> {lo, hi} (the shared log10
 * range, for the panels), redraw(), setLanguage(i18n), destroy(), element}; draw: false updates the
 * text only; setLanguage rewrites the words from the last members at once.
 */
export function mountWhyComparison(container, { labelOf = (n) => n, headingLevel = 3, i18n = englishTranslator } = {}) {
  const level = Math.min(5, Math.max(1, headingLevel));
  let words = i18n;
  const root = el('section', 'al-why-compare');
  const title = el(`h${level}`, 'al-why-compare-title');
  // Not aria-live: it changes with every diagnostics (4 times a second while training).
  const sentence = el('p', 'al-why-sentence', { 'data-field': 'why-sentence' });
  const fig = el('figure', 'al-fig al-why-compare-fig');
  const canvas = el('canvas', null, { 'aria-hidden': 'true' });  // the table below says the same
  const legend = el('ul', 'al-why-legend');
  fig.append(canvas, legend);
  const details = el('details', 'al-why-table');
  const summary = el('summary');
  const table = el('table');
  const writeWords = () => {
    title.textContent = words.t('why.compare.title');
    summary.textContent = words.t('why.compare.table');
  };
  writeWords();
  sentence.textContent = words.t('why.compare.waiting');
  details.append(summary, table);
  root.append(title, sentence, fig, details);
  container.append(root);

  const ctx = canvas.getContext('2d');
  let members = [];
  let range = null;
  const draw = () => {
    if (!members.length) return;
    const layers = members[0].diagnostics.layers;
    drawNormSeries(ctx, members.map((m, k) => ({
      values: m.diagnostics.layers.map((l) => l.weightGradNorm),
      color: activationColor(m.name),
      dash: DASHES[k % DASHES.length],
    })), {
      labels: layers.map((_, i) => (i === layers.length - 1 ? words.t('why.chart.out') : String(i + 1))),
      range,
      pixelRatio: fit.pixelRatio(),
      fontSize: 11,
    });
  };
  const fit = fitCanvas(canvas, draw);

  const fillLegend = () => legend.replaceChildren(...legendItems(members, labelOf));
  const fillTable = () => table.replaceChildren(...normTable(members, labelOf, words));

  function fillSentence() {
    const step = members[0].diagnostics.step;
    sentence.replaceChildren(...comparisonSentence(members, labelOf, words));
    sentence.dataset.step = String(step);
  }

  function setLanguage(next) {
    words = next;
    writeWords();
    if (!members.length) { sentence.textContent = words.t('why.compare.waiting'); return; }
    fillLegend();
    fillTable();
    fillSentence();
    draw();
  }

  function update(list, { draw: drawNow = true } = {}) {
    members = (list ?? []).filter((m) => m?.diagnostics?.layers?.length);
    if (!members.length) return null;
    range = normRange(members.map((m) => m.diagnostics.layers.map((l) => l.weightGradNorm)));
    const names = members.map((m) => m.name).join('|');
    if (legend.dataset.names !== names) { legend.dataset.names = names; fillLegend(); }
    fillTable();
    fillSentence();
    if (drawNow) draw();
    return range;
  }

  return { update, redraw: draw, setLanguage, destroy: () => { fit.disconnect(); root.remove(); }, element: root };
}

// One key per racer: its colour, dashed as its line is, and its name (the same in every language).
function legendItems(members, labelOf) {
  return members.map((m, k) => {
    const li = el('li', null, { 'data-activation': m.name });
    const key = el('span', 'al-why-legend-key', { 'aria-hidden': 'true' });
    key.style.setProperty('--al-accent', activationColor(m.name));
    if (DASHES[k % DASHES.length].length) key.classList.add('is-dashed');
    li.append(key, labelOf(m.name));  // a name: the same in every language
    return li;
  });
}

// The chart's numbers as a table: [thead, tbody], a column per racer, a row per layer, then the ratio row.
function normTable(members, labelOf, i18n) {
  const layers = members[0].diagnostics.layers;
  const head = el('tr');
  const corner = el('th', null, { scope: 'col' });
  corner.textContent = i18n.t('why.compare.corner');  // a header cell with no text is a gap for screen readers
  head.append(corner);
  for (const m of members) {
    const th = el('th', null, { scope: 'col' });
    th.textContent = labelOf(m.name);
    head.append(th);
  }
  const rows = layers.map((_, i) => {
    const tr = el('tr');
    const th = el('th', null, { scope: 'row' });
    th.textContent = i === layers.length - 1 ? i18n.t('why.compare.output') : i18n.t('why.compare.layer', { index: String(i + 1) });
    tr.append(th);
    for (const m of members) {
      const v = m.diagnostics.layers[i]?.weightGradNorm;
      const td = el('td', null, { 'data-activation': m.name, 'data-layer': String(i), 'data-value': String(v) });
      td.textContent = formatExp(v, { i18n });
      tr.append(td);
    }
    return tr;
  });
  const ratioRow = el('tr');
  const th = el('th', null, { scope: 'row' });
  th.textContent = i18n.t('why.compare.ratioRow');
  ratioRow.append(th);
  for (const m of members) {
    const td = el('td', null, { 'data-activation': m.name, 'data-layer': 'ratio', 'data-value': String(m.diagnostics.firstLastGradRatio) });
    td.textContent = formatRatio(m.diagnostics.firstLastGradRatio, { i18n });
    ratioRow.append(td);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  tbody.append(...rows, ratioRow);
  return [thead, tbody];
}

const fragment = (nodes) => {
  const f = document.createDocumentFragment();
  f.append(...nodes);
  return f;
};

/**
 * The comparison's sentence as nodes (each ratio a [data-activation][data-value] span): this run's
 * first/last ratios, then, when two or more are finite, which first layer hears least and most.
 * One template per sentence (why.compare.sentence, .order/.orderSaturated), the ratios a list in the
 * language's own list form.
 */
export function comparisonSentence(members, labelOf, i18n) {
  const step = members[0].diagnostics.step;
  const items = members.map((m, k) => {
    const r = m.diagnostics.firstLastGradRatio;
    const span = el('span', 'al-why-ratio', { 'data-activation': m.name, 'data-value': String(r) });
    span.textContent = formatRatio(r, { i18n });
    return fragment(i18n.parts(k === 0 ? 'why.compare.sentence.first' : 'why.compare.sentence.item', { name: labelOf(m.name), ratio: span }));
  });
  const first = fragment(i18n.parts('why.compare.sentence', { step, items: fragment(i18n.listParts(items)) }));
  const finite = members.filter((m) => m.diagnostics.firstLastGradRatio > 0);
  if (finite.length < 2) return [first];
  const sorted = [...finite].sort((a, b) => a.diagnostics.firstLastGradRatio - b.diagnostics.firstLastGradRatio);
  // The most is named with its condition (depth, saturation): a ratio holds for this net only.
  const top = sorted.at(-1).diagnostics;
  const params = { least: labelOf(sorted[0].name), most: labelOf(sorted.at(-1).name), count: top.layers.length - 1 };
  const second = top.hidden?.units
    ? i18n.t('why.compare.sentence.orderSaturated', { ...params, saturated: formatPercent(top.hidden.saturatedFraction, 0, { i18n }) })
    : i18n.t('why.compare.sentence.order', params);
  return i18n.parts('why.compare.sentences', { first, second });
}
