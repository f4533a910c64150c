// The across-seeds figure's statistics and export (web/session/seeds-results.js): medians and
// 10-90% bands over seeds with "never" (steps to 90%) sorting last, failed seeds left out, and the
// CSV export naming every point. The one seed's training (web/worker/seed-run.js) is checked
// against the native CLI in tests/browser/seeds.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantile, spread, resultsCsv, SEED_METRICS } from '../../web/session/seeds-results.js';
import { seedCheckpoints } from '../../web/worker/seed-run.js';

test('quantiles interpolate, and "never" (Infinity) is taken only where it is the nearer value', () => {
  assert.equal(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5), 5.5);
  assert.ok(Math.abs(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1) - 1.9) < 1e-12);
  assert.equal(quantile([100, Infinity], 0.1), 100);
  assert.equal(quantile([100, Infinity], 0.9), Infinity);
  assert.ok(Number.isNaN(quantile([], 0.5)));
});

test('spread: over the seeds that finished, "never" as Infinity, failed seeds left out', () => {
  const group = { budget: 300, members: ['relu'], seeds: [
    { seed: 1, members: { relu: { stepsToReach: 100, trainAccuracy: 0.95 } } },
    { seed: 2, members: { relu: { stepsToReach: null, trainAccuracy: 0.6 } } },
    { seed: 3, members: { relu: { stepsToReach: 200, trainAccuracy: 0.92 } } },
    { seed: 4, failed: 'out of memory', members: {} },
  ] };
  const steps = spread(group, 'relu', 'stepsToReach');
  assert.deepEqual(steps.values, [100, Infinity, 200]);
  assert.equal(steps.median, 200);
  assert.equal(spread(group, 'relu', 'trainAccuracy').median, 0.92);
  const csv = resultsCsv([{ ...group, title: 'page' }]).trim().split('\n');
  assert.equal(csv.length, 5);
  assert.equal(csv[2], 'page,2,relu,300,0.6,,never,,,,,');
  assert.equal(csv[4], 'page,4,relu,300,,,,,,,,out of memory');
});

test('every drawn metric names a range; checkpoints are the CLI\'s --every 100', () => {
  for (const m of SEED_METRICS) assert.equal(m.range({ budget: 10 }, [1, 2]).length, 2, m.key);
  assert.deepEqual(seedCheckpoints(350), [100, 200, 300, 350]);
  assert.deepEqual(seedCheckpoints(100), [100]);
});
