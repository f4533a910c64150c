// A histogram of pre-binned counts (the module bins; the page only draws), with labelled x-axis ticks.
// Used for log10 |dL/dW| per layer and for activation values per layer.

import { inkOf } from './scheme-colors.js';
import { englishTranslator } from '../i18n/i18n.js';

import { CANVAS_FONT_FAMILY as FONT_FAMILY } from './canvas-font.js';

/**
 * Draws `counts` as bars over the whole canvas; bin i covers [lo + i w, lo + (i+1) w], w = (hi-lo)/bins.
 *   options: {lo, hi (required), color = '#555', pixelRatio = 1, scale = 'linear' | 'sqrt',
 *             ticks (values to label; default: about 4 round values), formatTick = (v) => string,
 *             zeroCount (if a number: one extra bar left of the axis, for values counted apart, e.g.
 *             exact-zero gradients that have no log), zeroLabel = '0', zeroColor,
 *             textColor = '#444', axisColor = '#999', fontSize = 10 (CSS px), clear = true,
 *             countAxis = false (a vertical axis on the left labelled 0 and the tallest bar's count,
 *             named by countLabel = 'count' above it),
 *             clampBins = false (the first and last bins also hold every value beyond them: drawn
 *             striped, and their edge ticks read "≤ lo" and "≥ hi", so a pile-up there does not
 *             read as a spike at that value)}
 * Bars share one scale with the zero bar, so a layer whose gradients are mostly exactly zero shows it.
 */
export function drawHistogram(ctx, counts, options) {
  // Text and axis ink: given, or the canvas's own scheme (light text on a dark panel).
  const ink = options.textColor && options.axisColor ? null : inkOf(ctx.canvas);
  const { lo, hi, color = '#555', pixelRatio: pr = 1, scale = 'linear', formatTick = formatNumber,
          zeroLabel = '0', textColor = ink?.muted, axisColor = ink?.muted, fontSize = 10, clear = true } = options;
  const zeroCount = Number.isFinite(options.zeroCount) ? options.zeroCount : null;
  const zeroColor = options.zeroColor ?? color;
  const { width, height } = ctx.canvas;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (clear) ctx.clearRect(0, 0, width, height);
  if (!(hi > lo)) { ctx.restore(); return; }

  const font = fontSize * pr;
  const bins = counts?.length ?? 0;
  let max = zeroCount ?? 0;
  for (let i = 0; i < bins; i++) if (counts[i] > max) max = counts[i];

  ctx.font = `${font}px ${FONT_FAMILY}`;
  const countText = formatCount(max);
  // The count axis: its labels' width, a gap, then a 1-px line (left of the zero bar, if any).
  const left = options.countAxis ? Math.ceil(ctx.measureText(countText).width + 5 * pr) : 0;
  const axisH = Math.round(font + 5 * pr);
  const countLabel = options.countLabel ?? 'count';
  const top = Math.round(options.countAxis ? font * 1.7 : 2 * pr);
  const plotH = Math.max(1, height - axisH - top);
  const zeroW = zeroCount === null ? 0 : Math.round(Math.max(8 * pr, width * 0.06));
  const gap = zeroCount === null ? 0 : Math.round(5 * pr);
  const inset = Math.round(font * 0.9);  // room for the outermost tick labels to centre on their ticks
  const zeroX = left;
  const plotX = left + zeroW + gap + (zeroCount === null ? inset : 0);
  const plotW = Math.max(1, width - plotX - inset);
  const baseY = top + plotH;
  const h = scale === 'sqrt' ? (c) => Math.sqrt(c / max) * plotH : (c) => (c / max) * plotH;

  if (max > 0) {
    drawBars(ctx, counts, { plotX, plotW, baseY, zeroX, zeroW, h, pr },
      { color, zeroColor, zeroCount, clampBins: options.clampBins });
  }
  if (options.countAxis) {
    drawCountAxis(ctx, { left, top, plotH, baseY, pr }, { countText, countLabel, axisColor, textColor });
  }

  // Axis line and ticks.
  ctx.fillStyle = axisColor;
  ctx.fillRect(plotX, baseY, plotW, Math.max(1, Math.round(pr)));
  if (zeroCount !== null) ctx.fillRect(zeroX, baseY, zeroW, Math.max(1, Math.round(pr)));
  ctx.textBaseline = 'top';
  const ticks = options.ticks ?? niceTicks(lo, hi, 4);
  for (const v of ticks) {
    if (!(v >= lo && v <= hi)) continue;
    const x = Math.round(plotX + ((v - lo) / (hi - lo)) * plotW);
    ctx.fillStyle = axisColor;
    ctx.fillRect(x, baseY, Math.max(1, Math.round(pr)), Math.round(3 * pr));
    ctx.fillStyle = textColor;
    const edge = options.clampBins && (v === lo ? '\u2264' : v === hi ? '\u2265' : '');
    const text = `${edge || ''}${formatTick(v)}`;
    const tw = ctx.measureText(text).width;
    // Centred on the tick, but kept inside the canvas.
    ctx.fillText(text, Math.min(width - tw, Math.max(zeroCount === null ? left : plotX, x - tw / 2)), baseY + 3 * pr);
  }
  if (zeroCount !== null) {
    ctx.fillStyle = textColor;
    const tw = ctx.measureText(zeroLabel).width;
    ctx.fillText(zeroLabel, Math.max(zeroX, zeroX + zeroW / 2 - tw / 2), baseY + 3 * pr);
  }
  ctx.restore();
}

