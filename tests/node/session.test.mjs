// The run session (web/session/session.js), shared by the lab page and every embed, driven with a
// recording `post` instead of a worker: what CONFIGURE carries, which messages reach the views,
// the config-error fallback (the rule the embed once got wrong), and the grid cache (the gridSide
// the embed once ignored). Settings come from the real module's field table and constants.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail } from './lab-fixture.mjs';
import { buildParamTable, defaultValues } from '../../web/session/param-table.js';
import { configFallback } from '../../web/session/config-fallback.js';
import { RunSession } from '../../web/session/session.js';
import { ToWorker, FromWorker } from '../../web/session/protocol.js';

globalThis.requestAnimationFrame ??= (callback) => setImmediate(callback);
const nextFrame = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

let table;
before(async () => {
  const lab = await loadLabOrFail();
  table = buildParamTable({ fields: lab.configFields(), activations: lab.activations(), constants: lab.constants() });
});

function harness() {
  const posted = [];
  const notices = [];
  const seen = [];
  let values = defaultValues(table);
  const session = new RunSession({
    post: (message) => posted.push(message),
    table,
    notice: (level, text) => notices.push({ level, text }),
    applySettings: (changes) => {
      values = { ...values, ...changes };
      session.start(values);
    },
  });
  session.subscribe({
    start: (started) => seen.push(['start', started.runId]),
    points: (message) => seen.push(['points', message.runId]),
    frame: (frame, s) => seen.push(['frame', frame.runId, s.gridOf('relu')?.width]),
    diagnostics: (message) => seen.push(['diagnostics', message.runId]),
  });
  return { session, posted, notices, seen, values: () => values };
}

test('a data error resets the clicked points and keeps the point-count setting; a field error resets that field', () => {
  const values = { ...defaultValues(table), points: 300, data: 'cleared', added: [{ x: 1, y: 1, label: 0 }] };
  const data = configFallback(table, values, { message: 'points: 1 point', field: 'points', argument: 'data' });
  assert.deepEqual(data.changes, { added: [] });
  assert.match(data.text, /The clicked points were removed/);

  const field = configFallback(table, values, { message: 'points: too many', field: 'points', argument: '' });
  assert.deepEqual(field.changes, { points: table.byKey.get('points').default });
  assert.match(field.text, /Points is back to its default/);

  const unknown = configFallback(table, defaultValues(table), { message: 'odd', field: '', argument: '' });
  assert.deepEqual(unknown.changes, { ...defaultValues(table), playing: defaultValues(table).playing });
});

test('CONFIGURE carries the config rows only, the members and the clicked points; stale messages never reach a view', async () => {
  const { session, posted, seen } = harness();
  const values = { ...defaultValues(table), seed: 9, added: [{ x: 0.5, y: -1, label: 1 }] };
  const first = session.start(values);
  const second = session.start(values);
  assert.equal(second, first + 1);
  const configure = posted.at(-1);
  assert.equal(configure.type, ToWorker.CONFIGURE);
  assert.equal(configure.runId, second);
  assert.deepEqual(Object.keys(configure.config).sort(), [...table.configKeys].sort());
  assert.equal(configure.config.seed, 9);
  assert.deepEqual(configure.members, values.members);
  assert.deepEqual([...configure.data.xy], [0.5, -1]);
  assert.deepEqual([...configure.data.labels], [1]);

  session.receive({ type: FromWorker.RUN_STARTED, runId: first, members: ['relu'], classes: 2 });
  session.receive({ type: FromWorker.DIAGNOSTICS, runId: first, members: [] });
  session.receive({ type: FromWorker.RUN_STARTED, runId: second, members: ['relu'], classes: 2 });
  session.receive({ type: FromWorker.POINTS, runId: second, train: {}, test: {} });
  assert.deepEqual(seen, [['start', second], ['points', second]]);
});

test('each network draws from its own grid side, kept across frames that carry no grid', async () => {
  const { session, posted, seen } = harness();
  const runId = session.start(defaultValues(table));
  session.receive({ type: FromWorker.RUN_STARTED, runId, members: ['relu'], classes: 2 });
  const grid = { width: 128, height: 128, classes: 2, domain: {} };
  const probs = new Float32Array(2 * 48 * 48).fill(0.5);
  session.receive({ type: FromWorker.FRAME, runId, grid, members: [{ name: 'relu', step: 10, probs, gridSide: 48 }] });
  await nextFrame();
  session.receive({ type: FromWorker.FRAME, runId, grid, members: [{ name: 'relu', step: 20, probs: null, gridSide: null }] });
  await nextFrame();
  assert.deepEqual(seen.filter(([kind]) => kind === 'frame'), [['frame', runId, 48], ['frame', runId, 48]]);
  assert.deepEqual(session.gridOf('relu'), { probs, width: 48, height: 48, classes: 2 });
  // Back-pressure: one FRAME_DRAWN per drawn frame, for this run.
  assert.deepEqual(posted.filter((m) => m.type === ToWorker.FRAME_DRAWN).map((m) => m.runId), [runId, runId]);
});

test('a config error falls back and starts again, at most four times in a row, then says it could not start', () => {
  const { session, posted, notices, values } = harness();
  session.start({ ...defaultValues(table), learningRate: 0.5 });
  session.receive({ type: FromWorker.CONFIG_ERROR, runId: session.runId, message: 'learningRate: odd', field: 'learningRate', argument: '' });
  assert.equal(values().learningRate, table.byKey.get('learningRate').default);
  assert.equal(posted.filter((m) => m.type === ToWorker.CONFIGURE).length, 2);
  for (let i = 0; i < 4; i++) {
    session.receive({ type: FromWorker.CONFIG_ERROR, runId: session.runId, message: 'still odd', field: '', argument: '' });
  }
  assert.equal(posted.filter((m) => m.type === ToWorker.CONFIGURE).length, 5);
  assert.deepEqual(notices.at(-1), { level: 'error', text: 'The lab could not start: still odd' });
});

test('a view subscribed mid-run is caught up (start, points, last frame) without a second FRAME_DRAWN', async () => {
  const { session, posted } = harness();
  const runId = session.start(defaultValues(table));
  session.receive({ type: FromWorker.RUN_STARTED, runId, members: ['relu'], classes: 2 });
  session.receive({ type: FromWorker.POINTS, runId, train: {}, test: {} });
  const grid = { width: 128, height: 128, classes: 2, domain: {} };
  session.receive({ type: FromWorker.FRAME, runId, grid, members: [{ name: 'relu', step: 30, probs: null, gridSide: null }] });
  await nextFrame();
  const late = [];
  const unsubscribe = session.subscribe({
    start: (started) => late.push(['start', started.members]),
    points: () => late.push(['points']),
    frame: (frame) => late.push(['frame', frame.members[0].step]),
  });
  await nextFrame();
  assert.deepEqual(late, [['start', ['relu']], ['points'], ['frame', 30]]);
  assert.equal(posted.filter((m) => m.type === ToWorker.FRAME_DRAWN).length, 1);
  unsubscribe();
  session.receive({ type: FromWorker.DIAGNOSTICS, runId, members: [] });
  assert.equal(late.length, 3, 'an unsubscribed view hears nothing more');
});
