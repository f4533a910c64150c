// One plotter for the curves and depth figures: lines (and shaded bands) over a linear x axis and a
// linear or log10 y axis, with labelled ticks, axis titles, horizontal reference lines and a
// cursor. Pure: (ctx, plot, options) -> void, drawing over the whole canvas in device pixels.

import { CANVAS_FONT_FAMILY as FONT_FAMILY } from './canvas-font.js';

/** Ticks at "nice" steps (1, 2, 5 x 10^k) covering [lo, hi], about `count` of them. */
export function linearTicks(lo, hi, count = 5) {
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** Whole decades covering [lo, hi] (log10 values), thinned to at most `max` labels. */
export function decadeTicks(lo, hi, max = 8) {
  const every = Math.max(1, Math.ceil((hi - lo) / max));
  const out = [];
  for (let d = Math.ceil(lo); d <= Math.floor(hi); d += 1) if ((Math.floor(hi) - d) % every === 0) out.push(d);
  return out;
}

/** "10^-6" style label of a decade, "1" and "10" and "0.1" spelled out. */
export function decadeLabel(d) {
  if (d === 0) return '1';
  if (d === 1) return '10';
  if (d === -1) return '0.1';
  return `10${String(d).replace('-', '\u207B').replace(/\d/g, (c) => '\u2070\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079'[c])}`;
}

/**
 * plot: {
 *   x: {lo, hi, ticks?: number[], label?},  y: {lo, hi, log?: boolean (lo/hi are then log10), ticks?, label?},
 *   series: [{values: [[x, y], ...], color, dash?: number[], width?: number}],
 *   bands: [{lower: [[x, y]...], upper: [[x, y]...], color}]   (filled between, translucent),
 *   hLines: [{y, color, label?, dash?}],  cursor: {x}?
 * }
 * options: {pixelRatio = 1, fg = '#1b1b1b', muted = '#595959', grid = '#d6d6d6', fontSize = 11}
 * Non-finite or (on a log axis) non-positive points break a line instead of being drawn.
 * Returns the plot area {left, top, width, height} in device pixels.
 */
export function drawLinePlot(ctx, plot, options = {}) {
  const { pixelRatio: pr = 1, fontSize = 11 } = options;
  const colors = { fg: '#1b1b1b', muted: '#595959', grid: '#d6d6d6', ...options };
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.font = `${fontSize * pr}px ${FONT_FAMILY}`;
  const frame = frameOf(ctx, plot, fontSize * pr, pr);
  drawAxes(ctx, plot, frame, colors);
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top - 2 * pr, frame.width, frame.height + 4 * pr);
  ctx.clip();
  drawBands(ctx, plot.bands ?? [], frame);
  drawReferenceLines(ctx, plot.hLines ?? [], frame);
  drawSeries(ctx, plot.series ?? [], frame);
  ctx.restore();
  if (plot.cursor && Number.isFinite(plot.cursor.x)) {
    ctx.fillStyle = colors.fg;
    ctx.fillRect(Math.round(frame.tx(plot.cursor.x)), frame.top, Math.max(1, Math.round(pr)), frame.height);
  }
  ctx.restore();
  return { left: frame.left, top: frame.top, width: frame.width, height: frame.height };
}

// The plot area (margins sized to the tick labels) and the data -> device pixel mappings.
function frameOf(ctx, { x, y }, font, pr) {
  const yTicks = y.ticks ?? (y.log ? decadeTicks(y.lo, y.hi) : linearTicks(y.lo, y.hi, 4));
  const yText = (v) => (y.log ? decadeLabel(v) : formatTick(v));
  const left = Math.ceil(Math.max(...yTicks.map((v) => ctx.measureText(yText(v)).width), 0) + (y.label ? font * 1.6 : 0) + 8 * pr);
  const top = Math.round(font * 0.8), bottom = Math.round(font * (x.label ? 2.8 : 1.6));
  const width = Math.max(1, ctx.canvas.width - left - 8 * pr), height = Math.max(1, ctx.canvas.height - top - bottom);
  return {
    left, top, width, height, font, pr, yTicks, yText,
    tx: (v) => left + ((v - x.lo) / (x.hi - x.lo)) * width,
    ty: (v) => top + height - ((v - y.lo) / (y.hi - y.lo)) * height,
    yOf: (v) => (y.log ? (v > 0 ? Math.log10(v) : NaN) : v),  // a data value to the axis's units
  };
}

