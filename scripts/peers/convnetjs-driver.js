// ConvNetJS in the peer benchmark, as its documentation uses it: fc layers with tanh, a softmax
// layer, SGDTrainer (momentum 0, batch_size 10, l2_decay 0), trainer.train(vol, label) once per
// sample (it sums gradients and updates every 10th call), and net.forward(vol) once per grid point
// (it has no batched forward). It computes in float64 (its Vols are Float64Arrays).
// Starts from the lab's initial weights. Uses the global `convnetjs` of build/convnet.js (bench.html).
import { WORKLOAD, gridPoints, meanCrossEntropy, shuffle, splitParams } from './workload.js';
// A URL, like lab-driver.js's: the bench server serves web/ at '/' and this folder at '/peers/'.
import { seededRandom } from '../views/seeded-random.js';

const convnetjs = globalThis.convnetjs;

export function createConvnetDriver(data, initialParams, gridSpec) {
  const widths = [2, ...WORKLOAD.hidden, WORKLOAD.classes];
  const net = new convnetjs.Net();
  net.makeLayers([
    { type: 'input', out_sx: 1, out_sy: 1, out_depth: 2 },
    ...WORKLOAD.hidden.map((units) => ({ type: 'fc', num_neurons: units, activation: WORKLOAD.activation })),
    { type: 'softmax', num_classes: WORKLOAD.classes },
  ]);
  // makeLayers adds a tanh layer after each hidden fc and an fc before the softmax layer.
  const fcLayers = net.layers.filter((layer) => layer.layer_type === 'fc');
  splitParams(initialParams, widths).forEach((layer, l) => {
    const fc = fcLayers[l];
    for (let o = 0; o < layer.outputs; o++) {
      for (let i = 0; i < layer.inputs; i++) fc.filters[o].w[i] = layer.weight[o * layer.inputs + i];
      fc.biases.w[o] = layer.bias[o];
    }
  });
  const trainer = new convnetjs.SGDTrainer(net, { learning_rate: WORKLOAD.learningRate, momentum: 0,
    batch_size: WORKLOAD.batchSize, l2_decay: 0 });

  const n = data.label.length;
  const points = Array.from({ length: n }, (_, i) => new convnetjs.Vol([data.x[i], data.y[i]]));
  const order = Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(3);
  const grid = gridPoints(gridSpec);
  const cells = grid.length / 2, classes = WORKLOAD.classes;
  const cell = new convnetjs.Vol(1, 1, 2, 0);
  const probabilityOf = (out) => (i, c) => out[i * classes + c];

  return {
    id: 'convnetjs',
    engine: 'ConvNetJS',
    label: 'ConvNetJS',
    how: 'trainer.train(vol, label) per sample (SGDTrainer, batch_size 10) / net.forward(vol) per grid point',
    trainUnit() {
      shuffle(order, random);
      for (const i of order) trainer.train(points[i], data.label[i]);
      return n;
    },
    gridUnit() {
      const out = new Float32Array(cells * classes);
      for (let i = 0; i < cells; i++) {
        cell.w[0] = grid[2 * i];
        cell.w[1] = grid[2 * i + 1];
        const p = net.forward(cell).w;
        for (let c = 0; c < classes; c++) out[i * classes + c] = p[c];
      }
      return out;
    },
    gridProbability: probabilityOf,
    trainLoss(labels) {
      return meanCrossEntropy(labels, (i, c) => net.forward(points[i]).w[c]);
    },
  };
}
