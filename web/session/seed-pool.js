// The across-seeds pool: a few workers (web/worker/seed-worker.js), each training one seed at a
// time, beside the lab's one worker, so the live race never waits for them. Every seeds figure on a
// page (and the presets' across-seeds checks) queue their seeds in the page's one pool, as every
// embed shares one lab worker (web/embed/worker-hub.js).
//
// Cancelling is terminating: a job's queued seeds are dropped and the workers busy with its seeds
// are terminated at once (new ones start when there is work again). A worker that fails (its seed
// throws, or the worker itself dies, e.g. out of memory) marks that seed failed; the rest go on.
import { WASM_POSTED_WORKER_NAME, postCompiledWasm } from '../worker/wasm-handoff.js';

/** Workers for this machine: one fewer than the cores (the live race keeps one), at least one. */
export function defaultPoolSize(cores = globalThis.navigator?.hardwareConcurrency) {
  return Math.max(1, (Number.isInteger(cores) ? cores : 2) - 1);
}

export class SeedPool {
  #startWorker;
  #size;
  #idle = [];          // started workers with nothing to do
  #busy = new Map();   // worker -> task
  #queue = [];         // tasks waiting: {id, job, seed, handlers}
  #nextTask = 1;
  #started = 0;        // workers started over the pool's life (a test and benchmark hook)
  #idleWaiters = [];   // resolve functions of whenIdle() promises
  #compiles = new WeakMap();  // worker -> modules it compiled itself (0: it got the page's)

  /** @param startWorker () => Worker (the seed worker, from wherever the page can start it) */
  constructor({ startWorker, size = defaultPoolSize() }) {
    this.#startWorker = startWorker;
    this.#size = size;
  }

  get size() { return this.#size; }

  /** Sets the number of workers; busy workers beyond it finish their seed first. */
  resize(size) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`seedWorkers: ${size} is not a whole number >= 1`);
    this.#size = size;
    while (this.#idle.length > 0 && this.#idle.length + this.#busy.size > size) this.#idle.pop().terminate();
    this.#pump();
  }

  /**
   * Queues one seed per entry of `seeds` for `job` {config, members, steps}. Handlers:
   * done(seed, result), failed(seed, error text). Returns {cancel()}.
   */
  run(job, seeds, handlers) {
    const owner = {};
    for (const seed of seeds) {
      this.#queue.push({ id: this.#nextTask++, owner, job: { ...job, seed }, seed, handlers });
    }
    this.#pump();
    return { cancel: () => this.#cancel(owner) };
  }

  #cancel(owner) {
    this.#queue = this.#queue.filter((task) => task.owner !== owner);
    for (const [worker, task] of this.#busy) {
      if (task.owner !== owner) continue;
      this.#busy.delete(worker);
      worker.terminate();
    }
    this.#pump();
  }

