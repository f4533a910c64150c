// Hidden units, one small map each (as TensorFlow Playground's neuron thumbnails): what every unit of
// one network outputs over the plane, a row per layer (input side at the top). A ReLU unit that
// died is flat grey and crossed out; a sigmoid/tanh unit pinned in a flat tail is outlined dashed.
// The maps come from the core in one call per network (Network.unitMaps); drawing is pure.
import { activationColor, classColors, buildLut, missingColor, packRgba } from './palette.js';
import { fitCanvas } from './canvas-fit.js';
import { el } from './dom.js';
import { englishTranslator } from '../i18n/i18n.js';

export const UNIT_STATE = Object.freeze({ live: 0, dead: 1, saturated: 2 });
const MAX_THUMB = 36;  // CSS px
const GAP = 3;         // CSS px between thumbnails

// Negative outputs towards class 0's colour, positive towards class 1's, 0 at the background:
// the same two colours as the boundaries.
const lutCache = new Map();
function luts(background) {
  const key = background.join(',');
  if (!lutCache.has(key)) {
    lutCache.set(key, { neg: buildLut(background, classColors[0].rgb), pos: buildLut(background, classColors[1].rgb) });
  }
  return lutCache.get(key);
}

// One reusable ImageData per canvas and size: a draw allocates nothing once the shape is known.
const images = new WeakMap();
function imageFor(ctx, width, height) {
  let image = images.get(ctx);
  if (!image || image.data.width !== width || image.data.height !== height) {
    const data = new ImageData(width, height);
    image = { data, pixels: new Uint32Array(data.data.buffer) };
    images.set(ctx, image);
  }
  return image;
}

/** Thumbnail size and layout for a canvas `cssWidth` wide: {thumb, columns, rows, height} in CSS px. */
export function unitMapsLayout(layerUnits, cssWidth) {
  const columns = Math.max(1, ...layerUnits);
  const gap = columns > 24 ? 1 : GAP;  // 64 units a row on a phone: every pixel goes to the maps
  const thumb = Math.max(2, Math.min(MAX_THUMB, Math.floor((cssWidth + gap) / columns) - gap));
  const rows = layerUnits.length;
  return { thumb, gap, columns, rows, height: rows * (thumb + gap) };
}

/**
 * Draws every unit's map, a row per hidden layer, over the whole canvas.
 *   maps: {width, height, layerUnits: Int32Array, values: Float32Array, states: Uint8Array}
 *   options: {pixelRatio = 1, background = [255,255,255], deadMark = '#a4001d', saturatedMark = '#8a5a00'}
 * Each unit is scaled by its own largest |output| (its shape matters, not its scale); a unit of one
 * sign everywhere (sigmoid: always positive) is shaded from its smallest |output| (pale) to its
 * largest, so its variation shows instead of a uniform orange. A unit whose values are all the
 * same, or not finite, is drawn grey.
 */
export function drawUnitMaps(ctx, maps, options = {}) {
  const { pixelRatio: r = 1, background = [255, 255, 255], deadMark = '#a4001d', saturatedMark = '#8a5a00' } = options;
  const { width: cw, height: ch } = ctx.canvas;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, cw, ch);
  if (!maps?.values || !maps.layerUnits?.length) { ctx.restore(); return; }
  const { width: w, height: h, layerUnits, values, states } = maps;
  const cells = w * h;
  const layout = unitMapsLayout(Array.from(layerUnits), cw / r);
  const thumb = layout.thumb * r, gap = layout.gap * r;
  const { neg, pos } = luts(background);
  // Every thumbnail is written straight into one ImageData of the canvas's size (nearest cell, no
  // scaling by the canvas): one putImageData per draw, whatever the number of units.
  const image = imageFor(ctx, cw, ch);
  const px = image.pixels;
  px.fill(0);
  const greyPixel = packRgba(missingColor.rgb);
  const side = Math.max(1, Math.round(thumb)), step = Math.round(thumb + gap);
  const rowOf = new Int32Array(side), colOf = new Int32Array(side);
  for (let d = 0; d < side; d++) { rowOf[d] = Math.min(h - 1, Math.floor((d * h) / side)); colOf[d] = Math.min(w - 1, Math.floor((d * w) / side)); }
  let u = 0;
  for (let l = 0; l < layerUnits.length; l++) {
    for (let j = 0; j < layerUnits[l]; j++, u++) {
      let lo = Infinity, hi = -Infinity;
      let finite = true;
      for (let i = 0; i < cells; i++) {
        const v = values[u * cells + i];
        if (!Number.isFinite(v)) finite = false;
        else { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      }
      // One-signed: from the smallest magnitude; mixed signs: from 0, so the sign stays readable.
      const offset = lo >= 0 ? lo : hi <= 0 ? -hi : 0;
      const scale = Math.max(Math.abs(lo), Math.abs(hi)) - offset;
      const x0 = j * step, y0 = l * step;
      for (let dy = 0; dy < side && y0 + dy < ch; dy++) {
        const line = (y0 + dy) * cw;
        const rowBase = u * cells + rowOf[dy] * w;
        for (let dx = 0; dx < side && x0 + dx < cw; dx++) {
          if (!finite || !(scale > 0)) { px[line + x0 + dx] = greyPixel; continue; }
          const v = values[rowBase + colOf[dx]];
          const q = Math.min(255, Math.round(((Math.abs(v) - offset) / scale) * 255));
          px[line + x0 + dx] = v < 0 ? neg[q] : pos[q];
        }
      }
    }
  }
  ctx.putImageData(image.data, 0, 0);

  u = 0;
  for (let l = 0; l < layerUnits.length; l++) {
    for (let j = 0; j < layerUnits[l]; j++, u++) {
      const x0 = j * step, y0 = l * step;
      const thumb = side;
      const state = states?.[u] ?? UNIT_STATE.live;
      if (state === UNIT_STATE.dead) {
        ctx.strokeStyle = deadMark;
        ctx.lineWidth = Math.max(1, thumb / 12);
        ctx.setLineDash([]);
        ctx.beginPath();
        ctx.moveTo(x0, y0);
        ctx.lineTo(x0 + thumb, y0 + thumb);
        ctx.moveTo(x0 + thumb, y0);
        ctx.lineTo(x0, y0 + thumb);
        ctx.stroke();
      } else if (state === UNIT_STATE.saturated) {
        const lw = Math.max(1.5 * r, thumb / 10);
        ctx.strokeStyle = saturatedMark;
        ctx.lineWidth = lw;
        ctx.setLineDash([Math.max(2, thumb / 6), Math.max(1.5, thumb / 10)]);
        ctx.strokeRect(x0 + lw / 2, y0 + lw / 2, thumb - lw, thumb - lw);
      }
    }
  }
  ctx.restore();
}

