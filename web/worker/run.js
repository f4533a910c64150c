// One run: a race of networks (same data, weights and batches; different activations) plus
// what the page needs about it: loss and metrics histories, measured training speed, and snapshots
// packed as protocol messages with their transfer lists. Every method that calls the core does so
// for ONE member, so the worker's loop can interleave them with reading its messages
// (training-loop.js): no single call holds the worker for all members at once.
import { FromWorker, GRID_SIDE, UNIT_MAP_SIDE, DOMAIN } from '../app/protocol.js';
import { LossHistory, MetricsHistory } from './loss-history.js';
import { createRunRace } from './run-data.js';
import { SpeedMeter } from './speed-meter.js';

// The untimed warm-up batch (see trainMember()): this many training points, and only after the
// worker was idle this long (back-to-back calls within a slice are warm already).
const WARM_UP_POINTS = 8;
const WARM_UP_AFTER_IDLE_MS = 2;
// Longest a boundary grid may hold the worker (estimated from the training time per point).
const GRID_BUDGET_MS = 60;
// Time one slice of an evaluation aims for (points per slice from the measured time per point).
const EVALUATE_SLICE_MS = 20;
const MAX_SLICE_POINTS = 20000;  // the core's largest count (kMaxPoints)

export class Run {
  /** Throws the core's Error when the configuration is invalid. */
  constructor(lab, { runId, config, members, data }, notify) {
    this.runId = runId;
    this.names = members.slice();
    this.notify = notify;  // (message) => void, for errors that must not stop the other networks
    this.classes = config.classes;
    this.race = createRunRace(lab, config, members, data);
    this.dataVersion = 0;  // bumped when clicked points change the data
    this.warmUp = this.race ? warmUpBatch(this.race.member(0)) : null;
    this.lastTrainedAt = -Infinity;
    this.countPoints();
    this.batchSize = Math.max(1, Math.min(this.trainSize, config.batchSize ?? lab.defaultConfig().batchSize));
    this.members = this.names.map((name, i) => ({
      name,
      net: this.race ? this.race.member(i) : null,
      failed: false,          // the module threw while training it: it stops, the rest go on
      history: new LossHistory(),
      metricsHistory: new MetricsHistory(),
      msPerStep: NaN,         // recent cost of one training step, to size slices of training
      probs: null,            // a grid computed for the next frame, or null
      gridStep: -1,           // step of the last grid sent (no new grid until it trains)
      metrics: null, metricsStep: -1,
      speed: new SpeedMeter(),  // steps per second of training time: what the card shows as capacity
    }));
  }

  get hasData() { return this.race !== null; }

  /** Sets trainSize and testSize from the race's data (0 without data). */
  countPoints() {
    const data = this.race ? this.race.member(0).data() : null;
    this.trainSize = data ? data.train.label.length : 0;
    this.testSize = data ? data.test.label.length : 0;
  }

  /** True while at least one network can still take a step. */
  get canTrain() {
    return this.members.some((m) => m.net && !m.failed && !m.net.diverged());
  }

  /** Takes `steps` steps on every live network, timing each one on its own. */
  train(steps) {
    for (const m of this.members) this.trainMember(m, steps);
  }

  canStep(m) {
    return Boolean(m.net) && !m.failed && !m.net.diverged();
  }

