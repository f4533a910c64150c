// `actlab sweep` (core/cli/command_sweep.cpp) against `actlab train --json`, itself with other
// thread counts, in shards, resumed after a kill, and on bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { cliPath, runCli, repoRoot } from './lab-fixture.mjs';

if (!existsSync(cliPath)) throw new Error(`${path.relative(repoRoot, cliPath)} is missing: run 'bash scripts/build-native.sh'`);

const GRID = ['--set', 'activation=sigmoid;relu', '--set', 'hidden=4,4;6', '--seeds', '1-2', '--steps', '300', '--every', '150'];
const TIMINGS = ['command', 'seconds', 'steps_per_second', 'samples_per_second'];
const sweep = (args) => execFileSync(cliPath, ['sweep', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
const rows = (text) => text.trim().split('\n').map((line) => JSON.parse(line));
const tempFile = (name) => path.join(mkdtempSync(path.join(tmpdir(), 'actlab-sweep-')), name);

function configFlags(config) {
  return Object.entries(config).flatMap(([key, value]) => [`--${key}`, Array.isArray(value) ? value.join(',') : String(value)]);
}

test('a sweep row is what train --json prints for its config, seed and steps (timings apart)', () => {
  const sweepRows = rows(sweep(GRID));
  assert.equal(sweepRows.length, 2 * 2 * 2 * 2, 'configs x seeds x checkpoints');
  assert.deepEqual(sweepRows.map((r) => r.row), sweepRows.map((_, i) => i), 'in row order');
  for (const row of sweepRows) {
    const train = runCli(['train', '--json', '--steps', String(row.steps_requested), ...configFlags(row.config)]);
    for (const key of TIMINGS) delete train[key];
    const { row: _row, diagnostics, ...rest } = row;
    assert.deepEqual(rest, train, `row ${row.row}`);
    assert.deepEqual(Object.keys(diagnostics), ['first_last_grad_ratio', 'zero_fraction', 'dead_units', 'saturated_fraction']);
  }
  const seeds = new Set(sweepRows.map((r) => r.config.seed));
  assert.deepEqual([...seeds], [1, 2]);
  assert.deepEqual([...new Set(sweepRows.map((r) => r.steps_requested))], [150, 300]);
});


test('1 and 2 threads write the same bytes, JSON and CSV', () => {
  for (const format of [[], ['--csv']]) {
    assert.equal(sweep([...GRID, ...format, '--threads', '1']), sweep([...GRID, ...format, '--threads', '2']));
  }
  // More jobs than the pool may run ahead of the writer (32 per thread): the window moves.
  const many = ['--set', 'activation=relu;tanh', '--seeds', '1-150', '--steps', '10', '--hidden', '4'];
  const one = sweep([...many, '--threads', '1']);
  assert.equal(rows(one).length, 300);
  assert.equal(sweep([...many, '--threads', '3']), one);
});

test('the shards 0/3, 1/3 and 2/3, concatenated and sorted by row, are the unsharded output', () => {
  const whole = sweep(GRID);
  const shards = [0, 1, 2].map((i) => sweep([...GRID, '--shard', `${i}/3`]));
  assert.ok(shards.every((s) => s.length > 0 && s !== whole), 'each shard has a part');
  const lines = shards.join('').trim().split('\n');
  lines.sort((a, b) => JSON.parse(a).row - JSON.parse(b).row);
  assert.equal(lines.join('\n') + '\n', whole);
});

test('--resume completes a sweep whose file was cut off mid-line', () => {
  for (const format of [[], ['--csv']]) {
    const whole = sweep([...GRID, ...format]);
    const file = tempFile('cut.out');
    writeFileSync(file, whole.slice(0, Math.floor(whole.length * 0.6)));  // mid-row
    assert.equal(sweep([...GRID, ...format, '--resume', file]), '', 'rows go to the file');
    assert.equal(readFileSync(file, 'utf8'), whole);
    sweep([...GRID, ...format, '--resume', file]);  // a finished sweep resumes to itself
    assert.equal(readFileSync(file, 'utf8'), whole);
  }
});

test('--resume completes a sweep that was killed while running', async () => {
  const args = ['--set', 'activation=sigmoid;tanh;relu;elu', '--seeds', '1-10', '--steps', '6000', '--threads', '1'];
  const whole = sweep(args);
  const file = tempFile('killed.jsonl');
  const child = spawn(cliPath, ['sweep', ...args, '--resume', file], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // Wait for the first finished row, then kill at once.
  while (!(existsSync(file) && statSync(file).size > 0) && child.exitCode === null) await delay(5);
  child.kill('SIGKILL');
  await exited;
  const partial = readFileSync(file, 'utf8');
  assert.ok(partial.length > 0 && partial.length < whole.length, 'killed part-way');
  sweep([...args, '--resume', file]);
  assert.equal(readFileSync(file, 'utf8'), whole);
});

test('--resume refuses a file written by another sweep, naming the line', () => {
  const file = tempFile('other.jsonl');
  writeFileSync(file, sweep(['--set', 'activation=tanh', '--steps', '100']));
  const r = spawnSync(cliPath, ['sweep', '--set', 'activation=relu', '--steps', '100', '--resume', file], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /line 1 is row 0 of another sweep/);
});

test('bad --set, --seeds and --shard exit 2 naming the field, before any work', () => {
  const cases = [
    [['--set', 'activaton=relu'], /'activaton' is not a config field/],
    [['--set', 'activation=relu;relu7'], /activation: 'relu7' is not one of/],
    [['--set', 'hidden=8;8,100'], /hidden\[1\]: 100 is out of range \[1, 64\]/],
    [['--set', 'learning_rate=0.1;20'], /learning_rate: 20 is out of range/],
    [['--set', 'activation'], /--set: 'activation' is not field=value/],
    [['--set', 'seed=1;2'], /seeds/],
    [['--set', 'activation=relu', '--set', 'activation=tanh'], /activation: given twice/],
    [['--set', 'layer_activations=relu,tanh', '--hidden', '8'], /layer_activations: 2 items, but hidden has 1/],
    [['--seeds', '5-1'], /seeds: 1 is out of range \[5, /],
    [['--seeds', '1,1'], /seeds: 1 is listed twice/],
    [['--shard', '3/3'], /shard \(i in i\/n\): 3 is out of range \[0, 2\]/],
    [['--shard', '0/0'], /shard \(n in i\/n\): 0 is out of range \[1, /],
    [['--shard', '-1/3'], /shard \(i in i\/n\): -1 is out of range/],
    [['--shard', '1'], /shard: '1' is not i\/n/],
    [['--threads', '0'], /threads: 0 is out of range/],
  ];
  for (const [args, message] of cases) {
    const r = spawnSync(cliPath, ['sweep', '--steps', '100', ...args], { encoding: 'utf8' });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
    assert.equal(r.stdout, '', `${args.join(' ')}: no rows before the error`);
  }
});

test('a sweep above the bound prints its size and ETA and runs only with --yes', () => {
  const r = spawnSync(cliPath, ['sweep', '--seeds', '1-20000', '--steps', '10000'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /20000 runs x 10000 steps \(200000000 optimizer steps; without asking, a sweep runs up to 100000000 steps and 1000000 runs\), about \S+ on \d+ threads; add --yes/);
  assert.equal(r.stdout, '');
  const many = spawnSync(cliPath, ['sweep', '--set', 'activation=relu;tanh', '--seeds', '1-600000', '--steps', '1'], { encoding: 'utf8' });
  assert.equal(many.status, 2);
  assert.match(many.stderr, /1200000 runs x 1 steps .* add --yes/, 'many short runs ask too');
});

test('a row\'s diagnostics are the wasm module\'s diagnostics() of the same run (hidden totals), bit for bit', async () => {
  const { loadLabOrFail } = await import('./lab-fixture.mjs');
  const { outcomeMetrics } = await import('../../web/session/preset-outcome.js');
  const lab = await loadLabOrFail();
  for (const activation of ['relu', 'tanh']) {
    const [row] = rows(sweep(['--set', `activation=${activation}`, '--seeds', '4', '--steps', '700', '--hidden', '8,6,4']));
    const net = lab.createNetwork({ activation, seed: 4, hidden: [8, 6, 4] });
    try {
      for (let done = 0; done < 700; done += 100) net.train(100);
      const m = outcomeMetrics(net.diagnostics());
      assert.equal(m.testAccuracy, row.metrics.test_accuracy, activation);
      assert.equal(m.firstLastGradRatio, row.diagnostics.first_last_grad_ratio, activation);
      assert.equal(m.deadUnits, row.diagnostics.dead_units, activation);
      assert.equal(m.zeroFraction, row.diagnostics.zero_fraction, activation);
    } finally {
      net.delete();
    }
  }
});
