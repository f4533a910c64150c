// Every preset's stated outcome (presets.js `outcome`) across seeds 1-20, through the wasm module:
// the race of the preset's settings, each seed trained for the outcome's step budget, must show the
// outcome in at least 18 of the 20 seeds. Only the members an outcome names are trained: race
// members are independent networks on the same data and seed (core/lib/race.hpp), so the others
// cannot change them. Prints each preset's across-seeds result (held in k of 20).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail } from './lab-fixture.mjs';
import { judgeOutcome, outcomeMembers, outcomeMetrics, expectationText } from '../../web/session/preset-outcome.js';

// The presets file, in one place (it may move: web/session/presets.js).
const PRESETS_MODULE = '../../web/session/presets.js';
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const REQUIRED = 18;
const STEPS_PER_CALL = 500;

let lab, PRESETS;
before(async () => {
  lab = await loadLabOrFail();
  ({ PRESETS } = await import(PRESETS_MODULE));
});

/** The core config of a preset (its values that are config fields) for one seed. */
function presetConfig(preset, seed) {
  const keys = new Set(lab.configFields().map((f) => f.name));
  const config = Object.fromEntries(Object.entries(preset.values).filter(([key]) => keys.has(key)));
  return { ...config, seed };
}

/** One seed of a preset: the named members trained for `after` steps, judged. */
function runSeed(preset, seed) {
  const members = outcomeMembers(preset.outcome);
  const race = lab.createRace({ ...presetConfig(preset, seed), members });
  try {
    for (let done = 0; done < preset.outcome.after; done += STEPS_PER_CALL) {
      race.train(Math.min(STEPS_PER_CALL, preset.outcome.after - done));
    }
    const metrics = Object.fromEntries(members.map((name, i) => [name, outcomeMetrics(race.member(i).diagnostics())]));
    return judgeOutcome(preset.outcome, metrics);
  } finally {
    race.delete();
  }
}

test('every preset states an outcome over activations it races', () => {
  for (const preset of PRESETS) {
    assert.ok(preset.outcome, `${preset.name} has no outcome`);
    assert.ok(Number.isInteger(preset.outcome.after) && preset.outcome.after > 0, `${preset.name}: after`);
    assert.ok(preset.outcome.expect.length > 0, `${preset.name}: expect`);
    for (const name of outcomeMembers(preset.outcome)) {
      assert.ok(preset.values.members.includes(name), `${preset.name}: ${name} is not one of its racers`);
    }
  }
});

test('judgeOutcome holds only when every expectation does, and names what it cannot judge', () => {
  const outcome = { after: 1, expect: [['sigmoid', 'testAccuracy', '<', 0.6], ['relu', 'deadUnits', '==', 0]] };
  assert.equal(judgeOutcome(outcome, { sigmoid: { testAccuracy: 0.5 }, relu: { deadUnits: 0 } }).held, true);
  const failed = judgeOutcome(outcome, { sigmoid: { testAccuracy: 0.6 }, relu: { deadUnits: 0 } });
  assert.equal(failed.held, false);
  assert.deepEqual(failed.checks.map((c) => c.held), [false, true]);
  assert.throws(() => judgeOutcome(outcome, { sigmoid: { testAccuracy: 0.5 } }), /no run of 'relu'/);
  assert.throws(() => judgeOutcome({ after: 1, expect: [['relu', 'speed', '>', 1]] }, { relu: {} }), /unknown metric 'speed'/);
  assert.throws(() => judgeOutcome({ after: 1, expect: [['relu', 'testAccuracy', '!=', 1]] }, { relu: {} }), /unknown operator/);
});

test('every preset\'s stated outcome holds in at least 18 of 20 seeds', { timeout: 600_000 }, () => {
  const failures = [];
  for (const preset of PRESETS) {
    const runs = SEEDS.map((seed) => ({ seed, ...runSeed(preset, seed) }));
    const held = runs.filter((r) => r.held).length;
    console.log(`# ${preset.label}: stated outcome held in ${held} of ${SEEDS.length} seeds (after ${preset.outcome.after} steps)`);
    for (const r of runs.filter((run) => !run.held)) {
      const missed = r.checks.filter((c) => !c.held).map((c) => `${expectationText([c.activation, c.metric, c.op, c.value])} (was ${c.actual})`);
      console.log(`#   seed ${r.seed}: ${missed.join('; ')}`);
    }
    if (held < REQUIRED) failures.push(`${preset.name}: ${held} of ${SEEDS.length}`);
  }
  assert.deepEqual(failures, [], `presets whose text does not hold in ${REQUIRED} of ${SEEDS.length} seeds`);
});
