// The "why" view of one network: where its gradient goes (histograms of log10 |dL/dW| per layer, the
// norm per layer on a log scale, the first/last ratio as a number) and what its units do (exact zeros,
// dead units, saturation, activation histograms). Every figure a test or a screen reader needs is text
// in the DOM with a stable data-field (and data-layer: the 0-based index into diagnostics.layers, input
// side first, output layer last; "all" for network-level values).

import { activationColor } from './palette.js';
import { describeHistogram, drawHistogram, niceTicks } from './histogram.js';
import { drawNormChart } from './norm-chart.js';
import { fitCanvas } from './canvas-fit.js';
import { formatExp, formatInt, formatPercent, missing, setText } from './format.js';
import { formatRatio } from './ratio-text.js';
import { el } from './dom.js';
import { englishTranslator } from '../i18n/i18n.js';

// A <dl> row: term (its catalog key in data-i18n-key, so a language switch rewrites it), then a value
// element carrying data-field / data-layer.
function stat(list, t, key, field, layer) {
  const row = el('div', 'al-stat');
  const dt = el('dt', null, { 'data-i18n-key': key });
  dt.textContent = t(key);
  const dd = el('dd', null, { 'data-field': field, 'data-layer': String(layer) });
  dd.textContent = '–';
  row.append(dt, dd);
  list.append(row);
  return dd;
}

// A canvas figure. Charts the panel describes in text elsewhere are aria-hidden; histograms are
// images whose aria-label says where their counts sit (set on each update).
function figure(className, t, key, { described = false } = {}) {
  const fig = el('figure', `al-fig ${className}`);
  const canvas = el('canvas', null, described ? { role: 'img', 'aria-label': t(key) } : { 'aria-hidden': 'true' });
  const cap = el('figcaption', null, { 'data-i18n-key': key });
  cap.textContent = t(key);
  fig.append(canvas, cap);
  return { fig, canvas };
}

const gradTick = (v) => `1e${v}`;
const gradEdge = (v) => `1e${+v.toFixed(1)}`;

/**
 * Mounts a why panel into `container` (appended).
 *   {name: activation id, label: title, headingLevel = 3, i18n = englishTranslator}
 * Returns {update(diagnostics, {normRange, draw = true}), redraw(), setLanguage(i18n), destroy(), element};
 * setLanguage rewrites every word (terms, captions, aria-labels, canvas labels) from the last diagnostics;
 * diagnostics
 * as in web/lab/actlab.d.ts; normRange ({lo, hi}, log10, optional): the norm chart's axis, shared by
 * the panels of a race so they compare at a glance; draw: false updates the text only (the panel is
 * out of sight; redraw() draws the canvases when it comes back). The per-layer DOM is rebuilt only when the
 * architecture changes; otherwise text and canvases update.
 */
export function mountWhyPanel(container, { name, label, headingLevel = 3, i18n = englishTranslator }) {
  const color = activationColor(name);
  const level = Math.min(5, Math.max(1, headingLevel));
  let words = i18n;
  const shownName = (a) => (a === name ? label : a);  // the racer's own label; other layers' activations as named
  const { root, total, norms, layerList } = buildPanel(name, label, level, color, words);
  container.append(root);

  const normsCtx = norms.canvas.getContext('2d');
  let diag = null;           // the diagnostics on screen
  let signature = '';        // architecture the per-layer DOM was built for
  let layerViews = [];       // per layer: {fields, grad: {canvas, ctx, fit}, act?: {...}}
  let normRange = null;      // shared axis of the norm chart, or null: its own
  let stale = false;         // canvases behind the text (updated while out of sight)

  const drawNorms = () => {
    if (!diag) return;
    drawLayerNorms(normsCtx, diag.layers, { color, range: normRange ?? undefined, pixelRatio: normsFit.pixelRatio() }, words);
  };
  const normsFit = fitCanvas(norms.canvas, drawNorms);

  const drawLayerGrad = (i) => drawLayerHistogram(layerViews[i], diag?.layers[i], diag?.histogramEdges, color, 'grad', words);
  const drawLayerAct = (i) => drawLayerHistogram(layerViews[i], diag?.layers[i], diag?.histogramEdges, color, 'act', words);

  function build(layers) {
    disconnectLayerFits(layerViews);
    layerViews = buildLayerViews(layerList, layers, { level, shownName, i18n: words, drawGrad: drawLayerGrad, drawAct: drawLayerAct });
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

    writeText();
    root.dataset.step = String(diag.step);
    root.dataset.diverged = String(Boolean(diag.diverged));

    stale = true;
    if (draw) redraw();
  }

  // The numbers as text, and the histograms' text equivalents, in the current language.
  function writeText() {
    const layers = diag.layers;
    layers.forEach((layer, i) => showLayer(layerViews[i], layer, i, i === layers.length - 1, diag.histogramEdges, words));
    showTotals(total, diag, words);
  }

  function setLanguage(next) {
    words = next;
    for (const node of root.querySelectorAll('[data-i18n-key]')) node.textContent = words.t(node.dataset.i18nKey);
    if (!diag) return;
    retitleLayers(layerList, diag.layers, shownName, words);
    writeText();
    if (!stale) redraw();
  }

  function redraw() {
    if (!diag) return;
    stale = false;
    drawNorms();
    for (let i = 0; i < diag.layers.length; i++) { drawLayerGrad(i); drawLayerAct(i); }
  }

  function destroy() {
    normsFit.disconnect();
    disconnectLayerFits(layerViews);
    root.remove();
  }

  return { update, redraw, setLanguage, destroy, element: root };
}

