// TensorFlow.js in the peer benchmark, on one backend ('cpu' or 'wasm'), three ways:
//   fit       the Layers API as its users call it: a sequential model, model.fit(xs, ys, {batchSize: 10,
//             shuffle: true}) one epoch per call (fit yields to the event loop every 125 ms, its
//             default), and model.predict(grid) with its default batchSize (32);
//   minimize  the usual hand-written loop: the MLP as tf.variables, one optimizer.minimize() per batch
//             of 10 on the fused softmax cross-entropy of the logits; the grid as one batch;
//   backprop  the fastest loop found: the same step with its gradients written out in tf ops.
// The hand-written loops feed batches split from one reshuffled copy of the data per epoch.
// All three start from the lab's initial weights (transposed: TF.js kernels are [inputs, units]).
// Uses the global `tf` of the classic scripts tf.es2017.min.js and tf-backend-wasm.es2017.min.js
// (bench.html).
import { WORKLOAD, gridPoints, meanCrossEntropy, shuffle, splitParams, transpose } from './workload.js';
// A URL, like lab-driver.js's: the bench server serves web/ at '/' and this folder at '/peers/'.
import { seededRandom } from '../views/seeded-random.js';

const tf = globalThis.tf;
const WASM_PATH = '/vendor/tfjs-backend-wasm/';  // the server mounts the package's dist/ here

export async function useBackend(backend) {
  if (backend === 'wasm') tf.wasm.setWasmPaths(WASM_PATH);  // no-op once the backend is up
  if (tf.getBackend() !== backend && !(await tf.setBackend(backend))) throw new Error(`TF.js: backend '${backend}' failed to start`);
  await tf.ready();
}

export async function describeTfjs() {
  const flags = {};
  for (const name of ['WASM_HAS_SIMD_SUPPORT', 'WASM_HAS_MULTITHREAD_SUPPORT']) {
    try { flags[name] = await tf.env().getAsync(name); } catch { flags[name] = null; }
  }
  return { version: tf.version.tfjs, wasmSimd: flags.WASM_HAS_SIMD_SUPPORT, wasmThreads: flags.WASM_HAS_MULTITHREAD_SUPPORT };
}

// Tensors shared by the three ways on one backend: the data (interleaved xy, one-hot labels) and the grid.
function dataTensors(data, grid) {
  const n = data.label.length, classes = WORKLOAD.classes;
  const xy = new Float32Array(2 * n), oneHot = new Float32Array(classes * n);
  for (let i = 0; i < n; i++) {
    xy[2 * i] = data.x[i];
    xy[2 * i + 1] = data.y[i];
    oneHot[classes * i + data.label[i]] = 1;
  }
  return { n, xy, oneHot, xs: tf.tensor2d(xy, [n, 2]), ys: tf.tensor2d(oneHot, [n, classes]),
    grid: tf.tensor2d(gridPoints(grid), [grid.width * grid.height, 2]) };
}

function interleavedProbability(out) {
  const classes = WORKLOAD.classes;
  return (i, c) => out[i * classes + c];
}

function lossOf(probabilities, labels) {
  return meanCrossEntropy(labels, interleavedProbability(readOut(probabilities)));
}

export async function createTfjsDrivers(backend, data, initialParams, grid) {
  await useBackend(backend);
  const widths = [2, ...WORKLOAD.hidden, WORKLOAD.classes];
  const layers = splitParams(initialParams, widths);
  const t = dataTensors(data, grid);
  const activate = () => useBackend(backend);
  const common = { engine: 'TensorFlow.js', backend, activate, gridProbability: interleavedProbability };
  return [fitDriver(backend, layers, t, common), minimizeDriver(backend, layers, t, common), backpropDriver(backend, layers, t, common)];
}

function fitDriver(backend, layers, t, common) {
  const model = tf.sequential();
  layers.forEach((layer, l) => model.add(tf.layers.dense({
    units: layer.outputs, activation: l === layers.length - 1 ? 'softmax' : WORKLOAD.activation,
    ...(l === 0 ? { inputShape: [layer.inputs] } : {}),
  })));
  model.compile({ optimizer: tf.train.sgd(WORKLOAD.learningRate), loss: 'categoricalCrossentropy' });
  model.setWeights(layers.flatMap((layer) => [
    tf.tensor2d(transpose(layer.weight, layer.outputs, layer.inputs), [layer.inputs, layer.outputs]),
    tf.tensor1d(layer.bias)]));
  return {
    ...common,
    id: `tfjs-${backend}-fit`,
    label: `TF.js ${backend}, fit`,
    how: 'model.fit(xs, ys, {batchSize: 10, epochs: 1, shuffle: true}) / model.predict(grid) (default batchSize 32)',
    async trainUnit() {
      await model.fit(t.xs, t.ys, { batchSize: WORKLOAD.batchSize, epochs: 1, shuffle: true, verbose: 0 });
      return t.n;
    },
    gridUnit() { return readOut(model.predict(t.grid)); },
    trainLoss(labels) { return lossOf(model.predict(t.xs), labels); },
  };
}

