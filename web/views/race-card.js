// One racing network: its decision boundary with the data over it, its numbers, its loss curve, and a
// visible "diverged" state. Mountable alone (an embedded figure) or as one of 2-8 cards on the page.
//
// update() is called every animation frame, so it only redraws what changed: the boundary when a new
// probability array arrives, the points when the data or domain change, the sparkline when new losses
// arrive, text only when its string changes. The boundary and the points are two stacked canvases, so a
// new boundary never repaints the points and vice versa.

import { activationColor } from './palette.js';
import { createBoundaryScratch, drawBoundary, blitBoundary, muteBoundary, drawPoints } from './heatmap.js';
import { drawSparkline } from './sparkline.js';
import { fitCanvas } from './canvas-fit.js';
import { formatInt, formatLoss, formatPercent, formatRate, setText } from './format.js';
import { el } from './dom.js';
import { attachBoardInput } from './board-input.js';
import { englishTranslator } from '../i18n/i18n.js';

const STATS = [
  // [data-field, label's catalog key, read from the card's state, format(v, i18n)]
  ['step', 'card.step', (s) => s.step, (v, i18n) => formatInt(v, { i18n })],
  ['train-loss', 'card.trainLoss', (s) => s.metrics?.trainLoss, (v, i18n) => formatLoss(v, { i18n })],
  ['test-loss', 'card.testLoss', (s) => s.metrics?.testLoss, (v, i18n) => formatLoss(v, { i18n })],
  ['train-accuracy', 'card.trainAccuracy', (s) => s.metrics?.trainAccuracy, (v, i18n) => formatPercent(v, 1, { i18n })],
  ['test-accuracy', 'card.testAccuracy', (s) => s.metrics?.testAccuracy, (v, i18n) => formatPercent(v, 1, { i18n })],
  // What the reader sees: steps this board advanced per second (the worker's capacity, training
  // time only, is the page's secondary figure).
  ['steps-per-second', 'card.stepsPerSecond', (s) => (Number.isFinite(s.advancedPerSecond) ? s.advancedPerSecond : s.stepsPerSecond),
    (v, i18n) => formatRate(v, { i18n })],
];

// A note under the card of an activation that needs a word wherever it races: Identity's boundary is
// a straight line, so on curved data its accuracy sits near chance (a broken lab, without the note).
const CARD_NOTES = { identity: 'card.note.identity' };

const LIGHT_BACKGROUND = [255, 255, 255];
const DARK_BACKGROUND = [28, 28, 30];  // chance level on a dark page: the classes glow out of it

/**
 * Mounts a race card into `container` (appended; the container's other children are left alone).
 *   {name: activation id ('relu'), label: shown title ('ReLU'), headingLevel = 3, i18n = englishTranslator}
 * Returns {update(state), redraw(), setLanguage(i18n), destroy(), element}; setLanguage rewrites the
 * card's words (labels, badge, the board's aria-label) from the last state at once.
 *   state (every field optional; absent fields keep their last value):
 *     {step, metrics: {trainLoss, testLoss, trainAccuracy, testAccuracy}, losses: Float32Array,
 *      grid: {probs, width, height, classes}, points: {train: PointSet, test: PointSet},
 *      domain: {xMin, xMax, yMin, yMax}, diverged, divergedAt, stepsPerSecond, advancedPerSecond,
 *      showTest = true (draw the test points), discretize = false (each cell in its class's full
 *      colour), dark = false (a dark background for chance level)}
 *   A part is redrawn when its array is a new object; after refilling an array in place, call redraw().
 * Clicking or tapping the boundary (or Enter/Space on its keyboard cursor) dispatches on `container`
 *   new CustomEvent('point-click', {bubbles: true, detail: {x, y, name}})  (x, y in data coordinates).
 */