// The bars, one per bin, and the zero bar (left of the axis) on the same height scale h.
function drawBars(ctx, counts, { plotX, plotW, baseY, zeroX, zeroW, h, pr }, { color, zeroColor, zeroCount, clampBins }) {
  const bins = counts?.length ?? 0;
  const bw = plotW / bins;
  const barGap = bw > 4 * pr ? pr : 0;
  ctx.fillStyle = color;
  for (let i = 0; i < bins; i++) {
    const c = counts[i];
    if (!(c > 0)) continue;
    // At least one device pixel tall: a bin with any count must be visible.
    const bh = Math.max(pr, h(c));
    ctx.fillRect(plotX + i * bw, baseY - bh, Math.max(pr * 0.75, bw - barGap), bh);
  }
  if (clampBins) stripeEnds(ctx, counts, { plotX, bw, baseY, h, pr, barGap });
  if (zeroCount > 0) {
    ctx.fillStyle = zeroColor;
    const bh = Math.max(pr, h(zeroCount));
    ctx.fillRect(zeroX, baseY - bh, zeroW, bh);
  }
}

// The vertical count axis: a line with a tick at the top, 0 and the tallest count, its name above.
function drawCountAxis(ctx, { left, top, plotH, baseY, pr }, { countText, countLabel, axisColor, textColor }) {
  ctx.fillStyle = axisColor;
  ctx.fillRect(left - Math.max(1, Math.round(pr)), top, Math.max(1, Math.round(pr)), plotH);
  ctx.fillRect(left - Math.round(3 * pr), top, Math.round(3 * pr), Math.max(1, Math.round(pr)));
  ctx.fillStyle = textColor;
  ctx.textBaseline = 'middle';
  ctx.fillText(countText, left - 4 * pr - ctx.measureText(countText).width, top);
  ctx.fillText('0', left - 4 * pr - ctx.measureText('0').width, baseY);
  ctx.textBaseline = 'top';
  ctx.fillText(countLabel, 0, 0);
}

// The clamp bins, striped: pale diagonal lines cut through the first and last bars.
function stripeEnds(ctx, counts, { plotX, bw, baseY, h, pr, barGap }) {
  for (const i of [0, counts.length - 1]) {
    if (!(counts[i] > 0)) continue;
    const x = plotX + i * bw, w = Math.max(pr * 0.75, bw - barGap), bh = Math.max(pr, h(counts[i]));
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, baseY - bh, w, bh);
    ctx.clip();
    ctx.globalCompositeOperation = 'destination-out';
    ctx.lineWidth = Math.max(1, pr);
    ctx.beginPath();
    for (let d = -bh; d < w + bh; d += 4 * pr) {
      ctx.moveTo(x + d, baseY);
      ctx.lineTo(x + d + bh, baseY - bh);
    }
    ctx.stroke();
    ctx.restore();
  }
}

/** About `count` round values (steps of 1, 2 or 5 times a power of ten) within [lo, hi]. */
export function niceTicks(lo, hi, count = 4) {
  if (!(hi > lo) || !Number.isFinite(hi - lo)) return [];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

/** Counts on the count axis: 950, 12k, 1.2M. */
export function formatCount(v) {
  if (!(v >= 0)) return '0';
  if (v < 1000) return String(Math.round(v));
  if (v < 1e6) return `${+(v / 1000).toPrecision(v < 1e4 ? 2 : 3)}k`;
  return `${+(v / 1e6).toPrecision(2)}M`;
}

// What a histogram counts, as its catalog key (histogram.unit.*).
const UNITS = { values: 'values', weights: 'weights', outputs: 'outputs', 'unit outputs': 'outputs' };

/**
 * A sentence for screen readers: where most of the counts sit, e.g. "4000 values; most in
 * [1e-4, 1e-3.5] (62%); 12 exact zeros". formatEdge formats a bin edge; unit: 'values' | 'weights' |
 * 'outputs' ('unit outputs'); i18n: the reader's translator (English by default).
 */
export function describeHistogram(counts, { lo, hi, zeroCount = null, formatEdge = formatNumber, unit = 'values', i18n = englishTranslator }) {
  const { t } = i18n;
  const unitText = t(`histogram.unit.${UNITS[unit] ?? 'values'}`);
  const bins = counts?.length ?? 0;
  let total = zeroCount ?? 0, peak = -1;
  for (let i = 0; i < bins; i++) {
    total += counts[i];
    if (peak < 0 || counts[i] > counts[peak]) peak = i;
  }
  if (!total || peak < 0) return t('histogram.none', { unit: unitText });
  const w = (hi - lo) / bins;
  const share = Math.round((100 * counts[peak]) / total);
  const text = t('histogram.text', { total: String(total), unit: unitText, lo: formatEdge(lo + peak * w),
    hi: formatEdge(lo + (peak + 1) * w), share: i18n.lang === 'en' ? `${share}%` : i18n.percent(share / 100) });
  return zeroCount === null ? text : t('histogram.zeros', { text, zeros: String(zeroCount) });
}

function formatNumber(v) {
  return Number.isInteger(v) ? String(v) : String(+v.toPrecision(3));
}
