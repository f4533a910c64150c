// Wires the component gallery (demo.html): mounts every view, feeds it synthetic data on
// requestAnimationFrame (or once, with ?static), and times drawBoundary in this browser.
// ?lang=zh-CN mounts every view in that language (and gives the racers plain names, so every word
// shown is the views' own); window.__setLanguage(lang) switches every view at once, for the tests.

import { mountRaceCard } from './race-card.js';
import { mountWhyPanel } from './why-panel.js';
import { mountCostChart } from './cost-chart.js';
import { drawSparkline } from './sparkline.js';
import { drawHistogram } from './histogram.js';
import { drawBoundary, createBoundaryScratch } from './heatmap.js';
import { fitCanvas } from './canvas-fit.js';
import { activationColor } from './palette.js';
import { mountFigureSections } from './demo-figures.js';
import {
  DOMAIN, spiralPoints, blobPoints, spiralGrid, blobGrid, nanGrid, lossSeries,
  syntheticCosts, benchGrid, racerMetrics,
} from './demo-data.js';
import { diagnosticsFor } from './demo-diagnostics.js';
import { galleryTranslator, exposeLanguageSwitch } from './gallery-language.js';

const params = new URLSearchParams(location.search);
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
let playing = !params.has('static') && !reducedMotion;
const GRID = 128;
const plainNames = params.has('lang');
const i18n = await galleryTranslator();
const views = [];  // every mounted view, for __setLanguage

// ---- Race cards ----
let spiral = spiralPoints(240);
const blobs = blobPoints(180, 6);
const RACERS = [
  // name, label, skill reached (how well it "learns" the spiral), learning speed, sharpness
  { name: 'sigmoid', label: 'Sigmoid', skill: 0.3, rate: 4e-4, sharp: 2.5 },
  { name: 'tanh', label: 'Tanh', skill: 0.75, rate: 8e-4, sharp: 4 },
  { name: 'relu', label: 'ReLU', skill: 1, rate: 1.5e-3, sharp: 7 },
  { name: 'leaky_relu', label: 'Leaky ReLU', skill: 1, rate: 1.3e-3, sharp: 6.5 },
  { name: 'relu', label: plainNames ? 'ReLU' : 'ReLU, learning rate 3', divergeAt: 430 },
  { name: 'gelu', label: plainNames ? 'GELU' : 'GELU, 6 classes', classes: 6 },
];
const cardsEl = document.getElementById('cards');
const cards = RACERS.map((r) => ({ ...r, view: mountRaceCard(cardsEl, { ...r, i18n }), points: r.classes ? blobs : spiral }));
views.push(...cards.map((c) => c.view));

function cardStateFor(card, step, withGrid = true) {
  const progress = 1 - Math.exp(-(card.rate ?? 1e-3) * step);
  let grid, diverged = card.divergeAt !== undefined && step >= card.divergeAt, divergedAt = null, losses;
  if (!withGrid) {
    divergedAt = diverged ? card.divergeAt : null;  // text-only state: grid and losses absent
  } else if (card.classes) {
    grid = blobGrid(GRID, GRID, card.classes, 0.4 + 1.6 * progress);
    losses = lossSeries(200, step, { start: 1.8, end: 0.3 });
  } else if (card.divergeAt !== undefined) {
    divergedAt = diverged ? card.divergeAt : null;
    grid = diverged ? nanGrid(GRID, GRID) : spiralGrid(GRID, GRID, 0.4 * progress, 3);
    losses = lossSeries(200, step, { start: 0.7, end: 0.6, nanFrom: card.divergeAt });
  } else {
    grid = spiralGrid(GRID, GRID, card.skill * progress, 0.5 + card.sharp * progress);
    losses = lossSeries(200, step, { start: 0.7, end: 0.69 - 0.64 * card.skill, rate: card.rate });
  }
  return {
    step, grid, losses, diverged, divergedAt, points: card.points, domain: DOMAIN,
    metrics: racerMetrics(card, step),
    stepsPerSecond: diverged ? 0 : 4200 + (card.name.length * 131) % 700,
  };
}

// Clicking a boundary adds a point to the shared training set (new arrays, so every card redraws it).
const clickLog = document.getElementById('click-log');
const addClass = document.getElementById('add-class');
cardsEl.addEventListener('point-click', (event) => {
  const { x, y, name } = event.detail;
  const c = Number(addClass.value);
  const t = spiral.train;
  spiral = {
    train: { x: Float32Array.of(...t.x, x), y: Float32Array.of(...t.y, y), label: Int32Array.of(...t.label, c) },
    test: spiral.test,
  };
  for (const card of cards) if (!card.classes) { card.points = spiral; card.view.update({ points: spiral }); }
  clickLog.textContent = `point-click from ${name} at (${x.toFixed(2)}, ${y.toFixed(2)}): added a class ${c} point.`;
});

const labels = Object.fromEntries(RACERS.map((r) => [r.name, r.label]));
Object.assign(labels, { elu: 'ELU', gelu: 'GELU', swish: 'Swish / SiLU', mish: 'Mish', relu: 'ReLU' });

// ---- Claims strip, colour key, loss chart, unit maps, why comparison (demo-figures.js) ----
// One entry per distinct racer, as on the lab page: the four of the default race.
const figures = mountFigureSections({ racers: RACERS.slice(0, 4), labelOf: (name) => labels[name] ?? name, i18n });
views.push(...figures.views);

