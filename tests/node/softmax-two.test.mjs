// Two classes take their own softmax in the core (core/lib/mlp.cpp, softmax_two: one exp per
// point instead of two). Its bits must be the general softmax's, here in WebAssembly (the native
// build is pinned by tests/native/test_softmax_two.cpp). Reference: the same logits in a 3-class
// network whose third class has the logit -1e30. Its exp is exactly 0 and it is never the max, so
// the general path's sum, and so its first two probabilities, are those of the 2-class softmax.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadLabOrFail } from './lab-fixture.mjs';

const lab = await loadLabOrFail();

// No hidden layer: logit c = bias + weight[c][0] * x + weight[c][1] * y over the grid's cells (the
// grid's 4,489 cells take the wide-pass path: column-major weights, in wasm one fused output pass).
// Layers: tiny differences, ordinary ones, differences past exp's underflow (|z0 - z1| > 104), and
// two identical classes (every cell a tie). Non-zero biases and both inputs in every sum, so that
// the order of the additions shows in the bits.
const GRID = { xMin: -6, xMax: 6, yMin: -6, yMax: 6, width: 67, height: 67 };
const scaled = (s) => ({ weights: [s, s / 3, -s / 7, s], biases: [0.375, -0.7] });
const LAYERS = [scaled(1e-6), scaled(1), scaled(30), { weights: [1, 1 / 3, 1, 1 / 3], biases: [0.375, 0.375] }];

function probabilities(classes, { weights, biases }) {
  const net = lab.createNetwork({ hidden: [], classes, features: ['x', 'y'], seed: 1 });
  try {
    const third = classes === 3 ? { weights: [0, 0], biases: [-1e30] } : { weights: [], biases: [] };
    net.setParams(Float32Array.from([...weights, ...third.weights, ...biases, ...third.biases]));
    return net.predictGrid(GRID);
  } finally {
    net.delete();
  }
}

test('2-class probabilities have the bits of the general softmax, in wasm', () => {
  const cells = GRID.width * GRID.height;
  LAYERS.forEach((layer, n) => {
    const two = new Uint32Array(probabilities(2, layer).buffer);
    const three = new Uint32Array(probabilities(3, layer).buffer).slice(0, 2 * cells);
    assert.equal(two.length, 2 * cells);
    const i = two.findIndex((bits, k) => bits !== three[k]);
    assert.equal(i, -1, `layer ${n}: cell ${i % cells} of class ${Math.floor(i / cells)} differs`);
  });
});
