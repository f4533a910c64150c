// The core as the browser tests' oracle: the same settings the page shows (its address), run here
// in Node through the same module (web/lab/actlab.js), trained to the step each race card shows,
// and compared with what the cards write (data-value and text) and draw (boundary pixels).
// Training is deterministic (one seeded generator: same seed, same steps, same bits), so the
// figures must agree exactly; only the losses are summed by the worker in slices of points
// (Network.evaluatePart), whose order of addition leaves a difference in the last bits.
// Not a test file.
import assert from 'node:assert/strict';
import { loadLabOrFail } from '../node/lab-fixture.mjs';
import { buildParamTable } from '../../web/session/param-table.js';
import { readSettings, configOf } from '../../web/session/settings.js';
import { PRESETS } from '../../web/session/presets.js';
import { classColor } from '../../web/views/palette.js';
import { formatInt, formatLoss, formatPercent } from '../../web/views/format.js';
import { waitForPausedFrame, READY_TIMEOUT_MS } from './lab-page.mjs';

// The loss is a mean of a sum the worker adds up slice by slice: equal up to rounding.
const LOSS_TOLERANCE = 1e-12;
// The race card's boundary colours (race-card.js): chance level shows the background, certainty
// `STRENGTH` of the way to the class colour.
export const LIGHT_BACKGROUND = [255, 255, 255];
export const DARK_BACKGROUND = [28, 28, 30];
const STRENGTH = 0.62;

let labPromise = null;
/** The module, loaded once per test file. */
export const coreLab = () => (labPromise ??= loadLabOrFail());

/** The settings in `hash` (as the page's address holds them) as the core takes them. */
export async function settingsOfHash(hash) {
  const lab = await coreLab();
  const ready = { fields: lab.configFields(), activations: lab.activations(), constants: lab.constants() };
  const table = buildParamTable(ready, { presetNames: PRESETS.map((p) => p.name) });
  const { values } = readSettings(table, hash);
  return {
    config: configOf(table, values), members: values.members, added: values.added,
    cleared: values.data === 'cleared',
  };
}

/**
 * The core's race for `settings`, each member trained to steps[name] (one number: all alike);
 * `addedAt` adds the clicked points after that many steps instead of at step 0 (a click on a
 * running race). Returns {name: {step, metrics, grid(side), unitMaps(side), diagnostics, points}}; call done().
 */
export async function coreRace({ config, members, added = [], cleared = false }, steps, { addedAt = 0 } = {}) {
  const lab = await coreLab();
  const race = cleared
    ? lab.createRace({ ...config, members }, {
      points: Float32Array.from(added.flatMap((p) => [p.x, p.y])), labels: Int32Array.from(added.map((p) => p.label)),
      classes: config.classes, testFraction: config.testFraction })
    : lab.createRace({ ...config, members });
  const addPoints = () => { if (!cleared) for (const p of added) race.addPoint(p.x, p.y, p.label); };
  const stepOf = (name) => (typeof steps === 'number' ? steps : steps[name]);
  if (addedAt === 0) addPoints();
  const domain = lab.constants().domain;
  const out = {};
  members.forEach((name, i) => {
    const net = race.member(i);
    net.train(Math.min(addedAt, stepOf(name)));
  });
  if (addedAt > 0) addPoints();
  members.forEach((name, i) => {
    const net = race.member(i);
    net.train(stepOf(name) - net.steps());
    const data = net.data();
    out[name] = {
      step: net.steps(), metrics: net.evaluate(), diagnostics: net.diagnostics(),
      points: data.train.label.length + data.test.label.length, classes: data.classes,
      grid: (side) => net.predictGrid({ ...domain, width: side, height: side }),
      unitMaps: (side) => net.unitMaps({ ...domain, width: side, height: side }),
    };
  });
  out.done = () => race.delete();
  return out;
}

/**
 * What each race card shows: step and metrics (data-value) with their text, and its grid side.
 * `host`: the selector of an <activation-lab> element in `page` (a page or a frame) whose shadow
 * root holds the cards; without it, the lab page's race.
 */
