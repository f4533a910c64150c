// The across-seeds pool (web/session/seed-pool.js) with stand-in workers: it never runs more
// workers than its size, cancelling terminates the workers busy with that job at once and drops its
// queued seeds (other jobs go on), and a worker that dies fails only its own seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeedPool, defaultPoolSize } from '../../web/session/seed-pool.js';

class FakeWorker extends EventTarget {
  constructor(log) { super(); this.log = log; this.terminated = false; this.tasks = []; log.push(this); }
  postMessage(message) { this.tasks.push(message); }
  terminate() { this.terminated = true; }
  answer(type, extra = {}) {
    const event = new Event('message');
    event.data = { type, task: this.tasks.at(-1).task, ...extra };
    this.dispatchEvent(event);
  }
  die(message) {
    const event = new Event('error');
    event.message = message;
    this.dispatchEvent(event);
  }
}

function recorder() {
  const events = [];
  return { events, handlers: { done: (seed, r) => events.push(['done', seed, r]), failed: (seed, e) => events.push(['failed', seed, e]) } };
}

test('the pool size: one fewer than the cores, at least one', () => {
  assert.equal(defaultPoolSize(8), 7);
  assert.equal(defaultPoolSize(2), 1);
  assert.equal(defaultPoolSize(1), 1);
  assert.equal(defaultPoolSize(undefined), 1);
});

test('seeds run at most `size` at a time, each on a free worker, in order', () => {
  const workers = [];
  const pool = new SeedPool({ startWorker: () => new FakeWorker(workers), size: 2 });
  const { events, handlers } = recorder();
  pool.run({ steps: 10 }, [1, 2, 3], handlers);
  assert.equal(workers.length, 2);
  assert.deepEqual(workers.map((w) => w.tasks[0].job.seed), [1, 2]);
  workers[1].answer('seed-done', { result: 'two' });
  assert.deepEqual(workers[1].tasks.at(-1).job.seed, 3);  // the freed worker takes the next seed
  workers[0].answer('seed-done', { result: 'one' });
  workers[1].answer('seed-done', { result: 'three' });
  assert.deepEqual(events, [['done', 2, 'two'], ['done', 1, 'one'], ['done', 3, 'three']]);
  assert.equal(workers.length, 2);
});

test('cancel terminates the job\'s busy workers at once and drops its queued seeds; another job goes on', () => {
  const workers = [];
  const pool = new SeedPool({ startWorker: () => new FakeWorker(workers), size: 2 });
  const a = recorder();
  const b = recorder();
  const jobA = pool.run({ steps: 10 }, [1, 2, 3, 4], a.handlers);
  pool.run({ steps: 20 }, [7], b.handlers);
  jobA.cancel();
  assert.deepEqual(workers.slice(0, 2).map((w) => w.terminated), [true, true]);
  // Job B's seed starts on a new worker; a late answer from a terminated worker is ignored.
  const busyB = workers.find((w) => !w.terminated);
  assert.equal(busyB.tasks[0].job.seed, 7);
  workers[0].answer('seed-done', { result: 'late' });
  busyB.answer('seed-done', { result: 'seven' });
  assert.deepEqual(a.events, []);
  assert.deepEqual(b.events, [['done', 7, 'seven']]);
  assert.equal(pool.stats().queued, 0);
});

test('a worker that dies fails its own seed; the other seeds still finish', () => {
  const workers = [];
  const pool = new SeedPool({ startWorker: () => new FakeWorker(workers), size: 1 });
  const { events, handlers } = recorder();
  pool.run({ steps: 10 }, [1, 2], handlers);
  workers[0].die('out of memory');
  assert.equal(workers[0].terminated, true);
  workers[1].answer('seed-done', { result: 'two' });
  assert.deepEqual(events, [['failed', 1, 'the seed worker failed: out of memory'], ['done', 2, 'two']]);
  workers[1].tasks.length = 0;
  pool.run({ steps: 10 }, [3], handlers);
  workers[1].answer('seed-failed', { error: 'diverged' });
  assert.deepEqual(events.at(-1), ['failed', 3, 'diverged']);
});

test('whenIdle resolves once no seed runs or waits: after the last answer, or at once when idle; a cancel counts', async () => {
  const workers = [];
  const pool = new SeedPool({ startWorker: () => new FakeWorker(workers), size: 1 });
  await pool.whenIdle();  // nothing queued: at once
  const { handlers } = recorder();
  pool.run({ steps: 10 }, [1, 2], handlers);
  let idle = false;
  pool.whenIdle().then(() => { idle = true; });
  workers[0].answer('seed-done', { result: 'one' });
  await Promise.resolve();
  assert.equal(idle, false, 'seed 2 still runs');
  workers[0].answer('seed-done', { result: 'two' });
  await Promise.resolve();
  assert.equal(idle, true);

  const job = pool.run({ steps: 10 }, [3, 4], handlers);
  let afterCancel = false;
  pool.whenIdle().then(() => { afterCancel = true; });
  job.cancel();
  await Promise.resolve();
  assert.equal(afterCancel, true);
});
