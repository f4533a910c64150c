// The network diagram (TensorFlow Playground's signature view): layers of units, input side on the
// left, each hidden unit drawn as its map over the plane; edges coloured and sized by |dL/dW| on a
// log scale shared by every racer (sharedGradientRange), so a vanishing gradient reads as edges
// fading toward the input. Dead units are greyed and crossed out. Hover or focus a unit for its
// map, large, and its numbers.
import { el } from './dom.js';
import { fitCanvas } from './canvas-fit.js';
import { activationColor, buildLut, classColors, hexToRgb, missingColor } from './palette.js';
import { formatExp } from './format.js';
import { watchSchemeColors } from './scheme-colors.js';
import { canvasFont } from './canvas-font.js';
import { englishTranslator } from '../i18n/i18n.js';

const STATE_NAMES = ['live', 'dead', 'saturated'];

/** The one log10 range [lo, hi] (whole decades, at most maxDecades) of several racers' edge gradients. */
export function sharedGradientRange(gradientSets, maxDecades = 8) {
  let lo = Infinity, hi = -Infinity;
  for (const set of gradientSets) {
    for (const layer of set?.layers ?? []) {
      for (const g of layer.magnitudes) if (g > 0 && Number.isFinite(g)) { const v = Math.log10(g); lo = Math.min(lo, v); hi = Math.max(hi, v); }
    }
  }
  if (hi === -Infinity) return { lo: -6, hi: 0 };
  hi = Math.ceil(hi);
  return { lo: Math.min(Math.max(Math.floor(lo), hi - maxDecades), hi - 1), hi };
}

/** Where |g| sits on the shared scale: 0 (at or below lo, or exactly 0) to 1 (at hi). */
export function edgeLevel(g, { lo, hi }) {
  if (!(g > 0) || !Number.isFinite(g)) return 0;
  return Math.min(1, Math.max(0, (Math.log10(g) - lo) / (hi - lo)));
}

/**
 * mountNetworkDiagram(container, {name, label = name, headingLevel = 3, featureNames = ['x', 'y'], i18n = englishTranslator})
 *   -> {update({gradients, maps, range}), setLanguage(i18n), destroy(), element}; setLanguage rewrites the words from the last data.
 *   gradients: web/worker/edge-gradients.js's edgeGradients(net); maps: Network.unitMaps(); range: sharedGradientRange([...all racers]).
 * Hooks: root .al-diagram[data-activation][data-step][data-log-lo][data-log-hi];
 *   [data-field=edges][data-layer=l][data-in][data-out][data-magnitudes][data-levels] (comma-separated, j * in + i);
 *   button[data-field=unit][data-layer (hidden layer)][data-unit][data-state=live|dead|saturated];
 *   [data-field=detail] (the unit shown large) and [data-field=summary] (the text alternative).
 */
