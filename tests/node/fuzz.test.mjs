// Seeded random-input fuzzing of the JS API (issue 9, item 7): thousands of calls with wrong
// types, bad ranges, Proxies (working, revoked, throwing traps), throwing getters (Errors,
// numbers, symbols), typed-array subclasses that lie, arrays and objects of another realm
// (node:vm), and getters that re-enter: delete or train the network being called, delete its
// race, create networks. Asserted for every call: it returns or throws an Error whose `field`
// names one of its inputs (or, for calls on busy or deleted objects, says which method); the
// module never aborts; a bystander network is never touched; a good call works after each bad
// one; and at the end the wasm heap and Embind's handles are back to their baseline.
//
// ACTLAB_FUZZ_SEED=n and ACTLAB_FUZZ_CALLS=n override the defaults (seed 9, 6,000 calls).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { loadLabOrFail } from './lab-fixture.mjs';
import { seededRandom } from '../../web/views/seeded-random.js';

const SEED = Number(process.env.ACTLAB_FUZZ_SEED ?? 9);
const CALLS = Number(process.env.ACTLAB_FUZZ_CALLS ?? 6000);

let lab, fields, activations;
before(async () => {
  lab = await loadLabOrFail();
  fields = lab.configFields();
  activations = lab.activations().map((a) => a.name);
});

const realm = vm.createContext({});
const foreign = (code) => vm.runInContext(code, realm);

// One fuzzing session: its random source, the objects it owns, and what it expects.
class Session {
  constructor(seed) {
    this.random = seededRandom(seed);
    this.victim = null;     // the network the current call targets (getters may delete it)
    this.race = null;
    this.created = [];      // every object a call or a getter created, deleted at the end
    this.counts = { calls: 0, returned: 0, threw: 0, reentrant: 0 };
  }

  int(n) { return Math.floor(this.random() * n); }
  pick(items) { return items[this.int(items.length)]; }
  chance(p) { return this.random() < p; }

  fresh() {
    if (this.victim === null || this.victimDead) {
      this.victim = lab.createNetwork({ hidden: [3], points: 40, seed: this.int(1000) });
      this.created.push(this.victim);
      this.victimDead = false;
    }
    if (this.race === null || this.raceDead) {
      this.race = lab.createRace({ members: ['relu', 'tanh'], hidden: [3], points: 40 });
      this.created.push(this.race);
      this.raceDead = false;
    }
  }

  // A getter body that re-enters the API, or throws something, or returns a value.
  hostileValue(value) {
    const s = this;
    switch (this.int(8)) {
      case 0: return () => { throw new Error('getter'); };
      case 1: return () => { throw s.int(100); };
      case 2: return () => { throw Symbol('x'); };
      case 3: return () => { s.counts.reentrant++; s.victim.delete(); s.victimDead = true; return value; };
      case 4: return () => { s.counts.reentrant++; s.victim.train(2); return value; };
      case 5: return () => { s.counts.reentrant++; s.race.delete(); s.raceDead = true; return value; };
      case 6: return () => { s.created.push(lab.createNetwork({ hidden: [2], points: 20 })); return value; };
      default: return () => value;
    }
  }

  // Objects with a getter on one key, Proxies, revoked Proxies, class instances, other realms.
  wrapObject(plain) {
    const keys = Object.keys(plain);
    switch (this.int(7)) {
      case 0: {
        if (keys.length === 0) return plain;
        const key = this.pick(keys), body = this.hostileValue(plain[key]);
        const out = { ...plain };
        Object.defineProperty(out, key, { get: body, enumerable: true });
        return out;
      }
      case 1: return new Proxy(plain, {});
      case 2: { const { proxy, revoke } = Proxy.revocable(plain, {}); revoke(); return proxy; }
      case 3: return new Proxy(plain, { ownKeys() { throw new TypeError('trap'); } });
      case 4: return Object.assign(new (class Options {})(), plain);
      case 5: return Object.assign(foreign('({})'), plain);
      default: return plain;
    }
  }

