// The worker's pacing. While playing, every network owes `stepsPerFrame` steps per tick (about 60
// ticks a second). The work runs in time-bounded slices: each turn of the worker's event loop does
// at most SLICE_MS of work (training chunks sized to about CALL_MS each, one member's grid, one
// member's diagnostics...) and then yields, so a message (Pause, Reset, a preset, a new setting) is
// read within a slice plus one core call, whatever the network size, batch or steps per frame.
// A fixed step count per turn could not promise that: one step of a big network on a big batch
// costs more than a small network's thousand. Training only through small counts, checking the
// clock between them, needs no core change and keeps every step bit-identical (train(a) then
// train(b) is train(a + b)).
//
// Frames (grids, metrics) go out at the page's drawing pace (frame-pace.js: never before it drew
// the last one); diagnostics at most every 250 ms, unit maps every 600 ms (report-queue.js builds
// them in jobs of one core call). The turns themselves come from event-loop-turns.js.
import { ToWorker, FromWorker } from '../session/protocol.js';
import { Run } from './run.js';
import { frameMessage, pointsMessage } from './run-messages.js';
import { ReportQueue } from './report-queue.js';
import { PaceMeter } from './pace.js';
import { StepLedger } from './step-ledger.js';
import { claimsJobs, claimsFailure } from './claims.js';
import { costsJobs, costsFailure } from './costs.js';
import { DeferredWork } from './deferred-work.js';
import { AnswerFigures } from './answer-figures.js';
import { FramePace } from './frame-pace.js';
import { EventLoopTurns } from './event-loop-turns.js';

const TICK_MS = 1000 / 60;
const SLICE_MS = 8;      // work per turn of the event loop before messages are read again
const CALL_MS = 2;       // aim for one training call: the clock is checked between calls
const MAX_STEPS_PER_FRAME = 10000;

export class TrainingLoop {
  /**
   * deferred: the worker's queue of work that waits for first frames (deferred-work.js), shared by
   * all its loops; a loop on its own (tests) gets one that waits for its own first frame.
   */
  constructor(lab, post, deferred = null) {
    this.lab = lab;
    this.post = post;  // (message, transfer?) => void
    this.ownDeferred = deferred ? null : new DeferredWork({ blocked: () => this.awaitingFirstDraw });
    this.deferred = deferred ?? this.ownDeferred;
    this.awaitingFirstDraw = false;  // the current run's first frame is not drawn yet: deferred work waits
    this.run = null;
    this.ledger = new StepLedger();  // steps each network still owes (the loop's own, by index)
    this.gridSideCap = Infinity;  // ToWorker.LIMIT_GRID_SIDE (tests force a shrunken grid)
    this.playing = false;
    this.stepsPerFrame = 10;
    this.frames = new FramePace();  // when the next frame may go out (the page's drawing pace)
    this.tickAt = 0;          // when the current tick's steps were granted
    this.pace = new PaceMeter();
    this.reports = new ReportQueue({
      send: (report) => this.send(report),
      notice: (level, text) => this.notice(level, text),
      sendFrame: (buildMs) => { this.frames.built(buildMs); this.sendFrame(); },
    });
    this.turns = new EventLoopTurns(() => this.turn());
    this.figures = new AnswerFigures(lab, post, this.deferred);  // curves, depth, edges
  }

