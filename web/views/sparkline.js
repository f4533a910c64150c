// A small line chart of a series (recent batch losses), with no axes: its job is the shape of the
// curve (falling, flat, noisy, exploding), read at a glance next to the numbers that give the scale.

/**
 * Draws `values` left to right over the whole canvas.
 *   options: {log = false (log10 scale: losses span decades), color = '#333', lineWidth = 1.5 (CSS px),
 *             pixelRatio = 1, min, max (fixed range; default: the finite values' range),
 *             padding = 3 (CSS px), marker = true (dot on the last finite value), clear = true}
 * Non-finite values (and values <= 0 on a log scale) are skipped and leave a gap, so one NaN batch
 * never turns the whole line into garbage. More values than pixel columns are reduced to a min/max
 * envelope per column, so a long series costs no more than the canvas is wide.
 */
export function drawSparkline(ctx, values, options = {}) {
  const { log = false, color = '#333', lineWidth = 1.5, pixelRatio = 1, padding = 3,
          marker = true, clear = true } = options;
  const { width, height } = ctx.canvas;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (clear) ctx.clearRect(0, 0, width, height);

  const n = values?.length ?? 0;
  const map = log ? (v) => (v > 0 ? Math.log10(v) : NaN) : (v) => v;
  let lo = Infinity, hi = -Infinity, last = -1;
  for (let i = 0; i < n; i++) {
    const v = map(values[i]);
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    last = i;
  }
  if (options.min !== undefined) lo = map(options.min);
  if (options.max !== undefined) hi = map(options.max);
  if (last < 0 || !Number.isFinite(lo) || !Number.isFinite(hi)) { ctx.restore(); return; }
  if (hi - lo < 1e-12) { lo -= 0.5; hi += 0.5; }  // a flat series sits mid-height

  const pad = padding * pixelRatio;
  const plotW = Math.max(1, width - 2 * pad), plotH = Math.max(1, height - 2 * pad);
  const xOf = (i) => pad + (n > 1 ? (i / (n - 1)) * plotW : plotW / 2);
  const yOf = (v) => pad + (1 - (Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * plotH;

  ctx.beginPath();
  if (n <= 2 * plotW) {
    let pen = false;
    for (let i = 0; i < n; i++) {
      const v = map(values[i]);
      if (!Number.isFinite(v)) { pen = false; continue; }
      if (pen) ctx.lineTo(xOf(i), yOf(v)); else ctx.moveTo(xOf(i), yOf(v));
      pen = true;
    }
  } else {
    // Envelope: one vertical stroke per pixel column from its min to its max, joined column to column.
    const cols = Math.floor(plotW);
    let pen = false;
    for (let col = 0; col < cols; col++) {
      const a = Math.floor((col * n) / cols), b = Math.floor(((col + 1) * n) / cols);
      let cmin = Infinity, cmax = -Infinity;
      for (let i = a; i < b; i++) {
        const v = map(values[i]);
        if (v < cmin) cmin = v;  // NaN fails both comparisons and drops out
        if (v > cmax) cmax = v;
      }
      if (cmin > cmax) { pen = false; continue; }
      const x = pad + col + 0.5;
      if (pen) ctx.lineTo(x, yOf(cmin)); else ctx.moveTo(x, yOf(cmin));
      ctx.lineTo(x, yOf(cmax));
      pen = true;
    }
  }
  ctx.lineWidth = lineWidth * pixelRatio;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.strokeStyle = color;
  ctx.stroke();

  if (marker) {
    ctx.beginPath();
    ctx.arc(xOf(last), yOf(map(values[last])), 2.2 * pixelRatio, 0, 2 * Math.PI);
    ctx.fillStyle = color;
    ctx.fill();
  }
  ctx.restore();
}