export function mountNetworkDiagram(container, { name, label = name, headingLevel = 3, featureNames = ['x', 'y'],
  i18n = englishTranslator } = {}) {
  let words = i18n;
  const t = (key, params) => words.t(key, params);
  const { root, title, stage, canvas, overlay, summary, big, detailText, hooks } = diagramSkeleton(name, headingLevel);
  title.textContent = t('diagram.title', { name: label });
  container.append(root);

  let data = null;
  let detailUnit = null;  // {layer, unit} shown large, so a language switch rewrites its text
  const sheet = document.createElement('canvas');  // every unit's map, one row of pixels per map row
  const scheme = watchSchemeColors(root, () => draw());
  const fit = fitCanvas(canvas, () => draw());

  function draw() {
    if (!data) return;
    const pr = fit.pixelRatio();
    const cssW = canvas.width / pr;
    const layout = placeUnits(data.gradients.layerUnits, cssW);
    stage.style.height = `${layout.height}px`;
    const ctx = canvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(pr, 0, 0, pr, 0, 0);
    const { fg, grid } = scheme.colors();
    const { thumb, xs, ys } = layout;
    drawEdges(ctx, data.gradients.layers, data.range, { thumb, xs, ys, fg, grid });
    drawUnits(ctx, { units: data.gradients.layerUnits, maps: data.maps, sheet, featureNames }, { thumb, xs, ys, fg, grid });
    placeUnitButtons(overlay, layout);
  }

  function writeHooks() {
    const { gradients, range } = data;
    writeEdgeHooks(root, hooks, gradients, range);
    summary.textContent = diagramSummary(gradients, data.maps, range, words);
  }

  function writeOverlay() {
    const buttons = unitButtons(data.gradients, data.maps, words, (l, j, u, text) => { detailUnit = { l, j }; showDetail(u, text); });
    overlay.replaceChildren(...buttons);
    if (detailUnit) {
      const b = buttons.find((x) => x.dataset.layer === String(detailUnit.l - 1) && x.dataset.unit === String(detailUnit.j));
      if (b) showDetail(unitIndex(data.maps, detailUnit.l - 1, detailUnit.j), b.getAttribute('aria-label'));
    }
  }

  function showDetail(u, text) {
    detailText.textContent = text;
    const maps = data.maps;
    const ctx = big.getContext('2d');
    ctx.clearRect(0, 0, big.width, big.height);
    if (maps?.values && u >= 0) ctx.drawImage(sheet, 0, u * maps.height, maps.width, maps.height, 0, 0, big.width, big.height);
  }

  return {
    element: root,
    update({ gradients, maps, range } = {}) {
      data = { gradients: gradients ?? data?.gradients, maps: maps ?? data?.maps, range: range ?? data?.range ?? sharedGradientRange([gradients]) };
      if (!data.gradients) return;
      if (data.maps?.values) paintUnitSheet(sheet, data.maps, scheme.colors().surface);
      writeHooks();
      writeOverlay();
      draw();
    },
    setLanguage(next) {
      words = next;
      title.textContent = t('diagram.title', { name: label });
      if (!data?.gradients) return;
      writeHooks();
      writeOverlay();
      draw();
    },
    destroy() {
      scheme.dispose();
      fit.disconnect();
      root.remove();
    },
  };
}

// The figure's DOM: title, the stage (edge canvas under a layer of unit buttons), the text
// alternative, the unit shown large, and the hidden per-layer hooks the tests read.
function diagramSkeleton(name, headingLevel) {
  const root = el('section', 'al-diagram al-figure', { 'data-activation': name });
  root.style.setProperty('--al-accent', activationColor(name));
  const title = el(`h${headingLevel}`, 'al-figure-title');
  const stage = el('div', 'al-diagram-stage');
  const canvas = el('canvas', 'al-diagram-canvas', { 'aria-hidden': 'true' });
  const overlay = el('div', 'al-diagram-units');
  stage.append(canvas, overlay);
  const summary = el('p', 'al-diagram-summary', { 'data-field': 'summary' });
  const detail = el('div', 'al-diagram-detail', { 'data-field': 'detail', 'aria-live': 'polite' });
  const big = el('canvas', 'al-diagram-big', { width: '96', height: '96', 'aria-hidden': 'true' });
  const detailText = el('p');
  detail.append(big, detailText);
  const hooks = el('div', 'al-diagram-data', { hidden: '' });
  root.append(title, stage, summary, detail, hooks);
  return { root, title, stage, canvas, overlay, summary, big, detailText, hooks };
}

// Where each unit sits (CSS px) for a canvas cssW wide: thumbs sized so the tallest layer fits ~220 px.
function placeUnits(units, cssW) {
  const tallest = Math.max(...units);
  const thumb = Math.max(8, Math.min(28, Math.floor(220 / tallest) - 2));
  const height = tallest * (thumb + 4) + 8;
  const xs = units.map((_, l) => 14 + ((cssW - 28 - thumb) * l) / Math.max(1, units.length - 1));
  const ys = units.map((n) => Array.from({ length: n }, (_, j) => (height - n * (thumb + 4)) / 2 + j * (thumb + 4) + 2));
  return { thumb, height, xs, ys };
}

