// The module's code compiled ONCE, by the page, while the worker's own code downloads and starts:
// the page streams actlab.wasm into WebAssembly.compileStreaming as soon as its first script runs
// and posts the compiled WebAssembly.Module to the worker, which only instantiates it. A worker
// learns that a module is coming from its name (new Worker(url, {name: WASM_POSTED_WORKER_NAME})),
// so a host that starts it without one (an older page, a test) still works: the worker then
// compiles the module itself. A page whose compile fails posts the failure, and the worker tries
// on its own (and says why if that fails too).
import { compileWasmAt } from '../lab/compile-wasm.js';

export const WASM_POSTED_WORKER_NAME = 'actlab-wasm-posted';
export const WASM_MODULE_MESSAGE = 'wasm-module';  // {type, module: WebAssembly.Module} or {type, error}

// One compile per page and URL, whoever asks: the lab's worker, every embed's hub and the
// across-seeds pool's workers (web/session/seed-pool.js) share it. It lives on globalThis because the
// page's bundle and the chunks loaded beside it each hold a copy of this file. Sharing the Module
// also shares V8's optimised code: a seed worker runs the kernels the live race has already
// tiered up, instead of tiering them up again on a background thread that takes a core the pool
// needs (issue 17's scaling).
const COMPILES = Symbol.for('activation-lab.compiled-wasm');

/** The page's one compile of the .wasm at `url` (a failed compile is forgotten, so it can be retried). */
export function compileWasmOnce(url) {
  const compiles = (globalThis[COMPILES] ??= new Map());
  const key = String(url);
  if (!compiles.has(key)) {
    const compiled = compileWasmAt(url);
    compiled.catch(() => compiles.delete(key));
    compiles.set(key, compiled);
  }
  return compiles.get(key);
}

/** Page side: starts compiling the .wasm at `url` now (once per page); posts the Module (or the failure) to `worker`. */
export function postCompiledWasm(worker, url) {
  const compiled = compileWasmOnce(url);
  compiled.then(
    (module) => {
      performance.mark?.('actlab:wasm-compiled');
      worker.postMessage({ type: WASM_MODULE_MESSAGE, module });
    },
    (err) => worker.postMessage({ type: WASM_MODULE_MESSAGE, error: String(err?.message ?? err) }),
  );
  return compiled;
}

/**
 * Worker side: {expected, module: Promise<Module|null>, take(message): boolean}. module resolves
 * to the page's Module, or to null when none is coming or the page's compile failed (loadLab then
 * compiles). take(message) is true when the message was the hand-off (it is not a lab message).
 */
export function awaitPostedWasm(scope = self) {
  const expected = scope.name === WASM_POSTED_WORKER_NAME;
  let deliver = () => {};
  const module = expected ? new Promise((resolve) => { deliver = resolve; }) : Promise.resolve(null);
  const take = (message) => {
    if (message?.type !== WASM_MODULE_MESSAGE) return false;
    deliver(message.module instanceof WebAssembly.Module ? message.module : null);
    return true;
  };
  return { expected, module, take };
}