  /**
   * Takes up to `steps` steps on one network; returns how many it took.
   * Whichever network trained first after the worker slept read 1.5-2x fewer steps/s than
   * identical networks after it (measured in Chromium with four identical ReLU nets: ~55k against
   * ~100-120k): the first call after a sleep pays for waking up (the CPU coming back from idle,
   * training's code and data evicted by other work). One untimed step on each net removed nearly
   * all of it, so after an idle gap an untimed warm-up that changes nothing (loss and gradient of a
   * few points, no update) runs first; the loop picks the member furthest behind, so the first
   * place rotates and what is left is shared alike.
   */
  trainMember(m, steps) {
    if (!this.canStep(m)) return 0;
    if (this.warmUp && performance.now() - this.lastTrainedAt > WARM_UP_AFTER_IDLE_MS) {
      try {
        m.net.lossAndGradient(this.warmUp.points, this.warmUp.labels);
      } catch { /* a failing net is reported by its own train() call below */ }
    }
    const t0 = performance.now();
    try {
      const losses = m.net.train(steps);
      const ms = performance.now() - t0;
      m.history.push(losses);
      if (losses.length > 0) {
        const perStep = ms / losses.length;
        m.msPerStep = Number.isFinite(m.msPerStep) ? 0.7 * m.msPerStep + 0.3 * perStep : perStep;
      }
      m.speed.add(losses.length, ms);
      this.lastTrainedAt = performance.now();
      return losses.length;
    } catch (err) {
      m.failed = true;
      this.notify(`${m.name} stopped: ${err?.message ?? err}`);
      return 0;
    }
  }

  /** Adds a clicked point to every member's training set (no restart); false without a race. */
  addPoint({ x, y, label }) {
    if (!this.race) return false;
    this.race.addPoint(x, y, label);
    this.dataChanged();
    return true;
  }

  /** Removes the last point addPoint added; false when there is none. */
  removeAddedPoint() {
    if (!this.race || !this.race.removeAddedPoint()) return false;
    this.dataChanged();
    return true;
  }

  // The loss and accuracy at the current step changed: evaluate again before the next frame.
  dataChanged() {
    this.dataVersion += 1;
    this.countPoints();
    for (const m of this.members) m.metricsStep = -1;
  }

  /**
   * The core work of one member for the next frame, as jobs of one core call each (the loop runs
   * them between reading its messages): its metrics in slices of points, then its grid.
   */
  refreshJobs(m) {
    if (!m.net) return [];
    return [...this.metricsJobs(m), () => this.gridOf(m)];
  }

  /** All of a member's refresh at once (tests, and callers with nothing else to do). */
  refresh(m) {
    for (const job of this.refreshJobs(m)) job();
  }

  gridOf(m) {
    const step = m.net ? m.net.steps() : 0;
    if (!m.net || step === m.gridStep) return;
    const side = this.gridSide();
    const probs = this.safeGrid(m, side);
    m.probs = probs && { probs, side };
    m.gridStep = step;
  }

  /**
   * Evaluating every point is done in slices of about EVALUATE_SLICE_MS (Network.evaluatePart),
   * summed into the figures evaluate() gives; the last job stores them. Slices of a set that
   * changed meanwhile (a clicked point) are dropped, and the next frame evaluates again.
   */
  metricsJobs(m) {
    const step = m.net.steps();
    if (!this.metricsDue(m, step)) return [];
    const version = this.dataVersion;
    const perPoint = m.msPerPoint > 0 ? m.msPerPoint : 0;
    const slice = perPoint > 0 ? Math.min(MAX_SLICE_POINTS, Math.max(256, Math.floor(EVALUATE_SLICE_MS / perPoint))) : 2048;
    const sums = { false: { lossSum: 0, correct: 0, points: 0 }, true: { lossSum: 0, correct: 0, points: 0 } };
    let ms = 0;
    const jobs = [];
    for (const [testSet, n] of [[false, this.trainSize], [true, this.testSize]]) {
      for (let begin = 0; begin < n; begin += slice) {
        jobs.push(() => {
          if (this.dataVersion !== version || m.failed) return;
          const t0 = performance.now();
          try {
            const part = m.net.evaluatePart(testSet, begin, slice);
            sums[testSet].lossSum += part.lossSum;
            sums[testSet].correct += part.correct;
            sums[testSet].points += part.points;
          } catch (err) {
            this.notify(`${m.name}: evaluation failed: ${err?.message ?? err}`);
          }
          ms += performance.now() - t0;
        });
      }
    }
    jobs.push(() => {
      if (this.dataVersion !== version) return;
      const mean = (sum, key) => (sum.points > 0 ? sum[key] / sum.points : NaN);
      m.metrics = {
        trainLoss: mean(sums.false, 'lossSum'), testLoss: mean(sums.true, 'lossSum'),
        trainAccuracy: mean(sums.false, 'correct'), testAccuracy: mean(sums.true, 'correct'),
      };
      const points = this.trainSize + this.testSize;
      if (points > 0 && ms > 0) m.msPerPoint = ms / points;
      m.evaluateMs = ms;
      m.metricsAt = performance.now();
      m.metricsStep = step;
      m.metricsHistory.push(step, m.metrics);
    });
    return jobs;
  }

