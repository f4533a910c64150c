// One run: a race of networks (same data, weights and batches; different activations) plus
// what the page needs about it: loss histories, measured training speed, and snapshots packed as
// protocol messages with their transfer lists.
import { FromWorker, GRID_SIDE, DOMAIN } from '../app/protocol.js';
import { LossHistory } from './loss-history.js';
import { createRunRace } from './run-data.js';

// Steps per second: training time only, summed over windows of about SPEED_WINDOW_MS, reported as
// the median of the last SPEED_WINDOWS windows. A network trains only ~15 ms a second at the
// default pace, so one preemption by another process (or a GC pause) would double a single window;
// the median ignores such outliers.
const SPEED_WINDOW_MS = 1000;
const SPEED_WINDOWS = 5;

export class Run {
  /** Throws the core's Error when the configuration is invalid. */
  constructor(lab, { runId, config, members, data }, notify) {
    this.runId = runId;
    this.names = members.slice();
    this.notify = notify;  // (message) => void, for errors that must not stop the other networks
    this.classes = config.classes;
    this.race = createRunRace(lab, config, members, data);
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

  /** Takes `steps` steps on every live network, timing each one on its own. */
  train(steps) {
    for (const m of this.members) {
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
  }

  measureSpeed(m, steps, ms) {
    const s = m.speed;
    s.steps += steps;
    s.ms += ms;
    const now = performance.now();
    if (now - s.since < SPEED_WINDOW_MS || s.ms <= 0) return;
    s.windows.push((1000 * s.steps) / s.ms);
    if (s.windows.length > SPEED_WINDOWS) s.windows.shift();
    const sorted = s.windows.slice().sort((a, b) => a - b);
    s.perSecond = sorted[sorted.length >> 1];
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
