// Loss and accuracy over steps for every racer in ONE chart with shared axes: loss on a log axis
// (top), accuracy (bottom), train solid, test dashed, one colour per activation. Beside the boards,
// so "sigmoid is still at 0.69 while ReLU is at 0.05" reads at a glance, with the same x-axis for
// everyone. A table under a disclosure holds the same numbers as text.
import { activationColor } from './palette.js';
import { fitCanvas } from './canvas-fit.js';
import { formatInt, formatLoss, formatPercent } from './format.js';
import { el } from './dom.js';
import { canvasFont } from './canvas-font.js';
import { englishTranslator } from '../i18n/i18n.js';

const TEXT_INTERVAL_MS = 500;  // the table is for reading, not for animation
const DRAW_INTERVAL_MS = 200;  // a curve over thousands of steps needs no 60 Hz redraw

/**
 * Draws both panels over the whole canvas.
 *   series: [{name, color, history: {step, trainLoss, testLoss, trainAccuracy, testAccuracy}}]
 *   options: {pixelRatio = 1, showTest = true, fg, muted, grid (CSS colours), font = 11 (CSS px),
 *             i18n = englishTranslator (the axis names and the percent ticks)}
 * Non-finite or non-positive losses are skipped (a gap), so a diverged run never draws garbage.
 */
export function drawLossChart(ctx, series, options = {}) {
  const { pixelRatio: r = 1, showTest = true, fg = '#1b1b1b', muted = '#595959', grid = '#d6d6d6', font = 11,
    i18n = englishTranslator } = options;
  const { width, height } = ctx.canvas;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = canvasFont(font * r);

  const { maxStep, lo, hi } = historyExtent(series, showTest);
  // Each panel's title sits in its own band above the panel (never under the lines); the x axis
  // has its tick labels and its name, "step", below the lower panel.
  const title = (font + 6) * r;
  const left = 44 * r, right = 8 * r, top = title, gap = 20 * r + title, bottom = 2 * (font + 5) * r;
  const plotW = Math.max(1, width - left - right);
  const panelH = Math.max(1, (height - top - gap - bottom) / 2);
  const xOf = (step) => left + (maxStep > 0 ? step / maxStep : 0) * plotW;
  const loDec = Number.isFinite(lo) ? Math.floor(Math.log10(lo)) : -2;
  let hiDec = Number.isFinite(hi) ? Math.ceil(Math.log10(hi)) : 1;
  if (hiDec <= loDec) hiDec = loDec + 1;
  const lossTop = top, accTop = top + panelH + gap;
  const yLoss = (v) => lossTop + (1 - (Math.log10(v) - loDec) / (hiDec - loDec)) * panelH;
  const yAcc = (v) => accTop + (1 - v) * panelH;

  // Axes, grid lines and labels.
  ctx.lineWidth = r;
  ctx.fillStyle = muted;
  ctx.strokeStyle = grid;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const step = Math.max(1, Math.ceil((hiDec - loDec) / 4));
  for (let d = loDec; d <= hiDec; d += step) {
    const y = yLoss(10 ** d);
    hline(ctx, left, left + plotW, y);
    ctx.fillText(`1e${d}`, left - 4 * r, y);
  }
  for (const a of [0, 0.5, 1]) {
    const y = yAcc(a);
    hline(ctx, left, left + plotW, y);
    ctx.fillText(formatPercent(a, 0, { i18n }), left - 4 * r, y);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of niceTicks(maxStep, 4)) ctx.fillText(formatInt(t), xOf(t), accTop + panelH + 4 * r);
  ctx.fillStyle = fg;
  ctx.fillText(i18n.t('loss.axis.step'), left + plotW / 2, accTop + panelH + (font + 8) * r);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  ctx.fillText(i18n.t('loss.axis.loss'), left, lossTop - 3 * r);
  ctx.fillText(i18n.t('loss.axis.accuracy'), left, accTop - 3 * r);

  drawHistoryLines(ctx, series, { xOf, yLoss, yAcc, r, showTest });
  ctx.restore();
}

