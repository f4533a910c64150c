// One run: a race of networks (same data, weights and batches; different activations) plus
// what the page needs about it: loss histories, measured training speed, and snapshots packed as
// protocol messages with their transfer lists.
import { FromWorker, GRID_SIDE, DOMAIN } from '../app/protocol.js';
import { LossHistory } from './loss-history.js';
import { createRunRace } from './run-data.js';

// Steps per second: training time only, summed over windows of about SPEED_WINDOW_MS; reported as
// the steps over the time of the last SPEED_WINDOWS windows, leaving out windows whose rate is off
// the median by more than 2x (a network trains only ~15 ms a second at the default pace, so one
// preemption by another process or a GC pause would halve a single window). Many windows, because
// the browser rounds performance.now() to 0.1 ms and one training call takes about as long: each
// reading is rounded, unbiased, and only their sum over many calls is precise.
const SPEED_WINDOW_MS = 1000;
const SPEED_WINDOWS = 8;
// The untimed warm-up batch (see train()): this many training points, and only after the worker
// was idle this long (back-to-back calls, e.g. time slices of one tick, are warm already).
const WARM_UP_POINTS = 8;
const WARM_UP_AFTER_IDLE_MS = 2;

export class Run {
  /** Throws the core's Error when the configuration is invalid. */
  constructor(lab, { runId, config, members, data }, notify) {
    this.runId = runId;
    this.names = members.slice();
    this.notify = notify;  // (message) => void, for errors that must not stop the other networks
    this.classes = config.classes;
    this.race = createRunRace(lab, config, members, data);
    this.turn = 0;  // which network trains first in the next tick (see train())
    this.warmUp = this.race ? warmUpBatch(this.race.member(0)) : null;
    this.lastTrainedAt = -Infinity;
    this.members = this.names.map((name, i) => ({
      name,
      net: this.race ? this.race.member(i) : null,
      failed: false,          // the module threw while training it: it stops, the rest go on
      history: new LossHistory(),
      gridStep: -1,           // step of the last grid sent (no new grid until it trains)
      metrics: null, metricsStep: -1,
      speed: { steps: 0, ms: 0, since: performance.now(), windows: [], perSecond: NaN },  // NaN: not measured yet
    }));
  }

  get hasData() { return this.race !== null; }

  /** True while at least one network can still take a step. */
  get canTrain() {
    return this.members.some((m) => m.net && !m.failed && !m.net.diverged());
  }

  /**
   * Takes `steps` steps on every live network, timing each one on its own.
   * Whichever network trained first in a tick read 1.5-2x fewer steps/s than identical networks
   * after it (measured in Chromium with four identical ReLU nets: ~55k against ~100-120k). The
   * worker sleeps between ticks, and the first call after the sleep pays for waking up: the CPU
   * coming back from idle and the code and data of training evicted by other work. Spinning for
   * 0.2 ms first removed part of the gap; one untimed step on each net removed nearly all of it.
   * So: after an idle gap, an untimed warm-up that changes nothing (loss and gradient of a few
   * points, no update) on the call's first network, and an order that rotates every call, so
   * whatever is left is shared alike and identical networks read alike.
   */
  train(steps) {
    const n = this.members.length;
    const first = n ? this.turn++ % n : 0;
    if (this.warmUp && performance.now() - this.lastTrainedAt > WARM_UP_AFTER_IDLE_MS) {
      const net = this.members[first].net;
      try {
        if (net && !net.diverged()) net.lossAndGradient(this.warmUp.points, this.warmUp.labels);
      } catch { /* a failing net is reported by its own train() call below */ }
    }
    for (let k = 0; k < n; k++) {
      const m = this.members[(first + k) % n];
      if (!m.net || m.failed || m.net.diverged()) continue;
      const t0 = performance.now();
      try {
        const losses = m.net.train(steps);
        m.history.push(losses);
        this.measureSpeed(m, losses.length, performance.now() - t0);
      } catch (err) {
        m.failed = true;
        this.notify(`${m.name} stopped: ${err?.message ?? err}`);
      }
    }
    this.lastTrainedAt = performance.now();
  }

  measureSpeed(m, steps, ms) {
    const s = m.speed;
    s.steps += steps;
    s.ms += ms;
    const now = performance.now();
    if (now - s.since < SPEED_WINDOW_MS || s.ms <= 0) return;
    s.windows.push({ steps: s.steps, ms: s.ms, rate: (1000 * s.steps) / s.ms });
    if (s.windows.length > SPEED_WINDOWS) s.windows.shift();
    const rates = s.windows.map((w) => w.rate).sort((a, b) => a - b);
    const median = rates[rates.length >> 1];
    const kept = s.windows.filter((w) => w.rate >= median / 2 && w.rate <= median * 2);
    s.perSecond = (1000 * kept.reduce((a, w) => a + w.steps, 0)) / kept.reduce((a, w) => a + w.ms, 0);
    s.steps = 0;
    s.ms = 0;
    s.since = now;
  }

  /** {message, transfer} for a FRAME; grids only for networks that moved since the last one. */
  frame(playing) {
    const transfer = [];
    const members = this.members.map((m) => {
      const step = m.net ? m.net.steps() : 0;
      let probs = null;
      if (m.net && step !== m.gridStep) {
        probs = this.safeGrid(m);
        m.gridStep = step;
      }
      if (probs) transfer.push(probs.buffer);
      const losses = m.history.snapshot();
      transfer.push(losses.buffer);
      return {
        name: m.name,
        step,
        metrics: this.metricsOf(m, step),
        losses,
        lossStride: m.history.stride,
        probs,
        diverged: m.net ? m.net.diverged() : false,
        divergedAt: m.net ? m.net.divergedAt() : null,
        failed: m.failed,
        stepsPerSecond: m.speed.perSecond,
      };
    });
    const grid = { width: GRID_SIDE, height: GRID_SIDE, classes: this.classes, domain: DOMAIN };
    return { message: { type: FromWorker.FRAME, runId: this.runId, playing, grid, members }, transfer };
  }

  metricsOf(m, step) {
    if (!m.net) return null;
    if (m.metricsStep !== step) {
      try {
        m.metrics = m.net.evaluate();
      } catch (err) {
        this.notify(`${m.name}: evaluation failed: ${err?.message ?? err}`);
      }
      m.metricsStep = step;
    }
    return m.metrics;
  }

  /** The network's probabilities, or null if the module failed or any value is not finite. */
  safeGrid(m) {
    try {
      const probs = m.net.predictGrid({ ...DOMAIN, width: GRID_SIDE, height: GRID_SIDE });
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
    const transfer = [];
    const members = [];
    for (const m of this.members) {
      try {
        const diagnostics = m.net.diagnostics();
        for (const layer of diagnostics.layers) {
          transfer.push(layer.gradHistogram.buffer);
          if (layer.activationHistogram?.length) transfer.push(layer.activationHistogram.buffer);
        }
        members.push({ name: m.name, diagnostics });
      } catch (err) {
        this.notify(`${m.name}: diagnostics failed: ${err?.message ?? err}`);
      }
    }
    return { message: { type: FromWorker.DIAGNOSTICS, runId: this.runId, members }, transfer };
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

/** A few of the net's training points, for the untimed warm-up (xy interleaved), or null without data. */
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
