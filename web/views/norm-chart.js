// Gradient norm by layer on a log scale: the vanishing-gradient picture. With sigmoid, each layer
// nearer the input gets a gradient a few times smaller (|sigmoid'| <= 0.25), so the line falls by
// decades from right (output) to left (input); with ReLU they stay within about one decade.

import { inkOf } from './scheme-colors.js';

import { CANVAS_FONT_FAMILY as FONT_FAMILY } from './canvas-font.js';

/** The shared log10 range [lo, hi] (whole decades, at least minDecades) of several norm profiles. */
export function normRange(profiles, minDecades = 4) {
  let lo = Infinity, hi = -Infinity;
  for (const values of profiles) {
    for (const v of values ?? []) {
      if (v > 0 && Number.isFinite(v)) {
        const l = Math.log10(v);
        if (l < lo) lo = l;
        if (l > hi) hi = l;
      }
    }
  }
  if (lo === Infinity) { lo = -2; hi = 0; }
  lo = Math.floor(lo);
  hi = Math.ceil(hi);
  if (hi - lo < minDecades) lo = hi - minDecades;
  return { lo, hi };
}

/**
 * Draws one dot per layer (input side first), joined by a line, over the whole canvas: heights on a
 * log10 scale with a gridline per decade.
 *   values: number[] or Float64Array, one gradient norm per layer
 *   options: {labels = ['1', '2', ...], color = '#555', pixelRatio = 1, minDecades = 4 (so a flat
 *             profile looks flat, not stretched over the whole height), range: {lo, hi} (log10; shared
 *             by several charts so they compare; default: this profile's own, see normRange),
 *             textColor, gridColor (default: the canvas's --al-muted and --al-border), fontSize = 10 (CSS px), clear = true}
 * A zero or non-finite norm has no log: its slot shows '0' or '–' at the baseline instead of a dot.
 */
export function drawNormChart(ctx, values, options = {}) {
  drawNormSeries(ctx, [{ values, color: options.color ?? '#555' }], options);
}

/**
 * Several profiles on one log axis: series = [{values, color, dash: number[] (optional)}]; the
 * range covers them all unless options.range is given. Same options as drawNormChart; dots are
 * offset a little per series so equal values stay visible.
 */
export function drawNormSeries(ctx, series, options = {}) {
  const ink = inkOf(ctx.canvas);  // the panel's scheme, unless colours are given
  const { pixelRatio: pr = 1, minDecades = 4, textColor = ink.muted, gridColor = ink.grid, dotRing = ink.surface,
          fontSize = 10, clear = true } = options;
  const n = Math.max(0, ...series.map((s) => s.values?.length ?? 0));
  const labels = options.labels ?? Array.from({ length: n }, (_, i) => String(i + 1));
  const { width, height } = ctx.canvas;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (clear) ctx.clearRect(0, 0, width, height);
  if (n === 0) { ctx.restore(); return; }

  const { lo, hi } = options.range ?? normRange(series.map((s) => s.values), minDecades);
  const font = fontSize * pr;
  ctx.font = `${font}px ${FONT_FAMILY}`;
  const tickText = (d) => `1e${d}`;
  const axisW = Math.ceil(Math.max(ctx.measureText(tickText(lo)).width, ctx.measureText(tickText(hi)).width) + 6 * pr);
  const top = Math.round(Math.max(font * 0.6, 5 * pr)), bottomH = Math.round(font + 6 * pr);
  const plotX = axisW, plotW = Math.max(1, width - axisW - 2 * pr);
  const plotH = Math.max(1, height - top - bottomH), baseY = top + plotH;
  const yOf = (l) => baseY - ((l - lo) / (hi - lo)) * plotH;

  // One gridline per decade; label every decade while they fit, every other one when crowded.
  const every = plotH / (hi - lo) < font * 1.3 ? Math.ceil((font * 1.3) / (plotH / (hi - lo))) : 1;
  ctx.textBaseline = 'middle';
  for (let d = lo; d <= hi; d++) {
    const y = Math.round(yOf(d));
    ctx.fillStyle = gridColor;
    ctx.fillRect(plotX, y, plotW, Math.max(1, Math.round(pr)));
    if ((hi - d) % every === 0) {
      ctx.fillStyle = textColor;
      const t = tickText(d);
      ctx.fillText(t, axisW - 4 * pr - ctx.measureText(t).width, y);
    }
  }

  // Dots joined by a line rather than bars: a log axis has no zero to grow bars from, and the slope
  // from dot to dot is the reading (a fall of one decade per layer is the vanishing gradient).
  const slot = plotW / n, r = (series.length > 1 ? 3 : 3.5) * pr;
  const spreadX = series.length > 1 ? Math.min(slot * 0.3, 12 * pr) : 0;
  series.forEach((s, k) => {
    const shift = series.length > 1 ? spreadX * (k / (series.length - 1) - 0.5) : 0;
    const xOf = (i) => plotX + slot * (i + 0.5) + shift;
    drawProfile(ctx, s, xOf, yOf, { pr, r, dotRing, textColor, baseY, font, markGaps: series.length === 1 });
  });
  ctx.textBaseline = 'top';
  ctx.fillStyle = textColor;
  for (let i = 0; i < n; i++) {
    const label = labels[i] ?? '';
    ctx.fillText(label, plotX + slot * (i + 0.5) - ctx.measureText(label).width / 2, baseY + 4 * pr);
  }
  ctx.restore();
}

// One profile: its dots joined by a line that breaks where a norm has no log; with markGaps (a
// single profile), such a slot reads '0' or '–' at the baseline instead.
function drawProfile(ctx, s, xOf, yOf, { pr, r, dotRing, textColor, baseY, font, markGaps }) {
  const finite = (v) => v > 0 && Number.isFinite(v);
  const values = s.values ?? [];
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < values.length; i++) {
    if (!finite(values[i])) { pen = false; continue; }
    const y = yOf(Math.log10(values[i]));
    if (pen) ctx.lineTo(xOf(i), y); else ctx.moveTo(xOf(i), y);
    pen = true;
  }
  ctx.lineWidth = 2 * pr;
  ctx.lineJoin = 'round';
  ctx.setLineDash((s.dash ?? []).map((d) => d * pr));
  ctx.strokeStyle = s.color ?? '#555';
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.textBaseline = 'top';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (finite(v)) {
      ctx.beginPath();
      ctx.arc(xOf(i), yOf(Math.log10(v)), r, 0, 2 * Math.PI);
      ctx.fillStyle = s.color ?? '#555';
      ctx.fill();
      ctx.lineWidth = 1.5 * pr;
      ctx.strokeStyle = dotRing;
      ctx.stroke();
    } else if (markGaps) {
      ctx.fillStyle = textColor;
      const t = v === 0 ? '0' : '–';
      ctx.fillText(t, xOf(i) - ctx.measureText(t).width / 2, baseY - font - 2 * pr);
    }
  }
}
