// The floor arithmetic of scripts/bench-floor.mjs on hand-checked numbers: a wrong unit (ns vs ms,
// GFLOP/s vs FLOP/ns) or a dropped term would move every figure the bench prints against it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { againstFloor, judgeFloorGoals, workloadFloors } from '../../scripts/bench-floor.mjs';

const close = (actual, expected, name) => assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected),
  `${name}: ${actual} vs ${expected}`);

const identity = { name: 'identity', forwardNs: 0.25, forwardBackwardNs: 0.5 };

test('workloadFloors adds the dense FLOPs at the peak and the activations at their cost', () => {
  // 20 GFLOP/s = 20 FLOPs per ns. Training: 2,000 FLOPs = 100 ns, plus 32 units x 2 ns = 64 ns.
  // Grid: 1,000 cells x 640 FLOPs / 20 = 32,000 ns = 0.032 ms, plus 1,000 x 32 x 1.5 ns = 0.048 ms
  // (GELU runs in its own loop, so its whole measured cost counts).
  const f = workloadFloors({ peakGflops: 20, trainFlopsPerSample: 2000, gridFlopsPerPoint: 640, hiddenUnits: 32, cells: 1000,
    activation: { name: 'gelu', forwardNs: 1.5, forwardBackwardNs: 2 }, identity });
  close(f.training.dense_ns_per_sample, 100, 'training dense');
  close(f.training.activation_ns_per_sample, 64, 'training activation');
  close(f.training.floor_samples_per_second, 1e9 / 164, 'training floor');
  close(f.grid.dense_ms, 0.032, 'grid dense');
  close(f.grid.activation_ms, 0.048, 'grid activation');
  close(f.grid.floor_ms, 0.08, 'grid floor');
});

test('an activation fused into the tiles counts without its loop\'s load and store in the grid only', () => {
  // tanh in the grid: (1.5 - 0.25) ns x 32 units x 1,000 cells = 0.04 ms; in training, all of 2 ns.
  const f = workloadFloors({ peakGflops: 20, trainFlopsPerSample: 2000, gridFlopsPerPoint: 640, hiddenUnits: 32, cells: 1000,
    activation: { name: 'tanh', forwardNs: 1.5, forwardBackwardNs: 2 }, identity });
  close(f.grid.activation_ms, 0.04, 'grid activation');
  close(f.grid.floor_ms, 0.072, 'grid floor');
  close(f.training.activation_ns_per_sample, 64, 'training activation');
  // ReLU's loop costs no more than identity's: nothing left in the grid, never less than nothing.
  const r = workloadFloors({ peakGflops: 20, trainFlopsPerSample: 2000, gridFlopsPerPoint: 640, hiddenUnits: 32, cells: 1000,
    activation: { name: 'relu', forwardNs: 0.2, forwardBackwardNs: 1 }, identity });
  assert.equal(r.grid.activation_ms, 0);
  close(r.grid.floor_ms, 0.032, 'ReLU grid floor');
});

test('againstFloor: fractions of the floor speed, and goals below it', () => {
  const a = againstFloor({ floorTime: 4, measuredTime: 5, goalTime: 2.5 });
  close(a.reached, 0.8, 'reached');
  close(a.goal_needs, 1.6, 'goal needs');
  assert.equal(a.goal_below_floor, true);
  const b = againstFloor({ floorTime: 2, measuredTime: 4, goalTime: 2.5 });
  assert.equal(b.goal_below_floor, false);
  close(b.goal_needs, 0.8, 'goal needs');
});

test('judgeFloorGoals: each workload met when it reaches its fraction of the floor, and not without a figure', () => {
  const judged = judgeFloorGoals({ training: { reached: 0.7 }, grid_tanh: { reached: 0.899 }, grid_relu: { reached: 0.9 } });
  assert.deepEqual(judged, {
    training: { reached: 0.7, goal: 0.7, met: true },
    grid_tanh: { reached: 0.899, goal: 0.9, met: false },
    grid_relu: { reached: 0.9, goal: 0.85, met: true },
  });
  assert.equal(judgeFloorGoals({ training: { reached: NaN } }).training.met, false);
  assert.equal(judgeFloorGoals(null).grid_relu.met, false);
});

test('workloadFloors refuses a missing peak', () => {
  assert.throws(() => workloadFloors({ peakGflops: 0, trainFlopsPerSample: 1, gridFlopsPerPoint: 1, hiddenUnits: 1, cells: 1,
    activation: { name: 'tanh', forwardNs: 1, forwardBackwardNs: 1 }, identity }), /peakGflops/);
});
