// Many figures on one page share the module's memory (issue 18, item 7): a run that does not fit
// gets a readable notice of its own and starts nothing, while the others keep running; a training
// set too full for the clicked points keeps the points (issue 18, item 6). The rule lives in
// web/session/config-fallback.js, shared by the page and every embed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail } from './lab-fixture.mjs';
import { buildParamTable, defaultValues } from '../../web/session/param-table.js';
import { configFallback } from '../../web/session/config-fallback.js';
import { RunSession } from '../../web/session/session.js';
import { ToWorker, FromWorker } from '../../web/session/protocol.js';

let lab;
let table;
before(async () => {
  lab = await loadLabOrFail();
  table = buildParamTable({ fields: lab.configFields(), activations: lab.activations(), constants: lab.constants() });
});

test('the module names a full heap out_of_memory, and the races made before it keep training', () => {
  const fields = Object.fromEntries(lab.configFields().map((f) => [f.name, f]));
  const maximal = { points: fields.points.max, hidden: Array(fields.hidden.maxItems).fill(fields.hidden.max),
    members: lab.activations().map((a) => a.name).slice(0, 8) };
  const races = [];
  let error = null;
  try {
    for (let i = 0; i < 200 && !error; i++) {
      try {
        races.push(lab.createRace(maximal));
      } catch (err) {
        error = err;
      }
    }
    assert.ok(error, 'the heap filled within 200 maximal races');
    assert.equal(error.kind, 'out_of_memory', error.message);
    const steps = races[0].train(2);
    assert.ok(Array.isArray(steps) || typeof steps === 'object', 'the first race still trains');
  } finally {
    for (const race of races) race.delete();
  }
});

test('out_of_memory: no fallback run, one error notice that says the other figures keep running', () => {
  const values = { ...defaultValues(table), points: 20000 };
  const result = configFallback(table, values, { message: 'out of memory', field: '', argument: '', kind: 'out_of_memory' });
  assert.equal(result.changes, null);
  assert.match(result.text, /^out of memory\. This figure does not fit in the memory the figures on this page share; the others keep running\./);

  const posted = [];
  const notices = [];
  const session = new RunSession({ post: (m) => posted.push(m), table, notice: (level, text) => notices.push({ level, text }),
    applySettings: () => assert.fail('no fallback run') });
  session.start(values);
  session.receive({ type: FromWorker.CONFIG_ERROR, runId: session.runId, message: 'out of memory', field: '', argument: '', kind: 'out_of_memory' });
  assert.equal(posted.filter((m) => m.type === ToWorker.CONFIGURE).length, 1, 'nothing restarted');
  assert.equal(notices.length, 1);
  assert.equal(notices[0].level, 'error');
});

test('training_set_full: the clicked points are kept and the generated set goes back to its default size', () => {
  const added = [{ x: 0.5, y: 0.5, label: 1 }];
  const values = { ...defaultValues(table), points: 20000, added };
  const full = configFallback(table, values, { message: 'added: the training set is full', field: 'added', argument: '', kind: 'training_set_full' });
  assert.deepEqual(full.changes, { points: table.byKey.get('points').default });
  assert.match(full.text, /The clicked points are kept; Points is back to its default\.$/);
  // Without a kind (an older worker), the old rule: the clicked points go.
  assert.deepEqual(configFallback(table, values, { message: 'added: x', field: 'added', argument: '' }).changes, { added: [] });
});
