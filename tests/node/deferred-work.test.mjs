// The worker's queue of work that can wait (web/worker/deferred-work.js): nothing runs while a run
// awaits its first drawn frame; then the jobs run in order, a failing batch says why and the next
// goes on, a removed figure's jobs are dropped. Ordering only: no clock, no sleeps.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail } from './lab-fixture.mjs';
import { DeferredWork } from '../../web/worker/deferred-work.js';
import { TrainingLoop } from '../../web/worker/training-loop.js';
import { ToWorker, FromWorker } from '../../web/session/protocol.js';

let lab;
before(async () => { lab = await loadLabOrFail(); });

/** Resolves after a turn posted now on another MessageChannel: a turn the queue posted before has run. */
function laterTurn() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
    channel.port2.postMessage(null);
  });
}

/** A promise resolved by done(). */
function signal() {
  let done;
  const promise = new Promise((resolve) => { done = resolve; });
  return { promise, done };
}

test('jobs run in order once the gate opens; a failing batch reports and the next goes on; dropped owners run nothing', { timeout: 60000 }, async () => {
  let blocked = true;
  const ran = [];
  const finished = signal();
  const errors = [];
  const queue = new DeferredWork({ blocked: () => blocked });
  try {
    const owner = {}, gone = {};
    queue.add(owner, 'a', [() => ran.push('a1'), () => { throw new Error('broken'); }, () => ran.push('a3')], (err) => errors.push(err.message));
    queue.add(gone, 'b', [() => ran.push('b1')]);
    queue.add(owner, 'c', [() => ran.push('c1'), () => { ran.push('c2'); finished.done(); }]);
    queue.drop(gone);
    await laterTurn();
    await laterTurn();
    assert.deepEqual(ran, [], 'nothing runs while blocked');
    assert.equal(queue.pending, true);
    blocked = false;
    queue.kick();
    await finished.promise;
    assert.deepEqual(ran, ['a1', 'c1', 'c2']);
    assert.deepEqual(errors, ['broken']);
    assert.equal(queue.pending, false);
  } finally {
    queue.close();
  }
});

test('a training loop measures the claims only after its first frame was drawn', { timeout: 60000 }, async () => {
  const posted = [];
  const frame = signal(), claims = signal();
  const loop = new TrainingLoop(lab, (message) => {
    posted.push(message.type);
    if (message.type === FromWorker.FRAME) frame.done();
    if (message.type === FromWorker.CLAIMS) claims.done();
  });
  try {
    loop.handle({ type: ToWorker.CONFIGURE, runId: 1, config: { hidden: [4], points: 60 }, members: ['relu', 'tanh'],
      data: { base: 'dataset', xy: new Float32Array(0), labels: new Int32Array(0) }, playing: false, stepsPerFrame: 1, frameIntervalMs: 0 });
    loop.handle({ type: ToWorker.MEASURE_CLAIMS, config: { points: 60 } });  // asked at once, as the page does
    await frame.promise;
    assert.ok(!posted.includes(FromWorker.CLAIMS), `no claims before the first frame is drawn (${posted})`);
    assert.equal(loop.deferred.pending, true, 'the measurement waits in the queue');
    loop.handle({ type: ToWorker.FRAME_DRAWN, runId: 1 });
    await claims.promise;
    assert.ok(posted.indexOf(FromWorker.FRAME) < posted.indexOf(FromWorker.CLAIMS));
  } finally {
    loop.dispose();
  }
});
