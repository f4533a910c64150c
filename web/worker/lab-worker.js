// The lab's Web Worker: loads the WebAssembly module and does all training, so the page's main
// thread only draws. Messages are documented in ../app/protocol.js.
import { loadLab } from '../lab/actlab.js';
import { FromWorker } from '../app/protocol.js';
import { TrainingLoop } from './training-loop.js';

const post = (message, transfer = []) => self.postMessage(message, transfer);
const notice = (level, message) => post({ type: FromWorker.NOTICE, level, message });

// Messages that arrive while the module compiles wait here, in order.
const early = [];
let loop = null;

self.addEventListener('message', (event) => {
  if (loop) dispatch(event.data);
  else early.push(event.data);
});

function dispatch(message) {
  try {
    loop.handle(message);
  } catch (err) {
    // One failed message must not take the worker down: say so and keep going.
    notice('error', `lab worker: ${err?.message ?? err}`);
  }
}

self.addEventListener('unhandledrejection', (event) => {
  notice('error', `lab worker: ${event.reason?.message ?? event.reason}`);
});

loadLab().then((lab) => {
  post({
    type: FromWorker.READY,
    activations: lab.activations(),
    datasets: lab.datasets(),
    initialisers: lab.initialisers(),
    fields: lab.configFields(),
    defaultConfig: lab.defaultConfig(),
  });
  loop = new TrainingLoop(lab, post);
  for (const message of early.splice(0)) dispatch(message);
}, (err) => {
  notice('error', `The WebAssembly module could not be loaded: ${err?.message ?? err}`);
});