export function readCards(page, host = null) {
  return page.evaluate((hostSelector) => [...(hostSelector
    ? document.querySelector(hostSelector).shadowRoot.querySelectorAll('.alx-cards [data-member]')
    : document.querySelectorAll('#race-cards [data-member]'))].map((card) => {
    const field = (f) => card.querySelector(`[data-field="${f}"]`);
    const read = (f) => ({ value: Number(field(f).dataset.value), text: field(f).textContent });
    return {
      name: card.dataset.member, gridSide: Number(card.dataset.gridSide),
      step: read('step'), trainLoss: read('train-loss'), testLoss: read('test-loss'),
      trainAccuracy: read('train-accuracy'), testAccuracy: read('test-accuracy'),
    };
  }), host);
}

/**
 * Pauses the page if it plays, and waits until the cards have drawn the paused frame of the run
 * the page last started (a setting committed just before may still have its old run on screen).
 */
export async function pauseRace(page) {
  await page.waitForFunction(() => document.documentElement.dataset.run === String(window.activationLab.session.runId),
    null, { timeout: READY_TIMEOUT_MS });
  if (await page.getAttribute('#play', 'aria-pressed') === 'true') await page.click('#play');
  await waitForPausedFrame(page);
}

/**
 * The colour the palette gives a cell of the core's planar probabilities, as the
 * boundary heatmap maps it: the arg-max class, at its confidence above chance in 256 levels.
 */
function expectedCellColour(probs, cell, n, classes, background, discretize = false) {
  let best = -Infinity;
  let arg = 0;
  let tie = false;
  for (let c = 0; c < classes; c++) {
    const v = probs[c * n + cell];
    if (v > best) { best = v; arg = c; tie = false; } else if (v === best) tie = true;
  }
  const chance = 1 / classes;
  let q = Math.min(255, Math.max(0, Math.floor((best - chance) * (255 / (1 - chance)) + 0.5)));
  // Discretized, every cell takes its class's full colour, however near chance; an exact tie has no class.
  if (discretize) q = tie ? 0 : 255;
  const t = STRENGTH * (q / 255);
  const to = classColor(arg).rgb;
  return background.map((b, k) => Math.min(255, Math.max(0, Math.round(b + (to[k] - b) * t))));
}

/**
 * Cells spread over the board, each with the per-channel range of the colours of its 3x3
 * neighbourhood: the canvas scales the grid up with bilinear smoothing, so the pixel at a cell's
 * centre mixes that cell with its neighbours and must lie within their range. Cells on a sharp edge
 * (a range wider than MAX_RANGE) say little and are skipped.
 */
const MAX_RANGE = 24;
function sampleCells(colours, side, count) {
  const cells = [];
  const stride = Math.max(1, Math.floor(side / 10));
  for (let row = 1 + (stride >> 1); row < side - 1; row += stride) {
    for (let col = 1 + (stride >> 1); col < side - 1; col += stride) {
      const lo = [255, 255, 255];
      const hi = [0, 0, 0];
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          colours[(row + dr) * side + col + dc].forEach((v, k) => { lo[k] = Math.min(lo[k], v); hi[k] = Math.max(hi[k], v); });
        }
      }
      if (hi.every((v, k) => v - lo[k] <= MAX_RANGE)) cells.push({ row, col, lo, hi });
    }
  }
  const every = Math.max(1, Math.floor(cells.length / count));
  return cells.filter((_, i) => i % every === 0).slice(0, count);
}

/** The boundary canvas's [r, g, b] at the centres of `cells` of a side x side grid. */
function readBoundaryPixels(page, member, side, cells) {
  return page.evaluate(([m, s, list]) => {
    const canvas = document.querySelector(`#race-cards [data-member="${m}"] .al-card-boundary`);
    const ctx = canvas.getContext('2d');
    return list.map(({ row, col }) => {
      const x = Math.floor(((col + 0.5) / s) * canvas.width);
      const y = Math.floor(((row + 0.5) / s) * canvas.height);
      return [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)];
    });
  }, [member, side, cells]);
}

/**
 * Asserts that every race card shows the core's numbers for the page's settings (its address) at
 * the card's step: step, losses and accuracies (values and text), and the boundary's colour at
 * flat cells spread over the board. The page must be paused on a drawn frame. Returns the cards.
 */
export async function assertRaceMatchesCore(page, { background = LIGHT_BACKGROUND, discretize = false, addedAt = 0 } = {}) {
  const hash = await page.evaluate(() => location.hash);
  const settings = await settingsOfHash(hash);
  const cards = await readCards(page);
  assert.deepEqual(cards.map((c) => c.name), settings.members, 'the cards race the address\'s members');
  const steps = Object.fromEntries(cards.map((c) => [c.name, c.step.value]));
  const core = await coreRace(settings, steps, { addedAt });
  try {
    for (const card of cards) {
      const want = core[card.name];
      const what = `${card.name} at step ${card.step.value} (${hash})`;
      assertCardMetrics(card, want, what);
      await assertBoundaryMatches(page, card, want, { background, discretize, what });
    }
  } finally {
    core.done();
  }
  return cards;
}