// Every hidden unit's map into `sheet`, one map under the next, each scaled to its own largest |value|
// and coloured from the surface toward the class colour of its sign.
function paintUnitSheet(sheet, maps, surfaceColor) {
  const cells = maps.width * maps.height, units = maps.values.length / cells;
  sheet.width = maps.width;
  sheet.height = maps.height * units;
  const surface = hexToRgb(normaliseHex(surfaceColor));
  const neg = buildLut(surface, classColors[0].rgb), pos = buildLut(surface, classColors[1].rgb);
  const image = new ImageData(sheet.width, sheet.height);
  const px = new Uint32Array(image.data.buffer);
  for (let u = 0; u < units; u += 1) {
    let scale = 0;
    for (let i = 0; i < cells; i += 1) scale = Math.max(scale, Math.abs(maps.values[u * cells + i]));
    for (let i = 0; i < cells; i += 1) {
      const v = scale > 0 ? maps.values[u * cells + i] / scale : 0;
      const k = Math.min(255, Math.round(Math.abs(v) * 255)) || 0;
      px[u * cells + i] = v < 0 ? neg[k] : pos[k];
    }
  }
  sheet.getContext('2d').putImageData(image, 0, 0);
}

// The edges, each as opaque and thick as its gradient's place on the shared log scale.
function drawEdges(ctx, layers, range, { thumb, xs, ys, fg, grid }) {
  layers.forEach((layer, l) => {
    for (let j = 0; j < layer.out; j += 1) {
      for (let i = 0; i < layer.in; i += 1) {
        const t = edgeLevel(layer.magnitudes[j * layer.in + i], range);
        ctx.globalAlpha = 0.12 + 0.88 * t;
        ctx.strokeStyle = t > 0 ? fg : grid;
        ctx.lineWidth = 0.4 + 2.6 * t;
        ctx.beginPath();
        ctx.moveTo(xs[l] + thumb, ys[l][i] + thumb / 2);
        ctx.lineTo(xs[l + 1], ys[l + 1][j] + thumb / 2);
        ctx.stroke();
      }
    }
  });
  ctx.globalAlpha = 1;
}

// The units: inputs as labelled chips, outputs in their class colour, hidden units as their maps
// (dead ones faded and crossed out, saturated ones with a dashed frame).
function drawUnits(ctx, { units, maps, sheet, featureNames }, { thumb, xs, ys, fg, grid }) {
  ctx.font = canvasFont(Math.max(8, thumb * 0.45));
  units.forEach((n, l) => {
    for (let j = 0; j < n; j += 1) {
      const x = xs[l], y = ys[l][j];
      if (l === 0 || l === units.length - 1) {
        ctx.fillStyle = l === 0 ? grid : classColors[j % classColors.length].css;  // inputs: a light chip, dark label
        ctx.fillRect(x, y, thumb, thumb);
        if (l === 0) { ctx.fillStyle = fg; ctx.fillText(featureNames[j] ?? String(j), x + 2, y + thumb * 0.7); }
        continue;
      }
      const u = unitIndex(maps, l - 1, j);
      const state = maps?.states?.[u] ?? 0;
      if (maps?.values && u >= 0) {
        ctx.globalAlpha = state === 1 ? 0.3 : 1;
        ctx.drawImage(sheet, 0, u * maps.height, maps.width, maps.height, x, y, thumb, thumb);
        ctx.globalAlpha = 1;
      }
      ctx.strokeStyle = state === 1 ? missingColor.css : fg;
      ctx.lineWidth = 1;
      ctx.setLineDash(state === 2 ? [2, 2] : []);
      ctx.strokeRect(x + 0.5, y + 0.5, thumb - 1, thumb - 1);
      ctx.setLineDash([]);
      if (state === 1) { ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(x + thumb, y + thumb); ctx.stroke(); }
    }
  });
}

