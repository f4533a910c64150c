// One run: a race of networks (same data, weights and batches; different activations) plus
// what the page needs about it: loss and metrics histories, measured training speed, the pending
// boundary grids, from which run-messages.js builds the protocol messages (FRAME, DIAGNOSTICS,
// UNIT_MAPS, POINTS). The run owns its members' fields; the loop (training-loop.js) only reads
// them, and the helpers it calls (grid-side.js, sliced-evaluation.js) read or return values
// without writing them. Every method that calls the core does so for ONE member, so the worker's
// loop can interleave them with reading its messages: no single call holds the worker for all
// members at once.
import { LossHistory, MetricsHistory } from './loss-history.js';
import { createRunRace, warmUpBatch } from './run-data.js';
import { SpeedMeter } from './speed-meter.js';
import { diagnosticsFitBudget } from './diagnostics-budget.js';
import { boundaryGridSide } from './grid-side.js';
import { evaluationJobs, evaluationSlice } from './sliced-evaluation.js';

// The untimed warm-up batch (see trainMember(), run-data.js warmUpBatch) runs only after the worker
// was idle this long (back-to-back calls within a slice are warm already).
const WARM_UP_AFTER_IDLE_MS = 2;
// The lab's chosen unit-map resolution (the core allows [minUnitMapSide, maxUnitMapSide]): one
// coarse 16 x 16 map per unit. The boundary grids' side is grid-side.js's.
export const UNIT_MAP_SIDE = 16;

export class Run {
  /** Throws the core's Error when the configuration is invalid. */
  constructor(lab, { runId, config, members, data }, notify) {
    this.runId = runId;
    const constants = lab.constants();
    this.domain = constants.domain;
    this.maxSlicePoints = constants.maxPoints;
    this.names = members.slice();
    this.notify = notify;  // (message) => void, for errors that must not stop the other networks
    this.classes = config.classes;
    this.race = createRunRace(lab, config, members, data);
    this.dataVersion = 0;  // bumped when clicked points change the data
    this.warmUp = this.race ? warmUpBatch(this.race.member(0)) : null;
    this.lastTrainedAt = -Infinity;
    this.countPoints();
    // The network's shape as the core completed the config (the message may omit defaulted fields).
    const full = this.race ? this.race.member(0).config() : null;
    this.shape = full && { features: full.features, hidden: full.hidden, classes: full.classes };
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
  refreshJobs(m, sideCap = Infinity) {
    if (!m.net) return [];
    return [...this.metricsJobs(m), () => this.gridOf(m, sideCap)];
  }

  gridOf(m, sideCap) {
    const step = m.net ? m.net.steps() : 0;
    if (!m.net || step === m.gridStep) return;
    const side = Math.max(1, Math.min(sideCap, boundaryGridSide(this.members, this.batchSize)));
    const probs = this.safeGrid(m, side);
    m.probs = probs && { probs, side };
    m.gridStep = step;
  }

  /**
   * Evaluating every point is done in slices (sliced-evaluation.js), summed into the figures
   * evaluate() gives; the last job stores them. Slices of a set that changed meanwhile (a clicked
   * point) are dropped, and the next frame evaluates again.
   */
  metricsJobs(m) {
    const step = m.net.steps();
    if (!this.metricsDue(m, step)) return [];
    const version = this.dataVersion;
    const stale = () => this.dataVersion !== version;
    return evaluationJobs({
      trainSize: this.trainSize,
      testSize: this.testSize,
      slice: evaluationSlice(m.msPerPoint, this.maxSlicePoints),
      evaluatePart: (testSet, begin, count) => m.net.evaluatePart(testSet, begin, count),
      skipPart: () => stale() || m.failed,
      stale,
      failed: (err) => this.notify(`${m.name}: evaluation failed: ${err?.message ?? err}`),
      done: (metrics, ms) => {
        m.metrics = metrics;
        const points = this.trainSize + this.testSize;
        if (points > 0 && ms > 0) m.msPerPoint = ms / points;
        m.evaluateMs = ms;
        m.metricsAt = performance.now();
        m.metricsStep = step;
        m.metricsHistory.push(step, m.metrics);
      },
    });
  }

  /**
   * Whether a member's metrics are due. Its evaluation runs in slices (metricsJobs), but over a
   * big set the slices still add up: it is repeated at most every 10 times its last total cost,
   * so evaluation takes at most about a tenth of the worker's time.
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

  /** The grid computed for the next frame, {probs, side} or null; the next frame carries it away. */
  takeGrid(m) {
    const grid = m.probs;
    m.probs = null;
    return grid;
  }

  /** The network's probabilities, or null if the module failed or any value is not finite. */
  safeGrid(m, side) {
    try {
      const probs = m.net.predictGrid({ ...this.domain, width: side, height: side });
      for (let i = 0; i < probs.length; i++) if (!Number.isFinite(probs[i])) return null;
      return probs;
    } catch (err) {
      this.notify(`${m.name}: drawing the boundary failed: ${err?.message ?? err}`);
      return null;
    }
  }

  /** True when a diagnostics call per network fits its budget of work (diagnostics-budget.js). */
  get diagnosticsFit() {
    return this.shape !== null && diagnosticsFitBudget(this.shape, this.trainSize);
  }

  /**
   * Milliseconds one member's diagnostics would take here, for the notice's words only (whether they
   * run is decided by work: diagnosticsFit): a forward and a backward pass over the training set,
   * about 1.5 training steps' worth per batch of points. From the training time per step once known,
   * else from the last evaluation's time per point (a forward pass).
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

  /** One member's unit maps entry {name, step, maps}, or null (no data, or the module failed). */
  unitMapsOf(m) {
    if (!m.net) return null;
    try {
      return { name: m.name, step: m.net.steps(), maps: m.net.unitMaps({ ...this.domain, width: UNIT_MAP_SIDE, height: UNIT_MAP_SIDE }) };
    } catch (err) {
      this.notify(`${m.name}: unit maps failed: ${err?.message ?? err}`);
      return null;
    }
  }

  delete() {
    this.race?.delete();  // the members are borrowed from it
    this.race = null;
    for (const m of this.members) m.net = null;
  }
}
