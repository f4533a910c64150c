// One run session: what the lab page and every embedded figure share between their settings and
// the worker. It turns settings into CONFIGURE, numbers the runs and drops messages about older
// ones, falls back when the core rejects the settings (config-fallback.js), keeps the last frame and
// each network's last finite boundary grid, and hands each message to the views subscribed to it,
// frames on the animation frame, after which it tells the worker it may send the next
// (back-pressure). The page and the embeds are views over a session; neither speaks the protocol.
//
// A view is any object with some of these methods (all optional), passed to subscribe():
//   start({runId, members, classes})    a new run began (members: activation names, in order)
//   points(message)                      POINTS: {train, test, classes} of the current run
//   frame(frame, session)                the latest FRAME, in an animation frame; session.gridOf(name)
//                                        gives each network's last finite grid {probs, width, height, classes}
//   diagnostics(message), unitMaps(message)   DIAGNOSTICS / UNIT_MAPS of the current run
//   costs(costs), claims(message)        COSTS / CLAIMS (not tied to a run)
//   curves(message), depth(message)      CURVES / DEPTH (not tied to a run); edges(message): EDGES of the current run
// A view subscribed mid-run is caught up at once (start, points, then the last frame on the next
// animation frame: to that view only; the worker's back-pressure is not touched).
import { ToWorker, FromWorker } from './protocol.js';
import { configFallback, errorText } from './config-fallback.js';
import { englishTranslator } from '../i18n/i18n.js';
import { configOf } from './settings.js';
import { requestDraw } from './draw-loop.js';

const MAX_FALLBACKS = 4;  // settings the core rejects are reset at most this often in a row
export const FRAME_INTERVAL_MS = 33;
export const REDUCED_MOTION_FRAME_INTERVAL_MS = 250;
// A cost measurement (MEASURE_COSTS):
// 16,384 elements; each figure the median of 5 interleaved rounds of one 2 ms window of repeated
// passes, after a warm-up (see core/lib/cost_benchmark.hpp). A cross-origin isolated page (npm start
// serves it so: scripts/serve.mjs) reads its timer to 5 us; any other page gets 0.1 ms, which is
// still within 5% of a 2 ms window but makes the cards' steps/s rough (see timerNote). 17
// activations x 4 figures x 11 ms is about 0.75 s of the worker's time.
export const MEASURE_OPTIONS = Object.freeze({ elements: 16384, repeats: 5, windowMs: 2 });

export class RunSession {
  /**
   * @param options {post(message, transfer), table (param-table.js), reducedMotion,
   *   notice(level, text), applySettings(changes): apply a fallback and start again,
   *   onFrameDrawn(frame)?: after every drawn frame, what: 'The lab' | 'This figure' (for notices)}
   */
  constructor({ post, table, reducedMotion = false, notice, applySettings, onFrameDrawn = () => {}, what = 'The lab',
    i18n = englishTranslator }) {
    this.post = post;
    this.i18n = i18n;
    this.table = table;
    this.reducedMotion = reducedMotion;
    this.notice = notice;
    this.applySettings = applySettings;
    this.onFrameDrawn = onFrameDrawn;
    this.what = what;
    this.views = new Set();
    this.runId = 0;
    this.fallbacks = 0;
    this.values = null;      // the settings of the current run, as sent
    this.started = null;     // RUN_STARTED of the current run
    this.lastPoints = null;  // POINTS of the current run
    this.lastFrame = null;   // the latest FRAME of the current run
    this.grids = new Map();  // name -> {probs, width, height}: the last finite grid of each network
    this.closed = false;
  }

  /** Adds a view; returns the function that removes it. */
  subscribe(view) {
    this.views.add(view);
    if (this.started) view.start?.(this.started);
    if (this.lastPoints) view.points?.(this.lastPoints);
    if (this.lastFrame) {
      requestDraw(view, () => {
        if (this.views.has(view) && this.lastFrame) view.frame?.(this.lastFrame, this);
      });
    }
    return () => this.views.delete(view);
  }

  /**
   * A new run from these settings (every row of the table) racing `members`; returns its runId.
   * playing: whether it trains at once (an embed passes false while out of view).
   */
  start(values, { members = values.members, playing = values.playing } = {}) {
    this.runId += 1;
    this.values = structuredClone(values);
    this.started = null;
    this.lastPoints = null;
    this.lastFrame = null;
    this.grids.clear();
    const added = values.added ?? [];
    const xy = new Float32Array(added.flatMap((p) => [p.x, p.y]));
    const labels = new Int32Array(added.map((p) => p.label));
    this.post({
      type: ToWorker.CONFIGURE,
      runId: this.runId,
      config: configOf(this.table, values),
      members,
      data: { base: values.data === 'cleared' ? 'none' : 'dataset', xy, labels },
      playing,
      ...this.speed(values.stepsPerFrame),
    }, [xy.buffer, labels.buffer]);
    return this.runId;
  }

  speed(stepsPerFrame) {
    return { stepsPerFrame, frameIntervalMs: this.reducedMotion ? REDUCED_MOTION_FRAME_INTERVAL_MS : FRAME_INTERVAL_MS };
  }