  handle(msg) {
    switch (msg?.type) {
      case ToWorker.CONFIGURE: return this.configure(msg);
      case ToWorker.PLAY:
        this.playing = true;
        this.grant();
        return this.wake();
      case ToWorker.PAUSE:
        this.playing = false;
        this.ledger.clear();
        this.run?.forceMetrics();
        // Steps taken since the last frame would otherwise never be shown: show the paused state.
        return this.queueReports({ frame: true, diagnostics: true, unitMaps: true });
      case ToWorker.STEP: return this.step();
      case ToWorker.SET_SPEED: return this.setSpeed(msg);
      case ToWorker.FRAME_DRAWN:
        if (msg.runId !== this.run?.runId) return undefined;
        this.frames.drawn();
        this.firstFrameDrawn();
        if (this.reports.firstDiagnosticsPending) this.queueReports({ diagnostics: true, unitMaps: true });
        return this.wake();
      // Measurements wait for the first frames (deferred-work.js), then run in slices between training's.
      case ToWorker.MEASURE_COSTS: return this.deferred.add(this, 'costs', costsJobs(this.lab, msg, this.post), costsFailure(this.post));
      case ToWorker.MEASURE_CLAIMS: return this.deferred.add(this, 'claims', claimsJobs(this.lab, msg, this.post), claimsFailure(this.post));
      case ToWorker.ADD_POINT: return this.editPoints(msg, (run) => run.addPoint(msg));
      case ToWorker.REMOVE_POINT: return this.editPoints(msg, (run) => run.removeAddedPoint());
      case ToWorker.LIMIT_GRID_SIDE:
        this.gridSideCap = Number(msg.side) >= 1 ? Number(msg.side) : Infinity;
        return this.queueReports({ frame: true });
      default:
        if (this.figures.handle(msg, this.run)) return undefined;
        return this.notice('warning', `lab worker: unknown message type ${String(msg?.type)}`);
    }
  }

  configure(msg) {
    this.clearWork();
    this.run?.delete();
    this.run = null;
    this.firstFrameDrawn();  // no run awaits a frame until the new one exists
    this.ledger.reset(0);
    this.setSpeed(msg);
    this.playing = Boolean(msg.playing);
    try {
      this.run = new Run(this.lab, msg, (text) => this.notice('error', text));
    } catch (err) {
      const message = String(err?.message ?? err);
      this.post({ type: FromWorker.CONFIG_ERROR, runId: msg.runId, message, field: err?.field ?? '', argument: err?.argument ?? '',
        kind: err?.kind ?? '', params: err?.params ?? null });  // params: the page words the notice (config-fallback.js)
      return;
    }
    const run = this.run;
    this.awaitingFirstDraw = true;
    this.ledger.reset(run.members.length);
    this.pace.reset(run.members.length);
    this.post({ type: FromWorker.RUN_STARTED, runId: run.runId, members: run.names, classes: run.classes });
    this.send(pointsMessage(run));
    // The first frame (step 0) is built in slices like every other, so even a huge network's first
    // boundaries never hold the worker; the why view's first figures follow once they are drawn.
    this.frames.drawn();
    this.queueReports({ frame: true });
    if (this.playing) this.grant();
  }

  /** The run's first frame was drawn (or the run is gone): deferred work may go on. */
  firstFrameDrawn() {
    if (!this.awaitingFirstDraw) return;
    this.awaitingFirstDraw = false;
    this.deferred.kick();
  }

  setSpeed(msg) {
    const steps = Math.round(Number(msg.stepsPerFrame));
    if (steps >= 1) this.stepsPerFrame = Math.min(steps, MAX_STEPS_PER_FRAME);
    this.frames.setInterval(msg.frameIntervalMs);
    this.ledger.cap(this.stepsPerFrame);
  }

  /** Step: `stepsPerFrame` more steps on every network, then a frame and diagnostics. */
  step() {
    if (!this.run) return;
    this.ledger.add(this.stepsPerFrame);
    this.stepReportPending = true;
    this.wake();
  }

  /** Adds or removes a clicked point in the current run, then sends the points and a frame. */
  editPoints(msg, edit) {
    const run = this.run;
    if (!run || msg.runId !== run.runId) return;
    try {
      if (!edit(run)) return;
    } catch (err) {
      this.notice('warning', `The point was not added: ${err?.message ?? err}`);
      return;
    }
    this.send(pointsMessage(run));
    this.queueReports({ frame: true });
  }

  /** Grants every live network the steps of one tick. */
  grant() {
    if (!this.run) return;
    this.tickAt = performance.now();
    const run = this.run;
    this.ledger.grant(this.stepsPerFrame, (i) => run.canStep(run.members[i]));
  }

