// The findings of issue 9's hostile-input campaign, one test each; every one failed on the
// boundary before web/lab/snapshot.js and the error-returning core/wasm (re-entrant use after
// free, documented bounds refused, leaks and lost types from nested getters, arrays of another
// realm refused, custom-data config() not accepted back). Also: Proxies, revoked Proxies and
// typed arrays that lie about themselves give named Errors.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { loadLabOrFail, runCli } from './lab-fixture.mjs';
import { buildParamTable } from '../../web/session/param-table.js';
import { readHash } from '../../web/session/url-state.js';

let lab;
before(async () => { lab = await loadLabOrFail(); });

const small = { hidden: [4], seed: 1, points: 60 };

/** Asserts that call() throws an Error whose .field is `field` and whose message matches `pattern`. */
function throwsNamed(call, field, pattern) {
  assert.throws(call, (e) => {
    assert.ok(e instanceof Error, `an Error, not ${typeof e}`);
    assert.equal(e.field, field, `error.field of: ${e.message}`);
    assert.match(e.message, pattern);
    return true;
  });
}

test('re-entrancy (the issue repro): a typed-array subclass whose length getter deletes the network cannot corrupt another', () => {
  const a = lab.createNetwork(small);
  let b;
  class Evil extends Float32Array {
    get length() {
      if (!b) {
        a.delete();
        b = lab.createNetwork(small);
      }
      return super.length;
    }
  }
  a.setParams(new Evil(a.paramCount).fill(7));
  // The array is read by what it is (its internal length), so the getter never ran: a is alive
  // and has the new parameters; no network was created in a's freed memory.
  assert.equal(b, undefined, 'the subclass getter never ran');
  assert.ok(a.getParams().every((v) => v === 7));
  const c = lab.createNetwork(small);
  assert.ok(!c.getParams().every((v) => v === 7), 'a fresh network has its own parameters');
  c.delete();
  a.delete();
});

test('re-entrancy: lossAndGradient with arrays whose length getters lie reads their real contents', () => {
  const a = lab.createNetwork(small);
  class Liar extends Int32Array { get length() { a.delete(); return 1e9; } }
  const { loss, gradient } = a.lossAndGradient(new Float32Array([0.5, 0.5, -1, 1]), new Liar(2));
  assert.ok(Number.isFinite(loss));
  assert.equal(gradient.length, a.paramCount);
  const good = lab.createNetwork(small);
  assert.equal(good.train(3).length, 3, 'the module is still usable');
  good.delete();
  a.delete();
});

test('re-entrancy: delete or train from a getter during a call throws a clear Error and changes nothing', () => {
  const net = lab.createNetwork(small);
  throwsNamed(() => net.predictGrid({ get width() { net.delete(); return 8; } }), 'width',
    /^width: reading it threw: Network\.delete: called while Network\.predictGrid is running/);
  throwsNamed(() => net.predictGrid({ get height() { net.train(5); return 8; } }), 'height',
    /^height: reading it threw: Network\.train: called while Network\.predictGrid is running/);
  assert.equal(net.steps(), 0, 'the re-entrant train took no step');
  assert.equal(net.predictGrid({ width: 4, height: 4 }).length, 2 * 16, 'the network is alive and usable');

  const race = lab.createRace({ members: ['relu', 'tanh'], hidden: [3], points: 40 });
  const member = race.member(1);
  throwsNamed(() => member.predictGrid({ get width() { race.delete(); return 8; } }), 'width',
    /Race\.delete: called while Network\.predictGrid is running/);
  assert.equal(race.train(2).length, 2, 'the race was not deleted');
  race.delete();
  net.delete();
});

test('a getter that deletes another network is fine, and the call on a deleted one fails cleanly', () => {
  const a = lab.createNetwork(small);
  const b = lab.createNetwork(small);
  assert.equal(a.predictGrid({ get width() { b.delete(); return 4; }, height: 4 }).length, 32);
  assert.throws(() => b.train(1), /Network\.train: this network can no longer be used: it was deleted/);
  a.delete();
});

test('documented bounds are accepted: learningRate 1e-6, momentum 0.999, epsilon 1e-12 (API, URL, CLI)', () => {
  for (const [key, value] of [['learningRate', 1e-6], ['momentum', 0.999], ['epsilon', 1e-12]]) {
    const net = lab.createNetwork({ ...small, [key]: value });
    assert.equal(net.config()[key], value, `${key} round-trips as given`);
    assert.equal(net.train(2).length, 2);
    net.delete();
  }
  // The URL: the page's hash parser and the core agree.
  const table = buildParamTable({ fields: lab.configFields(), activations: lab.activations(), constants: lab.constants() });
  const { values, notices } = readHash(table, '#learningRate=1e-6&momentum=0.999&epsilon=1e-12&optimizer=momentum');
  assert.deepEqual(notices, []);
  const race = lab.createRace({ members: ['relu', 'tanh'], hidden: [3], learningRate: values.learningRate,
    momentum: values.momentum, epsilon: values.epsilon, optimizer: values.optimizer });
  race.delete();
  // The CLI.
  const out = runCli(['train', '--learning_rate', '1e-6', '--momentum', '0.999', '--epsilon', '1e-12',
    '--hidden', '4', '--steps', '2', '--json']);
  assert.equal(out.config.learning_rate, 1e-6);
  assert.equal(out.config.epsilon, 1e-12);
  // Still rejected just outside.
  throwsNamed(() => lab.createNetwork({ learningRate: 0.99e-6 }), 'learningRate', /^learningRate: 9\.9e-07 is out of range \[1e-06, 10\]/);
});