  number(good) {
    if (this.chance(0.6)) return good;
    return this.pick([NaN, Infinity, -Infinity, -1, 0, 1e12, 2.5, -0, 2 ** 31, '3', null, undefined, true, [], {}, 3n]);
  }

  anything() {
    return this.pick([undefined, null, 0, -1, 'x', true, [], {}, [1, 2], new Float64Array(2), () => 1, Symbol('s'), 1n,
      new Proxy({}, {}), Proxy.revocable({}, {}).proxy]);
  }

  fieldValue(field) {
    if (this.chance(0.15)) return this.anything();
    switch (field.type) {
      case 'integer': return this.number(field.name === 'points' ? 20 + this.int(60) : field.name === 'seed' ? this.int(99) : field.min);
      case 'number': return this.number(field.min + (Math.min(field.max, 1) - field.min) * this.random());
      case 'boolean': return this.chance(0.9) ? this.chance(0.5) : 'true';
      case 'choice': return this.chance(0.9) ? this.pick(field.choices) : 'nope';
      case 'integerList': {
        const list = Array.from({ length: this.int(3) }, () => this.number(1 + this.int(4)));
        return this.chance(0.1) ? this.wrapArray(list) : list;
      }
      default: {
        const list = field.choices.slice(0, 1 + this.int(2));
        return this.chance(0.1) ? this.wrapArray(list) : list;
      }
    }
  }

  wrapArray(list) {
    switch (this.int(4)) {
      case 0: return new Proxy(list, { get: (t, k) => (k === 'length' ? 1e9 : t[k]) });
      case 1: { const out = list.slice(); Object.defineProperty(out, 0, { get: this.hostileValue(list[0]), enumerable: true }); return out; }
      case 2: { const out = foreign('[]'); for (const item of list) out.push(item); return out; }
      default: return Object.assign(new Array(2000), list);
    }
  }

  config(extra = {}) {
    const config = { ...extra };
    for (const field of fields) {
      if (field.name === 'layerActivations') continue;  // needs one per hidden layer: covered by the bad-input suite
      if (this.chance(0.25)) config[field.name] = this.fieldValue(field);
    }
    if (!('hidden' in config)) config.hidden = [3];
    if (!('points' in config)) config.points = 40;
    if (this.chance(0.05)) config.learning_rate = 0.1;  // unknown key
    return this.chance(0.3) ? this.wrapObject(config) : config;
  }

  typedArray(Type, length) {
    switch (this.int(8)) {
      case 0: return new Float64Array(length);
      case 1: return foreign(`new ${Type.name}(${length})`);
      case 2: { const s = this; return new (class extends Type { get length() { return s.hostileValue(length)(); } })(length); }
      case 3: return new Type(length + this.pick([-1, 1, 7]));
      case 4: return Array.from({ length }, () => 0);
      case 5: return this.anything();
      default: return new Type(length);
    }
  }

  data() {
    const n = 4 + this.int(10);
    const data = { points: this.typedArray(Float32Array, 2 * n), labels: this.typedArray(Int32Array, n), classes: this.number(2) };
    if (this.chance(0.3)) data.testFraction = this.number(0.25);
    return this.chance(0.3) ? this.wrapObject(data) : data;
  }