// The numbers behind the edges, as data-* hooks: per layer its shape, raw |dL/dW| and scale levels.
function writeEdgeHooks(root, hooks, gradients, range) {
  Object.assign(root.dataset, { step: String(gradients.step), logLo: String(range.lo), logHi: String(range.hi) });
  hooks.replaceChildren(...gradients.layers.map((layer, l) => el('span', null, {
    'data-field': 'edges', 'data-layer': String(l), 'data-in': String(layer.in), 'data-out': String(layer.out),
    'data-magnitudes': Array.from(layer.magnitudes).join(','),
    'data-levels': Array.from(layer.magnitudes, (g) => edgeLevel(g, range)).join(','),
  })));
}

// One button per hidden unit (its words as aria-label); hovering or focusing it calls
// onShow(l, j, u, text) with its layer l (1 = first hidden), place j and index u in the maps.
function unitButtons(gradients, maps, i18n, onShow) {
  const units = gradients.layerUnits;
  const buttons = [];
  for (let l = 1; l + 1 < units.length; l += 1) {
    for (let j = 0; j < units[l]; j += 1) {
      const u = unitIndex(maps, l - 1, j);
      const state = STATE_NAMES[maps?.states?.[u] ?? 0] ?? 'live';
      const text = unitText(gradients.layers[l - 1], l, j, state, i18n);
      const b = el('button', 'al-diagram-unit', { type: 'button', 'data-field': 'unit', 'data-layer': String(l - 1),
        'data-unit': String(j), 'data-state': state, 'aria-label': text });
      const show = () => onShow(l, j, u, text);
      b.addEventListener('pointerenter', show);
      b.addEventListener('focus', show);
      buttons.push(b);
    }
  }
  return buttons;
}

// The buttons over the canvas, each on its unit's thumb.
function placeUnitButtons(overlay, { thumb, xs, ys }) {
  for (const b of overlay.children) {
    const l = Number(b.dataset.layer) + 1, j = Number(b.dataset.unit);
    Object.assign(b.style, { left: `${xs[l]}px`, top: `${ys[l][j]}px`, width: `${thumb}px`, height: `${thumb}px` });
  }
}

// The text alternative: each layer's mean |dL/dW|, the shared scale and how many units are dead.
function diagramSummary(gradients, maps, range, i18n) {
  const means = gradients.layers.map((layer) => layer.magnitudes.reduce((s, g) => s + g, 0) / layer.magnitudes.length);
  const dead = maps?.states ? Array.from(maps.states).filter((s) => s === 1).length : 0;
  return i18n.t('diagram.summary', { means: means.map((m) => formatExp(m, { i18n })).join(i18n.t('views.enumeration')),
    lo: String(range.lo), hi: String(range.hi), count: dead });
}

// A hidden unit's words (unit j + 1 of layer l): its state and the mean |dL/dW| of its inbound edges.
function unitText(inbound, l, j, state, i18n) {
  let sum = 0;
  for (let i = 0; i < inbound.in; i += 1) sum += inbound.magnitudes[j * inbound.in + i];
  return i18n.t('diagram.unit', { layer: String(l), unit: String(j + 1), state: i18n.t(`diagram.state.${state}`),
    mean: formatExp(sum / inbound.in, { i18n }) });
}

// Index of hidden unit j of hidden layer h in Network.unitMaps()'s flat order (layer by layer).
function unitIndex(maps, h, j) {
  if (!maps?.layerUnits || h >= maps.layerUnits.length) return -1;
  let u = 0;
  for (let k = 0; k < h; k += 1) u += maps.layerUnits[k];
  return u + j;
}

function normaliseHex(color) {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : '#ffffff';
}
