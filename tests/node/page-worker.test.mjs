// What the page's worker adds over the API: hidden-unit maps, clicked points joining a running
// race (no restart, no reshuffle), and a training loop that works in slices, answers between them,
// and can run twice side by side (each with its own post function) and be disposed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail } from './lab-fixture.mjs';
import { createRunRace } from '../../web/worker/run-data.js';
import { TrainingLoop } from '../../web/worker/training-loop.js';
import { ToWorker, FromWorker } from '../../web/session/protocol.js';

let lab;
before(async () => { lab = await loadLabOrFail(); });

test('unitMaps: every hidden unit over the grid, in layer order, as the weights say', () => {
  const race = lab.createRace({ hidden: [2, 1], members: ['relu'], seed: 3 });
  try {
    const net = race.member(0);
    // Layer 0: unit 0 = relu(x), unit 1 = relu(-y - 1); layer 1: relu(2 u0 + 0.5); output arbitrary.
    const p = new Float32Array(net.paramCount);
    p.set([1, 0, 0, -1], 0);  // weight [2][2]
    p.set([0, -1], 4);        // bias
    p.set([2, 0], 6);         // weight [1][2]
    p[8] = 0.5;               // bias
    net.setParams(p);
    const w = 4, h = 2;
    const maps = net.unitMaps({ xMin: -4, xMax: 4, yMin: -2, yMax: 2, width: w, height: h });
    assert.deepEqual([...maps.layerUnits], [2, 1]);
    assert.equal(maps.values.length, 3 * w * h);
    for (let row = 0; row < h; row++) {
      for (let col = 0; col < w; col++) {
        const x = -4 + (col + 0.5) * 2, y = 2 - (row + 0.5) * 2, cell = row * w + col;
        assert.equal(maps.values[cell], Math.max(0, x));
        assert.equal(maps.values[w * h + cell], Math.max(0, -y - 1));
        assert.equal(maps.values[2 * w * h + cell], 2 * Math.max(0, x) + 0.5);
      }
    }
    assert.ok(maps.states instanceof Uint8Array && maps.states.length === 3);
    assert.throws(() => net.unitMaps({ width: 65, height: 8 }), /^Error: width: 65 is out of range \[2, 64\]/);
  } finally {
    race.delete();
  }
});

test('addPoint: one more training point for every member, same step, same test set; removeAddedPoint undoes it', () => {
  const race = lab.createRace({ hidden: [4], members: ['relu', 'tanh'], points: 100 });
  try {
    race.train(7);
    const before = race.member(1).data();
    race.addPoint(0.5, -1.25, 1);
    const after = race.member(1).data();
    assert.equal(after.train.label.length, before.train.label.length + 1);
    assert.deepEqual([...after.train.x.subarray(0, before.train.x.length)], [...before.train.x]);
    assert.deepEqual([after.train.x.at(-1), after.train.y.at(-1), after.train.label.at(-1)], [0.5, -1.25, 1]);
    assert.deepEqual([...after.test.x], [...before.test.x]);
    assert.equal(race.member(0).steps(), 7);
    assert.equal(race.addedPoints(), 1);
    for (const [args, field] of [[[NaN, 0, 0], 'x'], [[0, 1e7, 0], 'y'], [[0, 0, 2], 'label'], [[0, 0, 0.5], 'label'], [['1', 0, 0], 'x']]) {
      assert.throws(() => race.addPoint(...args), (err) => err instanceof Error && err.message.startsWith(`${field}: `), String(args));
    }
    assert.equal(race.removeAddedPoint(), true);
    assert.equal(race.removeAddedPoint(), false);
    assert.equal(race.member(0).data().train.label.length, before.train.label.length);
  } finally {
    race.delete();
  }
});

test('a run with clicked points keeps the generated split and appends them to the training set', () => {
  const config = { dataset: 'circle', points: 80, seed: 4 };
  const plain = lab.createRace({ ...config, members: ['relu'] });
  const withPoints = createRunRace(lab, config, ['relu'], {
    base: 'dataset', xy: new Float32Array([1, 2, -3, 4]), labels: new Int32Array([0, 1]),
  });
  try {
    const a = plain.member(0).data(), b = withPoints.member(0).data();
    assert.deepEqual([...b.train.x.subarray(0, a.train.x.length)], [...a.train.x]);
    assert.deepEqual([...b.train.x.subarray(a.train.x.length)], [1, -3]);
    assert.deepEqual([...b.test.label], [...a.test.label]);
    assert.throws(() => createRunRace(lab, config, ['relu'], { base: 'dataset', xy: new Float32Array([0, 0]), labels: new Int32Array([5]) }),
      (err) => err.field === 'added');
  } finally {
    plain.delete();
    withPoints.delete();
  }
});

/** A loop with its own post function, and a promise for the first message matching `predicate`. */
function loopWithInbox() {
  const inbox = [];
  const waiters = [];
  const loop = new TrainingLoop(lab, (message) => {
    inbox.push(message);
    for (const w of waiters.splice(0)) if (!w.check()) waiters.push(w);
  });
  const next = (predicate, timeout = 20000) => new Promise((resolve, reject) => {
    const found = inbox.find(predicate);
    if (found) return resolve(found);
    const timer = setTimeout(() => reject(new Error('no such message in time')), timeout);
    waiters.push({ check: () => { const m = inbox.find(predicate); if (m) { clearTimeout(timer); resolve(m); } return Boolean(m); } });
  });
  return { loop, inbox, next };
}

const configure = (runId, config, members) => ({
  type: ToWorker.CONFIGURE, runId, config, members, data: { base: 'dataset', xy: new Float32Array(0), labels: new Int32Array(0) },
  playing: true, stepsPerFrame: 5, frameIntervalMs: 0,
});

test('two training loops run side by side, frames carry metrics histories, Pause stops them, dispose frees them', async () => {
  const a = loopWithInbox(), b = loopWithInbox();
  try {
    a.loop.handle(configure(1, { hidden: [4], points: 60 }, ['relu', 'sigmoid']));
    b.loop.handle(configure(1, { hidden: [3], points: 60, dataset: 'xor' }, ['tanh', 'elu', 'gelu']));
    for (const { loop, next } of [a, b]) {
      // The page acknowledges every frame, as it does after drawing.
      const ack = setInterval(() => loop.handle({ type: ToWorker.FRAME_DRAWN, runId: 1 }), 5);
      try {
        const frame = await next((m) => m.type === FromWorker.FRAME && m.members.every((x) => x.step >= 20));
        for (const member of frame.members) {
          assert.ok(member.history.step.length >= 1 && member.history.step.at(-1) <= member.step, member.name);
          assert.ok(Number.isFinite(member.history.trainLoss.at(-1)), member.name);
        }
        await next((m) => m.type === FromWorker.UNIT_MAPS);
      } finally {
        clearInterval(ack);
      }
    }
    assert.deepEqual(a.inbox.find((m) => m.type === FromWorker.RUN_STARTED).members, ['relu', 'sigmoid']);
    assert.deepEqual(b.inbox.find((m) => m.type === FromWorker.RUN_STARTED).members, ['tanh', 'elu', 'gelu']);

    a.loop.handle({ type: ToWorker.PAUSE });
    const paused = await a.next((m) => m.type === FromWorker.FRAME && m.playing === false);
    assert.equal(a.loop.run.members[0].net.steps(), paused.members[0].step, 'no step after the paused frame');
    assert.equal(a.loop.owesSteps(), false, 'and none owed, so none can follow');
  } finally {
    a.loop.dispose();
    b.loop.dispose();
  }
  assert.equal(a.loop.run, null);
});