  owesSteps() {
    const run = this.run;
    return run ? this.ledger.any((i) => run.canStep(run.members[i])) : false;
  }

  /** Queues a turn now if there is work, else sleeps until the next tick. */
  wake() {
    this.turns.cancelSleep();
    if (this.turns.queued) return;
    if (this.reports.hasJobs || (this.owesSteps() && !this.frames.stalled())) {
      this.turns.queue();
      return;
    }
    if (this.playing && this.run?.canTrain) {
      const stalled = this.frames.stalled();
      const wait = stalled ? 50 : Math.max(0, this.tickAt + TICK_MS - performance.now());
      this.turns.sleep(wait, () => {
        if (!this.frames.stalled()) this.grant();
        this.wake();
      });
    }
  }

  /** One slice: report jobs first (they are short and the page waits for them), then training. */
  turn() {
    const run = this.run;
    if (!run) return;
    const deadline = performance.now() + SLICE_MS;
    try {
      do {
        if (this.reports.hasJobs) this.reports.runNext();
        else if (this.owesSteps() && !this.frames.stalled()) this.trainOnce(run);
        else break;
      } while (performance.now() < deadline && this.run === run);
      if (this.run === run) this.afterSlice(run);
    } catch (err) {
      // Say so and keep going: the other networks, and the page, go on.
      this.notice('error', `training: ${err?.message ?? err}`);
    }
    this.wake();
  }

  /** One training call: the member furthest behind, a chunk sized to about CALL_MS. */
  trainOnce(run) {
    const i = this.ledger.next((j) => run.canStep(run.members[j]), (j) => run.members[j].net.steps());
    if (i < 0) return;
    const next = run.members[i];
    const chunk = Number.isFinite(next.msPerStep) && next.msPerStep > 0
      ? Math.max(1, Math.min(this.ledger.owed[i], Math.floor(CALL_MS / next.msPerStep)))
      : 1;
    this.ledger.took(i, chunk, run.trainMember(next, chunk));
  }

  /** Which reports are due now that a slice ended. */
  afterSlice(run) {
    const now = performance.now();
    this.pace.sample(run.members.map((m) => (m.net ? m.net.steps() : 0)), now);
    if (this.stepReportPending && !this.owesSteps()) {
      this.stepReportPending = false;
      run.forceMetrics();
      this.queueReports({ frame: true, diagnostics: true, unitMaps: true });
      return;
    }
    const idle = !this.playing || !run.canTrain;
    this.queueReports({
      frame: this.frames.due(now),
      ...(idle ? {} : this.reports.due(now)),
    });
    if (!run.canTrain && !this.finalShown) {  // every network diverged or stopped: show the end once more
      this.finalShown = true;
      this.queueReports({ frame: true, diagnostics: true, unitMaps: true });
    }
  }

  /** Queues the reports asked for (report-queue.js); a pause, a step or a new run asks whatever the pacing says. */
  queueReports(kinds) {
    if (!this.run) return;
    this.reports.queue(this.run, kinds, this.gridSideCap);
    this.wake();
  }

  sendFrame() {
    if (!this.run) return;
    const requested = this.playing ? (this.stepsPerFrame * 1000) / TICK_MS : NaN;
    this.send(frameMessage(this.run, this.playing, { requested, members: this.pace.rates() }));
    this.frames.sent();
  }

  clearWork() {
    this.turns.cancelSleep();
    this.reports.reset();
    this.stepReportPending = false;
    this.finalShown = false;
  }

  /** Stops for good and frees the run's networks (an embedded figure was removed); the loop cannot be used afterwards. */
  dispose() {
    this.figures.dispose();
    this.clearWork();
    this.playing = false;
    this.run?.delete();
    this.run = null;
    this.deferred.drop(this);
    this.firstFrameDrawn();
    this.ownDeferred?.close();
    this.turns.close();
  }

  send({ message, transfer }) {
    this.post(message, [...new Set(transfer)]);  // a buffer listed twice would throw
  }

  notice(level, message) {
    this.post({ type: FromWorker.NOTICE, level, message });
  }
}