  /**
   * Resolves once no seed is running or queued (at once if none is). Timed measurements wait for it:
   * the pool's workers take every core but one, so a cost measured meanwhile measures them too.
   */
  whenIdle() {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #isIdle() { return this.#busy.size === 0 && this.#queue.length === 0; }

  #settle() {
    if (!this.#isIdle()) return;
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  /**
   * {workers: running now, busy, queued, started: workers ever started, compiles: modules the
   * running workers compiled themselves (0 when each got the page's compiled module)}.
   */
  stats() {
    const live = [...this.#idle, ...this.#busy.keys()];
    const compiles = live.reduce((sum, worker) => sum + (this.#compiles.get(worker) ?? 0), 0);
    return { workers: live.length, busy: this.#busy.size, queued: this.#queue.length, started: this.#started, compiles };
  }

  /** Ends every worker and drops every queued seed (the page is going away). */
  close() {
    this.#queue = [];
    for (const worker of [...this.#idle, ...this.#busy.keys()]) worker.terminate();
    this.#idle = [];
    this.#busy.clear();
    this.#settle();
  }

  #pump() {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? (this.#busy.size < this.#size ? this.#spawn() : null);
      if (!worker) break;
      const task = this.#queue.shift();
      this.#busy.set(worker, task);
      worker.postMessage({ type: 'seed', task: task.id, job: task.job });
    }
    this.#settle();
  }

  #spawn() {
    let worker;
    try {
      worker = this.#startWorker();
    } catch (err) {
      this.#failAll(`the seed worker could not start: ${err?.message ?? err}`);
      return null;
    }
    this.#started += 1;
    worker.addEventListener('message', (event) => this.#receive(worker, event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();  // shown as the seed's failure instead of an uncaught error
      this.#died(worker, `the seed worker failed: ${event.message || 'it could not run'}`);
    });
    return worker;
  }

  #receive(worker, message) {
    const task = this.#busy.get(worker);
    if (Number.isInteger(message?.compiled)) this.#compiles.set(worker, message.compiled);
    if (!task || message?.task !== task.id) return;  // a cancelled task's last words
    this.#busy.delete(worker);
    this.#idle.push(worker);
    if (message.type === 'seed-done') task.handlers.done?.(task.seed, message.result);
    else task.handlers.failed?.(task.seed, message.error);
    this.resize(this.#size);  // drops idle workers above the size, then pumps
  }

  /** A worker died (out of memory, or its script failed): its seed fails, a new worker takes the next. */
  #died(worker, text) {
    const task = this.#busy.get(worker);
    this.#busy.delete(worker);
    this.#idle = this.#idle.filter((w) => w !== worker);
    worker.terminate();
    if (task) task.handlers.failed?.(task.seed, text);
    if (!task && this.#idle.length + this.#busy.size === 0) this.#failAll(text);
    else this.#pump();
  }

  #failAll(text) {
    for (const task of this.#queue.splice(0)) task.handlers.failed?.(task.seed, text);
    this.#settle();
  }
}

// Pages on other origins start the classic bundle of the seed worker (npm run build) from a blob:
// URL, as the lab's worker (web/embed/worker-hub.js says why); the lab's own origin starts the module.
export const SEED_WORKER_BUNDLE = 'build/seed-worker.js';
const SEED_WASM = 'build/actlab.wasm';

/**
 * Starts one seed worker for a page whose lab files are under `base` (the lab's root URL), and
 * posts it the page's one compiled module (web/worker/wasm-handoff.js): no worker compiles its own.
 */
export function startSeedWorker(base) {
  const worker = newSeedWorker(base);
  postCompiledWasm(worker, new URL(SEED_WASM, base));
  return worker;
}

function newSeedWorker(base) {
  const named = { name: WASM_POSTED_WORKER_NAME };  // a compiled module will be posted to it
  const source = new URL('worker/seed-worker.js', base);
  if (self.origin !== 'null' && source.origin === self.origin) return new Worker(source, { ...named, type: 'module' });
  const bundle = new URL(SEED_WORKER_BUNDLE, base);
  const code = `self.ACTLAB_BASE_URL = ${JSON.stringify(String(base))};\nimportScripts(${JSON.stringify(bundle.href)});\n`;
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  const worker = new Worker(url, named);
  const revoke = () => URL.revokeObjectURL(url);
  worker.addEventListener('message', revoke, { once: true });
  worker.addEventListener('error', revoke, { once: true });
  return worker;
}

// The one pool lives on globalThis, not in this module: the page's bundle (web/build/lab-page.js:
// the preset bar's checks) and the modules loaded beside it (app/seeds-section.js, the embeds) each
// hold a copy of this file, and two pools would each start a worker per core.
const SHARED = Symbol.for('activation-lab.seed-pool');
/**
 * The page's one pool, its workers started from `base` (the lab's root URL). `workers`: the
 * seedWorkers setting (0: defaultPoolSize()); a later call with another value resizes the pool.
 */
export function sharedSeedPool(base, workers = 0) {
  const size = workers > 0 ? workers : defaultPoolSize();
  globalThis[SHARED] ??= new SeedPool({ startWorker: () => startSeedWorker(base), size });
  const shared = globalThis[SHARED];
  if (size !== shared.size) shared.resize(size);
  return shared;
}

/** Resolves once the page's pool (if it has one) has no seed running or queued. */
export function whenSeedPoolIdle() {
  return globalThis[SHARED]?.whenIdle() ?? Promise.resolve();
}