/** The gradient norm per layer on a log axis ("out" under the output layer); range: a shared axis or undefined. */
function drawLayerNorms(ctx, layers, { color, range, pixelRatio }, i18n) {
  drawNormChart(ctx, layers.map((l) => l.weightGradNorm), {
    labels: layers.map((_, i) => (i === layers.length - 1 ? i18n.t('why.chart.out') : String(i + 1))),
    color,
    range,
    pixelRatio,
  });
}

/** The per-layer list rebuilt for `layers`; a histogram canvas that resizes redraws through drawGrad(i) / drawAct(i). */
function buildLayerViews(layerList, layers, { level, shownName, i18n, drawGrad, drawAct }) {
  layerList.replaceChildren();
  return layers.map((layer, i) => {
    const { item, view } = buildLayer(layer, i, i === layers.length - 1, level, shownName, i18n);
    view.grad.fit = fitCanvas(view.grad.canvas, () => drawGrad(i));
    if (view.act) view.act.fit = fitCanvas(view.act.canvas, () => drawAct(i));
    layerList.append(item);
    return view;
  });
}

function disconnectLayerFits(layerViews) {
  for (const v of layerViews) { v.grad.fit.disconnect(); v.act?.fit.disconnect(); }
}

/** Each layer's title in the current language (the rest of the layer's words carry data-i18n-key). */
function retitleLayers(layerList, layers, shownName, i18n) {
  layers.forEach((layer, i) => {
    const h = layerList.children[i]?.querySelector('.al-layer-title');
    if (h) h.textContent = layerTitle(layer, i, i === layers.length - 1, shownName, i18n);
  });
}

/** One layer's histogram: 'grad' (log10 |dL/dW|, exact zeros apart) or 'act' (outputs; hidden layers only). */
function drawLayerHistogram(view, layer, e, color, kind, i18n) {
  const countLabel = i18n.t('histogram.count');
  if (!layer) return;
  if (kind === 'grad' && view) {
    drawHistogram(view.grad.ctx, layer.gradHistogram, {
      lo: e.gradLogMin, hi: e.gradLogMax, color, zeroCount: layer.gradZeros, zeroColor: '#777',
      ticks: niceTicks(e.gradLogMin, e.gradLogMax, 4), formatTick: gradTick, countAxis: true, countLabel, clampBins: true,
      pixelRatio: view.grad.fit.pixelRatio(),
    });
  } else if (kind === 'act' && view?.act) {
    drawHistogram(view.act.ctx, layer.activationHistogram, {
      lo: e.actMin, hi: e.actMax, color, ticks: niceTicks(e.actMin, e.actMax, 3), countAxis: true, countLabel, clampBins: true,
      pixelRatio: view.act.fit.pixelRatio(),
    });
  }
}

/** The panel's frame: title, the network's totals, the norm chart, the (empty) list of layers. */
function buildPanel(name, label, level, color, { t }) {
  const root = el('section', 'al-why', { 'data-activation': name });
  root.style.setProperty('--al-accent', color);

  const head = el('header', 'al-why-head');
  const title = el(`h${level}`, 'al-why-title');
  title.textContent = label ?? name;
  head.append(el('span', 'al-swatch', { 'aria-hidden': 'true' }), title);

  const summary = el('dl', 'al-why-summary');
  const total = {
    ratio: stat(summary, t, 'why.panel.ratio', 'grad-ratio', 'all'),
    zero: stat(summary, t, 'why.panel.zeros', 'zero-fraction', 'all'),
    dead: stat(summary, t, 'why.panel.dead', 'dead-units', 'all'),
    saturated: stat(summary, t, 'why.panel.saturated', 'saturated-fraction', 'all'),
  };
  total.ratio.removeAttribute('data-layer');  // one ratio per network: data-field="grad-ratio" alone

  const norms = figure('al-why-norms', t, 'why.panel.norms');
  const layerList = el('ol', 'al-why-layers');
  root.append(head, summary, norms.fig, layerList);
  return { root, total, norms, layerList };
}

