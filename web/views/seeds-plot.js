// The across-seeds strip plot, pure: drawSeedsPlot(ctx, group, options) draws one panel per metric
// (web/session/seeds-results.js SEED_METRICS), one row per activation, a dot per seed, the median
// as a bar and the 10-90% band as a pale box. Every activation of a metric shares its axis.
import { SEED_METRICS, metricValue, spread } from '../session/seeds-results.js';
import { canvasFont } from './canvas-font.js';
import { formatPercent } from './format.js';
import { englishTranslator } from '../i18n/i18n.js';

export const ROW_PX = 18;
const HEADER_PX = 18;
const AXIS_PX = 14;
const LABEL_PX = 96;
const NEVER_PX = 40;  // a column right of the axis for seeds that never reached 90%
const GAP_PX = 8;

/** The CSS height the plot of a group needs. */
export function seedsPlotHeight(group) {
  return SEED_METRICS.length * (HEADER_PX + group.members.length * ROW_PX + AXIS_PX + GAP_PX);
}

/** A dot's vertical offset in its row, from its seed: stable between redraws, spread over the row. */
const jitter = (seed) => ((Math.imul(seed + 1, 2654435761) >>> 0) / 2 ** 32 - 0.5) * (ROW_PX - 6);

/**
 * @param ctx a 2D context whose canvas is `width` x seedsPlotHeight(group) CSS px times `ratio`
 * @param options {width, ratio, labelOf(name), colorOf(name), ink, muted, i18n = englishTranslator (metric names, ticks, "never")}
 */
export function drawSeedsPlot(ctx, group, { width, ratio = 1, labelOf = (n) => n, colorOf, ink = '#222', muted = '#888',
  i18n = englishTranslator }) {
  ctx.save();
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, seedsPlotHeight(group));
  ctx.font = canvasFont(11);
  let top = 0;
  for (const metric of SEED_METRICS) {
    top = drawPanel(ctx, group, metric, { top, width, labelOf, colorOf, ink, muted, i18n });
  }
  ctx.restore();
}

function drawPanel(ctx, group, metric, { top, width, labelOf, colorOf, ink, muted, i18n }) {
  const stats = new Map(group.members.map((name) => [name, spread(group, name, metric.key)]));
  const all = [...stats.values()].flatMap((s) => s.values).filter(Number.isFinite);
  const [lo, hi] = metric.range(group, all);
  const left = LABEL_PX, right = width - (metric.never ? NEVER_PX : 8);
  const x = axisScale(metric.scale, lo, hi, left, right);
  const xOf = (v) => (Number.isFinite(v) ? x(v) : right + NEVER_PX / 2);
  ctx.fillStyle = ink;
  ctx.textAlign = 'left';
  ctx.fillText(i18n.t(`seeds.metric.${metric.key}`), 0, top + 12);
  const rowsTop = top + HEADER_PX;
  group.members.forEach((name, i) => {
    const mid = rowsTop + i * ROW_PX + ROW_PX / 2;
    const s = stats.get(name);
    ctx.fillStyle = ink;
    ctx.textAlign = 'right';
    ctx.fillText(labelOf(name), left - 6, mid + 4);
    if (s.values.length === 0) return;
    ctx.fillStyle = colorOf(name);
    ctx.globalAlpha = 0.18;
    ctx.fillRect(xOf(s.low), mid - ROW_PX / 2 + 1, Math.max(2, xOf(s.high) - xOf(s.low)), ROW_PX - 2);
    ctx.globalAlpha = 0.8;
    group.seeds.forEach((seed) => {
      const v = metricOf(seed, name, metric.key);
      if (v === null) return;
      ctx.beginPath();
      ctx.arc(xOf(v), mid + jitter(seed.seed), 2.5, 0, 2 * Math.PI);
      ctx.fill();
    });
    ctx.globalAlpha = 1;
    ctx.fillRect(xOf(s.median) - 1.5, mid - ROW_PX / 2 + 1, 3, ROW_PX - 2);
  });
  drawAxis(ctx, metric, { lo, hi, x, left, right, y: rowsTop + group.members.length * ROW_PX, muted, i18n });
  return rowsTop + group.members.length * ROW_PX + AXIS_PX + GAP_PX;
}

function metricOf(seed, name, key) {
  return seed.failed ? null : metricValue(seed.members?.[name], key);
}

function axisScale(scale, lo, hi, left, right) {
  if (scale === 'log') {
    const a = Math.log10(lo), b = Math.log10(hi);
    return (v) => left + (Math.log10(Math.max(v, lo)) - a) / (b - a) * (right - left);
  }
  return (v) => left + (v - lo) / (hi - lo || 1) * (right - left);
}

function drawAxis(ctx, metric, { lo, hi, x, left, right, y, muted, i18n }) {
  ctx.strokeStyle = muted;
  ctx.fillStyle = muted;
  ctx.beginPath();
  ctx.moveTo(left, y + 0.5);
  ctx.lineTo(right, y + 0.5);
  ctx.stroke();
  // The middle tick only where it is a whole number or a share (dead units 0-1 have none).
  const middle = (lo + hi) / 2;
  const ticks = metric.scale === 'log' || !(metric.percent || Number.isInteger(middle)) ? [lo, hi] : [lo, middle, hi];
  for (const [i, v] of ticks.entries()) {
    ctx.textAlign = i === 0 ? 'left' : i === ticks.length - 1 ? 'right' : 'center';
    ctx.fillText(tickText(metric, v, i18n), x(v), y + 12);
  }
  if (metric.never) {
    ctx.textAlign = 'center';
    ctx.fillText(i18n.t('seeds.never'), right + NEVER_PX / 2, y + 12);
  }
}

function tickText(metric, v, i18n) {
  if (metric.percent) return formatPercent(v, 0, { i18n });  // ticks 0, 0.5, 1: as `${Math.round(v * 100)}%`
  if (metric.scale === 'log') return v.toExponential(0);
  return String(Math.round(v));
}
