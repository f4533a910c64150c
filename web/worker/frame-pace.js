// The page's side of the worker's pace: when the next frame (grids, metrics) may go out. Frames go
// out at most every `intervalMs` and only after the page said it drew the previous one, so a slow
// page is never flooded; a page that has not drawn for STALL_MS is hidden or swamped, and training
// waits until it draws, so a background tab does not burn a core. Separate from the training loop
// (training-loop.js), which owns one: these are the page's drawing times, the loop's slices are
// the worker's.
const STALL_MS = 1000;

export class FramePace {
  constructor() {
    this.intervalMs = 33;
    this.awaitingDraw = false;  // a frame went out and the page has not said it drew it
    this.lastFrameAt = 0;
    this.buildMs = 0;           // how long the last frame took to build (its core calls)
  }

  /** SET_SPEED's or CONFIGURE's frameIntervalMs; a value that is not a number >= 0 changes nothing. */
  setInterval(frameIntervalMs) {
    const interval = Number(frameIntervalMs);
    if (interval >= 0) this.intervalMs = interval;
  }

  /** The next frame was built: its core calls took `buildMs`. */
  built(buildMs) {
    this.buildMs = buildMs;
  }

  /** A frame went out. */
  sent() {
    this.awaitingDraw = true;
    this.lastFrameAt = performance.now();
  }

  /** The page drew the last frame, or a new run starts, which awaits none. */
  drawn() {
    this.awaitingDraw = false;
  }

  /** True while the page has not drawn the last frame for STALL_MS: training waits. */
  stalled() {
    return this.awaitingDraw && performance.now() - this.lastFrameAt > STALL_MS;
  }

  /**
   * Whether a frame is due at `now`: the last one was drawn and the interval has passed. A frame of
   * a big race takes a while to build (a grid and an evaluation per network): the next waits twice
   * that long, so training keeps about two thirds of the worker.
   */
  due(now) {
    return !this.awaitingDraw && now - this.lastFrameAt >= Math.max(this.intervalMs, 2 * this.buildMs);
  }
}