  /**
   * The boundary grid's side: GRID_SIDE, unless one forward pass over it would hold the worker
   * longer than GRID_BUDGET_MS (a deep, wide network), where it shrinks (never below 32), so the
   * page keeps answering; a boundary at 32 x 32 still shows the shape.
   */
  gridSide() {
    let msPerPoint = 0;
    for (const m of this.members) {
      // A training step is a forward and a backward pass (about 3 forwards) over a batch.
      if (Number.isFinite(m.msPerStep)) msPerPoint = Math.max(msPerPoint, m.msPerStep / this.batchSize / 3);
    }
    for (const m of this.members) {
      // Before any step: a forward pass per point, from the last evaluation.
      if (!Number.isFinite(m.msPerStep) && m.msPerPoint > 0) msPerPoint = Math.max(msPerPoint, m.msPerPoint);
    }
    if (!(msPerPoint > 0)) return GRID_SIDE;
    const side = Math.floor(Math.sqrt(GRID_BUDGET_MS / msPerPoint) / 16) * 16;
    return Math.max(32, Math.min(GRID_SIDE, side));
  }

  /**
   * Evaluating every point is one core call that cannot be sliced: on a big set it is evaluated
   * at most every 10 times its cost, so it takes at most a tenth of the worker's time.
   */
  metricsDue(m, step) {
    if (!m.net || m.metricsStep === step) return false;
    if (m.metricsStep < 0 || !(m.evaluateMs > 20)) return true;
    return performance.now() - (m.metricsAt ?? -Infinity) >= 10 * m.evaluateMs;
  }

  /** The next refresh evaluates every network, whatever its cost (a pause, a step). */
  forceMetrics() {
    for (const m of this.members) if (m.metricsStep >= 0) m.metricsStep = -2;
  }

  /**
   * {message, transfer} for a FRAME; grids only for networks that moved since the last one. Members
   * not refreshed since they last trained are refreshed here (the loop refreshes them one by one).
   * pace: {requested, members: [advanced steps/s]} from the loop.
   */
  frame(playing, pace = null) {
    const transfer = [];
    const members = this.members.map((m, i) => {
      const step = m.net ? m.net.steps() : 0;
      const probs = m.probs?.probs ?? null;
      const side = m.probs?.side ?? null;
      m.probs = null;
      if (probs) transfer.push(probs.buffer);
      const losses = m.history.snapshot();
      transfer.push(losses.buffer);
      const history = m.metricsHistory.snapshot();
      transfer.push(...Object.values(history).map((a) => a.buffer));
      return {
        name: m.name,
        step,
        metrics: m.metrics,
        history,
        advancedPerSecond: pace?.members?.[i] ?? NaN,
        losses,
        lossStride: m.history.stride,
        probs,
        gridSide: side,  // probs is gridSide x gridSide (grid.width stays the default side)
        diverged: m.net ? m.net.diverged() : false,
        divergedAt: m.net ? m.net.divergedAt() : null,
        failed: m.failed,
        stepsPerSecond: m.speed.perSecond,
      };
    });
    const grid = { width: GRID_SIDE, height: GRID_SIDE, classes: this.classes, domain: DOMAIN };
    const requestedPerSecond = pace?.requested ?? NaN;
    return { message: { type: FromWorker.FRAME, runId: this.runId, playing, requestedPerSecond, grid, members }, transfer };
  }

