// Whether the why view stays live is decided by work, not by a clock (web/worker/diagnostics-budget.js):
// a busy machine once turned it off for the default race, and a test that expected it failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLab } from '../../web/lab/actlab.js';
import { DIAGNOSTICS_BUDGET_MULTIPLY_ADDS, diagnosticsFitBudget, multiplyAddsPerPoint } from '../../web/worker/diagnostics-budget.js';

const lab = await loadLab();
const shape = (overrides) => ({ ...lab.defaultConfig(), ...overrides });

test('a forward pass of one point counts every layer\'s multiply-adds, features to classes', () => {
  assert.equal(multiplyAddsPerPoint(shape({ features: ['x', 'y'], hidden: [8, 8], classes: 2 })), 2 * 8 + 8 * 8 + 8 * 2);
  assert.equal(multiplyAddsPerPoint(shape({ features: ['x', 'y', 'xy'], hidden: [4], classes: 3 })), 3 * 4 + 4 * 3);
});

test('the default race and every preset-sized net stay live; the largest net on the most points does not', () => {
  const defaults = lab.defaultConfig();
  assert.ok(diagnosticsFitBudget(defaults, Math.round(defaults.points * (1 - defaults.testFraction))));
  assert.ok(diagnosticsFitBudget(shape({ hidden: Array(10).fill(64) }), 350), '10 x 64 on 350 points');
  assert.ok(diagnosticsFitBudget(shape({ hidden: [32, 32, 32] }), 14000), '3 x 32 on 14,000 points');
  assert.ok(!diagnosticsFitBudget(shape({ hidden: Array(10).fill(64) }), 14000), '10 x 64 on 14,000 points');
});

test('the boundary is the budget itself: exactly at it fits, one point more does not', () => {
  const net = shape({ features: ['x', 'y'], hidden: [10], classes: 2 });  // 40 multiply-adds a point
  const points = DIAGNOSTICS_BUDGET_MULTIPLY_ADDS / 40;
  assert.ok(diagnosticsFitBudget(net, points));
  assert.ok(!diagnosticsFitBudget(net, points + 1));
});
