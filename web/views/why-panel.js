// The "why" view of one network: where its gradient goes (histograms of log10 |dL/dW| per layer, the
// norm per layer on a log scale, the first/last ratio as a number) and what its units do (exact zeros,
// dead units, saturation, activation histograms). Every figure a test or a screen reader needs is text
// in the DOM with a stable data-field (and data-layer: the 0-based index into diagnostics.layers, input
// side first, output layer last; "all" for network-level values).

import { activationColor } from './palette.js';
import { describeHistogram, drawHistogram, niceTicks } from './histogram.js';
import { drawNormChart } from './norm-chart.js';
import { fitCanvas } from './canvas-fit.js';
import { formatExp, formatInt, formatPercent, setText } from './format.js';
import { formatRatio } from './ratio-text.js';
import { el } from './dom.js';

// A <dl> row: term, then a value element carrying data-field / data-layer.
function stat(list, term, field, layer) {
  const row = el('div', 'al-stat');
  const dt = el('dt');
  dt.textContent = term;
  const dd = el('dd', null, { 'data-field': field, 'data-layer': String(layer) });
  dd.textContent = '–';
  row.append(dt, dd);
  list.append(row);
  return dd;
}

// A canvas figure. Charts the panel describes in text elsewhere are aria-hidden; histograms are
// images whose aria-label says where their counts sit (set on each update).
function figure(className, caption, { described = false } = {}) {
  const fig = el('figure', `al-fig ${className}`);
  const canvas = el('canvas', null, described ? { role: 'img', 'aria-label': caption } : { 'aria-hidden': 'true' });
  const cap = el('figcaption');
  cap.textContent = caption;
  fig.append(canvas, cap);
  return { fig, canvas };
}

const gradTick = (v) => `1e${v}`;
const gradEdge = (v) => `1e${+v.toFixed(1)}`;

/**
 * Mounts a why panel into `container` (appended).
 *   {name: activation id, label: title, headingLevel = 3}
 * Returns {update(diagnostics, {normRange, draw = true}), redraw(), destroy(), element}; diagnostics
 * as in web/lab/actlab.d.ts; normRange ({lo, hi}, log10, optional): the norm chart's axis, shared by
 * the panels of a race so they compare at a glance; draw: false updates the text only (the panel is
 * out of sight; redraw() draws the canvases when it comes back). The per-layer DOM is rebuilt only when the
 * architecture changes; otherwise text and canvases update.
 */
export function mountWhyPanel(container, { name, label, headingLevel = 3 }) {
  const color = activationColor(name);
  const level = Math.min(5, Math.max(1, headingLevel));
  const { root, total, norms, layerList } = buildPanel(name, label, level, color);
  container.append(root);

  const normsCtx = norms.canvas.getContext('2d');
  let diag = null;           // the diagnostics on screen
  let signature = '';        // architecture the per-layer DOM was built for
  let layerViews = [];       // per layer: {fields, grad: {canvas, ctx, fit}, act?: {...}}
  let normRange = null;      // shared axis of the norm chart, or null: its own
  let stale = false;         // canvases behind the text (updated while out of sight)

  const drawNorms = () => {
    if (!diag) return;
    const layers = diag.layers;
    drawNormChart(normsCtx, layers.map((l) => l.weightGradNorm), {
      labels: layers.map((_, i) => (i === layers.length - 1 ? 'out' : String(i + 1))),
      color,
      range: normRange ?? undefined,
      pixelRatio: normsFit.pixelRatio(),
    });
  };
  const normsFit = fitCanvas(norms.canvas, drawNorms);

  const drawLayerGrad = (i) => drawLayerHistogram(layerViews[i], diag?.layers[i], diag?.histogramEdges, color, 'grad');
  const drawLayerAct = (i) => drawLayerHistogram(layerViews[i], diag?.layers[i], diag?.histogramEdges, color, 'act');

  function build(layers) {
    for (const v of layerViews) { v.grad.fit.disconnect(); v.act?.fit.disconnect(); }
    layerList.replaceChildren();
    layerViews = layers.map((layer, i) => {
      const { item, view } = buildLayer(layer, i, i === layers.length - 1, level, (a) => (a === name ? label : a));
      view.grad.fit = fitCanvas(view.grad.canvas, () => drawLayerGrad(i));
      if (view.act) view.act.fit = fitCanvas(view.act.canvas, () => drawLayerAct(i));
      layerList.append(item);
      return view;
    });
  }

  function update(diagnostics, { normRange: range = null, draw = true } = {}) {
    if (!diagnostics?.layers || (diagnostics === diag && range === normRange)) {
      if (draw && stale) redraw();
      return;
    }
    diag = diagnostics;
    normRange = range;
    const layers = diag.layers;
    const sig = layers.map((l) => `${l.units}:${l.activation}`).join('|');
    if (sig !== signature) { signature = sig; build(layers); }

    layers.forEach((layer, i) => showLayer(layerViews[i], layer, i, i === layers.length - 1, diag.histogramEdges));
    showTotals(total, diag);
    root.dataset.step = String(diag.step);
    root.dataset.diverged = String(Boolean(diag.diverged));

    stale = true;
    if (draw) redraw();
  }

  function redraw() {
    if (!diag) return;
    stale = false;
    drawNorms();
    for (let i = 0; i < diag.layers.length; i++) { drawLayerGrad(i); drawLayerAct(i); }
  }

  function destroy() {
    normsFit.disconnect();
    for (const v of layerViews) { v.grad.fit.disconnect(); v.act?.fit.disconnect(); }
    root.remove();
  }

  return { update, redraw, destroy, element: root };
}

