// The answer's figures, computed in the worker: the curves (lab.activationCurves: the training
// kernels), the depth figure (depth-sweep.js, one cell per job of the worker's deferred queue, so it
// waits for the first frames and the worker never holds for more than one small net; a new DEPTH
// request cancels the pending one; sweeps are cached per setting),
// and the network diagram's edge gradients of the current run (edge-gradients.js). Messages in
// web/session/protocol.js (CURVES, DEPTH, EDGES).
import { FromWorker, ToWorker } from '../session/protocol.js';
import { DepthSweepCache } from './depth-sweep.js';
import { edgeGradients } from './edge-gradients.js';

// A partial depth result goes out at most this often (the figure fills as the sweep goes).
const DEPTH_POST_MS = 150;
const caches = new WeakMap();  // lab -> DepthSweepCache: shared by every figure of the worker

export class AnswerFigures {
  /** deferred: the worker's queue of work that waits for first frames (deferred-work.js). */
  constructor(lab, post, deferred) {
    this.lab = lab;
    this.post = post;
    this.deferred = deferred;
    this.depthOwner = null;  // the owner of the pending depth sweep's jobs in the deferred queue
  }

  /** Handles CURVES, DEPTH and EDGES; returns false for any other message. */
  handle(msg, run) {
    switch (msg.type) {
      case ToWorker.CURVES: this.curves(msg); return true;
      case ToWorker.DEPTH: this.depth(msg); return true;
      case ToWorker.EDGES: this.edges(msg, run); return true;
      default: return false;
    }
  }

  /**
   * The curves can wait for the first boundary (deferred-work.js): they cost the worker little, but
   * drawing them costs the page a layout and a dozen plots, which came before the race's first frame.
   */
  curves({ activations, requestId = 0 }) {
    const post = () => {
      const items = this.lab.activationCurves(activations ? { activations } : undefined);
      this.post({ type: FromWorker.CURVES, requestId, items }, items.flatMap((it) => [it.x.buffer, it.f.buffer, it.df.buffer]));
    };
    this.deferred.add(this, 'curves', [post],
      (err) => this.post({ type: FromWorker.NOTICE, level: 'error', message: `curves: ${err?.message ?? err}` }));
  }

  /** Starts (or resumes from the cache) the sweep of these settings; the previous one stops. */
  depth({ activations, init = 'usual', config = {}, requestId = 0 }) {
    this.cancelDepth();
    let cache = caches.get(this.lab);
    if (!cache) caches.set(this.lab, (cache = new DepthSweepCache(this.lab)));
    let sweep;
    try {
      sweep = cache.sweepFor({ activations, init, config });
    } catch (err) {
      this.post({ type: FromWorker.DEPTH, requestId, error: String(err?.message ?? err) });
      return;
    }
    let postedAt = -Infinity;  // the first cell always posts: the figure shows it has started
    const cell = () => {
      const more = !sweep.done && sweep.step();
      const now = performance.now();
      if (!more || now - postedAt >= DEPTH_POST_MS) {
        postedAt = now;
        this.post({ type: FromWorker.DEPTH, requestId, result: sweep.result() });
      }
    };
    const left = Math.max(1, sweep.progress.total - sweep.progress.cells);  // a cached sweep still posts once
    this.depthOwner = {};
    this.deferred.add(this.depthOwner, 'depth-sweep', Array.from({ length: left }, () => cell),
      (err) => this.post({ type: FromWorker.DEPTH, requestId, error: String(err?.message ?? err) }));
  }

  cancelDepth() {
    if (this.depthOwner) this.deferred.drop(this.depthOwner);
    this.depthOwner = null;
  }

  /** The current run's |dL/dW| per racer (EDGES for that run; nothing when it has no data). */
  edges({ runId }, run) {
    if (!run || run.runId !== runId) return;
    const members = [];
    for (const m of run.members) {
      if (!m.net || m.failed) continue;
      try {
        members.push({ name: m.name, ...edgeGradients(m.net) });
      } catch (err) {
        // No training data (every point cleared): no gradient to show.
        members.push({ name: m.name, error: String(err?.message ?? err) });
      }
    }
    const transfer = members.flatMap((m) => (m.layers ?? []).map((l) => l.magnitudes.buffer));
    this.post({ type: FromWorker.EDGES, runId, members }, transfer);
  }

  dispose() {
    this.cancelDepth();
    this.deferred.drop(this);  // curves not posted yet
  }
}