// The MLP as tf.variables holding the lab's initial weights.
function variables(layers) {
  return layers.map((layer) => ({
    w: tf.variable(tf.tensor2d(transpose(layer.weight, layer.outputs, layer.inputs), [layer.inputs, layer.outputs])),
    b: tf.variable(tf.tensor1d(layer.bias)),
  }));
}

// One epoch's batches as tensors: a seeded reshuffle copied in JS, two tensor creations and two
// splits (the cheapest way found to feed 50 batches; call inside tf.tidy).
function epochBatcher(t) {
  const batch = WORKLOAD.batchSize, steps = Math.floor(t.n / batch), classes = WORKLOAD.classes, used = steps * batch;
  const random = seededRandom(2);
  const order = Uint32Array.from({ length: t.n }, (_, i) => i);
  const xy = new Float32Array(2 * used), oneHot = new Float32Array(classes * used);
  return {
    steps, samples: used,
    next() {
      shuffle(order, random);
      for (let k = 0; k < used; k++) {
        const i = order[k];
        xy[2 * k] = t.xy[2 * i];
        xy[2 * k + 1] = t.xy[2 * i + 1];
        for (let c = 0; c < classes; c++) oneHot[classes * k + c] = t.oneHot[classes * i + c];
      }
      return { xs: tf.split(tf.tensor2d(xy, [used, 2]), steps), ys: tf.split(tf.tensor2d(oneHot, [used, classes]), steps) };
    },
  };
}

// The first hand-written loop a TF.js user writes: autodiff through optimizer.minimize.
function minimizeDriver(backend, layers, t, common) {
  const vars = variables(layers);
  const varList = vars.flatMap((v) => [v.w, v.b]);
  const logits = (x) => vars.reduce((h, v, l) => {
    const z = tf.add(tf.matMul(h, v.w), v.b);
    return l === vars.length - 1 ? z : tf.tanh(z);
  }, x);
  const optimizer = tf.train.sgd(WORKLOAD.learningRate);
  const batches = epochBatcher(t);
  return {
    ...common,
    id: `tfjs-${backend}-minimize`,
    label: `TF.js ${backend}, minimize`,
    how: 'optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, logits(x))) per batch / softmax(logits(grid)), one batch',
    trainUnit() {
      tf.tidy(() => {
        const { xs, ys } = batches.next();
        for (let s = 0; s < batches.steps; s++) {
          optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys[s], logits(xs[s])), false, varList);
        }
      });
      return batches.samples;
    },
    gridUnit() { return readOut(tf.tidy(() => tf.softmax(logits(t.grid)))); },
    trainLoss(labels) { return lossOf(tf.tidy(() => tf.softmax(logits(t.xs))), labels); },
  };
}

// The fastest loop found (2-3x minimize's samples/s here): the gradients written out by hand, no
// tape, matMul and bias fused; per step 9 forward and 16 backward kernels plus 6 updates.
function backpropDriver(backend, layers, t, common) {
  const vars = variables(layers);
  const last = vars.length - 1;
  const rate = tf.scalar(WORKLOAD.learningRate), one = tf.scalar(1), perPoint = tf.scalar(1 / WORKLOAD.batchSize);
  // Activations of every layer, input first, softmax probabilities last.
  const forward = (x) => vars.reduce((hs, v, l) => {
    const z = tf.fused.matMul({ a: hs[hs.length - 1], b: v.w, bias: v.b });
    return [...hs, l === last ? tf.softmax(z) : tf.tanh(z)];
  }, [x]);
  const step = (x, y) => tf.tidy(() => {
    const hs = forward(x);
    let delta = tf.mul(tf.sub(hs[last + 1], y), perPoint);  // d(mean loss)/d(logits)
    for (let l = last; l >= 0; l--) {
      const gradW = tf.matMul(hs[l], delta, true, false), gradB = tf.sum(delta, 0);
      if (l > 0) delta = tf.mul(tf.matMul(delta, vars[l].w, false, true), tf.sub(one, tf.square(hs[l])));  // tanh' = 1 - h^2
      vars[l].w.assign(tf.sub(vars[l].w, tf.mul(gradW, rate)));
      vars[l].b.assign(tf.sub(vars[l].b, tf.mul(gradB, rate)));
    }
  });
  const batches = epochBatcher(t);
  return {
    ...common,
    id: `tfjs-${backend}-backprop`,
    label: `TF.js ${backend}, backprop`,
    how: 'gradients by hand with tf ops (no tape), tf.fused.matMul with bias, per batch / the same forward, one batch',
    trainUnit() {
      tf.tidy(() => {
        const { xs, ys } = batches.next();
        for (let s = 0; s < batches.steps; s++) step(xs[s], ys[s]);
      });
      return batches.samples;
    },
    gridUnit() { return readOut(tf.tidy(() => forward(t.grid)[last + 1])); },
    trainLoss(labels) { return lossOf(tf.tidy(() => forward(t.xs)[last + 1]), labels); },
  };
}

function readOut(tensor) {
  const p = tensor.dataSync();
  tensor.dispose();
  return p;
}