// ---- Why panels (on the comparison's shared axis, as the page draws them) and cost chart ----
const whyEl = document.getElementById('why');
const whySigmoid = mountWhyPanel(whyEl, { name: 'sigmoid', label: plainNames ? 'Sigmoid' : 'Sigmoid: vanishing gradients', i18n });
const whyRelu = mountWhyPanel(whyEl, { name: 'relu', label: plainNames ? 'ReLU' : 'ReLU: sparse, some units dead', i18n });
whySigmoid.update(diagnosticsFor('sigmoid'), { normRange: figures.normRange });
whyRelu.update(diagnosticsFor('relu'), { normRange: figures.normRange });

const cost = mountCostChart(document.getElementById('cost'), { labels, i18n });
views.push(whySigmoid, whyRelu, cost);
exposeLanguageSwitch(views);
cost.update({ costs: syntheticCosts(), stepsPerSecond: { sigmoid: 4150, tanh: 4080, relu: 4630, leaky_relu: 4570 } });

// ---- Animation ----
// New boundaries every 4th frame (synthesising them in JS is this gallery's own cost, not the views');
// the frames between update only text, which is what update() is meant to make cheap.
let step = params.has('static') ? 3000 : 0;
let frameCount = 0;
const updateTimes = [];
function frame() {
  // In a still frame the diverging card first shows a live boundary, then diverges (frozen grey).
  if (!playing && step >= 430) cards[4].view.update(cardStateFor(cards[4], 400));
  const fresh = frameCount++ % 4 === 0;
  const states = cards.map((card) => cardStateFor(card, step, fresh));
  const t0 = performance.now();
  cards.forEach((card, i) => card.view.update(states[i]));
  updateTimes.push(performance.now() - t0);
  figures.update(step, { fresh });
  if (updateTimes.length > 240) updateTimes.shift();
  // Mean main-thread time of all cards' update() per frame, for anyone checking from devtools.
  document.documentElement.dataset.updateMs = (updateTimes.reduce((a, b) => a + b, 0) / updateTimes.length).toFixed(3);
  if (playing) {
    step += 10;
    requestAnimationFrame(frame);
  }
}
frame();
const toggle = document.getElementById('toggle');
toggle.textContent = playing ? 'Pause' : 'Play';
toggle.addEventListener('click', () => {
  playing = !playing;
  toggle.textContent = playing ? 'Pause' : 'Play';
  if (playing) requestAnimationFrame(frame);
});

// ---- Primitives ----
const gaps = Float32Array.from({ length: 120 }, (_, i) => (i % 37 > 30 ? NaN : Math.sin(i / 9) + 0.2 * Math.cos(i)));
gaps[60] = Infinity;
const longSeries = lossSeries(5000, 5000, { start: 2, end: 0.01, rate: 1e-3 });
const histCounts = Uint32Array.from({ length: 28 }, (_, i) => Math.round(400 * Math.exp(-0.5 * ((i - 16) / 3) ** 2)));
const prims = [
  ['spark-gaps', (ctx, pr) => drawSparkline(ctx, gaps, { color: activationColor('tanh'), pixelRatio: pr })],
  ['spark-log', (ctx, pr) => drawSparkline(ctx, longSeries, { log: true, color: activationColor('relu'), pixelRatio: pr })],
  ['hist', (ctx, pr) => drawHistogram(ctx, histCounts, {
    lo: -12, hi: 2, zeroCount: 900, zeroColor: '#777', color: activationColor('relu'), pixelRatio: pr,
    formatTick: (v) => `1e${v}`,
  })],
];
for (const [id, draw] of prims) {
  const canvas = document.getElementById(id);
  const ctx = canvas.getContext('2d');
  const fit = fitCanvas(canvas, () => draw(ctx, fit.pixelRatio()));
}

// ---- drawBoundary timing ----
// Batches of calls average over the browser's coarse timer; the best batch is the cost on an idle
// machine, the median what this machine gives now. "Per frame" times one call per animation frame,
// as the page makes them. It blocks the page for a few seconds, so it runs on request (the button,
// or ?bench in the address).
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const benchButton = document.getElementById('run-bench');
benchButton.addEventListener('click', () => { benchButton.disabled = true; runBench(); });
if (params.has('bench')) setTimeout(() => benchButton.click(), 300);
async function runBench() {
  const canvas = document.getElementById('bench-canvas');
  const ctx = canvas.getContext('2d');
  const body = document.getElementById('bench');
  const results = [];
  for (const [side, classes] of [[128, 2], [128, 8], [256, 2], [256, 4], [256, 8]]) {
    const grid = benchGrid(side, classes);
    const scratch = createBoundaryScratch();
    for (let i = 0; i < 30; i++) drawBoundary(ctx, grid, { scratch });  // warm-up: let the JIT optimise
    const batches = [];
    for (let b = 0; b < 25; b++) {
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) drawBoundary(ctx, grid, { scratch });
      batches.push((performance.now() - t0) / 10);
    }
    const frames = [];
    for (let f = 0; f < 20; f++) {
      await nextFrame();
      const t0 = performance.now();
      drawBoundary(ctx, grid, { scratch });
      frames.push(performance.now() - t0);
    }
    const median = (a) => a.sort((x, y) => x - y)[a.length >> 1];
    const row = { side, classes, best: Math.min(...batches), median: median(batches), perFrame: median(frames) };
    results.push(row);
    const tr = document.createElement('tr');
    tr.dataset.grid = `${side}x${side}-${classes}`;
    for (const v of [`${side} x ${side}`, String(classes), row.best.toFixed(2), row.median.toFixed(2), row.perFrame.toFixed(2)]) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.append(td);
    }
    body.append(tr);
  }
  document.documentElement.dataset.benchDone = 'true';
  console.info('drawBoundary timing (ms):', JSON.stringify(results));
}
