// The curves figure: each activation f(x) and its slope f'(x) over the range the core evaluated
// (lab.activationCurves: the training kernels, not a JS formula), the bound max|f'| of each slope
// as a dashed line, and the best case across n layers, max|f'|^n, on a log axis: sigmoid's 0.25^n
// is the vanishing gradient before any weight is drawn. Hover, tap, or the arrow keys on the
// focused plots move a cursor whose f(x) and f'(x) are read out as text.
import { el } from './dom.js';
import { setText } from './format.js';
import { fitCanvas } from './canvas-fit.js';
import { decadeTicks, drawLinePlot } from './line-plot.js';
import { activationColor } from './palette.js';
import { formatRatio, twoDigits } from './ratio-text.js';
import { watchSchemeColors } from './scheme-colors.js';
import { englishTranslator } from '../i18n/i18n.js';

export const MAX_LAYERS = 20;

const fixed3 = (v) => (Number.isFinite(v) ? (Math.abs(v) < 5e-4 ? '0' : v.toFixed(3).replace('-', '\u2212')) : '–');

/**
 * mountCurves(container, {labelOf = name => name, headingLevel = 3, layers = 8, i18n = englishTranslator})
 *   -> {update({items: [{name, label?, maxDerivative, x, f, df}]}), setLayers(n), setCursor(i), setLanguage(i18n), destroy(), element}
 *   setLanguage rewrites every word (captions, read-out, aria-labels, axis names) from the last items.
 * Hooks: root .al-curves[data-points][data-x-min][data-x-max][data-layers];
 *   [data-field=bound][data-activation][data-value] (max|f'| from the core's table);
 *   [data-field=readout][data-index][data-x] with one [data-activation][data-f][data-df] per curve;
 *   [data-field=product][data-activation][data-value] (max|f'|^n for the chosen n).
 */
export function mountCurves(container, { labelOf = (name) => name, headingLevel = 3, layers = 8, i18n = englishTranslator } = {}) {
  let words = i18n;
  const { root, title, fCanvas, dfCanvas, dfFigure, readout, bounds, layersInput, layersText, layersName, pCanvas, products,
    pFigure } = curvesSkeleton(headingLevel, layers);
  let items = [];
  const writeWords = () => writeCurvesWords({ title, dfFigure, layersName, pFigure }, words,
    items.length ? [] : [fCanvas, dfCanvas, pCanvas]);
  writeWords();
  container.append(root);

  let cursor = -1;
  let n = clampLayers(layers);
  const areas = new Map();  // canvas -> its plot area, for pointer mapping
  const scheme = watchSchemeColors(root, () => drawAll());
  const fits = [fCanvas, dfCanvas, pCanvas].map((c) => fitCanvas(c, () => drawAll()));

  function drawAll() {
    if (!items.length) return;
    const colors = { ...scheme.colors(), pixelRatio: fits[0].pixelRatio() };
    const xAt = cursor >= 0 ? { x: items[0].x[cursor] } : null;
    const curveAreas = drawCurvePlots(fCanvas, dfCanvas, items, xAt, colors, words);
    areas.set(fCanvas, curveAreas.f);
    areas.set(dfCanvas, curveAreas.df);
    drawProductPlot(pCanvas, items, n, colors, words);
  }

  function writeText() {
    root.dataset.layers = String(n);
    layersInput.value = String(n);
    setText(layersText, String(n), n);
    writeProducts(products, pCanvas, items, n, labelOf, words);
    writeReadout();
  }

  function writeReadout() {
    if (!items.length) return;
    writeCursorReadout(readout, items, cursor >= 0 ? cursor : items[0].x.length >> 1, labelOf, words);
  }

  function setCursor(i) {
    if (!items.length) return;
    cursor = Math.max(0, Math.min(items[0].x.length - 1, Math.round(i)));
    writeReadout();
    drawAll();
  }

  listenForCursor([fCanvas, dfCanvas], areas, { ready: () => items.length > 0, samples: () => items[0].x.length,
    current: () => cursor, moveTo: setCursor });
  const onLayers = () => { n = clampLayers(Number(layersInput.value)); writeText(); drawAll(); };
  layersInput.addEventListener('input', onLayers);

  return {
    element: root,
    update({ items: next } = {}) {
      if (!next) return;
      items = next;
      root.dataset.points = String(items[0]?.x.length ?? 0);
      root.dataset.xMin = String(items[0]?.x[0] ?? '');
      root.dataset.xMax = String(items[0]?.x[items[0].x.length - 1] ?? '');
      writeCurveBounds(bounds, fCanvas, dfCanvas, items, labelOf, words);
      writeText();
      drawAll();
    },
    setLanguage(next) {
      words = next;
      writeWords();
      if (!items.length) return;
      writeCurveBounds(bounds, fCanvas, dfCanvas, items, labelOf, words);
      writeText();
      drawAll();
    },
    setLayers(value) { n = clampLayers(value); writeText(); drawAll(); },
    setCursor,
    destroy() {
      scheme.dispose();
      for (const f of fits) f.disconnect();
      root.remove();
    },
  };
}