/** One layer's histogram: 'grad' (log10 |dL/dW|, exact zeros apart) or 'act' (outputs; hidden layers only). */
function drawLayerHistogram(view, layer, e, color, kind) {
  if (!layer) return;
  if (kind === 'grad' && view) {
    drawHistogram(view.grad.ctx, layer.gradHistogram, {
      lo: e.gradLogMin, hi: e.gradLogMax, color, zeroCount: layer.gradZeros, zeroColor: '#777',
      ticks: niceTicks(e.gradLogMin, e.gradLogMax, 4), formatTick: gradTick, countAxis: true, clampBins: true,
      pixelRatio: view.grad.fit.pixelRatio(),
    });
  } else if (kind === 'act' && view?.act) {
    drawHistogram(view.act.ctx, layer.activationHistogram, {
      lo: e.actMin, hi: e.actMax, color, ticks: niceTicks(e.actMin, e.actMax, 3), countAxis: true, clampBins: true,
      pixelRatio: view.act.fit.pixelRatio(),
    });
  }
}

/** The panel's frame: title, the network's totals, the norm chart, the (empty) list of layers. */
function buildPanel(name, label, level, color) {
  const root = el('section', 'al-why', { 'data-activation': name });
  root.style.setProperty('--al-accent', color);

  const head = el('header', 'al-why-head');
  const title = el(`h${level}`, 'al-why-title');
  title.textContent = label ?? name;
  head.append(el('span', 'al-swatch', { 'aria-hidden': 'true' }), title);

  const summary = el('dl', 'al-why-summary');
  const total = {
    ratio: stat(summary, 'First / last layer gradient', 'grad-ratio', 'all'),
    zero: stat(summary, 'Exact zeros', 'zero-fraction', 'all'),
    dead: stat(summary, 'Dead units', 'dead-units', 'all'),
    saturated: stat(summary, 'Saturated', 'saturated-fraction', 'all'),
  };
  total.ratio.removeAttribute('data-layer');  // one ratio per network: data-field="grad-ratio" alone

  const norms = figure('al-why-norms', 'Gradient norm |dL/dW| by layer, input → output (log scale)');
  const layerList = el('ol', 'al-why-layers');
  root.append(head, summary, norms.fig, layerList);
  return { root, total, norms, layerList };
}

/** One layer's item: title, its figures as text, its histograms' canvases (fits are the caller's). */
function buildLayer(layer, i, output, level, shownName = (a) => a) {
  const item = el('li', 'al-layer', { 'data-layer': String(i) });
  const h = el(`h${level + 1}`, 'al-layer-title');
  const act = shownName(layer.activation);  // the display name (Leaky ReLU), never the table's key
  h.textContent = output ? `Output · ${layer.units} × ${act}` : `Layer ${i + 1} · ${layer.units} × ${act}`;
  const list = el('dl', 'al-layer-stats');
  const fields = { norm: stat(list, 'Grad norm', 'grad-norm', i) };
  if (!output) {
    fields.zero = stat(list, 'Exact zeros', 'zero-fraction', i);
    fields.dead = stat(list, 'Dead', 'dead-units', i);
    fields.saturated = stat(list, 'Saturated', 'saturated-fraction', i);
  }
  const g = figure('al-layer-grad', 'Weights by |dL/dW| (log axis; bar 0: exactly 0)', { described: true });
  const view = { fields, grad: { canvas: g.canvas, ctx: g.canvas.getContext('2d') } };
  const figs = el('div', 'al-layer-figs');
  figs.append(g.fig);
  if (!output) {
    const a = figure('al-layer-act', 'Outputs (unit × point) by value', { described: true });
    view.act = { canvas: a.canvas, ctx: a.canvas.getContext('2d') };
    figs.append(a.fig);
  }
  item.append(h, list, figs);
  return { item, view };
}

/** One layer's figures as text, and its histograms' text equivalents (they follow the numbers even while the canvases wait). */
function showLayer(view, layer, i, output, e) {
  const v = view.fields;
  setText(v.norm, formatExp(layer.weightGradNorm), layer.weightGradNorm);
  view.grad.canvas.setAttribute('aria-label', `Layer ${i + 1} gradients |dL/dW|: ${describeHistogram(
    layer.gradHistogram, { lo: e.gradLogMin, hi: e.gradLogMax, zeroCount: layer.gradZeros, formatEdge: gradEdge, unit: 'weights' })}`);
  view.act?.canvas.setAttribute('aria-label', `Layer ${i + 1} outputs: ${describeHistogram(
    layer.activationHistogram, { lo: e.actMin, hi: e.actMax, unit: 'unit outputs' })}`);
  if (output) return;
  setText(v.zero, formatPercent(layer.zeroFraction), layer.zeroFraction);
  setText(v.dead, `${formatInt(layer.deadUnits)} / ${layer.units}`, layer.deadUnits);
  setText(v.saturated, formatPercent(layer.saturatedFraction), layer.saturatedFraction);
}

/** The network's figures: its first/last ratio and the hidden layers' totals, the core's (diagnostics.hpp HiddenTotals). */
function showTotals(total, diag) {
  const { units, zeroFraction, deadUnits, saturatedFraction } = diag.hidden;
  setText(total.ratio, formatRatio(diag.firstLastGradRatio), diag.firstLastGradRatio);
  setText(total.zero, units ? formatPercent(zeroFraction) : '–', units ? zeroFraction : NaN);
  setText(total.dead, units ? `${deadUnits} / ${units}` : '–', units ? deadUnits : NaN);
  setText(total.saturated, units ? formatPercent(saturatedFraction) : '–', units ? saturatedFraction : NaN);
}
