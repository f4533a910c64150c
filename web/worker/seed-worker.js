// A worker of the across-seeds pool (web/session/seed-pool.js): loads the module, then trains one
// seed per message and answers with its numbers. It holds no state between seeds, so the pool
// cancels work by terminating it, and a worker that dies (out of memory) costs one seed only.
//   in:  {type: 'seed', task, job: {config, members, steps, seed}}
//   out: {type: 'seed-done', task, result} | {type: 'seed-failed', task, error}
import { loadLab } from '../lab/actlab.js';
import { SeedRun } from './seed-run.js';

const early = [];
let lab = null;

self.addEventListener('message', (event) => {
  if (lab) train(event.data);
  else early.push(event.data);
});

function train({ task, job }) {
  let run = null;
  try {
    run = new SeedRun(lab, job);
    while (run.slice());
    self.postMessage({ type: 'seed-done', task, result: run.result() });
  } catch (err) {
    self.postMessage({ type: 'seed-failed', task, error: String(err?.message ?? err) });
  } finally {
    run?.delete();
  }
}

loadLab().then((loaded) => {
  lab = loaded;
  for (const message of early.splice(0)) train(message);
}, (err) => {
  const error = `the WebAssembly module could not be loaded: ${err?.message ?? err}`;
  for (const { task } of early.splice(0)) self.postMessage({ type: 'seed-failed', task, error });
});
