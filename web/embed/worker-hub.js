// One lab worker for every figure on a page. Figures register and get an id; their messages carry
// it (the worker keeps one TrainingLoop per id, web/worker/lab-worker.js) and replies are routed
// back by it. The worker starts with the first figure and loads the module once; a figure that
// registers later gets the same READY at once.
import { ToWorker, FromWorker } from '../session/protocol.js';
import { WASM_POSTED_WORKER_NAME, postCompiledWasm } from '../worker/wasm-handoff.js';

// Every page starts the lab's classic worker bundle (web/build/lab-worker.js, an esbuild IIFE of
// web/worker/lab-worker.js, npm run build): one request, the same code on every origin. A
// cross-origin page cannot start a worker from the lab's URL, so it starts one from a blob: URL
// that importScripts() the bundle: a host CSP with `worker-src blob:` checks importScripts against
// script-src (which allows the lab), where a module worker's imports would be checked against
// worker-src and blocked.
export const CLASSIC_WORKER_BUNDLE = 'build/lab-worker.js';

/**
 * Starts the lab's worker for a page whose scripts came from `base` (the lab's root URL). Same
 * origin: the bundle's own URL. Another origin (or an opaque, sandboxed one): a blob: worker that
 * loads the bundle from `base`.
 */
export function startLabWorker(base) {
  const worker = newLabWorker(base);
  // The module compiles here while the worker's bundle downloads; the worker only instantiates it.
  postCompiledWasm(worker, new URL(COMPILED_WASM, base));
  return worker;
}

export const COMPILED_WASM = 'build/actlab.wasm';

function newLabWorker(base) {
  const bundle = new URL(CLASSIC_WORKER_BUNDLE, base);
  const sameOrigin = self.origin !== 'null' && bundle.origin === self.origin;
  const options = { name: WASM_POSTED_WORKER_NAME };  // a compiled module will be posted to it
  if (sameOrigin) return new Worker(bundle, options);
  const source = `self.ACTLAB_BASE_URL = ${JSON.stringify(base)};\nimportScripts(${JSON.stringify(bundle.href)});\n`;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url, options);
  // The worker has fetched its script once it speaks (or fails); only then may the URL go.
  const revoke = () => URL.revokeObjectURL(url);
  worker.addEventListener('message', revoke, { once: true });
  worker.addEventListener('error', revoke, { once: true });
  return worker;
}

// With no figure left on the page, the worker (and the module's heap, tens of MB for a big race)
// is ended after this long; a figure added later starts a new one. Not at once: a page that swaps
// its figures (a slide show, a re-rendered post) keeps the compiled module.
export const IDLE_WORKER_MS = 10_000;

export class WorkerHub {
  constructor(base) {
    this.base = base;
    this.worker = null;
    this.ready = null;          // the READY message, once the module loaded
    this.failure = null;        // {key, params} (the figure words it), if the worker could not start
    this.figures = new Map();   // id -> handlers {ready(msg), message(msg), failed(reason)}
    this.nextId = 1;
    this.modules = 0;
    this.memoryWaiters = [];
    this.idleTimer = 0;
  }

  /**
   * @param handlers {ready(readyMessage), message(msg), failed(reason: {key, params})}
   * @returns {id, post(message, transfer), unregister()}
   */
  register(handlers) {
    const id = this.nextId++;
    this.figures.set(id, handlers);
    clearTimeout(this.idleTimer);
    this.start();
    if (this.ready) queueMicrotask(() => this.figures.get(id)?.ready(this.ready));
    if (this.failure) queueMicrotask(() => this.figures.get(id)?.failed(this.failure));
    return {
      id,
      post: (message, transfer = []) => this.worker?.postMessage({ ...message, figure: id }, transfer),
      unregister: () => {
        if (!this.figures.delete(id)) return;
        this.worker?.postMessage({ type: ToWorker.DISPOSE, figure: id });
        this.stopWhenIdle();
      },
    };
  }

  start() {
    if (this.worker || this.failure) return;
    try {
      this.worker = startLabWorker(this.base);
    } catch (err) {
      this.fail({ key: 'embed.workerNoStart', params: { message: String(err?.message ?? err) } });
      return;
    }
    this.worker.addEventListener('message', (event) => this.route(event.data));
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();  // shown in each figure instead of as an uncaught error
      // The browser's own message stays as it wrote it; the lab's words come from the figure's catalog.
      this.fail(event.message ? { key: 'embed.workerFailed', params: { message: event.message } }
        : { key: 'embed.workerFailed', params: { message: { key: 'embed.workerNoCode' } } });
    });
  }

  stopWhenIdle() {
    clearTimeout(this.idleTimer);
    if (this.figures.size > 0 || !this.worker) return;
    this.idleTimer = setTimeout(() => {
      if (this.figures.size > 0 || this.memoryWaiters.length > 0) return;
      this.worker.terminate();
      this.worker = null;
      this.ready = null;
      this.modules = 0;
    }, IDLE_WORKER_MS);
  }

  fail(reason) {
    this.failure = reason;
    for (const handlers of this.figures.values()) handlers.failed(reason);
  }

  route(message) {
    switch (message?.type) {
      case FromWorker.READY:
        this.ready = message;
        this.modules = message.modules;
        for (const handlers of this.figures.values()) handlers.ready(message);
        return;
      case FromWorker.MEMORY: case FromWorker.DISPOSED:
        this.modules = message.modules;
        if (message.type === FromWorker.MEMORY) this.memoryWaiters.shift()?.(message);
        this.stopWhenIdle();  // memory() may have started the worker with no figure on the page
        return;
      default:
        if (message?.figure !== undefined) {
          this.figures.get(message.figure)?.message(message);
        } else if (message?.type === FromWorker.NOTICE) {
          for (const handlers of this.figures.values()) handlers.message(message);  // about the worker itself
        }
    }
  }

  /** Promise<{heapBytesInUse, loops, modules}> from the worker, after everything posted so far. */
  memory() {
    this.start();
    return new Promise((resolve) => {
      this.memoryWaiters.push(resolve);
      this.worker?.postMessage({ type: ToWorker.MEMORY });
    });
  }

  /** {workers, modules, figures}: workers started, modules compiled in them, figures registered. */
  stats() {
    return { workers: this.worker ? 1 : 0, modules: this.modules, figures: this.figures.size };
  }
}
