// The workload every engine in the peer benchmark runs (issue 10, item 3), and the helpers the
// drivers share: the lab's parameter layout, the grid's points, a seeded shuffle, the mean loss.
// Runs in the bench page (scripts/peers/bench.html); plain ES module, no DOM.

export const WORKLOAD = Object.freeze({
  dataset: 'spiral', points: 500, classes: 2, noise: 0.1, seed: 1,
  hidden: [16, 16], activation: 'tanh',
  learningRate: 0.03, batchSize: 10,
  gridSide: 256,  // the grid is gridSide x gridSide cells over the lab's default square, [-6, 6]^2
});

export function gridSpec(side = WORKLOAD.gridSide) {
  return { width: side, height: side, min: -6, max: 6 };
}

// The engines the lab is measured against, in table order: TF.js on each backend three ways
// (scripts/peers/tfjs-driver.js), then ConvNetJS.
export const PEER_IDS = Object.freeze(['cpu', 'wasm'].flatMap((backend) =>
  ['fit', 'minimize', 'backprop'].map((way) => `tfjs-${backend}-${way}`)).concat('convnetjs'));

// The lab's config for this workload: every training point in the training set (no test split),
// plain SGD, Xavier initial weights (what TF.js's dense layers default to as well).
export function labConfig() {
  const w = WORKLOAD;
  return { seed: w.seed, dataset: w.dataset, points: w.points, noise: w.noise, classes: w.classes, testFraction: 0,
    features: ['x', 'y'], hidden: [...w.hidden], activation: w.activation, init: 'xavier', optimizer: 'sgd',
    learningRate: w.learningRate, batchSize: w.batchSize, l1: 0, l2: 0, clipNorm: 0 };
}

// Splits the lab's flat parameters (PyTorch nn.Linear order: per layer weight [out][in] row-major,
// then bias [out]) into layers, so every peer starts from the lab's exact initial weights.
export function splitParams(params, widths) {
  const layers = [];
  let offset = 0;
  for (let l = 1; l < widths.length; l++) {
    const inputs = widths[l - 1], outputs = widths[l];
    const weight = params.slice(offset, offset + inputs * outputs);
    offset += inputs * outputs;
    const bias = params.slice(offset, offset + outputs);
    offset += outputs;
    layers.push({ inputs, outputs, weight, bias });
  }
  if (offset !== params.length) throw new Error(`splitParams: ${params.length} parameters, the layout needs ${offset}`);
  return layers;
}

// [out][in] -> [in][out] (TF.js dense kernels are [inputs, units]).
export function transpose(weight, outputs, inputs) {
  const t = new Float32Array(weight.length);
  for (let o = 0; o < outputs; o++) for (let i = 0; i < inputs; i++) t[i * outputs + o] = weight[o * inputs + i];
  return t;
}

// The grid's cell centres, xy interleaved, row 0 at the top: the lab's GridSpec convention
// (core/lib/network.hpp), so peers and the lab evaluate the same points.
export function gridPoints({ width, height, min, max }) {
  const xy = new Float32Array(width * height * 2);
  for (let row = 0; row < height; row++) {
    const y = max - (row + 0.5) * (max - min) / height;
    for (let col = 0; col < width; col++) {
      const i = row * width + col;
      xy[2 * i] = min + (col + 0.5) * (max - min) / width;
      xy[2 * i + 1] = y;
    }
  }
  return xy;
}

// Fisher-Yates in place.
export function shuffle(order, random) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]; order[i] = order[j]; order[j] = t;
  }
  return order;
}

// Mean cross-entropy of class probabilities laid out as probability(point, class).
export function meanCrossEntropy(labels, probability) {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum -= Math.log(Math.max(probability(i, labels[i]), 1e-30));
  return sum / labels.length;
}