// The last step and the smallest and largest positive finite loss drawn (test losses only when shown).
function historyExtent(series, showTest) {
  let maxStep = 0, lo = Infinity, hi = -Infinity;
  const lossKeys = showTest ? ['trainLoss', 'testLoss'] : ['trainLoss'];
  for (const s of series) {
    const h = s.history;
    if (!h) continue;
    for (let i = 0; i < h.step.length; i++) {
      maxStep = Math.max(maxStep, h.step[i]);
      for (const key of lossKeys) {
        const v = h[key][i];
        if (v > 0 && Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      }
    }
  }
  return { maxStep, lo, hi };
}

// Every racer's lines, train solid and test dashed; a value that cannot be drawn leaves a gap.
function drawHistoryLines(ctx, series, { xOf, yLoss, yAcc, r, showTest }) {
  ctx.lineJoin = 'round';
  for (const s of series) {
    const h = s.history;
    if (!h || h.step.length === 0) continue;
    ctx.strokeStyle = s.color;
    for (const [key, y, dashed] of [['trainLoss', yLoss, false], ['testLoss', yLoss, true],
      ['trainAccuracy', yAcc, false], ['testAccuracy', yAcc, true]]) {
      if (dashed && !showTest) continue;
      const isLoss = key.endsWith('Loss');
      ctx.setLineDash(dashed ? [4 * r, 3 * r] : []);
      ctx.lineWidth = (dashed ? 1.5 : 2) * r;
      ctx.beginPath();
      let pen = false;
      for (let i = 0; i < h.step.length; i++) {
        const v = h[key][i];
        const ok = Number.isFinite(v) && (!isLoss || v > 0);
        if (!ok) { pen = false; continue; }
        const px = xOf(h.step[i]), py = y(isLoss ? v : Math.min(1, Math.max(0, v)));
        if (pen) ctx.lineTo(px, py); else ctx.moveTo(px, py);
        pen = true;
      }
      ctx.stroke();
    }
  }
}

function hline(ctx, x0, x1, y) {
  ctx.beginPath();
  ctx.moveTo(x0, Math.round(y) + 0.5);
  ctx.lineTo(x1, Math.round(y) + 0.5);
  ctx.stroke();
}

/** About `count` round tick values in [0, max] (1, 2 or 5 times a power of ten apart). */
export function niceTicks(max, count) {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const unit = [1, 2, 5, 10].find((m) => m * mag >= raw) * mag;
  const ticks = [];
  for (let t = 0; t <= max + 1e-9; t += unit) ticks.push(t);
  return ticks;
}

/**
 * Mounts the chart with its key and its text table into `container`.
 *   options: {labelOf(name) -> string, i18n = englishTranslator}
 * Returns {update(members, {showTest}), setLanguage(i18n), destroy(), element}; members as in a FRAME
 * message; setLanguage rewrites the caption, key, table and canvas words from the last members.
 */
export function mountLossChart(container, { labelOf = (n) => n, i18n = englishTranslator } = {}) {
  let words = i18n;
  const { root, key, canvas, body, writeWords } = buildLossChart();
  writeWords(words);
  container.append(root);

  const ctx = canvas.getContext('2d');
  let members = [];
  let showTest = true;
  let keyNames = '';
  let textAt = -Infinity;
  let drawnAt = -Infinity;
  let colors = null;  // read from CSS once per colour scheme: getComputedStyle every frame costs a style pass
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  const onScheme = () => { colors = null; draw(); };
  scheme.addEventListener('change', onScheme);
  const draw = () => {
    if (!colors) {
      const style = getComputedStyle(root);
      const css = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
      colors = { fg: css('--al-fg', '#1b1b1b'), muted: css('--al-muted', '#595959'), grid: css('--al-border', '#d6d6d6') };
    }
    drawnAt = performance.now();
    drawLossChart(ctx, members.map((m) => ({ name: m.name, color: activationColor(m.name), history: m.history })), {
      pixelRatio: fit.pixelRatio(), showTest, ...colors, i18n: words,
    });
  };
  const fit = fitCanvas(canvas, draw);

  function updateKeyChanged() {
    const names = members.map((m) => m.name).join(',') + showTest;
    if (names === keyNames) return false;
    keyNames = names;
    fillKey(key, members, showTest, labelOf, words);
    return true;
  }

  function updateText(now) {
    if (now - textAt < TEXT_INTERVAL_MS) return;
    textAt = now;
    body.replaceChildren(...members.map((m) => tableRow(m, labelOf, words)));
  }

  return {
    element: root,
    update(next, options = {}) {
      members = next;
      if (options.showTest !== undefined) showTest = options.showTest;
      const now = performance.now();
      const keyChanged = updateKeyChanged();
      updateText(now);
      if (keyChanged || now - drawnAt >= DRAW_INTERVAL_MS) draw();
    },
    setLanguage(next) {
      words = next;
      writeWords(words);
      keyNames = '';
      textAt = -Infinity;
      updateKeyChanged();
      updateText(performance.now());
      draw();
    },
    destroy() {
      scheme.removeEventListener('change', onScheme);
      fit.disconnect();
      root.remove();
    },
  };
}

/** The chart's elements: caption, colour key, canvas, and its numbers as a table under a disclosure. */
function buildLossChart() {
  const root = el('figure', 'al-loss');
  const title = el('figcaption', 'al-loss-title');

  const key = el('p', 'al-loss-key');
  const canvas = el('canvas', 'al-loss-canvas', { role: 'img' });
  const details = el('details', 'al-loss-numbers');
  const summary = el('summary');

  const table = el('table', 'al-table');
  const head = el('thead');
  const headRow = el('tr');
  const columns = ['network', 'step', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'];
  const heads = columns.map(() => el('th', null, { scope: 'col' }));
  headRow.append(...heads);
  head.append(headRow);
  const body = el('tbody');
  table.append(head, body);
  details.append(summary, table);
  root.append(title, key, canvas, details);
  const writeWords = ({ t }) => {
    title.textContent = t('loss.caption');
    canvas.setAttribute('aria-label', t('loss.canvas'));
    summary.textContent = t('loss.table');
    heads.forEach((th, i) => { th.textContent = t(`loss.col.${columns[i]}`); });
  };
  return { root, key, canvas, body, writeWords };
}

/** The key: one colour chip per network, then what the solid and dashed lines are. */
function fillKey(key, members, showTest, labelOf, { t }) {
  key.replaceChildren();
  for (const m of members) {
    const item = el('span', 'al-loss-key-item');
    const chip = el('span', 'al-swatch', { 'aria-hidden': 'true' });
    chip.style.background = activationColor(m.name);
    item.append(chip, document.createTextNode(labelOf(m.name)));
    key.append(item);
  }
  const lines = el('span', 'al-loss-key-item');
  lines.textContent = t(showTest ? 'loss.lines.both' : 'loss.lines.train');
  key.append(lines);
}

/** One network's row of the numbers table. */
function tableRow(m, labelOf, i18n) {
  const tr = el('tr');
  const th = el('th', null, { scope: 'row' });
  th.textContent = labelOf(m.name);
  const metrics = m.metrics ?? {};
  const cells = [formatInt(m.step, { i18n }), formatLoss(metrics.trainLoss, { i18n }), formatLoss(metrics.testLoss, { i18n }),
    formatPercent(metrics.trainAccuracy, 1, { i18n }), formatPercent(metrics.testAccuracy, 1, { i18n })];
  tr.append(th, ...cells.map((text) => { const td = el('td'); td.textContent = text; return td; }));
  return tr;
}