  // One random call: [what it is, the names its errors may carry, the call].
  call() {
    this.fresh();
    const net = this.chance(0.2) ? this.race.member(this.int(2)) : this.victim;
    const grid = () => this.wrapObject({ width: this.number(4), height: this.number(4), xMin: this.number(-1), xMax: this.number(1) });
    const config = ['config', ...fields.map((f) => f.name), 'learning_rate'];
    switch (this.int(9)) {
      case 0: return ['createNetwork', config, () => lab.createNetwork(this.config())];
      case 1: return ['createNetwork(data)', [...config, 'data', 'points', 'labels', 'classes', 'testFraction'],
        () => lab.createNetwork({ hidden: [3] }, this.data())];
      case 2: return ['createRace', [...config, 'members'], () => {
        const members = this.chance(0.8) ? [this.pick(activations), { activation: this.pick(activations), init: 'he' }] : this.anything();
        return lab.createRace(this.config({ members: this.chance(0.2) && Array.isArray(members) ? this.wrapArray(members) : members }));
      }];
      case 3: return ['train', ['steps'], () => net.train(this.number(1 + this.int(5)))];
      case 4: return ['predictGrid', ['grid', 'width', 'height', 'xMin', 'xMax'], () => net.predictGrid(grid())];
      case 5: return ['setParams', ['params'], () => net.setParams(this.typedArray(Float32Array, net.paramCount))];
      case 6: return ['lossAndGradient', ['points', 'labels'],
        () => net.lossAndGradient(this.typedArray(Float32Array, 4), this.typedArray(Int32Array, 2))];
      case 7: return ['member', ['index'], () => this.race.member(this.number(this.int(2)))];
      default: return ['activationCosts', ['options', 'elements', 'repeats', 'windowMs', 'window_ms'],
        // Always invalid somewhere (windowMs 0.01), so no call spends time measuring.
        () => lab.activationCosts(this.wrapObject({ elements: this.number(2048), windowMs: 0.01 }))];
    }
  }
}

test(`${CALLS} seeded random calls (seed ${SEED}): named Errors only, no corruption, no leak`, (t) => {
  const session = new Session(SEED);
  const bystander = lab.createNetwork({ hidden: [4, 4], seed: 5 });
  bystander.train(10);
  const bystanderParams = bystander.getParams();
  const good = () => {
    const metrics = bystander.evaluate();
    assert.ok(Number.isFinite(metrics.trainLoss), 'a good call works');
  };
  // Warm-up, so that tables built on first use do not count as leaks.
  for (let i = 0; i < 50; i++) { try { session.call()[2](); } catch { /* expected */ } }
  const cleanUp = () => {
    for (const object of session.created) { try { object.delete(); } catch { /* deleted already, or a borrowed member */ } }
    session.created = [];
    session.victim = session.race = null;
  };
  cleanUp();
  good();  // its first evaluate() sizes the bystander's own workspace: not a leak, so before the baseline
  const baseline = lab.memoryStats();

  for (let i = 0; i < CALLS; i++) {
    const [what, names, call] = session.call();
    session.counts.calls++;
    let result;
    try {
      result = call();
      session.counts.returned++;
    } catch (e) {
      session.counts.threw++;
      assert.ok(e instanceof Error, `call ${i} (${what}) threw ${typeof e}, not an Error`);
      if (e.field === undefined) {
        assert.match(e.message, /^(Network|Race)\.\w+: /, `call ${i} (${what}): an Error without field: ${e.message}`);
      } else {
        assert.ok(names.includes(e.field), `call ${i} (${what}): field '${e.field}' is not an input (${e.message})`);
        assert.ok(e.message.startsWith(e.field) || e.message.startsWith('unknown '), `call ${i}: ${e.message}`);
      }
    }
    if (result && typeof result.delete === 'function' && result !== session.victim) session.created.push(result);
    good();
    if (i % 500 === 0) assert.deepEqual(bystander.getParams(), bystanderParams, `the bystander is untouched after call ${i}`);
  }
  assert.deepEqual(bystander.getParams(), bystanderParams, 'the bystander is untouched');
  cleanUp();
  const after = lab.memoryStats();  // the bystander is alive in both
  bystander.delete();
  assert.equal(after.heapBytesInUse, baseline.heapBytesInUse, 'heap bytes in use');
  assert.equal(after.emvalHandles, baseline.emvalHandles, 'Embind handles');
  assert.equal(after.stackPointer, baseline.stackPointer, 'wasm stack pointer');
  const { calls, returned, threw, reentrant } = session.counts;
  t.diagnostic(`${calls} calls: ${returned} returned, ${threw} threw; ${reentrant} re-entrant getters ran`);
  assert.ok(returned > calls / 10 && threw > calls / 10, 'both good and bad calls were made');
});