export function mountRaceCard(container, { name, label, headingLevel = 3, i18n = englishTranslator }) {
  const color = activationColor(name);
  let words = i18n;
  const { root, badge, boundaryCanvas, pointsCanvas, cursor, fields, terms, note, sparkCaption, sparkCanvas } =
    buildCard(name, label, headingLevel, color, words);
  container.append(root);

  // What is on screen, so update() can tell what changed.
  const shown = { probs: null, points: [], domain: null, losses: null, diverged: false, drawn: false };
  const last = {};  // the latest value of every state field
  const { scratch, drawPointsLayer, drawSparkLayer, drawBoundaryLayer, disconnect } =
    cardLayers({ root, boundaryCanvas, pointsCanvas, sparkCanvas, color }, last, shown);

  function update(state) {
    if (!state) return;
    shown.anyState = true;
    for (const key of Object.keys(state)) if (state[key] !== undefined) last[key] = state[key];

    writeText();
    const diverged = Boolean(last.diverged);
    const display = `${last.showTest !== false}|${Boolean(last.discretize)}|${Boolean(last.dark)}`;
    const displayChanged = display !== shown.display;
    shown.display = display;
    if (displayChanged && !diverged) scratch.image = null;
    if (diverged) {
      if (!scratch.muted) drawBoundaryLayer();
    } else if (last.grid && (last.grid.probs !== shown.probs || displayChanged)) {
      drawBoundaryLayer();
    }

    if (displayChanged || !samePoints(last.points, shown.points) || !sameDomain(last.domain, shown.domain)) {
      shown.points = pointRefs(last.points);
      shown.domain = last.domain && { ...last.domain };
      drawPointsLayer();
    }
    if (last.losses !== shown.losses) {
      shown.losses = last.losses;
      drawSparkLayer();
    }
  }

  const writeText = () => writeCardText({ root, badge, fields, pointsCanvas }, last, shown, label ?? name, words);

  function setLanguage(next) {
    words = next;
    STATS.forEach(([field, key]) => { terms[field].textContent = words.t(key); });
    sparkCaption.textContent = words.t('card.spark');
    if (note) note.textContent = words.t(CARD_NOTES[name]);
    writeText();
  }

  function redraw() {
    // Recompute from the stored probabilities, not the stored pixels; a frozen (diverged) boundary
    // keeps its pixels, since the probabilities it has now are the non-finite ones.
    if (!last.diverged) scratch.image = null;
    drawBoundaryLayer();
    drawPointsLayer();
    drawSparkLayer();
  }

  // Pointer and keyboard input: both end in the same data-coordinate event.
  const input = attachBoardInput(pointsCanvas, cursor, (fx, fy) => dispatchPointClick(container, last.domain, fx, fy, name));

  function destroy() {
    disconnect();
    input.detach();
    root.remove();
  }

  return { update, redraw, setLanguage, destroy, element: root };
}

// Every word and number shown as text, from `last`: each frame, and at once on a language switch.
function writeCardText({ root, badge, fields, pointsCanvas }, last, shown, title, i18n) {
  for (const [field, , read, format] of STATS) {
    const v = read(last);
    if (v !== undefined) setText(fields[field], format(v, i18n), v);
  }
  showDiverged(root, badge, last, shown, i18n);
  // The board's label says what it shows now, for a reader who cannot see it.
  const text = shown.anyState ? boardDescription(title, last, i18n) : i18n.t('card.board.initial', { name: title });
  if (pointsCanvas.getAttribute('aria-label') !== text) pointsCanvas.setAttribute('aria-label', text);
}

// A click or key at (fx, fy), as shares of the board from its top left, in data coordinates.
function dispatchPointClick(container, d, fx, fy, name) {
  if (!d) return;
  const x = d.xMin + fx * (d.xMax - d.xMin);
  const y = d.yMax - fy * (d.yMax - d.yMin);
  container.dispatchEvent(new CustomEvent('point-click', { bubbles: true, detail: { x, y, name } }));
}

/**
 * The card's three canvases as layers drawn from `last` (the latest state fields), each refitted
 * to its box: the boundary (kept as an image in `scratch`, so a resize only re-scales it), the
 * points, the loss sparkline. Records what it drew in `shown`.
 */
function cardLayers({ root, boundaryCanvas, pointsCanvas, sparkCanvas, color }, last, shown) {
  const boundaryCtx = boundaryCanvas.getContext('2d');
  const pointsCtx = pointsCanvas.getContext('2d');
  const sparkCtx = sparkCanvas.getContext('2d');
  const scratch = createBoundaryScratch();

  const drawPointsLayer = () => {
    pointsCtx.clearRect(0, 0, pointsCanvas.width, pointsCanvas.height);
    if (!last.points || !last.domain) return;
    const points = last.showTest === false ? { train: last.points.train } : last.points;
    drawPoints(pointsCtx, points, last.domain, { pixelRatio: pointsFit.pixelRatio() });
  };
  const boundaryOptions = () => ({
    scratch, discretize: Boolean(last.discretize), background: last.dark ? DARK_BACKGROUND : LIGHT_BACKGROUND,
  });
  const drawSparkLayer = () => {
    drawSparkline(sparkCtx, last.losses, { log: true, color, pixelRatio: sparkFit.pixelRatio() });
  };
  const drawBoundaryLayer = () => {
    if (last.diverged) {
      // Frozen: the last live boundary, greyed. If the run diverged before any boundary was shown,
      // draw the grid it has (non-finite cells come out neutral grey) and grey that.
      if (!scratch.image && last.grid) drawBoundary(boundaryCtx, last.grid, boundaryOptions());
      muteBoundary(boundaryCtx, scratch);
    } else if (last.grid) {
      drawBoundary(boundaryCtx, last.grid, boundaryOptions());
    } else {
      return;
    }
    shown.probs = last.grid?.probs ?? null;
    if (!shown.drawn) { shown.drawn = true; root.dataset.drawn = 'true'; }
  };

  const boundaryFit = fitCanvas(boundaryCanvas, () => blitOrDraw());
  const pointsFit = fitCanvas(pointsCanvas, drawPointsLayer);
  const sparkFit = fitCanvas(sparkCanvas, drawSparkLayer);
  // After a resize the stored image only needs re-scaling, not recomputing.
  function blitOrDraw() {
    if (scratch.image) blitBoundary(boundaryCtx, scratch); else drawBoundaryLayer();
  }

  const disconnect = () => {
    boundaryFit.disconnect();
    pointsFit.disconnect();
    sparkFit.disconnect();
  };
  return { scratch, drawPointsLayer, drawSparkLayer, drawBoundaryLayer, disconnect };
}