// A layer's title: "Layer 2 · 8 × ReLU"; shownName gives the display name (Leaky ReLU), never the table's key.
function layerTitle(layer, i, output, shownName, { t }) {
  const params = { index: String(i + 1), units: String(layer.units), activation: shownName(layer.activation) };
  return t(output ? 'why.panel.outputTitle' : 'why.panel.layerTitle', params);
}

/** One layer's item: title, its figures as text, its histograms' canvases (fits are the caller's). */
function buildLayer(layer, i, output, level, shownName = (a) => a, i18n = englishTranslator) {
  const { t } = i18n;
  const item = el('li', 'al-layer', { 'data-layer': String(i) });
  const h = el(`h${level + 1}`, 'al-layer-title');
  h.textContent = layerTitle(layer, i, output, shownName, i18n);
  const list = el('dl', 'al-layer-stats');
  const fields = { norm: stat(list, t, 'why.panel.gradNorm', 'grad-norm', i) };
  if (!output) {
    fields.zero = stat(list, t, 'why.panel.zeros', 'zero-fraction', i);
    fields.dead = stat(list, t, 'why.panel.layerDead', 'dead-units', i);
    fields.saturated = stat(list, t, 'why.panel.saturated', 'saturated-fraction', i);
  }
  const g = figure('al-layer-grad', t, 'why.panel.layerGrad', { described: true });
  const view = { fields, grad: { canvas: g.canvas, ctx: g.canvas.getContext('2d') } };
  const figs = el('div', 'al-layer-figs');
  figs.append(g.fig);
  if (!output) {
    const a = figure('al-layer-act', t, 'why.panel.layerAct', { described: true });
    view.act = { canvas: a.canvas, ctx: a.canvas.getContext('2d') };
    figs.append(a.fig);
  }
  item.append(h, list, figs);
  return { item, view };
}

/** One layer's figures as text, and its histograms' text equivalents (they follow the numbers even while the canvases wait). */
function showLayer(view, layer, i, output, e, i18n) {
  const { t } = i18n;
  const v = view.fields;
  const index = String(i + 1);
  setText(v.norm, formatExp(layer.weightGradNorm, { i18n }), layer.weightGradNorm);
  view.grad.canvas.setAttribute('aria-label', t('why.panel.gradLabel', { index, histogram: describeHistogram(
    layer.gradHistogram, { lo: e.gradLogMin, hi: e.gradLogMax, zeroCount: layer.gradZeros, formatEdge: gradEdge, unit: 'weights', i18n }) }));
  view.act?.canvas.setAttribute('aria-label', t('why.panel.actLabel', { index, histogram: describeHistogram(
    layer.activationHistogram, { lo: e.actMin, hi: e.actMax, unit: 'outputs', i18n }) }));
  if (output) return;
  setText(v.zero, formatPercent(layer.zeroFraction, 1, { i18n }), layer.zeroFraction);
  setText(v.dead, t('why.panel.deadCount', { dead: formatInt(layer.deadUnits, { i18n }), units: String(layer.units) }), layer.deadUnits);
  setText(v.saturated, formatPercent(layer.saturatedFraction, 1, { i18n }), layer.saturatedFraction);
}

/** The network's figures: its first/last ratio and the hidden layers' totals, the core's (diagnostics.hpp HiddenTotals). */
function showTotals(total, diag, i18n) {
  const { units, zeroFraction, deadUnits, saturatedFraction } = diag.hidden;
  const none = missing(i18n);
  setText(total.ratio, formatRatio(diag.firstLastGradRatio, { i18n }), diag.firstLastGradRatio);
  setText(total.zero, units ? formatPercent(zeroFraction, 1, { i18n }) : none, units ? zeroFraction : NaN);
  setText(total.dead, units ? i18n.t('why.panel.deadCount', { dead: String(deadUnits), units: String(units) }) : none, units ? deadUnits : NaN);
  setText(total.saturated, units ? formatPercent(saturatedFraction, 1, { i18n }) : none, units ? saturatedFraction : NaN);
}
