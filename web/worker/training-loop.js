// The worker's pacing: while playing, one tick trains `stepsPerFrame` steps on every network,
// about 60 ticks a second. Frames (grids, metrics) go out at most every `frameIntervalMs` and
// only after the page said it drew the previous one, so a slow page is never flooded; the why
// view's diagnostics go out at most every DIAGNOSTICS_INTERVAL_MS.
import { ToWorker, FromWorker } from '../app/protocol.js';
import { Run } from './run.js';
import { answerClaims } from './claims.js';

const TICK_MS = 1000 / 60;
const DIAGNOSTICS_INTERVAL_MS = 250;
// A page that has not drawn for this long is hidden or swamped: stop training until it draws,
// so a background tab does not burn a core.
const STALL_MS = 1000;
const MAX_STEPS_PER_FRAME = 10000;

export class TrainingLoop {
  constructor(lab, post) {
    this.lab = lab;
    this.post = post;  // (message, transfer?) => void
    this.run = null;
    this.playing = false;
    this.stepsPerFrame = 10;
    this.frameIntervalMs = 33;
    this.awaitingDraw = false;
    this.lastFrameAt = 0;
    this.lastDiagnosticsAt = 0;
    this.timer = 0;
  }

  handle(msg) {
    switch (msg?.type) {
      case ToWorker.CONFIGURE: return this.configure(msg);
      case ToWorker.PLAY: this.playing = true; return this.schedule(0);
      case ToWorker.PAUSE:
        this.playing = false;
        clearTimeout(this.timer);
        // Steps taken since the last frame would otherwise never be shown: show the paused state.
        this.sendFrame();
        return this.sendDiagnostics();
      case ToWorker.STEP: return this.step();
      case ToWorker.SET_SPEED: return this.setSpeed(msg);
      case ToWorker.FRAME_DRAWN:
        if (msg.runId !== this.run?.runId) return undefined;
        this.awaitingDraw = false;
        if (this.firstDiagnosticsPending) this.sendDiagnostics();
        return undefined;
      case ToWorker.MEASURE_COSTS: return this.measureCosts(msg);
      case ToWorker.MEASURE_CLAIMS: return answerClaims(this.lab, msg, this.post);
      default: return this.notice('warning', `lab worker: unknown message type ${String(msg?.type)}`);
    }
  }

  configure(msg) {
    this.run?.delete();
    this.run = null;
    this.setSpeed(msg);
    this.playing = Boolean(msg.playing);
    try {
      this.run = new Run(this.lab, msg, (text) => this.notice('error', text));
    } catch (err) {
      const message = String(err?.message ?? err);
      this.post({ type: FromWorker.CONFIG_ERROR, runId: msg.runId, message, field: err?.field ?? '', argument: err?.argument ?? '' });
      return;
    }
    const run = this.run;
    this.post({ type: FromWorker.RUN_STARTED, runId: run.runId, members: run.names, classes: run.classes });
    this.send(run.points());
    this.sendFrame();
    // The why view's first figures follow once the first boundaries are drawn: building its
    // panels would otherwise delay them.
    this.firstDiagnosticsPending = true;
    this.lastDiagnosticsAt = performance.now();
    this.schedule(0);
  }

  setSpeed(msg) {
    const steps = Math.round(Number(msg.stepsPerFrame));
    if (steps >= 1) this.stepsPerFrame = Math.min(steps, MAX_STEPS_PER_FRAME);
    const interval = Number(msg.frameIntervalMs);
    if (interval >= 0) this.frameIntervalMs = interval;
  }

  step() {
    if (!this.run) return;
    this.run.train(this.stepsPerFrame);
    this.sendFrame();
    this.sendDiagnostics();
  }

  schedule(delay) {
    clearTimeout(this.timer);
    if (this.playing && this.run?.canTrain) this.timer = setTimeout(() => this.tick(), delay);
  }

  tick() {
    const run = this.run;
    if (!this.playing || !run) return;
    const start = performance.now();
    if (this.awaitingDraw && start - this.lastFrameAt > STALL_MS) {
      this.schedule(50);  // wait for the page to draw (or to come back to the foreground)
      return;
    }
    try {
      this.advance(run);
    } catch (err) {
      // Say so and keep ticking: the other networks, and the page, go on.
      this.notice('error', `training: ${err?.message ?? err}`);
    }
    this.schedule(Math.max(0, TICK_MS - (performance.now() - start)));
  }

  advance(run) {
    run.train(this.stepsPerFrame);
    const now = performance.now();
    if (!this.awaitingDraw && now - this.lastFrameAt >= this.frameIntervalMs) this.sendFrame();
    if (now - this.lastDiagnosticsAt >= DIAGNOSTICS_INTERVAL_MS) this.sendDiagnostics();
    if (!run.canTrain) {  // every network diverged or stopped: show the final state once more, then idle
      this.sendFrame();
      this.sendDiagnostics();
    }
  }

  sendFrame() {
    if (!this.run) return;
    this.send(this.run.frame(this.playing));
    this.awaitingDraw = true;
    this.lastFrameAt = performance.now();
  }

  sendDiagnostics() {
    this.firstDiagnosticsPending = false;
    const packed = this.run?.diagnostics();
    if (packed) this.send(packed);
    this.lastDiagnosticsAt = performance.now();
  }

  measureCosts(msg) {
    const options = {};
    if (msg.elements) options.elements = msg.elements;
    if (msg.repeats) options.repeats = msg.repeats;
    if (msg.windowMs) options.windowMs = msg.windowMs;
    try {
      this.post({ type: FromWorker.COSTS, costs: this.lab.activationCosts(options) });
    } catch (err) {
      this.notice('error', `measuring activation costs failed: ${err?.message ?? err}`);
    }
  }

  send({ message, transfer }) {
    this.post(message, [...new Set(transfer)]);  // a buffer listed twice would throw
  }

  notice(level, message) {
    this.post({ type: FromWorker.NOTICE, level, message });
  }
}
