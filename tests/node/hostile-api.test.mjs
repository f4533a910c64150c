// The API surface under attack (issue 18, items 4, 6 and 7), and errors as data (issue 20):
// - a host page that pollutes Object.prototype or Array.prototype changes nothing the API builds,
//   for every config key (from the core's field table), option key and custom-data key;
// - custom data far over the limit is rejected by its length, without being copied;
// - deadlineMs bounds the long calls, and a run cut by deadlines continues to the same bits;
// - every error kind of the core's table reaches JS as error.kind and error.params.
// Every test here failed on the code before it (see the report of the change that added it).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail } from './lab-fixture.mjs';

let lab, fields, defaults;
before(async () => {
  lab = await loadLabOrFail();
  fields = lab.configFields();
  defaults = lab.defaultConfig();
});

/** Runs call() with `values` set on `proto` as a host page would (plain assignment), then restores it. */
function withPolluted(proto, values, call) {
  const saved = Object.keys(values).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)]);
  try {
    for (const [key, value] of Object.entries(values)) proto[key] = value;
    return call();
  } finally {
    for (const [key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(proto, key, descriptor);
      else delete proto[key];
    }
  }
}

/** A valid value of a field that is not its default: what a polluter would slip in unnoticed. */
function otherValue(field) {
  switch (field.type) {
    case 'integer': case 'number': return field.default === field.max ? field.min : field.max;
    case 'boolean': return !field.default;
    case 'choice': return field.choices.find((c) => c !== field.default);
    case 'integerList': return Array(field.maxItems).fill(field.max);
    case 'choiceList': return Array(Math.max(field.minItems, 1)).fill(field.choices.at(-1));
    default: throw new Error(`no other value for type ${field.type}`);
  }
}

/** Builds a network under pollution, reads its config once clean. */
function configBuiltUnder(values, config = { seed: 1 }) {
  const net = withPolluted(Object.prototype, values, () => lab.createNetwork(config));
  try { return net.config(); } finally { net.delete(); }
}

test('a polluted Object.prototype changes no config key: each field of the core\'s table in turn', () => {
  assert.ok(fields.length >= 20, 'the field table was read');
  for (const field of fields) {
    if (field.name === 'seed') continue;  // given as an own key below: pollution must not override it either
    const value = otherValue(field);
    assert.deepEqual(configBuiltUnder({ [field.name]: value }), { ...defaults, seed: 1 }, `Object.prototype.${field.name}`);
  }
  assert.equal(configBuiltUnder({ seed: 99 }).seed, 1, 'an own key wins');
  assert.equal(withPolluted(Object.prototype, { seed: 99 }, () => {
    const net = lab.createNetwork();
    try { return net.config().seed; } finally { net.delete(); }
  }), defaults.seed, 'no config at all');
});

test('a polluted Object.prototype with every field at once still builds the default network', () => {
  const all = Object.fromEntries(fields.map((f) => [f.name, otherValue(f)]));
  assert.deepEqual(configBuiltUnder(all), { ...defaults, seed: 1 });
  // The issue's own repro: 10 x 64 layers on 20,000 points at learning rate 10.
  const net = withPolluted(Object.prototype, { hidden: Array(10).fill(64), points: 20000, learningRate: 10 },
    () => lab.createNetwork({ seed: 1 }));
  assert.deepEqual(net.config().hidden, defaults.hidden);
  assert.equal(net.data().train.label.length + net.data().test.label.length, defaults.points);
  net.delete();
});

