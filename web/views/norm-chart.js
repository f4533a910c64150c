// Gradient norm by layer on a log scale: the vanishing-gradient picture. With sigmoid, each layer
// nearer the input gets a gradient a few times smaller (|sigmoid'| <= 0.25), so the line falls by
// decades from right (output) to left (input); with ReLU they stay within about one decade.

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * Draws one dot per layer (input side first), joined by a line, over the whole canvas: heights on a
 * log10 scale with a gridline per decade.
 *   values: number[] or Float64Array, one gradient norm per layer
 *   options: {labels = ['1', '2', ...], color = '#555', pixelRatio = 1, minDecades = 4 (so a flat
 *             profile looks flat, not stretched over the whole height),
 *             textColor = '#444', gridColor = '#e3e3e3', fontSize = 10 (CSS px), clear = true}
 * A zero or non-finite norm has no log: its slot shows '0' or '–' at the baseline instead of a dot.
 */
export function drawNormChart(ctx, values, options = {}) {
  const { color = '#555', pixelRatio: pr = 1, minDecades = 4, textColor = '#444', gridColor = '#e3e3e3',
          fontSize = 10, clear = true } = options;
  const n = values?.length ?? 0;
  const labels = options.labels ?? Array.from({ length: n }, (_, i) => String(i + 1));
  const { width, height } = ctx.canvas;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (clear) ctx.clearRect(0, 0, width, height);
  if (n === 0) { ctx.restore(); return; }

  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v > 0 && Number.isFinite(v)) {
      const l = Math.log10(v);
      if (l < lo) lo = l;
      if (l > hi) hi = l;
    }
  }
  if (lo === Infinity) { lo = -2; hi = 0; }
  lo = Math.floor(lo);
  hi = Math.ceil(hi);
  if (hi - lo < minDecades) lo = hi - minDecades;

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
  const slot = plotW / n, r = 3.5 * pr;
  const xs = Array.from({ length: n }, (_, i) => plotX + slot * (i + 0.5));
  const finite = (v) => v > 0 && Number.isFinite(v);
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < n; i++) {
    if (!finite(values[i])) { pen = false; continue; }
    const y = yOf(Math.log10(values[i]));
    if (pen) ctx.lineTo(xs[i], y); else ctx.moveTo(xs[i], y);
    pen = true;
  }
  ctx.lineWidth = 2 * pr;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = color;
  ctx.stroke();
  ctx.textBaseline = 'top';
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (finite(v)) {
      ctx.beginPath();
      ctx.arc(xs[i], yOf(Math.log10(v)), r, 0, 2 * Math.PI);
      ctx.fillStyle = color;
      ctx.fill();
      ctx.lineWidth = 1.5 * pr;
      ctx.strokeStyle = '#fff';
      ctx.stroke();
    } else {
      ctx.fillStyle = textColor;
      const t = v === 0 ? '0' : '–';
      ctx.fillText(t, xs[i] - ctx.measureText(t).width / 2, baseY - font - 2 * pr);
    }
    ctx.fillStyle = textColor;
    const label = labels[i] ?? '';
    ctx.fillText(label, xs[i] - ctx.measureText(label).width / 2, baseY + 4 * pr);
  }
  ctx.restore();
}
