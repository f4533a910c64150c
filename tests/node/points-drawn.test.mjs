// Points drawn per board are bounded (issue 18, item 7): a maximal training set (20,000 points)
// on each of ~100 cards blocked the page for seconds. Counted on a recording 2-D context, never timed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawPoints, MAX_DRAWN_POINTS } from '../../web/views/heatmap.js';

/** A 2-D context that only counts the arcs drawn. */
function countingContext(width = 300, height = 300) {
  const ctx = { canvas: { width, height }, arcs: 0 };
  for (const name of ['save', 'restore', 'setTransform', 'clearRect', 'beginPath', 'moveTo', 'fill', 'stroke']) ctx[name] = () => {};
  ctx.arc = () => { ctx.arcs += 1; };
  return ctx;
}

function pointSet(n, classes = 2) {
  const x = new Float32Array(n), y = new Float32Array(n), label = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = ((i * 37) % 1000) / 500 - 1;
    y[i] = ((i * 91) % 1000) / 500 - 1;
    label[i] = i % classes;
  }
  return { x, y, label };
}

const domain = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

test('a maximal set is thinned: at most MAX_DRAWN_POINTS discs and as many rings per board', () => {
  const ctx = countingContext();
  const { drawn } = drawPoints(ctx, { train: pointSet(20000, 8), test: pointSet(20000, 8) }, domain);
  assert.ok(ctx.arcs <= 2 * MAX_DRAWN_POINTS, `${ctx.arcs} arcs`);
  assert.equal(drawn, ctx.arcs);
  assert.ok(drawn >= 2 * MAX_DRAWN_POINTS * 0.9, 'thinned, not dropped');
});

test('a set within the bound is drawn whole, every class', () => {
  const ctx = countingContext();
  const { drawn } = drawPoints(ctx, { train: pointSet(500, 3), test: pointSet(120, 3) }, domain);
  assert.equal(drawn, 620);
  assert.equal(ctx.arcs, 620);
});
