// Two classes take their own softmax in the core (core/lib/mlp.cpp, softmax_two: one exp per
// point instead of two). Its bits must be the general softmax's, here in WebAssembly (the native
// build is pinned by tests/native/test_softmax_two.cpp). Reference: the same logits in a 3-class
// network whose third class has the logit -1e30. Its exp is exactly 0 and it is never the max, so
// the general path's sum, and so its first two probabilities, are those of the 2-class softmax.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadLabOrFail } from './lab-fixture.mjs';

const lab = await loadLabOrFail();

// No hidden layer: logit c = bias + weight[c][0] * x + weight[c][1] * y over the grid's cells.
// Scales: tiny differences, ordinary ones, and differences past exp's underflow (|z0 - z1| > 104).
// The grid is symmetric about 0, so x = y (ties) and x = -y cells occur.
const GRID = { xMin: -6, xMax: 6, yMin: -6, yMax: 6, width: 67, height: 67 };

function probabilities(classes, scale) {
  const net = lab.createNetwork({ hidden: [], classes, features: ['x', 'y'], seed: 1 });
  try {
    const weights = [scale, 0, 0, scale, ...(classes === 3 ? [0, 0] : [])];
    const biases = classes === 3 ? [0, 0, -1e30] : [0, 0];
    net.setParams(Float32Array.from([...weights, ...biases]));
    return net.predictGrid(GRID);
  } finally {
    net.delete();
  }
}

test('2-class probabilities have the bits of the general softmax, in wasm', () => {
  const cells = GRID.width * GRID.height;
  for (const scale of [1e-6, 1, 30]) {
    const two = new Uint32Array(probabilities(2, scale).buffer);
    const three = new Uint32Array(probabilities(3, scale).buffer).slice(0, 2 * cells);
    assert.equal(two.length, 2 * cells);
    const i = two.findIndex((bits, k) => bits !== three[k]);
    assert.equal(i, -1, `scale ${scale}: cell ${i % cells} of class ${Math.floor(i / cells)} differs`);
  }
});