// The figure's DOM: title, the f and f' plots, the cursor read-out, the bounds, the layers slider
// and the max|f'|^n plot with its sentence.
function curvesSkeleton(headingLevel, layers) {
  const root = el('section', 'al-curves al-figure');
  const title = el(`h${headingLevel}`, 'al-figure-title');
  const plots = el('div', 'al-curves-plots');
  const fCanvas = el('canvas', 'al-curves-canvas', { tabindex: '0', role: 'img' });
  const dfCanvas = el('canvas', 'al-curves-canvas', { tabindex: '0', role: 'img' });
  const dfFigure = figure(dfCanvas, '');
  plots.append(figure(fCanvas, 'f(x)'), dfFigure);
  const readout = el('p', 'al-curves-readout', { 'data-field': 'readout', 'aria-live': 'polite' });
  const bounds = el('ul', 'al-curves-bounds');
  const layersRow = el('label', 'al-curves-layers');
  const layersInput = el('input', null, { type: 'range', min: '1', max: String(MAX_LAYERS), step: '1', value: String(layers) });
  const layersText = el('output', null, { 'data-field': 'layers' });
  const layersName = document.createTextNode('');
  layersRow.append(layersName, layersInput, layersText);
  const pCanvas = el('canvas', 'al-curves-product', { role: 'img' });
  const products = el('p', 'al-curves-products');
  const pFigure = figure(pCanvas, '');
  root.append(title, plots, readout, bounds, layersRow, pFigure, products);
  return { root, title, fCanvas, dfCanvas, dfFigure, readout, bounds, layersInput, layersText, layersName, pCanvas, products, pFigure };
}

// The words that do not depend on the curves.
// unlabelled: the plots that have no curves yet, named by the figure's title meanwhile (an image
// needs a text alternative; the curves' own labels replace it).
function writeCurvesWords({ title, dfFigure, layersName, pFigure }, i18n, unlabelled = []) {
  title.textContent = i18n.t('curves.title');
  for (const canvas of unlabelled) canvas.setAttribute('aria-label', i18n.t('curves.title'));
  dfFigure.querySelector('figcaption').textContent = i18n.t('curves.slopeCaption');
  layersName.textContent = i18n.t('curves.layersInput');
  pFigure.querySelector('figcaption').textContent = i18n.t('curves.productCaption');
}

// f(x) and f'(x) of every item over the core's x range, f' with each bound as a labelled line;
// returns each plot's area, for mapping the pointer to an x.
function drawCurvePlots(fCanvas, dfCanvas, items, xAt, colors, i18n) {
  const x = { lo: items[0].x[0], hi: items[0].x[items[0].x.length - 1], label: 'x' };
  const range = (key) => {
    let lo = Infinity, hi = -Infinity;
    for (const it of items) for (const v of it[key]) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    const pad = (hi - lo) * 0.06 || 0.5;
    return { lo: lo - pad, hi: hi + pad };
  };
  const line = (key) => items.map((it) => ({ color: activationColor(it.name), values: Array.from(it.x, (v, i) => [v, it[key][i]]) }));
  const f = drawLinePlot(fCanvas.getContext('2d'), { x, y: { ...range('f'), label: 'f(x)' }, series: line('f'), cursor: xAt }, colors);
  const dfRange = range('df');
  dfRange.hi = Math.max(dfRange.hi, ...items.map((it) => it.maxDerivative * 1.08));
  const df = drawLinePlot(dfCanvas.getContext('2d'), {
    x, y: { ...dfRange, label: 'f\u2032(x)' }, series: line('df'), cursor: xAt,
    hLines: items.map((it) => ({ y: it.maxDerivative, color: activationColor(it.name), label: twoDigits(it.maxDerivative, { i18n }) })),
  }, colors);
  return { f, df };
}

// max|f'|^k for k = 1..MAX_LAYERS on a log axis, the cursor at the chosen n.
function drawProductPlot(pCanvas, items, n, colors, i18n) {
  const logs = items.flatMap((it) => [0, MAX_LAYERS * Math.log10(it.maxDerivative)]).filter(Number.isFinite);
  const lo = Math.floor(Math.min(-1, ...logs)), hi = Math.ceil(Math.max(0.5, ...logs));
  drawLinePlot(pCanvas.getContext('2d'), {
    x: { lo: 1, hi: MAX_LAYERS, ticks: [1, 5, 10, 15, 20], label: i18n.t('curves.axis.layers') },
    y: { lo, hi, log: true, ticks: decadeTicks(lo, hi, 6), label: i18n.t('curves.axis.product') },
    series: items.map((it) => ({ color: activationColor(it.name),
      values: Array.from({ length: MAX_LAYERS }, (_, k) => [k + 1, it.maxDerivative ** (k + 1)]) })),
    cursor: { x: n },
  }, colors);
}

