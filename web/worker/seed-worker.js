// A worker of the across-seeds pool (web/session/seed-pool.js): loads the module, then trains one
// seed per message and answers with its numbers. It holds no state between seeds, so the pool
// cancels work by terminating it, and a worker that dies (out of memory) costs one seed only.
//   in:  {type: 'seed', task, job: {config, members, steps, seed}}
//   out: {type: 'seed-done', task, result, compiled} | {type: 'seed-failed', task, error, compiled}
//   (compiled: the modules this worker compiled itself, 0 when the page's was posted; a test hook)
// The page posts its compiled module (web/worker/wasm-handoff.js; the worker's name says one is
// coming); a host that starts the worker without one still works: it then compiles its own.
import { loadLab } from '../lab/actlab.js';
import { SeedRun } from './seed-run.js';
import { awaitPostedWasm } from './wasm-handoff.js';
import { countWasmCompiles } from './wasm-count.js';

const compiles = countWasmCompiles();
const posted = awaitPostedWasm(self);
const early = [];
let lab = null;

self.addEventListener('message', (event) => {
  if (posted.take(event.data)) return;
  if (lab) train(event.data);
  else early.push(event.data);
});

function train({ task, job }) {
  let run = null;
  try {
    run = new SeedRun(lab, job);
    while (run.slice());
    self.postMessage({ type: 'seed-done', task, result: run.result(), compiled: compiles.count });
  } catch (err) {
    self.postMessage({ type: 'seed-failed', task, error: String(err?.message ?? err), compiled: compiles.count });
  } finally {
    run?.delete();
  }
}

posted.module.then((module) => loadLab(module ? { wasm: module } : {})).then((loaded) => {
  lab = loaded;
  for (const message of early.splice(0)) train(message);
}, (err) => {
  const error = `the WebAssembly module could not be loaded: ${err?.message ?? err}`;
  for (const { task } of early.splice(0)) self.postMessage({ type: 'seed-failed', task, error, compiled: compiles.count });
});