/** The diverged state on the card (data-diverged, class, badge text); returns whether it diverged. */
function showDiverged(root, badge, last, shown, i18n) {
  const diverged = Boolean(last.diverged);
  if (diverged !== shown.diverged) {
    shown.diverged = diverged;
    root.dataset.diverged = String(diverged);
    root.classList.toggle('is-diverged', diverged);
    badge.hidden = !diverged;
  }
  if (diverged) {
    const at = Number.isFinite(last.divergedAt) ? last.divergedAt : last.step;
    setText(badge, i18n.t('card.diverged', { step: formatInt(at, { i18n }) }), at);
  }
  return diverged;
}

/** The card's elements: head with title and diverged badge, the board's two canvases and cursor, stats, sparkline. */
function buildCard(name, label, headingLevel, color, i18n) {
  const root = el('article', 'al-card', { 'data-activation': name, 'data-diverged': 'false' });
  root.style.setProperty('--al-accent', color);

  const head = el('header', 'al-card-head');
  const title = el(`h${Math.min(6, Math.max(1, headingLevel))}`, 'al-card-title');
  title.textContent = label ?? name;
  const badge = el('span', 'al-badge', { 'data-field': 'diverged', role: 'status' });
  badge.hidden = true;
  head.append(el('span', 'al-swatch', { 'aria-hidden': 'true' }), title, badge);

  const plot = el('div', 'al-card-plot');
  const boundaryCanvas = el('canvas', 'al-card-boundary', { 'aria-hidden': 'true' });
  const pointsCanvas = el('canvas', 'al-card-points', {
    tabindex: '0',
    role: 'img',
    'aria-label': i18n.t('card.board.initial', { name: label ?? name }),
    'aria-keyshortcuts': 'ArrowUp ArrowDown ArrowLeft ArrowRight Enter Space',
  });
  const cursor = el('div', 'al-card-cursor', { 'aria-hidden': 'true' });
  cursor.hidden = true;
  plot.append(boundaryCanvas, pointsCanvas, cursor);

  const stats = el('dl', 'al-card-stats');
  const fields = {};
  const terms = {};
  for (const [field, key] of STATS) {
    const row = el('div', 'al-stat');
    const dt = el('dt');
    dt.textContent = i18n.t(key);
    terms[field] = dt;
    const dd = el('dd', null, { 'data-field': field });
    dd.textContent = '–';
    row.append(dt, dd);
    stats.append(row);
    fields[field] = dd;
  }

  const spark = el('figure', 'al-card-spark');
  const sparkCanvas = el('canvas', null, { 'aria-hidden': 'true' });
  const sparkCaption = el('figcaption');
  sparkCaption.textContent = i18n.t('card.spark');
  spark.append(sparkCanvas, sparkCaption);

  let note = null;
  if (Object.hasOwn(CARD_NOTES, name)) {
    note = el('p', 'al-card-note', { 'data-field': 'note' });
    note.textContent = i18n.t(CARD_NOTES[name]);
  }
  root.append(head, plot, stats, ...(note ? [note] : []), spark);
  return { root, badge, boundaryCanvas, pointsCanvas, cursor, fields, terms, note, sparkCaption, sparkCanvas };
}

/** What the board shows, in a sentence (no step count: a label that changed every frame would keep assistive tech busy). */
export function boardDescription(name, last, i18n = englishTranslator) {
  const { t } = i18n;
  let text;
  if (last.diverged) {
    const at = Number.isFinite(last.divergedAt) ? last.divergedAt : last.step;
    text = t('card.board.diverged', { name, step: formatInt(at, { i18n }) });
  } else {
    const m = last.metrics ?? {};
    const train = formatPercent(m.trainAccuracy, 0, { i18n });
    if (!Number.isFinite(m.trainAccuracy)) text = t('card.board.notEvaluated', { name });
    else if (Number.isFinite(m.testAccuracy)) text = t('card.board.accuracyTest', { name, train, test: formatPercent(m.testAccuracy, 0, { i18n }) });
    else text = t('card.board.accuracy', { name, train });
  }
  return t('card.board.withHint', { text, hint: t('card.board.addPoint') });
}


// Points count as changed when any of their arrays is a new object (the worker transfers new ones).
function pointRefs(p) {
  return [p, p?.train?.x, p?.train?.y, p?.train?.label, p?.test?.x, p?.test?.y, p?.test?.label];
}
function samePoints(p, refs) {
  const now = pointRefs(p);
  return now.every((r, i) => r === refs[i]);
}

function sameDomain(a, b) {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.xMin === b.xMin && a.xMax === b.xMax && a.yMin === b.yMin && a.yMax === b.yMax;
}