  play() { this.post({ type: ToWorker.PLAY }); }
  pause() { this.post({ type: ToWorker.PAUSE }); }
  step() { this.post({ type: ToWorker.STEP }); }
  setSpeed(stepsPerFrame) { this.post({ type: ToWorker.SET_SPEED, ...this.speed(stepsPerFrame) }); }
  /** A clicked point joins the running race (no restart); POINTS and a frame follow. */
  addPoint(point) { this.post({ type: ToWorker.ADD_POINT, runId: this.runId, ...point }); }
  removePoint() { this.post({ type: ToWorker.REMOVE_POINT, runId: this.runId }); }
  /** Measures every activation's cost (blocks the worker ~0.75 s); COSTS follows. */
  measureCosts() { this.post({ type: ToWorker.MEASURE_COSTS, ...MEASURE_OPTIONS }); }
  /** Measures the claims strip on the data of `config`; CLAIMS follows (maybe in two parts). */
  measureClaims(config) { this.post({ type: ToWorker.MEASURE_CLAIMS, config }); }
  /** The curves figure's f and f' from the core's kernels; CURVES follows. */
  measureCurves(activations) { this.post({ type: ToWorker.CURVES, activations }); }
  /** The depth figure's sweep (in slices; a new request cancels the pending one); DEPTH follows, filling. */
  measureDepth({ activations, init, config }) { this.post({ type: ToWorker.DEPTH, activations, init, config }); }
  /** The current run's per-weight gradient magnitudes (network diagram); EDGES follows. */
  measureEdges() { this.post({ type: ToWorker.EDGES, runId: this.runId }); }
  /** Test hook: boundary grids at most side x side (the shrink a deep net on a slow machine gets). */
  limitGridSide(side) { this.post({ type: ToWorker.LIMIT_GRID_SIDE, side }); }

  /** Every worker message for this session goes through here. */
  receive(message) {
    if (this.closed) return;
    const current = message.runId === undefined || message.runId === this.runId;
    switch (message.type) {
      case FromWorker.NOTICE: return this.notice(message.level, message.message);
      case FromWorker.CONFIG_ERROR: return current && this.configError(message);
      case FromWorker.RUN_STARTED: return current && this.runStarted(message);
      case FromWorker.POINTS:
        if (!current) return undefined;
        this.lastPoints = message;
        return this.each('points', message);
      case FromWorker.FRAME: return current && this.frameArrived(message);
      case FromWorker.DIAGNOSTICS: return current && this.each('diagnostics', message);
      case FromWorker.UNIT_MAPS: return current && this.each('unitMaps', message);
      case FromWorker.COSTS: return this.each('costs', message.costs);
      case FromWorker.CLAIMS: return this.each('claims', message);
      case FromWorker.CURVES: return this.each('curves', message);
      case FromWorker.DEPTH: return this.each('depth', message);
      case FromWorker.EDGES: return current && this.each('edges', message);
      default: return undefined;
    }
  }

  each(method, argument) {
    for (const view of [...this.views]) view[method]?.(argument, this);
  }

  runStarted({ runId, members, classes }) {
    this.fallbacks = 0;
    this.started = { runId, members, classes };
    this.each('start', this.started);
  }

  /** The language its notices are worded in from now on (nothing restarts). */
  setLanguage(i18n) {
    this.i18n = i18n;
  }

  /** The core rejected the settings: one fallback (config-fallback.js), at most MAX_FALLBACKS in a row. */
  configError(error) {
    if (++this.fallbacks > MAX_FALLBACKS) {
      const message = errorText(this.table, error, this.i18n);
      this.notice('error', this.what === 'The lab' ? this.i18n.t('config.fatal', { message }) : `${this.what} could not start: ${message}`);
      return;
    }
    const { changes, text } = configFallback(this.table, this.values, error, { i18n: this.i18n });
    this.notice(changes ? 'warning' : 'error', text);
    if (changes) this.applySettings(changes);
  }

  /** Keeps the frame and its grids (a frame carries a grid only for networks that moved). */
  frameArrived(frame) {
    for (const m of frame.members) {
      if (!m.probs) continue;
      const side = m.gridSide ?? frame.grid.width;
      this.grids.set(m.name, { probs: m.probs, width: side, height: side });
    }
    this.lastFrame = frame;
    this.scheduleDraw();
  }

  /** The last finite grid of network `name` with the run's classes, or null before its first. */
  gridOf(name) {
    const grid = this.grids.get(name);
    return grid ? { ...grid, classes: this.lastFrame?.grid.classes ?? this.started?.classes } : null;
  }

  scheduleDraw() {
    requestDraw(this, () => {
      const frame = this.lastFrame;
      if (this.closed || !frame || frame.runId !== this.runId) return;
      this.each('frame', frame);
      this.post({ type: ToWorker.FRAME_DRAWN, runId: frame.runId });
      this.onFrameDrawn(frame);
    });
  }

  /** Stops routing; the host frees the worker's side (DISPOSE or terminate). */
  close() {
    this.closed = true;
    this.views.clear();
  }
}
