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

// Line styles by position, so racers differ by more than colour.
const DASHES = [[], [6, 3], [2, 3], [8, 3, 2, 3], [4, 4], [1, 2], [10, 4], [3, 6]];

/**
 * Mounts the comparison into `container` (appended).
 *   options: {labelOf(name) -> text, headingLevel = 3}
 * Returns {update(members: [{name, diagnostics}], {draw = true}) -> {lo, hi} (the shared log10
 * range, for the panels), redraw(), destroy(), element}; draw: false updates the text only.
 */
export function mountWhyComparison(container, { labelOf = (n) => n, headingLevel = 3 } = {}) {
  const level = Math.min(5, Math.max(1, headingLevel));
  const root = el('section', 'al-why-compare');
  const title = el(`h${level}`, 'al-why-compare-title');
  title.textContent = 'Gradient norm |dL/dW| by layer, every racer on one log axis';
  // Not aria-live: it changes with every diagnostics (4 times a second while training).
  const sentence = el('p', 'al-why-sentence', { 'data-field': 'why-sentence' });
  sentence.textContent = 'Waiting for the first diagnostics…';
  const fig = el('figure', 'al-fig al-why-compare-fig');
  const canvas = el('canvas', null, { 'aria-hidden': 'true' });  // the table below says the same
  const legend = el('ul', 'al-why-legend');
  fig.append(canvas, legend);
  const details = el('details', 'al-why-table');
  const summary = el('summary');
  summary.textContent = 'The chart as a table';
  const table = el('table');
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
      labels: layers.map((_, i) => (i === layers.length - 1 ? 'out' : String(i + 1))),
      range,
      pixelRatio: fit.pixelRatio(),
      fontSize: 11,
    });
  };
  const fit = fitCanvas(canvas, draw);

  function fillLegend() {
    legend.replaceChildren(...members.map((m, k) => {
      const li = el('li', null, { 'data-activation': m.name });
      const key = el('span', 'al-why-legend-key', { 'aria-hidden': 'true' });
      key.style.setProperty('--al-accent', activationColor(m.name));
      if (DASHES[k % DASHES.length].length) key.classList.add('is-dashed');
      li.append(key, labelOf(m.name));
      return li;
    }));
  }

  function fillTable() {
    const layers = members[0].diagnostics.layers;
    const head = el('tr');
    const corner = el('th', null, { scope: 'col' });
    corner.textContent = 'Layer';  // a header cell with no text is a gap for screen readers
    head.append(corner);
    for (const m of members) {
      const th = el('th', null, { scope: 'col' });
      th.textContent = labelOf(m.name);
      head.append(th);
    }
    const rows = layers.map((_, i) => {
      const tr = el('tr');
      const th = el('th', null, { scope: 'row' });
      th.textContent = i === layers.length - 1 ? 'Output layer' : `Layer ${i + 1}`;
      tr.append(th);
      for (const m of members) {
        const v = m.diagnostics.layers[i]?.weightGradNorm;
        const td = el('td', null, { 'data-activation': m.name, 'data-layer': String(i), 'data-value': String(v) });
        td.textContent = formatExp(v);
        tr.append(td);
      }
      return tr;
    });
    const ratioRow = el('tr');
    const th = el('th', null, { scope: 'row' });
    th.textContent = 'First / last';
    ratioRow.append(th);
    for (const m of members) {
      const td = el('td', null, { 'data-activation': m.name, 'data-layer': 'ratio', 'data-value': String(m.diagnostics.firstLastGradRatio) });
      td.textContent = formatRatio(m.diagnostics.firstLastGradRatio);
      ratioRow.append(td);
    }
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    tbody.append(...rows, ratioRow);
    table.replaceChildren(thead, tbody);
  }

  function fillSentence() {
    const step = members[0].diagnostics.step;
    const parts = members.map((m, k) => {
      const r = m.diagnostics.firstLastGradRatio;
      const span = el('span', 'al-why-ratio', { 'data-activation': m.name, 'data-value': String(r) });
      span.textContent = formatRatio(r);
      return [k === 0 ? `${labelOf(m.name)}'s first layer gets ` : `${labelOf(m.name)}'s `, span,
        k === 0 ? ' of the gradient its last layer gets' : ''];
    });
    const nodes = [`In this run, at step ${step.toLocaleString('en-US')}, `];
    parts.forEach((p, k) => {
      if (k > 0) nodes.push(k === parts.length - 1 ? (parts.length > 2 ? ', and ' : ' and ') : ', ');
      nodes.push(...p.filter((x) => x !== ''));
    });
    const finite = members.filter((m) => m.diagnostics.firstLastGradRatio > 0);
    if (finite.length >= 2) {
      const sorted = [...finite].sort((a, b) => a.diagnostics.firstLastGradRatio - b.diagnostics.firstLastGradRatio);
      // The most is named with its condition (depth, saturation): a ratio holds for this net only.
      const top = sorted.at(-1).diagnostics;
      const saturated = top.hidden?.units ? `, ${formatPercent(top.hidden.saturatedFraction, 0)} of its units saturated` : '';
      nodes.push(`. The first layer of ${labelOf(sorted[0].name)} hears least from the loss, ` +
        `${labelOf(sorted.at(-1).name)}'s most, under this run's condition: this init, ${top.layers.length - 1} hidden layers${saturated}.`);
    } else {
      nodes.push('.');
    }
    sentence.replaceChildren(...nodes);
    sentence.dataset.step = String(step);
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

  return { update, redraw: draw, destroy: () => { fit.disconnect(); root.remove(); }, element: root };
}