/** One card's step, accuracies and losses (values and text) against the core's network `want`. */
function assertCardMetrics(card, want, what) {
  assert.equal(card.step.text, formatInt(want.step), `${what}: step`);
  for (const key of ['trainAccuracy', 'testAccuracy']) {
    assert.equal(card[key].value, want.metrics[key], `${what}: ${key}`);
    assert.equal(card[key].text, formatPercent(want.metrics[key]), `${what}: ${key} text`);
  }
  for (const key of ['trainLoss', 'testLoss']) {
    const diff = Math.abs(card[key].value - want.metrics[key]);
    assert.ok(diff <= LOSS_TOLERANCE * Math.max(1, Math.abs(want.metrics[key])),
      `${what}: ${key} shows ${card[key].value}, the core ${want.metrics[key]}`);
    assert.equal(card[key].text, formatLoss(want.metrics[key]), `${what}: ${key} text`);
  }
}

/**
 * Asserts that `cards` (as readCards gives them, from any page: an embed's too) show the core's
 * step, losses and accuracies for `settings` (settingsOfHash), each at the step its card shows:
 * the metrics part of assertRaceMatchesCore, for figures whose boundaries this file cannot read.
 */
export async function assertCardsMatchCore(cards, settings, where) {
  assert.deepEqual(cards.map((c) => c.name), settings.members, `${where}: the cards race the settings' members`);
  const core = await coreRace(settings, Object.fromEntries(cards.map((c) => [c.name, c.step.value])));
  try {
    for (const card of cards) assertCardMetrics(card, core[card.name], `${card.name} at step ${card.step.value} (${where})`);
  } finally {
    core.done();
  }
}

async function assertBoundaryMatches(page, card, want, { background, discretize, what }) {
  const side = card.gridSide;
  assert.ok(side >= 16, `${what}: a grid side (${side})`);
  const probs = want.grid(side);
  const n = side * side;
  const colours = Array.from({ length: n }, (_, cell) => expectedCellColour(probs, cell, n, want.classes, background, discretize));
  const cells = sampleCells(colours, side, 12);
  assert.ok(cells.length >= 4, `${what}: cells to sample (${cells.length})`);
  const drawn = await readBoundaryPixels(page, card.name, side, cells);
  cells.forEach(({ row, col, lo, hi }, i) => {
    // One level of slack for the canvas's own rounding when it scales.
    const inside = drawn[i].every((v, k) => v >= lo[k] - 1 && v <= hi[k] + 1);
    assert.ok(inside, `${what}: boundary cell (${row}, ${col}) of ${side} drawn ${drawn[i]}; the palette gives ` +
      `${colours[row * side + col]} for the core's probabilities (neighbours ${lo} to ${hi})`);
  });
}

/**
 * Asserts that the why view's first/last gradient ratio of each of `members` (value and the step
 * its panel shows) is the core's diagnostics of that network at that step. Needs no pause: the
 * panel's step and value are read together. Returns {name: ratio}.
 */
export async function assertWhyMatchesCore(page, members) {
  const hash = await page.evaluate(() => location.hash);
  const shown = await page.evaluate((names) => Object.fromEntries(names.map((name) => {
    const panel = document.querySelector(`#why-panels [data-member="${name}"] .al-why`);
    const ratio = panel?.querySelector('[data-field="grad-ratio"]');
    return [name, { step: Number(panel?.dataset.step), ratio: Number(ratio?.dataset.value) }];
  })), members);
  const settings = await settingsOfHash(hash);
  const core = await coreRace(settings, Object.fromEntries(settings.members.map((name) => [name, shown[name]?.step ?? 0])));
  try {
    for (const name of members) {
      assert.ok(Number.isInteger(shown[name].step), `${name}: the why panel shows its step`);
      assert.equal(shown[name].ratio, core[name].diagnostics.firstLastGradRatio,
        `${name}: the why view's first/last ratio at step ${shown[name].step} (${hash})`);
    }
  } finally {
    core.done();
  }
  return Object.fromEntries(members.map((name) => [name, shown[name].ratio]));
}