test('nested throwing getters: a named Error, whatever is thrown, and no leak over 10,000 calls', () => {
  throwsNamed(() => lab.createNetwork({ hidden: [4, { get constructor() { throw new Error('boom'); } }] }), 'hidden',
    /^hidden\[1\]: expected a whole number, got an object/);
  throwsNamed(() => lab.createNetwork({ hidden: [4], get seed() { throw 42; } }), 'seed', /^seed: reading it threw: 42/);
  throwsNamed(() => lab.createNetwork({ hidden: [4], get seed() { throw Symbol('s'); } }), 'seed', /^seed: reading it threw: a symbol/);
  const list = [4];
  Object.defineProperty(list, 1, { get() { throw new Error('item'); }, enumerable: true });
  throwsNamed(() => lab.createNetwork({ hidden: list }), 'hidden', /^hidden\[1\]: reading it threw: item/);

  const baseline = lab.memoryStats();
  for (let i = 0; i < 10_000; i++) {
    const config = i % 2 === 0
      ? { hidden: [4, { get constructor() { throw new Error(); } }] }
      : { hidden: [4], members: [{ get activation() { throw i; } }] };
    assert.throws(() => (i % 4 === 1 ? lab.createRace(config) : lab.createNetwork(config)), Error);
  }
  assert.deepEqual(lab.memoryStats(), baseline);
});

test('Proxies and revoked Proxies give named Errors', () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  throwsNamed(() => lab.createNetwork(proxy), 'config', /^config: expected a plain object, got a revoked Proxy/);
  throwsNamed(() => lab.createNetwork({ hidden: proxy }), 'hidden', /^hidden: expected an array .*, got a revoked Proxy/);
  throwsNamed(() => lab.createNetwork({}, proxy), 'data', /^data: expected a plain object, got a revoked Proxy/);
  const net = lab.createNetwork(small);
  throwsNamed(() => net.setParams(proxy), 'params', /^params: expected a Float32Array, got a revoked Proxy/);
  throwsNamed(() => net.setParams(new Proxy(net.getParams(), {})), 'params', /^params: expected a Float32Array, got an object/);
  const trap = new Proxy({}, { ownKeys() { throw new RangeError('no keys'); } });
  throwsNamed(() => lab.createNetwork(trap), 'config', /^config: could not be read: no keys/);
  const lying = new Proxy([4, 4], { get(target, key) { if (key === 'length') return -1; return target[key]; } });
  throwsNamed(() => lab.createNetwork({ hidden: lying }), 'hidden', /^hidden: an array whose length is -1/);
  // A working Proxy over a plain object is read once, like any object.
  const seen = [];
  const logged = new Proxy({ hidden: [4], seed: 2 }, { get(target, key) { seen.push(key); return target[key]; } });
  const n = lab.createNetwork(logged);
  assert.deepEqual(seen, ['hidden', 'seed'], 'each key read exactly once');
  n.delete();
  net.delete();
});

test('arrays and objects from another realm (node:vm) are accepted by what they are', () => {
  const realm = vm.createContext({});
  const net = lab.createNetwork(vm.runInContext('({ hidden: [4], seed: 1, points: 60 })', realm));
  const params = vm.runInContext(`new Float32Array(${net.paramCount}).fill(0.25)`, realm);
  net.setParams(params);
  assert.ok(net.getParams().every((v) => v === 0.25));
  const points = vm.runInContext('new Float32Array([0.5, 0.5, -1, 1])', realm);
  const labels = vm.runInContext('new Int32Array([0, 1])', realm);
  assert.ok(Number.isFinite(net.lossAndGradient(points, labels).loss));
  const custom = lab.createNetwork({ hidden: [3] },
    vm.runInContext('({ points: new Float32Array([0, 0, 1, 1, 2, 2, 3, 3]), labels: new Int32Array([0, 1, 0, 1]), classes: 2 })', realm));
  assert.equal(custom.train(2).length, 2);
  // Still by type: another realm's Float64Array is not a Float32Array.
  throwsNamed(() => net.setParams(vm.runInContext(`new Float64Array(${net.paramCount})`, realm)), 'params',
    /^params: expected a Float32Array, got a Float64Array/);
  custom.delete();
  net.delete();
});

test('net.config() of a network on custom 4-class data is accepted back, with or without the data', () => {
  const n = 40;
  const data = { points: new Float32Array(2 * n), labels: new Int32Array(n), classes: 4 };
  for (let i = 0; i < n; i++) {
    data.points[2 * i] = Math.cos(i);
    data.points[2 * i + 1] = Math.sin(i);
    data.labels[i] = i % 4;
  }
  const net = lab.createNetwork({ dataset: 'circle', hidden: [4], seed: 3 }, data);
  assert.equal(net.classes, 4);
  const config = net.config();
  assert.equal(config.dataset, 'circle');
  const again = lab.createNetwork(config, data);
  assert.equal(again.classes, 4);
  assert.deepEqual(again.getParams(), net.getParams(), 'the same network again');
  const generated = lab.createNetwork(config);
  assert.equal(generated.classes, 2, 'without the data: the generated circle dataset');
  for (const x of [net, again, generated]) x.delete();
});

test("custom data's points and the point-count setting share a key; error.argument tells them apart", () => {
  const data = { points: new Float32Array([0, 0, NaN, 1]), labels: new Int32Array([0, 1]), classes: 2 };
  assert.throws(() => lab.createNetwork({ hidden: [3] }, data), (e) => {
    assert.equal(e.field, 'points');
    assert.equal(e.argument, 'data');
    assert.match(e.message, /^points\[2\]: nan is out of range/);
    return true;
  });
  assert.throws(() => lab.createNetwork({ hidden: [3] }, { ...data, points: new Float64Array(4) }), (e) => e.field === 'points' && e.argument === 'data');
  assert.throws(() => lab.createNetwork({ points: 3 }), (e) => e.field === 'points' && e.argument === undefined);
});
