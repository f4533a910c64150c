// A grid cell's probabilities do not depend on how the core computed them: small passes (under 64
// points) take the row-major affine then the activation's own loop; larger ones transpose the
// weights and, for ReLU in WebAssembly, apply the activation inside the affine tiles
// (core/lib/mlp.cpp, Mlp::forward). Both must give the same bits, for every activation.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadLabOrFail } from './lab-fixture.mjs';

const lab = await loadLabOrFail();

test('the same cells read the same bits from a 16-cell grid and a 128-cell grid, for every activation', () => {
  // Cell centres y = yMax - (row + 0.5) * dy with dy = 1 in both: the small grid's two rows are the
  // large grid's first two, computed from the same floats.
  const small = { xMin: -4, xMax: 4, yMin: -1, yMax: 1, width: 8, height: 2 };
  const large = { ...small, yMin: -15, height: 16 };
  for (const { name } of lab.activations()) {
    const net = lab.createNetwork({ activation: name, hidden: [16, 16], seed: 4 });
    try {
      net.train(50);
      const a = net.predictGrid(small), b = net.predictGrid(large);
      const cells = small.width * small.height;
      for (let c = 0; c < 2; c++) {
        const fromSmall = new Uint32Array(a.buffer.slice(4 * c * cells, 4 * (c + 1) * cells));
        const fromLarge = new Uint32Array(b.buffer.slice(4 * c * large.width * large.height, 4 * (c * large.width * large.height + cells)));
        assert.deepEqual(fromLarge, fromSmall, `${name}, class ${c}`);
      }
    } finally {
      net.delete();
    }
  }
});