/** Per layer: {units, dead, saturated}; the text equivalent of the maps. */
export function unitCounts(maps) {
  const out = [];
  let u = 0;
  for (const units of maps?.layerUnits ?? []) {
    let dead = 0, saturated = 0;
    for (let j = 0; j < units; j++, u++) {
      if (maps.states[u] === UNIT_STATE.dead) dead++;
      else if (maps.states[u] === UNIT_STATE.saturated) saturated++;
    }
    out.push({ units, dead, saturated });
  }
  return out;
}

/**
 * Mounts one network's unit maps: a title, the thumbnails and their text.
 *   {name, label, i18n = englishTranslator}; returns {update({step, maps}), setLanguage(i18n), destroy(), element}.
 * setLanguage rewrites the counts and the canvas's aria-label from the last maps at once.
 */
export function mountUnitMaps(container, { name, label, i18n = englishTranslator }) {
  let words = i18n;
  const root = el('figure', 'al-units', { 'data-activation': name });
  root.style.setProperty('--al-accent', activationColor(name));
  const caption = el('figcaption', 'al-units-title');
  caption.textContent = label ?? name;
  const canvas = el('canvas', 'al-units-canvas', { role: 'img', 'aria-label': words.t('units.notComputed', { name: label ?? name }) });
  const text = el('p', 'al-units-text', { 'data-field': 'unit-counts' });
  root.append(caption, canvas, text);
  container.append(root);
  const ctx = canvas.getContext('2d');
  let last = null;

  // Colours from CSS, read once per colour scheme (getComputedStyle in every draw costs a style pass).
  let colors = null;
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  const onScheme = () => { colors = null; draw(); };
  scheme.addEventListener('change', onScheme);
  const draw = () => {
    if (!last) return;
    if (!colors) {
      const style = getComputedStyle(root);
      colors = {
        background: style.getPropertyValue('--al-scheme').trim() === 'dark' ? [32, 32, 32] : [255, 255, 255],
        deadMark: style.getPropertyValue('--al-danger').trim() || '#a4001d',
        saturatedMark: style.getPropertyValue('--al-warning').trim() || '#8a5a00',
      };
    }
    drawUnitMaps(ctx, last.maps, { pixelRatio: fit.pixelRatio(), ...colors });
  };
  const fit = fitCanvas(canvas, draw);
  let shape = '';

  // The counts as text and the canvas's label, from the last maps.
  function writeText() {
    const { t } = words;
    const counts = unitCounts(last.maps);
    const dead = counts.reduce((s, c) => s + c.dead, 0);
    const saturated = counts.reduce((s, c) => s + c.saturated, 0);
    const total = counts.reduce((s, c) => s + c.units, 0);
    const perLayer = counts.map((c, i) => t('units.layer', { index: String(i + 1), units: String(c.units), dead: String(c.dead),
      saturated: String(c.saturated) })).join(t('views.separator'));
    const summary = t('units.summary', { total: String(total), step: String(last.step), dead: String(dead), saturated: String(saturated) });
    text.textContent = summary;
    text.dataset.dead = String(dead);
    text.dataset.saturated = String(saturated);
    canvas.setAttribute('aria-label', t('units.canvas', { name: label ?? name, summary, layers: perLayer }));
  }

  return {
    element: root,
    update(entry) {
      last = entry;
      // The canvas's CSS width, from its bitmap (fitCanvas keeps it current): reading clientWidth
      // here would force a layout of the whole page in the middle of a frame.
      const cssWidth = canvas.width > 1 ? canvas.width / fit.pixelRatio() : 240;
      const layout = unitMapsLayout(Array.from(entry.maps.layerUnits), cssWidth);
      const key = `${entry.maps.layerUnits.join(',')}|${Math.round(cssWidth)}`;
      if (key !== shape) {
        shape = key;
        canvas.style.height = `${layout.height}px`;  // fitCanvas redraws after the resize
      }
      writeText();
      draw();
    },
    setLanguage(next) {
      words = next;
      if (last) writeText();
      else canvas.setAttribute('aria-label', words.t('units.notComputed', { name: label ?? name }));
    },
    destroy() {
      scheme.removeEventListener('change', onScheme);
      fit.disconnect();
      root.remove();
    },
  };
}