  /** The network's probabilities, or null if the module failed or any value is not finite. */
  safeGrid(m, side = GRID_SIDE) {
    try {
      const probs = m.net.predictGrid({ ...DOMAIN, width: side, height: side });
      for (let i = 0; i < probs.length; i++) if (!Number.isFinite(probs[i])) return null;
      return probs;
    } catch (err) {
      this.notify(`${m.name}: drawing the boundary failed: ${err?.message ?? err}`);
      return null;
    }
  }

  /** {message, transfer} for DIAGNOSTICS, or null without data. */
  diagnostics() {
    if (!this.race) return null;
    return this.diagnosticsMessage(this.members.map((m) => this.diagnosticsOf(m)));
  }

  /**
   * Estimated cost of one member's diagnostics: a forward and a backward pass over the whole
   * training set, about 1.5 training steps' worth per batch of points (measured: ~2.4 s for the
   * largest settings, where a step of 1,024 points takes ~90 ms). From the training time per step
   * once known (a stable average), else from the last evaluation's time per point (a forward pass).
   */
  diagnosticsEstimateMs() {
    let worst = 0;
    for (const m of this.members) {
      if (!m.net) continue;
      if (Number.isFinite(m.msPerStep)) worst = Math.max(worst, 1.5 * m.msPerStep * (this.trainSize / this.batchSize));
      else if (m.msPerPoint > 0) worst = Math.max(worst, 3 * m.msPerPoint * this.trainSize);
    }
    return worst;
  }

  /** One member's diagnostics entry {name, diagnostics}, or null if the module failed. */
  diagnosticsOf(m) {
    if (!m.net) return null;
    try {
      return { name: m.name, diagnostics: m.net.diagnostics() };
    } catch (err) {
      this.notify(`${m.name}: diagnostics failed: ${err?.message ?? err}`);
      return null;
    }
  }

  diagnosticsMessage(entries) {
    const members = entries.filter(Boolean);
    const transfer = [];
    for (const { diagnostics } of members) {
      for (const layer of diagnostics.layers) {
        transfer.push(layer.gradHistogram.buffer);
        if (layer.activationHistogram?.length) transfer.push(layer.activationHistogram.buffer);
      }
    }
    return { message: { type: FromWorker.DIAGNOSTICS, runId: this.runId, members }, transfer };
  }

  /** One member's unit maps entry {name, step, maps}, or null (no data, or the module failed). */
  unitMapsOf(m) {
    if (!m.net) return null;
    try {
      return { name: m.name, step: m.net.steps(), maps: m.net.unitMaps({ ...DOMAIN, width: UNIT_MAP_SIDE, height: UNIT_MAP_SIDE }) };
    } catch (err) {
      this.notify(`${m.name}: unit maps failed: ${err?.message ?? err}`);
      return null;
    }
  }

  unitMapsMessage(entries) {
    const members = entries.filter(Boolean);
    const transfer = members.flatMap(({ maps }) => [maps.values.buffer, maps.states.buffer, maps.layerUnits.buffer]);
    return { message: { type: FromWorker.UNIT_MAPS, runId: this.runId, members }, transfer };
  }

  /** {message, transfer} for POINTS: the run's data as the networks see it. */
  points() {
    if (!this.race) {
      const empty = () => ({ x: new Float32Array(0), y: new Float32Array(0), label: new Int32Array(0) });
      return { message: { type: FromWorker.POINTS, runId: this.runId, classes: this.classes, train: empty(), test: empty() }, transfer: [] };
    }
    const { train, test, classes } = this.race.member(0).data();
    const transfer = [train, test].flatMap((s) => [s.x.buffer, s.y.buffer, s.label.buffer]);
    return { message: { type: FromWorker.POINTS, runId: this.runId, classes, train, test }, transfer };
  }

  delete() {
    this.race?.delete();  // the members are borrowed from it
    this.race = null;
    for (const m of this.members) m.net = null;
  }
}

function warmUpBatch(net) {
  const { train } = net.data();
  const n = Math.min(WARM_UP_POINTS, train.label.length);
  if (n === 0) return null;
  const points = new Float32Array(2 * n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    points[2 * i] = train.x[i];
    points[2 * i + 1] = train.y[i];
    labels[i] = train.label[i];
  }
  return { points, labels };
}