// Each curve's bound as text, and the two curve canvases' labels.
function writeCurveBounds(bounds, fCanvas, dfCanvas, items, labelOf, i18n) {
  const t = (key, params) => i18n.t(key, params);
  const bound = (it) => twoDigits(it.maxDerivative, { i18n });
  bounds.replaceChildren(...items.map((it) => {
    const li = el('li', null, { 'data-field': 'bound', 'data-activation': it.name, 'data-value': String(it.maxDerivative) });
    li.textContent = t('curves.bound', { name: labelOf(it.name), bound: bound(it) });
    li.style.setProperty('--al-accent', activationColor(it.name));
    return li;
  }));
  const sentence = items.map((it) => t('curves.slopeItem', { name: labelOf(it.name), bound: bound(it) })).join(t('views.separator'));
  fCanvas.setAttribute('aria-label', t('curves.fLabel', { names: items.map((it) => labelOf(it.name)).join(t('views.enumeration')),
    from: fixed3(items[0].x[0]), to: fixed3(items[0].x[items[0].x.length - 1]) }));
  dfCanvas.setAttribute('aria-label', t('curves.dfLabel', { items: sentence }));
}

// max|f'|^n of each curve as text (and data-value), and the product plot's label.
function writeProducts(products, pCanvas, items, n, labelOf, i18n) {
  const t = (key, params) => i18n.t(key, params);
  products.replaceChildren(...items.map((it) => {
    const span = el('span', 'al-curves-product-item', { 'data-field': 'product', 'data-activation': it.name });
    const p = it.maxDerivative ** n;
    span.dataset.value = String(p);
    span.textContent = t('curves.product', { name: labelOf(it.name), bound: twoDigits(it.maxDerivative, { i18n }),
      n: String(n), value: formatRatio(p, { i18n }) });
    return span;
  }));
  pCanvas.setAttribute('aria-label', t('curves.productLabel', { count: n, items: items.map((it) =>
    t('curves.productItem', { name: labelOf(it.name), value: formatRatio(it.maxDerivative ** n, { i18n }) })).join(t('views.enumeration')) }));
}

// f(x) and f'(x) of every curve at sample i, as one sentence with a span (and raw data-*) per curve.
function writeCursorReadout(readout, items, i, labelOf, i18n) {
  const xv = items[0].x[i];
  readout.dataset.index = String(i);
  readout.dataset.x = String(xv);
  const list = document.createDocumentFragment();
  items.forEach((it, k) => {
    const span = el('span', null, { 'data-activation': it.name, 'data-f': String(it.f[i]), 'data-df': String(it.df[i]) });
    span.textContent = i18n.t('curves.readoutItem', { name: labelOf(it.name), f: fixed3(it.f[i]), df: fixed3(it.df[i]) });
    if (k) list.append(i18n.t('views.separator'));
    list.append(span);
  });
  readout.replaceChildren(...i18n.parts('curves.readout', { x: fixed3(xv), items: list }));
}

// Pointer and arrow keys on the curve plots move the cursor: moveTo(sample index, fractional or
// out of range: the caller clamps); ready() says whether there are curves, samples() how many x.
function listenForCursor(canvases, areas, { ready, samples, current, moveTo }) {
  function onPointer(event) {
    const area = areas.get(event.currentTarget);
    if (!area || !ready()) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const pr = event.currentTarget.width / Math.max(1, rect.width);
    const t = ((event.clientX - rect.left) * pr - area.left) / area.width;
    moveTo(t * (samples() - 1));
  }
  function onKey(event) {
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowDown: -1, ArrowUp: 1, PageDown: -10, PageUp: 10 }[event.key];
    if (step === undefined || !ready()) return;
    event.preventDefault();
    moveTo((current() >= 0 ? current() : samples() >> 1) + step);
  }
  for (const c of canvases) {
    c.addEventListener('pointermove', onPointer);
    c.addEventListener('pointerdown', onPointer);
    c.addEventListener('keydown', onKey);
  }
}

function clampLayers(v) {
  return Number.isFinite(v) ? Math.max(1, Math.min(MAX_LAYERS, Math.round(v))) : 8;
}

function figure(canvas, caption) {
  const fig = el('figure', 'al-curves-figure');
  const cap = el('figcaption');
  cap.textContent = caption;
  fig.append(canvas, cap);
  return fig;
}