test('a polluted Object.prototype changes no grid key of predictGrid and unitMaps', () => {
  const net = lab.createNetwork({ seed: 1, hidden: [3] });
  try {
    const clean = net.predictGrid({ xMin: -6 });
    const mapGrid = { width: 8, height: 8 };  // unit maps are at most 64 wide
    const cleanMaps = net.unitMaps(mapGrid);
    const poison = { width: 3, height: 5, xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
    for (const [key, value] of Object.entries(poison)) {
      if (key !== 'xMin') {
        const got = withPolluted(Object.prototype, { [key]: value }, () => net.predictGrid({ xMin: -6 }));
        assert.deepEqual(got, clean, `Object.prototype.${key} in predictGrid`);
      }
      if (key in mapGrid) continue;
      const maps = withPolluted(Object.prototype, { [key]: value }, () => net.unitMaps(mapGrid));
      assert.deepEqual(maps, cleanMaps, `Object.prototype.${key} in unitMaps`);
    }
  } finally {
    net.delete();
  }
});

test('a polluted Object.prototype changes no option of activationCosts or train', () => {
  const cheap = { elements: 1024, repeats: 1, windowMs: 0.1, activations: ['relu'], deadlineMs: 60000 };
  const poison = { elements: -1, repeats: 1e9, windowMs: -5, activations: ['nope'], deadlineMs: -1 };
  for (const key of Object.keys(cheap)) {
    const options = { ...cheap };
    delete options[key];
    const costs = withPolluted(Object.prototype, { [key]: poison[key] }, () => lab.activationCosts(options));
    const rounds = key === 'repeats' ? 5 : 1;  // 5: the core's default repeats
    assert.ok(costs.length >= 1 && costs.every((c) => c.rounds === rounds), `Object.prototype.${key}`);
  }
  const net = lab.createNetwork({ seed: 1, hidden: [3] });
  assert.equal(withPolluted(Object.prototype, { deadlineMs: -1 }, () => net.train(4, {})).length, 4);
  net.delete();
});

test('a polluted Object.prototype changes no custom-data key and no race key', () => {
  const data = { points: new Float32Array([0.5, 0.5, -0.5, -0.5, 1, 1, -1, -1]), labels: new Int32Array([0, 1, 0, 1]), classes: 2 };
  const poison = { testFraction: 0.5, classes: 3, points: new Float32Array(2), labels: new Int32Array(1) };
  for (const [key, value] of Object.entries(poison)) {
    const own = { ...data };
    delete own[key];
    if (key !== 'testFraction') {
      // Missing required data is an error naming it, never filled in from the prototype.
      assert.throws(() => withPolluted(Object.prototype, { [key]: value }, () => lab.createNetwork({ seed: 1 }, own)),
        (e) => e.field === key && e.argument === 'data', `Object.prototype.${key}`);
      continue;
    }
    const net = withPolluted(Object.prototype, { [key]: value }, () => lab.createNetwork({ seed: 1 }, own));
    assert.equal(net.data().test.label.length, 0, 'no test split from Object.prototype.testFraction');
    net.delete();
  }
  // Race: members and a member's init.
  assert.throws(() => withPolluted(Object.prototype, { members: ['relu', 'tanh'] }, () => lab.createRace({ seed: 1 })),
    (e) => e.field === 'members');
  const race = withPolluted(Object.prototype, { init: 'he', activation: 'tanh' },
    () => lab.createRace({ seed: 1, members: [{ activation: 'relu' }] }));
  assert.equal(race.member(0).config().init, defaults.init);
  assert.equal(race.member(0).config().activation, 'relu');
  race.delete();
});

test('a polluted Array.prototype never fills a hole in a list', () => {
  const lists = {
    hidden: [8, , 8],  // eslint-disable-line no-sparse-arrays
    features: ['x', , 'y'],  // eslint-disable-line no-sparse-arrays
  };
  for (const [key, list] of Object.entries(lists)) {
    assert.throws(() => withPolluted(Array.prototype, { 1: key === 'hidden' ? 64 : 'x_squared' },
      () => lab.createNetwork({ seed: 1, [key]: list })), (e) => e.field === key && /\[1\]: expected/.test(e.message), key);
  }
  assert.throws(() => withPolluted(Array.prototype, { 0: 'tanh' }, () => lab.createRace({ seed: 1, members: [, 'relu'] })),  // eslint-disable-line no-sparse-arrays
    (e) => e.field === 'members');
});

test('custom data of 2 x 10^7 points is rejected by its length, without a copy', () => {
  const n = 2e7;
  const labels = new Int32Array(n);      // zero pages: costs no memory until written
  const points = new Float32Array(2 * n);
  const copiedBefore = process.memoryUsage().arrayBuffers;
  const heapBefore = lab.heapBytesInUse();
  assert.throws(() => lab.createNetwork({ seed: 1 }, { points, labels, classes: 2 }), (e) => {
    assert.equal(e.field, 'labels');
    assert.equal(e.message, 'labels: 20000000 points is out of range [1, 20000]');
    assert.equal(e.kind, 'count_out_of_range');
    assert.deepEqual(e.params, { field: 'labels', count: n, unit: 'points', min: 1, max: 20000 });
    return true;
  });
  // A copy of both arrays would be 240 MB of new array buffers (and would touch every page).
  const copied = process.memoryUsage().arrayBuffers - copiedBefore;
  assert.ok(copied < 16 << 20, `${copied} bytes of array buffers appeared`);
  assert.equal(lab.heapBytesInUse(), heapBefore);
  // Points over the limit beside valid labels: rejected by length too.
  assert.throws(() => lab.createNetwork({ seed: 1 }, { points, labels: new Int32Array(10), classes: 2 }),
    (e) => e.field === 'points' && e.kind === 'length_mismatch' && e.params.length === 2 * n && e.params.expected === 20);
  const copiedAfter = process.memoryUsage().arrayBuffers - copiedBefore;
  assert.ok(copiedAfter < 16 << 20, `${copiedAfter} bytes of array buffers appeared`);
});

test('adding a point past a limit is one sentence naming the limit reached', () => {
  const race = lab.createRace({ seed: 1, members: ['relu'], hidden: [2], points: 20 });
  for (let i = 0; i < 500; i++) race.addPoint(0.5, 0.5, 1);
  assert.throws(() => race.addPoint(0.5, 0.5, 1), (e) => {
    assert.equal(e.message, 'points: cannot add point 501: a race takes at most 500 added points');
    assert.equal(e.kind, 'too_many_added');
    assert.deepEqual(e.params, { field: 'points', count: 501, max: 500 });
    return true;
  });
  race.delete();
});

// ---- deadlineMs --------------------------------------------------------------------------------

test('deadlineMs is validated like any field: finite, in [0.1, 3600000], a number, a known key', () => {
  const net = lab.createNetwork({ seed: 1, hidden: [3] });
  const race = lab.createRace({ seed: 1, members: ['relu'], hidden: [3] });
  const calls = {
    'net.train': (o) => net.train(1, o),
    'race.train': (o) => race.train(1, o),
    activationCosts: (o) => lab.activationCosts({ elements: 1024, repeats: 1, windowMs: 0.1, activations: ['relu'], ...o }),
  };
  for (const [name, call] of Object.entries(calls)) {
    for (const bad of [0, -1, 0.05, NaN, Infinity, 3600001]) {
      assert.throws(() => call({ deadlineMs: bad }), (e) => {
        assert.equal(e.field, 'deadlineMs');
        assert.match(e.message, /^deadlineMs: .* is out of range \[0\.1, 3600000\]$/);
        assert.equal(e.kind, 'out_of_range');
        assert.equal(e.params.min, 0.1);
        assert.equal(e.params.max, 3600000);
        return true;
      }, `${name} deadlineMs ${bad}`);
    }
    assert.throws(() => call({ deadlineMs: '5' }), (e) => e.field === 'deadlineMs' && e.kind === 'wrong_type', name);
    call({ deadlineMs: 3600000 });
  }
  assert.throws(() => net.train(1, { deadline: 5 }), (e) => e.field === 'deadline' && e.kind === 'unknown_name');
  assert.equal(net.steps(), 1, 'a step for the valid call, none for the bad ones');
  net.delete();
  race.delete();
});

test('net.train cut by deadlines and continued gives the same bits as one uninterrupted run', () => {
  const config = { seed: 3, hidden: [16, 16], batchSize: 32, dataset: 'spiral' };
  const total = 600;
  const whole = lab.createNetwork(config);
  const wholeLosses = whole.train(total);
  const cut = lab.createNetwork(config);
  const cutLosses = [];
  let calls = 0;
  while (cut.steps() < total) {
    const part = cut.train(total - cut.steps(), { deadlineMs: 0.1 });
    assert.ok(part.length >= 1, 'every call takes at least one step');
    cutLosses.push(...part);
    calls++;
  }
  assert.ok(calls > 1, 'the deadline cut the run');
  assert.equal(cut.steps(), total);
  assert.deepEqual(new Uint32Array(Float32Array.from(cutLosses).buffer), new Uint32Array(wholeLosses.buffer));
  assert.deepEqual(new Uint32Array(cut.getParams().buffer), new Uint32Array(whole.getParams().buffer));
  whole.delete();
  cut.delete();
});

test('race.train with a deadline keeps members in step and continues to the same bits', () => {
  const config = { seed: 4, hidden: [16, 16], batchSize: 32, members: ['relu', 'tanh', 'sigmoid'] };
  const total = 300;
  const whole = lab.createRace(config);
  whole.train(total);
  const cut = lab.createRace(config);
  let calls = 0;
  while (cut.member(0).steps() < total) {
    const losses = cut.train(total - cut.member(0).steps(), { deadlineMs: 0.1 });
    assert.ok(losses.every((l) => l.length === losses[0].length && l.length >= 1), 'members in step');
    calls++;
  }
  assert.ok(calls > 1, 'the deadline cut the run');
  for (let i = 0; i < 3; i++) {
    assert.equal(cut.member(i).steps(), total);
    assert.deepEqual(new Uint32Array(cut.member(i).getParams().buffer), new Uint32Array(whole.member(i).getParams().buffer));
  }
  whole.delete();
  cut.delete();
});

test('activationCosts with a deadline returns only complete rounds, each marked with its count', () => {
  // Without the deadline this asks for 100 rounds of 64 windows of 1 s: about 2 hours.
  const options = { elements: 1024, repeats: 100, windowMs: 1000, deadlineMs: 0.1 };
  const costs = lab.activationCosts(options);
  assert.ok(Array.isArray(costs));
  for (const c of costs) {
    assert.ok(Number.isInteger(c.rounds) && c.rounds >= 1 && c.rounds < options.repeats, `${c.name}: ${c.rounds} rounds`);
  }
  const full = lab.activationCosts({ elements: 1024, repeats: 2, windowMs: 0.1, activations: ['relu', 'tanh'] });
  assert.deepEqual(full.map((c) => [c.name, c.rounds]).sort(), [['relu', 2], ['tanh', 2]]);
});

// ---- errors as data: kind and params -----------------------------------------------------------

/** The Error call() throws (fails if it returns). */
function thrown(call) {
  try {
    call();
  } catch (error) {
    return error;
  }
  assert.fail(`no error from ${call}`);
}

/** The config errors of one field of the table: [expected kind, config, expected params]. */
function fieldCases(f) {
  const out = [];
  const key = f.name;
  switch (f.type) {
    case 'integer': case 'number':
      out.push(['out_of_range', { [key]: f.max + 1 }, { value: f.max + 1, min: f.min, max: f.max }]);
      if (f.type === 'integer') out.push(['not_whole', { [key]: f.min + 0.5 }, { value: f.min + 0.5, min: f.min, max: f.max }]);
      out.push(['wrong_type', { [key]: 'x' }, {}]);
      break;
    case 'boolean': out.push(['wrong_type', { [key]: 'x' }, {}]); break;
    case 'choice': out.push(['not_one_of', { [key]: 'nope' }, { value: 'nope', allowed: f.choices }]); break;
    case 'integerList':
      out.push(['count_out_of_range', { [key]: Array(f.maxItems + 1).fill(f.min) },
        { count: f.maxItems + 1, unit: 'items', min: f.minItems, max: f.maxItems }]);
      out.push(['out_of_range', { [key]: [f.max + 1] }, { path: '[0]', value: f.max + 1, min: f.min, max: f.max }]);
      break;
    case 'choiceList':
      out.push(['count_out_of_range', { [key]: Array(f.maxItems + 1).fill(f.choices[0]) },
        { count: f.maxItems + 1, unit: 'items', min: f.minItems, max: f.maxItems }]);
      out.push(['not_one_of', { [key]: ['nope'] }, { path: '[0]', value: 'nope', allowed: f.choices }]);
      break;
    default: assert.fail(`a field type without cases: ${f.type}`);
  }
  return out;
}

test('every error kind of the core\'s table reaches JS with its params, driven by the field table', () => {
  const kinds = new Map(lab.errorKinds().map((k) => [k.name, k.params]));
  assert.ok(kinds.size >= 10 && [...kinds.values()].every((p) => Array.isArray(p) && p.length > 0));
  const seen = new Set();
  const check = (what, error, kind, params = {}) => {
    assert.ok(error instanceof Error, what);
    assert.equal(error.kind, kind, `${what}: ${error.message}`);
    assert.ok(kinds.has(kind), `${kind} is in the core's table`);
    for (const name of kinds.get(kind)) assert.ok(name in error.params, `${what}: params.${name} of ${JSON.stringify(error.params)}`);
    if (error.field) assert.equal(error.params.field, error.field, what);
    for (const [name, value] of Object.entries(params)) {
      if (Number.isNaN(value)) assert.ok(Number.isNaN(error.params[name]));
      else assert.deepEqual(error.params[name], value, `${what}: params.${name}`);
    }
    seen.add(kind);
  };
  for (const f of fields) {
    for (const [kind, config, params] of fieldCases(f)) {
      check(`${f.name} ${kind}`, thrown(() => lab.createNetwork(config)), kind, { field: f.name, ...params });
    }
  }
  // The kinds no single field raises.
  const net = lab.createNetwork({ seed: 1, hidden: [3] });
  check('layers', thrown(() => lab.createNetwork({ hidden: [4, 4], layerActivations: ['relu'] })), 'layer_count_mismatch', { count: 1, layers: 2 });
  check('params length', thrown(() => net.setParams(new Float32Array(3))), 'length_mismatch', { length: 3, expected: net.paramCount });
  const nan = net.getParams();
  nan[1] = NaN;
  check('params NaN', thrown(() => net.setParams(nan)), 'not_finite', { path: '[1]', value: NaN });
  check('unknown key', thrown(() => lab.createNetwork({ lr: 1 })), 'unknown_name', { value: 'lr' });
  check('getter', thrown(() => lab.createNetwork({ get seed() { throw new Error('no'); } })), 'read_failed', { reason: 'no' });
  check('members', thrown(() => lab.createRace({ members: Array(9).fill('relu') })), 'count_out_of_range', { count: 9, unit: 'members' });
  // The getter gets the busy error; predictGrid reports the getter's throw, with it as the cause.
  const reentered = thrown(() => net.predictGrid({ get width() { net.train(1); return 4; } }));
  check('re-entered', reentered, 'read_failed', { field: 'width' });
  check('busy', reentered.cause, 'busy', { method: 'Network.train', running: 'Network.predictGrid' });
  const race = lab.createRace({ seed: 1, members: ['relu'], hidden: [2] });
  check('borrowed', thrown(() => race.member(0).delete()), 'borrowed', { method: 'Network.delete' });
  for (let i = 0; i < 500; i++) race.addPoint(0, 0, 0);
  check('added', thrown(() => race.addPoint(0, 0, 0)), 'too_many_added', { count: 501, max: 500 });
  race.delete();
  const full = { points: new Float32Array(40000), labels: new Int32Array(20000).fill(1, 0, 1), classes: 2 };
  const fullRace = lab.createRace({ seed: 1, members: ['relu'], hidden: [2] }, full);
  check('full', thrown(() => fullRace.addPoint(0, 0, 0)), 'training_set_full', { max: 20000 });
  fullRace.delete();
  net.delete();
  check('deleted', thrown(() => net.train(1)), 'deleted', { method: 'Network.train' });
  // Kinds the API cannot raise, each for a stated reason; every other kind was seen above.
  const unreachable = {
    not_a_number: 'text input only (CLI flags); the API takes numbers',
    not_boolean: 'text input only (CLI flags); the API takes booleans',
    no_training_points: 'the split keeps a training point for any data the API accepts',
    out_of_memory: 'needs the module\'s whole 256 MB',
  };
  for (const kind of kinds.keys()) assert.ok(seen.has(kind) !== (kind in unreachable), `${kind}: seen or stated unreachable, not both`);
});

test('error.field and the English message are unchanged beside kind and params', () => {
  const e = thrown(() => lab.createNetwork({ learningRate: 20 }));
  assert.equal(e.field, 'learningRate');
  assert.equal(e.message, 'learningRate: 20 is out of range [1e-06, 10]');
  assert.deepEqual(e.params, { field: 'learningRate', value: 20, min: 1e-6, max: 10 });
});
