// One seed of the across-seeds figure (web/worker/seed-run.js), through the wasm module, against
// the native CLI's sweep for the same config and seeds: the final numbers of every member and the
// steps to reach 90% train accuracy (the CLI's --every 100 checkpoints). On a circle the fast
// activations reach 90% within the budget and sigmoid does not, so both branches are checked.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLabOrFail } from './lab-fixture.mjs';
import { runSeed } from '../../web/worker/seed-run.js';

const NINETY_PERCENT = 0.9;  // the threshold, written here so that a changed constant fails

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(repoRoot, 'build-native/actlab');
if (!existsSync(CLI)) throw new Error(`${path.relative(repoRoot, CLI)} is missing: run 'bash scripts/build-native.sh'`);
const CONFIG = { dataset: 'circle', hidden: [8, 8] };
const MEMBERS = ['sigmoid', 'tanh', 'relu'];
const SEEDS = [1, 2, 3];
const STEPS = 450;  // not a multiple of 100: the last checkpoint is the budget itself

let lab;
before(async () => { lab = await loadLabOrFail(); });

function cliRows() {
  const out = execFileSync(CLI, ['sweep', '--set', `activation=${MEMBERS.join(';')}`, '--seeds', SEEDS.join(','),
    '--steps', String(STEPS), '--every', '100', '--dataset', CONFIG.dataset, '--hidden', CONFIG.hidden.join(','), '--threads', '1'],
  { encoding: 'utf8' });
  return out.trim().split('\n').map((line) => JSON.parse(line));
}

test('a seed\'s points equal the CLI sweep\'s rows for the same config and seed', () => {
  const rows = cliRows();
  let reached = 0, never = 0;
  for (const seed of SEEDS) {
    const result = runSeed(lab, { config: CONFIG, members: MEMBERS, steps: STEPS, seed });
    for (const point of result.members) {
      const mine = rows.filter((r) => r.config.seed === seed && r.config.activation === point.name);
      const last = mine.find((r) => r.steps_requested === STEPS);
      const first90 = mine.find((r) => r.metrics.train_accuracy >= NINETY_PERCENT);
      const what = `seed ${seed} ${point.name}`;
      assert.equal(point.trainAccuracy, last.metrics.train_accuracy, what);
      assert.equal(point.testAccuracy, last.metrics.test_accuracy, what);
      assert.equal(point.stepsToReach, first90 ? first90.steps_requested : null, what);
      assert.equal(Math.fround(point.firstLastGradRatio), Math.fround(last.diagnostics.first_last_grad_ratio), what);
      assert.equal(Math.fround(point.zeroFraction), Math.fround(last.diagnostics.zero_fraction), what);
      assert.equal(point.deadUnits, last.diagnostics.dead_units, what);
      if (point.stepsToReach === null) never += 1; else reached += 1;
    }
  }
  assert.ok(reached > 0 && never > 0, `both branches of steps-to-90% (${reached} reached, ${never} never)`);
});
