// "Discretize output" paints every cell in its predicted class's full colour; only an exact tie keeps
// the background. The two-class fast path and the many-class path must agree on that: they did not
// (a cell a hair above chance was coloured by one and left blank by the other), and a browser test
// that compares the boards with the core failed whenever a net sat near chance.
import { test } from 'node:test';
import assert from 'node:assert/strict';

// Just enough of the canvas API for drawBoundary: it fills an ImageData and hands it to a surface.
let lastImage = null;
globalThis.ImageData = class {
  constructor(width, height) { Object.assign(this, { width, height, data: new Uint8ClampedArray(width * height * 4) }); }
};
globalThis.OffscreenCanvas = class {
  constructor(width, height) { Object.assign(this, { width, height }); }
  getContext() { return { putImageData(image) { lastImage = image; } }; }
};
const { drawBoundary, createBoundaryScratch } = await import('../../web/views/heatmap.js');
const { classColor } = await import('../../web/views/palette.js');

const target = { canvas: { width: 4, height: 1 } };
for (const name of ['save', 'restore', 'setTransform', 'drawImage']) target[name] = () => {};

/** The [r, g, b] of each cell of a one-row grid of `classes` planar probability rows. */
function drawnCells(rows, { discretize }) {
  const width = rows[0].length;
  const probs = Float32Array.from(rows.flat());
  drawBoundary(target, { probs, width, height: 1, classes: rows.length }, { discretize, strength: 1, scratch: createBoundaryScratch() });
  return Array.from({ length: width }, (_, i) => [...lastImage.data.slice(4 * i, 4 * i + 3)]);
}

const WHITE = [255, 255, 255];
const HAIR = 1e-4;  // above chance by less than one of the 255 confidence levels

test('two classes, discretized: a hair above chance is its class\'s full colour; an exact tie is background', () => {
  const cells = drawnCells([[0.5 + HAIR, 0.5 - HAIR, 0.5, 0.9], [0.5 - HAIR, 0.5 + HAIR, 0.5, 0.1]], { discretize: true });
  assert.deepEqual(cells, [classColor(0).rgb, classColor(1).rgb, WHITE, classColor(0).rgb]);
});

test('three classes, discretized: the same rule as two', () => {
  const third = 1 / 3;
  const cells = drawnCells([
    [third + HAIR, third - HAIR, 0.4, 0.2],
    [third - HAIR, third + 2 * HAIR, 0.4, 0.2],
    [third, third - HAIR, 0.2, 0.6],
  ], { discretize: true });
  assert.deepEqual(cells, [classColor(0).rgb, classColor(1).rgb, WHITE, classColor(2).rgb]);
});

test('not discretized, a hair above chance stays background in both paths', () => {
  assert.deepEqual(drawnCells([[0.5 + HAIR], [0.5 - HAIR]], { discretize: false }), [WHITE]);
  const third = 1 / 3;
  assert.deepEqual(drawnCells([[third + HAIR], [third - HAIR], [third]], { discretize: false }), [WHITE]);
});
