// The lab's Web Worker: loads the WebAssembly module and does all training, so the page's main
// thread only draws. Messages are documented in ../session/protocol.js.
//
// One worker serves many figures: a message may carry `figure` (an id chosen by the page), and
// each figure gets its own TrainingLoop; everything a loop posts carries its figure id back. The
// lab page sends no id and uses the one loop without one. All loops share one compiled module
// (compiled by the page when it posts one: wasm-handoff.js) and one queue of work that waits for
// the first frames (deferred-work.js).
import { countWasmCompiles } from './wasm-count.js';
import { loadLab } from '../lab/actlab.js';
import { ToWorker, FromWorker } from '../session/protocol.js';
import { TrainingLoop } from './training-loop.js';
import { DeferredWork } from './deferred-work.js';
import { startMessageLog } from './message-log.js';
import { awaitPostedWasm } from './wasm-handoff.js';

const compiles = countWasmCompiles();
const log = startMessageLog(self);
const posted = awaitPostedWasm(self);
const post = (message, transfer = []) => {
  log('out', message);
  self.postMessage(message, transfer);
};
const notice = (level, message, figure) => post({ type: FromWorker.NOTICE, level, message, figure });

// Messages that arrive while the module compiles wait here, in order.
const early = [];
let lab = null;
const loops = new Map();  // figure id (undefined for the lab page) -> TrainingLoop
const disposed = new Set();  // ids of removed figures: a late message (FRAME_DRAWN) must not revive one
// Claims, costs and other measurements wait while any run awaits its first drawn frame.
const deferred = new DeferredWork({ blocked: () => [...loops.values()].some((l) => l.awaitingFirstDraw), log });

self.addEventListener('message', (event) => {
  if (posted.take(event.data)) {
    if (event.data.module) compiles.count += 1;  // compiled by the page for this worker: still one per worker
    return log('load', { type: 'wasm-module-received' });
  }
  log('in', event.data);
  if (lab) dispatch(event.data);
  else early.push(event.data);
});

function dispatch(message) {
  try {
    switch (message?.type) {
      case ToWorker.DISPOSE: return dispose(message.figure);
      case ToWorker.MEMORY: return post(memory());
      default: return disposed.has(message?.figure) ? undefined : loopOf(message?.figure).handle(message);
    }
  } catch (err) {
    // One failed message must not take the worker down: say so and keep going.
    return notice('error', `lab worker: ${err?.message ?? err}`, message?.figure);
  }
}

function loopOf(figure) {
  let loop = loops.get(figure);
  if (!loop) {
    const tagged = figure === undefined ? post : (message, transfer) => post({ ...message, figure }, transfer);
    loop = new TrainingLoop(lab, tagged, deferred);
    loops.set(figure, loop);
  }
  return loop;
}

/** A figure went away: stop its training and free its networks, then say what the heap holds. */
function dispose(figure) {
  loops.get(figure)?.dispose();
  loops.delete(figure);
  deferred.kick();  // the figure may have been the one whose first frame the queue waited for
  if (figure !== undefined) disposed.add(figure);
  post({ ...memory(), type: FromWorker.DISPOSED, figure });
}

function memory() {
  return { type: FromWorker.MEMORY, heapBytesInUse: lab.heapBytesInUse(), loops: loops.size, modules: compiles.count };
}

self.addEventListener('unhandledrejection', (event) => {
  notice('error', `lab worker: ${event.reason?.message ?? event.reason}`);
});

posted.module.then((module) => loadLab(module ? { wasm: module } : {})).then((loaded) => {
  lab = loaded;
  log('load', { type: 'lab-loaded' });
  post({
    type: FromWorker.READY,
    activations: lab.activations(),
    datasets: lab.datasets(),
    initialisers: lab.initialisers(),
    fields: lab.configFields(),
    defaultConfig: lab.defaultConfig(),
    constants: lab.constants(),
    modules: compiles.count,
    heapBytesInUse: lab.heapBytesInUse(),
  });
  for (const message of early.splice(0)) dispatch(message);
}, (err) => {
  notice('error', `The WebAssembly module could not be loaded: ${err?.message ?? err}`);
});
