// `npm run bench -- --json` runs and prints its fields (issue 10). Quick mode, no build: the suite
// runs after the builds. No figure is judged here (no wall-clock assertions): only that each field
// the README quotes exists and is a positive number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './lab-fixture.mjs';

const positive = (value, name) => assert.ok(typeof value === 'number' && value > 0 && Number.isFinite(value),
  `${name} is a positive number (got ${value})`);

test('bench.mjs --quick --json --no-build prints every field', () => {
  const out = execFileSync(process.execPath, [path.join(repoRoot, 'scripts/bench.mjs'), '--quick', '--json', '--no-build'],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 << 20 });
  const r = JSON.parse(out);
  assert.equal(r.quick, true);
  for (const side of ['native', 'wasm', 'native_cpu', 'wasm_cpu']) positive(r.training[side], `training.${side}`);
  const paired = r.training.paired;
  assert.equal(paired.ratios.length, paired.pairs, 'one wasm/native ratio per pair');
  paired.ratios.forEach((v, i) => positive(v, `training.paired.ratios[${i}]`));
  positive(paired.median, 'training.paired.median');
  for (const act of ['tanh', 'relu']) {
    for (const side of ['native', 'wasm', 'native_cpu', 'wasm_cpu']) positive(r.grid[act][side], `grid.${act}.${side}`);
  }
  for (const key of ['cores', 'one_thread', 'all_cores', 'speedup']) positive(r.sweep_scaling[key], `sweep_scaling.${key}`);
  positive(r.peak.native_gflops_f32x4, 'peak.native_gflops_f32x4');
  positive(r.peak.wasm_gflops_f32x4, 'peak.wasm_gflops_f32x4');
  for (const side of ['native', 'wasm']) {
    const f = r.peak[`${side}_fraction_of_f32x4_peak`];
    for (const key of ['training', 'grid_tanh', 'grid_relu', 'training_best', 'grid_tanh_best', 'grid_relu_best']) positive(f[key], `peak.${side}_fraction_of_f32x4_peak.${key}`);
  }
  assert.equal(r.peak.training_flops_per_sample, 1856, '2-16-16-2: 2 x (320 + 320 + 288) FLOPs per training sample');
  assert.equal(r.peak.grid_flops_per_point, 640, '2-16-16-2: 2 x 320 FLOPs per grid point');
  const floor = r.floor;
  assert.ok(Number.isInteger(floor.rounds) && floor.rounds >= 2, 'the floor comes from interleaved rounds');
  assert.equal(floor.per_round.length, floor.rounds, 'one record per round');
  positive(floor.peak_gflops, 'floor.peak_gflops');
  positive(floor.training.measured_samples_per_second, 'floor.training.measured_samples_per_second');
  for (const key of ['dense_ns_per_sample', 'activation_ns_per_sample', 'floor_samples_per_second', 'reached', 'goal_needs']) {
    positive(floor.training[key], `floor.training.${key}`);
  }
  for (const grid of ['grid_tanh', 'grid_relu']) {
    for (const key of ['dense_ms', 'floor_ms', 'measured_ms', 'reached', 'goal_needs']) positive(floor[grid][key], `floor.${grid}.${key}`);
    assert.equal(typeof floor[grid].goal_below_floor, 'boolean', `floor.${grid}.goal_below_floor`);
  }
  positive(floor.grid_tanh.activation_ms, 'floor.grid_tanh.activation_ms: tanh is counted in the grid');
  assert.ok(floor.grid_relu.activation_ms >= 0, 'ReLU in the grid: its cost less the loop\'s load and store, never negative');
  for (const part of ['wasm', 'js']) {
    positive(r.module_size[part].raw, `module_size.${part}.raw`);
    positive(r.module_size[part].gzip, `module_size.${part}.gzip`);
    assert.ok(r.module_size[part].gzip < r.module_size[part].raw, `${part}: gzipped is smaller than raw`);
  }
  // Issue 19's goals are fractions of this run's floor, judged on the floor's own figures.
  for (const part of ['training', 'grid_tanh', 'grid_relu']) {
    const g = r.floor_goals[part];
    assert.equal(g.reached, floor[part].reached, `floor_goals.${part}.reached is the floor's`);
    assert.equal(g.met, g.reached >= g.goal, `floor_goals.${part}.met`);
  }
  assert.deepEqual(Object.fromEntries(Object.entries(r.floor_goals).map(([k, g]) => [k, g.goal])),
    { training: 0.7, grid_tanh: 0.9, grid_relu: 0.85 });
  for (const key of ['wasm_training_met', 'wasm_grid_tanh_met', 'wasm_grid_relu_met', 'wasm_over_native_met']) {
    assert.equal(typeof r.goals[key], 'boolean', `goals.${key}`);
  }
});

test('bench.mjs rejects an unknown flag with its usage', () => {
  assert.throws(() => execFileSync(process.execPath, [path.join(repoRoot, 'scripts/bench.mjs'), '--bogus'],
    { cwd: repoRoot, encoding: 'utf8', stdio: 'pipe' }), (error) => error.status === 2 && /usage:/.test(error.stderr));
});
