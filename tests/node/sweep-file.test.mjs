// The sweep-file reader of the across-seeds figure (web/session/sweep-file.js): `actlab sweep`
// JSON lines and CSV read into rows, every malformed line reported by its number and skipped with
// nothing else lost, and rows grouped by settings (never mixed), each group as per-seed results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSweepFile, groupSweepRows, splitCsv, settingText } from '../../web/session/sweep-file.js';

const config = (over = {}) => ({ seed: 1, dataset: 'spiral', hidden: [8, 8], learningRate: 0.03, activation: 'relu', ...over });
const jsonRow = (row, { steps = 500, train = 0.95, test = 0.9, seed = 1, activation = 'relu', cfg = {} } = {}) => JSON.stringify({
  row, config: config({ seed, activation, ...cfg }), steps_requested: steps, steps, diverged: false, diverged_at: null,
  metrics: { train_loss: 0.1, test_loss: 0.2, train_accuracy: train, test_accuracy: test },
  last_batch_loss: 0.1, train_points: 400, test_points: 100, batch: 10, param_count: 99,
  diagnostics: { first_last_grad_ratio: 0.5, zero_fraction: 0.4, dead_units: 2, saturated_fraction: 0 },
});

test('JSON lines: good rows kept, each malformed line named by its number and skipped', () => {
  const lines = [
    jsonRow(0, { steps: 100, train: 0.5 }),
    jsonRow(1, { steps: 200, train: 0.92 }),
    '{"row": 2, "config": ',                          // line 3: cut off
    jsonRow(3, { steps: 300, train: 1.5 }),           // line 4: accuracy out of [0, 1]
    '',
    JSON.stringify({ row: 5, steps_requested: 100 }), // line 6: no config
    jsonRow(6, { steps: 300, train: 0.97, seed: 2 }),
  ];
  const parsed = parseSweepFile(lines.join('\n'));
  assert.equal(parsed.format, 'json');
  assert.deepEqual(parsed.problems.map((p) => p.line), [3, 4, 6]);
  assert.match(parsed.problems[0].message, /not JSON/);
  assert.match(parsed.problems[1].message, /trainAccuracy: 1.5 is not in \[0, 1\]/);
  assert.match(parsed.problems[2].message, /config: missing/);
  assert.deepEqual(parsed.rows.map((r) => r.line), [1, 2, 7]);
});

test('CSV: the CLI header, quoted list cells, wrong cell counts reported by line', () => {
  const header = 'row,seed,dataset,hidden,learningRate,activation,steps_requested,steps,diverged,diverged_at,train_loss,' +
    'test_loss,train_accuracy,test_accuracy,last_batch_loss,train_points,test_points,batch,param_count,' +
    'first_last_grad_ratio,zero_fraction,dead_units,saturated_fraction';
  const good = (row, seed) => `${row},${seed},spiral,"8,8",0.03,relu,500,500,false,,0.1,0.2,0.95,0.9,0.1,400,100,10,99,0.5,0.4,2,0`;
  const text = [header, good(0, 1), '1,2,spiral,"8,8",0.03,relu,500', good(2, 3), '3,4,spiral,"8,8,0.03', ''].join('\r\n');
  const parsed = parseSweepFile(text);
  assert.equal(parsed.format, 'csv');
  assert.deepEqual(parsed.problems.map((p) => p.line), [3, 5]);
  assert.match(parsed.problems[0].message, /7 cells, expected 23/);
  assert.match(parsed.problems[1].message, /unclosed quote/);
  assert.deepEqual(parsed.rows.map((r) => [r.line, r.seed, r.settings.hidden]), [[2, 1, '8,8'], [4, 3, '8,8']]);
  assert.deepEqual(splitCsv('a,"b ""c""",,d'), ['a', 'b "c"', '', 'd']);
});

test('a CSV whose header is not the CLI\'s is one problem on its line', () => {
  const parsed = parseSweepFile('\nname,value\nx,1\n');
  assert.deepEqual(parsed.problems.map(({ line, message }) => ({ line, message })), [{ line: 2, message: parsed.problems[0].message }]);
  assert.match(parsed.problems[0].message, /not an actlab sweep header/);
  assert.equal(parsed.rows.length, 0);
});

test('rows are grouped by settings; a group says where it differs from the page', () => {
  const lines = [
    jsonRow(0, { steps: 100, train: 0.5 }), jsonRow(1, { steps: 200, train: 0.91 }), jsonRow(2, { steps: 300, train: 0.93 }),
    jsonRow(3, { steps: 100, train: 0.2, activation: 'sigmoid' }), jsonRow(4, { steps: 300, train: 0.4, activation: 'sigmoid' }),
    jsonRow(5, { steps: 300, train: 0.99, cfg: { learningRate: 0.1 } }),
  ];
  const { rows } = parseSweepFile(lines.join('\n'));
  const groups = groupSweepRows(rows, config());
  assert.equal(groups.length, 2);
  const [same, other] = groups;
  assert.deepEqual(same.differs, []);
  assert.deepEqual(same.members, ['relu', 'sigmoid']);
  assert.equal(same.budget, 300);
  const seed1 = same.seeds[0].members;
  assert.equal(seed1.relu.trainAccuracy, 0.93);          // the last checkpoint's numbers
  assert.equal(seed1.relu.stepsToReach, 200);            // the first checkpoint at 90% train accuracy
  assert.equal(seed1.sigmoid.stepsToReach, null);        // never
  assert.deepEqual(other.differs, [{ key: 'learningRate', file: settingText(0.1), page: settingText(0.03) }]);
});

test('settings compare as float32, the way the CLI writes its config', () => {
  assert.equal(settingText(0.03), settingText(Math.fround(0.03)));
  assert.equal(settingText([8, 8]), '8,8');
  assert.notEqual(settingText(0.03), settingText(0.031));
});
