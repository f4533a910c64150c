// The message protocol between the page (main thread) and the lab worker, in one place: the
// session module (session.js) speaks it for the page and every embed; the worker answers it.
// Every message is a plain object {type, ...fields}. Typed arrays travel in the transfer list
// (zero copy), so the sender must not touch them afterwards.
//
// A run is one race built from one configuration; it starts at step 0. Every CONFIGURE starts a
// new run with a new runId; messages about an older run are stale and the page drops them.

/** Page -> worker. */
export const ToWorker = Object.freeze({
  // {type, runId, config: Partial<Config>, members: string[],
  //  data: {base: 'dataset'|'none', xy: Float32Array, labels: Int32Array} (clicked points, appended),
  //  playing: boolean, stepsPerFrame: number, frameIntervalMs: number}
  // Builds a new race (the old one is deleted), posts RUN_STARTED, POINTS and a first FRAME (step
  // 0); the first DIAGNOSTICS follow the first FRAME_DRAWN. On failure: CONFIG_ERROR.
  CONFIGURE: 'configure',
  PLAY: 'play',                   // {type}
  PAUSE: 'pause',                 // {type}: stops after the current tick, posts FRAME and DIAGNOSTICS
  STEP: 'step',                   // {type}: trains stepsPerFrame steps once, then posts FRAME and DIAGNOSTICS
  SET_SPEED: 'set-speed',         // {type, stepsPerFrame, frameIntervalMs}
  FRAME_DRAWN: 'frame-drawn',     // {type, runId}: back-pressure; the worker posts no new FRAME before this
  MEASURE_COSTS: 'measure-costs', // {type, elements?, repeats?, windowMs?}: posts COSTS (blocks training meanwhile)
  // {type, config: Partial<Config>, requestId?}: posts CLAIMS, measured on the data of `config`
  // (web/worker/claims.js; ~0.3 s the first time, a few ms after: the cost figures are kept).
  MEASURE_CLAIMS: 'measure-claims',
  // Worker-wide (embedded figures; see lab-worker.js): any message may carry `figure`, an id that
  // selects one of several runs in the same worker; replies carry it back.
  DISPOSE: 'dispose',             // {type, figure}: stops that figure's run and frees it; posts DISPOSED
  MEMORY: 'memory',               // {type}: posts MEMORY
  // {type, runId, x, y, label}: a clicked point joins the current run's training set (no restart);
  // then POINTS. A run without data (every point cleared) cannot take one: CONFIGURE a new run.
  ADD_POINT: 'add-point',
  REMOVE_POINT: 'remove-point',   // {type, runId}: undoes the last ADD_POINT; then POINTS
  // {type, side}: boundary grids at most side x side from now on (side < 1: no cap), then a
  // FRAME. A test hook: it forces the shrunken grid a slow machine or a deep net would get.
  LIMIT_GRID_SIDE: 'limit-grid-side',
  // The answer's figures (web/worker/answer-figures.js):
  CURVES: 'curves',               // {type, activations?, requestId?}: posts CURVES
  // {type, activations, init: 'usual'|'xavier'|'he'|'normal', config: the page's settings, requestId?}:
  // the depth figure's sweep, one net per slice; posts DEPTH as it fills. A new DEPTH cancels the
  // pending one; a setting asked before resumes from the cache.
  DEPTH: 'depth',
  EDGES: 'edges',                 // {type, runId}: posts EDGES for the current run
});

/** Worker -> page. */
export const FromWorker = Object.freeze({
  // {type, activations: ActivationInfo[], datasets: DatasetInfo[], initialisers: InitialiserInfo[],
  //  fields: FieldInfo[], defaultConfig: Config, constants: Constants (actlab.d.ts)}: the module
  //  loaded; sent once. The page's rules (ranges, limits, the plane) come from here.
  READY: 'ready',
  // {type, runId, members: string[], classes}
  RUN_STARTED: 'run-started',
  // {type, runId, message, field, argument}: CONFIGURE failed (field: the API Error's .field, the
  // key at fault, or ''; argument: 'data' when it was about the clicked points, else '').
  // No race exists until the next CONFIGURE.
  CONFIG_ERROR: 'config-error',
  // {type, runId, classes, train: {x, y, label}, test: {x, y, label}}: typed arrays, once per run.
  POINTS: 'points',
  // {type, runId, playing, grid: {width, height, classes, domain: {xMin, xMax, yMin, yMax}},
  //  requestedPerSecond: steps per second per network the settings ask for (NaN while paused),
  //  members: [{name, step, metrics: Metrics|null, losses: Float32Array, lossStride,
  //             history: {step, trainLoss, testLoss, trainAccuracy, testAccuracy} (Float64Arrays:
  //             every evaluation of the run, thinned evenly to at most 240),
  //             probs: Float32Array|null, gridSide (probs is gridSide x gridSide: grid.width, or
  //             less when a pass over that grid would hold the worker too long), diverged,
  //             divergedAt, failed, stepsPerSecond,
  //             advancedPerSecond: steps this network advanced per second of wall time, recently}]}
  // probs is planar [classes][height*width], row 0 at yMax; null when the network has not moved
  // since the last grid, has no data, or its grid was not finite: the page keeps the last one.
  // losses: the whole run's loss history, each value the mean of lossStride consecutive batch
  // losses. failed: the module threw while training it (a NOTICE says why); it stopped, the rest
  // go on. stepsPerSecond: training time only (median of recent one-second windows).
  FRAME: 'frame',
  // {type, runId, members: [{name, diagnostics: Diagnostics}]}: at most every ~250 ms while playing.
  DIAGNOSTICS: 'diagnostics',
  // {type, runId, members: [{name, step, maps: UnitMaps}]}: every hidden unit's output over a
  // 16 x 16 grid and its state (actlab.d.ts UnitMaps); at most every ~600 ms while playing.
  UNIT_MAPS: 'unit-maps',
  // {type, costs: ActivationCost[]}
  COSTS: 'costs',
  // {type, requestId, claims: {cost?, vanishing?, sparsity?}, error?} (shapes in web/worker/claims.js):
  // the parts measured so far; one request may be answered in two messages (probes, then cost).
  CLAIMS: 'claims',
  // {type, requestId, items: [{name, label, maxDerivative, x, f, df}]} (lab.activationCurves)
  CURVES: 'curves',
  // {type, requestId, result: DepthSweep.result(), error?}: partial while result.done is false
  DEPTH: 'depth',
  // {type, runId, members: [{name, step, layerUnits, layers: [{in, out, magnitudes}]} | {name, error}]}
  EDGES: 'edges',
  // {type, level: 'error'|'warning'|'info', message}: shown to the reader as text.
  NOTICE: 'notice',
  // {type, heapBytesInUse, loops, modules}: the module's allocated bytes, live runs, modules compiled.
  MEMORY: 'memory',
  // {type, figure, heapBytesInUse, loops, modules}: after DISPOSE.
  DISPOSED: 'disposed',
});