function drawAxes(ctx, { x, y }, f, { fg, muted, grid }) {
  const { left, top, width, height, font, pr } = f;
  ctx.textBaseline = 'middle';
  for (const v of f.yTicks) {
    ctx.fillStyle = grid;
    ctx.fillRect(left, Math.round(f.ty(v)), width, Math.max(1, Math.round(pr)));
    ctx.fillStyle = muted;
    const t = f.yText(v);
    ctx.fillText(t, left - 4 * pr - ctx.measureText(t).width, f.ty(v));
  }
  ctx.textBaseline = 'top';
  for (const v of x.ticks ?? linearTicks(x.lo, x.hi, 6)) {
    const t = formatTick(v);
    ctx.fillStyle = grid;
    ctx.fillRect(Math.round(f.tx(v)), top + height, Math.max(1, Math.round(pr)), 4 * pr);
    ctx.fillStyle = muted;
    ctx.fillText(t, f.tx(v) - ctx.measureText(t).width / 2, top + height + 5 * pr);
  }
  ctx.fillStyle = fg;
  if (x.label) ctx.fillText(x.label, left + width / 2 - ctx.measureText(x.label).width / 2, ctx.canvas.height - font * 1.2);
  if (y.label) {
    ctx.save();
    ctx.translate(2 * pr, top + height / 2 + ctx.measureText(y.label).width / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(y.label, 0, 0);
    ctx.restore();
  }
}

function drawBands(ctx, bands, f) {
  for (const band of bands) {
    const pts = [...band.upper, ...band.lower.slice().reverse()].map(([a, b]) => [f.tx(a), f.ty(f.yOf(b))]);
    if (pts.length < 3 || !pts.every(([a, b]) => Number.isFinite(a) && Number.isFinite(b))) continue;
    ctx.beginPath();
    pts.forEach(([a, b], i) => (i ? ctx.lineTo(a, b) : ctx.moveTo(a, b)));
    ctx.closePath();
    ctx.globalAlpha = 0.2;
    ctx.fillStyle = band.color;
    ctx.fill();
    ctx.globalAlpha = 1;
  }
}

function drawReferenceLines(ctx, lines, f) {
  for (const line of lines) {
    const py = f.ty(f.yOf(line.y));
    if (!Number.isFinite(py)) continue;
    ctx.setLineDash((line.dash ?? [5, 4]).map((d) => d * f.pr));
    ctx.strokeStyle = line.color;
    ctx.lineWidth = 1.25 * f.pr;
    ctx.beginPath();
    ctx.moveTo(f.left, py);
    ctx.lineTo(f.left + f.width, py);
    ctx.stroke();
    ctx.setLineDash([]);
    if (line.label) {
      ctx.fillStyle = line.color;
      ctx.textBaseline = 'bottom';
      ctx.fillText(line.label, f.left + 4 * f.pr, py - f.pr);
    }
  }
}

function drawSeries(ctx, series, f) {
  for (const s of series) {
    ctx.beginPath();
    let pen = false;
    for (const [a, b] of s.values) {
      const px = f.tx(a), py = f.ty(f.yOf(b));
      if (!Number.isFinite(px) || !Number.isFinite(py)) { pen = false; continue; }
      if (pen) ctx.lineTo(px, py); else ctx.moveTo(px, py);
      pen = true;
    }
    ctx.setLineDash((s.dash ?? []).map((d) => d * f.pr));
    ctx.strokeStyle = s.color;
    ctx.lineWidth = (s.width ?? 2) * f.pr;
    ctx.lineJoin = 'round';
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

function formatTick(v) {
  return Number.isInteger(v) ? String(v).replace('-', '\u2212') : String(+v.toPrecision(3)).replace('-', '\u2212');
}
