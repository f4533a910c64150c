// Bad input: every invalid call throws an Error whose .field is the JS key of the argument at
// fault and whose message names it (as JS spells it), and where it applies the value and the
// allowed range; the module stays usable (a good call right after each one works) and nothing
// leaks. JS types are checked in web/lab/snapshot.js, ranges and names by the core.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail } from './lab-fixture.mjs';

let lab, net, dead, race, deadRace, orphan, CASES;

before(async () => {
  lab = await loadLabOrFail();
  CASES = cases(Object.fromEntries(lab.configFields().map((f) => [f.name, f])));
  net = lab.createNetwork({ hidden: [4, 4], features: ['x', 'y'], dataset: 'spiral', classes: 2, seed: 2 });
  dead = lab.createNetwork();
  dead.delete();
  race = lab.createRace({ members: ['relu', 'tanh'], hidden: [3] });
  deadRace = lab.createRace({ members: ['relu'] });
  orphan = deadRace.member(0);
  deadRace.delete();
  net.train(1);
});

const points = (n) => new Float32Array(2 * n).fill(0.5);
const labels = (n) => new Int32Array(n);

// [what, call, message pattern]. Patterns name the field; most also name the value and the range
// (integer ranges read from the core's field table, so the limits live in one place).
const cases = (field) => {
  const range = (name) => `\\[${field[name].min}, ${field[name].max}\\]`;
  const items = (name) => `\\[${field[name].minItems}, ${field[name].maxItems}\\]`;
  const R = (text) => new RegExp(`^${text}`);
  return [
    // Config values: NaN, Infinity, negative and huge sizes, limits, wrong types.
    ['NaN learning rate', () => lab.createNetwork({ learningRate: NaN }), /^learningRate: nan is out of range \[[^\]]+\]/],
    ['Infinity noise', () => lab.createNetwork({ noise: Infinity }), /^noise: inf is out of range \[[^\]]+\]/],
    ['-Infinity l2', () => lab.createNetwork({ l2: -Infinity }), /^l2: -inf is out of range \[[^\]]+\]/],
    ['negative points', () => lab.createNetwork({ points: -5 }), R(`points: -5 is out of range ${range('points')}`)],
    ['huge points', () => lab.createNetwork({ points: 1e12 }), R(`points: (1e\\+12|1000000000000) is out of range ${range('points')}`)],
    ['fractional points', () => lab.createNetwork({ points: 100.5 }), /^points: 100\.5 is not a whole number/],
    ['too deep (one layer too many)', () => lab.createNetwork({ hidden: new Array(field.hidden.maxItems + 1).fill(4) }), R(`hidden: ${field.hidden.maxItems + 1} items is out of range ${items('hidden')}`)],
    ['huge depth (array length)', () => lab.createNetwork({ hidden: new Array(1e6).fill(4) }), R(`hidden: 1000000 items is out of range ${items('hidden')}`)],
    ['too wide', () => lab.createNetwork({ hidden: [8, field.hidden.max + 1] }), R(`hidden\\[1\\]: ${field.hidden.max + 1} is out of range ${range('hidden')}`)],
    ['zero width', () => lab.createNetwork({ hidden: [0] }), R(`hidden\\[0\\]: 0 is out of range ${range('hidden')}`)],
    ['batch size 0', () => lab.createNetwork({ batchSize: 0 }), R(`batchSize: 0 is out of range ${range('batchSize')}`)],
    ['negative seed', () => lab.createNetwork({ seed: -1 }), R(`seed: -1 is out of range ${range('seed')}`)],
    ['seed 2^32', () => lab.createNetwork({ seed: 2 ** 32 }), R(`seed: 4294967296 is out of range ${range('seed')}`)],
    ['string for a number', () => lab.createNetwork({ learningRate: 'fast' }), /^learningRate: expected a number in \[[^\]]+\], got 'fast'/],
    ['string for a boolean', () => lab.createNetwork({ nesterov: 'true' }), /^nesterov: expected true or false, got 'true'/],
    ['number for a name', () => lab.createNetwork({ activation: 3 }), /^activation: expected one of identity, .*relu.*, got 3/],
    ['object for a list', () => lab.createNetwork({ hidden: { 0: 4 } }), R(`hidden: expected an array of whole numbers in ${range('hidden')}, got an object`)],
    ['string inside a list', () => lab.createNetwork({ hidden: [4, '4'] }), /^hidden\[1\]: expected a whole number, got '4'/],
    ['unknown activation', () => lab.createNetwork({ activation: 'relu7' }), /^activation: 'relu7' is not one of identity, sigmoid, tanh, relu/],
    ['unknown dataset', () => lab.createNetwork({ dataset: 'mnist' }), /^dataset: 'mnist' is not one of circle, xor, gauss, spiral/],
    ['unknown feature', () => lab.createNetwork({ features: ['x', 'z'] }), /^features\[1\]: 'z' is not one of x, y, x_squared/],
    ['no features', () => lab.createNetwork({ features: [] }), R(`features: 0 items is out of range ${items('features')}`)],
    ['unknown optimizer', () => lab.createNetwork({ optimizer: 'rmsprop' }), /^optimizer: 'rmsprop' is not one of sgd, momentum, adam/],
    ['unknown init', () => lab.createNetwork({ init: 'zeros' }), /^init: 'zeros' is not one of playground/],
    ['unknown config key', () => lab.createNetwork({ lr: 0.1 }), /^unknown config key 'lr'; known keys are seed, dataset, .*learningRate/],
    ['snake_case config key', () => lab.createNetwork({ learning_rate: 0.1 }), /^unknown config key 'learning_rate'; known keys are .*learningRate/],
    ['two unknown keys', () => lab.createNetwork({ foo: 1, bar: 2 }), /^unknown config keys 'foo', 'bar'/],
    ['config not an object', () => lab.createNetwork('spiral'), /^config: expected a plain object, got 'spiral'/],
    ['config an array', () => lab.createNetwork([1, 2]), /^config: expected a plain object, got an array/],
    ['config a class instance', () => lab.createNetwork(new (class Config { hidden = [4]; })()), /^config: expected a plain object, got an object/],
    ['layerActivations length', () => lab.createNetwork({ hidden: [4, 4], layerActivations: ['relu'] }), /^layerActivations: 1 items, but hidden has 2 layers/],
    ['layerActivations unknown name', () => lab.createNetwork({ hidden: [4], layerActivations: ['nope'] }), /^layerActivations\[0\]: 'nope' is not one of/],
    ['classes for circle', () => lab.createNetwork({ dataset: 'circle', classes: 3 }), /^classes: 3 is out of range \[2, 2\] for dataset 'circle'/],
    ['test fraction too big', () => lab.createNetwork({ testFraction: 0.95 }), /^testFraction: 0\.95 is out of range \[0, 0\.9\]/],

    // train / member / grid arguments.
    ['steps NaN', () => net.train(NaN), /^steps: nan is out of range \[0, 1000000\]/],
    ['steps negative', () => net.train(-1), /^steps: -1 is out of range \[0, 1000000\]/],
    ['steps huge', () => net.train(1e12), /^steps: 1000000000000 is out of range \[0, 1000000\]/],
    ['steps fractional', () => net.train(2.5), /^steps: 2\.5 is not a whole number in \[0, 1000000\]/],
    ['steps a string', () => net.train('10'), /^steps: expected a whole number, got '10'/],
    ['steps missing', () => net.train(), /^steps: expected a whole number, got undefined/],
    ['grid width 0', () => net.predictGrid({ width: 0 }), /^width: 0 is out of range \[1, 1024\]/],
    ['grid huge height', () => net.predictGrid({ height: 1e9 }), /^height: 1000000000 is out of range \[1, 1024\]/],
    ['grid NaN xMin', () => net.predictGrid({ xMin: NaN }), /^xMin: nan is out of range \[-1000000, 1000000\]/],
    ['grid xMin above xMax', () => net.predictGrid({ xMin: 2, xMax: 1 }), /^xMax: 1 is out of range \[2, 1000000\] \(must be greater than the minimum\)/],
    ['grid unknown key', () => net.predictGrid({ size: 10 }), /^unknown grid key 'size'; known keys are xMin, xMax/],
    ['race member out of range', () => race.member(2), /^index: 2 is out of range \[0, 1\]/],
    ['race member -1', () => race.member(-1), /^index: -1 is out of range \[0, 1\]/],
    ['race with no members', () => lab.createRace({ members: [] }), /^members: 0 members is out of range \[1, 8\]/],
    ['race with 9 members', () => lab.createRace({ members: new Array(9).fill('relu') }), /^members: 9 members is out of range \[1, 8\]/],
    ['race without members', () => lab.createRace({ hidden: [4] }), /^members: expected an array of activation names/],
    ['race member unknown init', () => lab.createRace({ members: [{ activation: 'relu', init: 'zeros' }] }), /^members\[0\]\.init: 'zeros' is not one of/],
    ['race member unknown activation', () => lab.createRace({ members: ['relu', 'swoosh'] }), /^members\[1\]: 'swoosh' is not one of/],

    // Typed arrays: wrong type, wrong length, labels out of range, empty data.
    ['params as Float64Array', () => net.setParams(new Float64Array(net.paramCount)), /^params: expected a Float32Array, got a Float64Array/],
    ['params as a plain array', () => net.setParams(Array.from(net.getParams())), /^params: expected a Float32Array, got an array/],
    ['params too short', () => net.setParams(new Float32Array(3)), /^params: length 3, expected 42/],
    ['params with NaN', () => net.setParams(new Float32Array(net.paramCount).fill(NaN)), /^params\[0\]: nan is not finite/],
    ['labels as Uint32Array', () => net.lossAndGradient(points(2), new Uint32Array(2)), /^labels: expected an Int32Array, got a Uint32Array/],
    ['points as Float64Array', () => net.lossAndGradient(new Float64Array(4), labels(2)), /^points: expected a Float32Array, got a Float64Array/],
    ['points length', () => net.lossAndGradient(points(3), labels(2)), /^points: length 6, expected 4/],
    ['label out of range', () => net.lossAndGradient(points(2), new Int32Array([0, 2])), /^labels\[1\]: 2 is out of range \[0, 1\]/],
    ['negative label', () => net.lossAndGradient(points(2), new Int32Array([-1, 0])), /^labels\[0\]: -1 is out of range \[0, 1\]/],
    ['NaN coordinate', () => net.lossAndGradient(new Float32Array([0, NaN]), labels(1)), /^points\[1\]: nan is out of range \[-1000000, 1000000\]/],
    ['empty lossAndGradient', () => net.lossAndGradient(points(0), labels(0)), /^labels: 0 points is out of range \[1, 20000\]/],
    ['empty custom data', () => lab.createNetwork({}, { points: points(0), labels: labels(0), classes: 2 }), /^labels: 0 points is out of range \[1, 20000\]/],
    ['custom labels out of range', () => lab.createNetwork({}, { points: points(2), labels: new Int32Array([0, 5]), classes: 2 }), /^labels\[1\]: 5 is out of range \[0, 1\]/],
    ['custom data 9 classes', () => lab.createNetwork({}, { points: points(2), labels: labels(2), classes: 9 }), /^classes: 9 is out of range \[2, 8\]/],
    ['custom data unknown key', () => lab.createNetwork({}, { xy: points(2), labels: labels(2), classes: 2 }), /^unknown data key 'xy'; known keys are points, labels, classes, testFraction/],
    ['custom points as array', () => lab.createNetwork({}, { points: [0, 0], labels: labels(1), classes: 2 }), /^points: expected a Float32Array, got an array/],

    // Activation cost benchmark options.
    ['cost elements huge', () => lab.activationCosts({ elements: 1e9 }), /^elements: 1000000000 is out of range \[1024, 4194304\]/],
    ['cost repeats 0', () => lab.activationCosts({ repeats: 0 }), /^repeats: 0 is out of range \[1, \d+\]/],
    ['cost window too short', () => lab.activationCosts({ windowMs: 0.01 }), /^windowMs: 0\.01 is out of range \[0\.1, 1000\]/],
    ['cost unknown key', () => lab.activationCosts({ window_ms: 1 }), /^unknown options key 'window_ms'; known keys are elements, repeats, windowMs/],

    // Calls on deleted objects.
    ['train a deleted network', () => dead.train(1), /^Network\.train: this network can no longer be used: it was deleted/],
    ['getParams of a deleted network', () => dead.getParams(), /^Network\.getParams: .*deleted/],
    ['paramCount of a deleted network', () => dead.paramCount, /^Network\.paramCount: .*deleted/],
    ['delete twice', () => dead.delete(), /^Network\.delete: .*deleted/],
    ['train a deleted race', () => deadRace.train(1), /^Race\.train: this race was deleted/],
    ['member of a deleted race', () => orphan.evaluate(), /^Network\.evaluate: .*its race was deleted/],
    ['delete a borrowed member', () => race.member(0).delete(), /^Network\.delete: this network belongs to a race; delete the race instead/],
  ];
};

// A good call after each bad one: the module is still usable and computes the same as before.
function goodCall() {
  const losses = net.train(1);
  assert.equal(losses.length, 1);
  assert.ok(Number.isFinite(losses[0]));
}

test('the table has at least 30 invalid calls', (t) => {
  assert.ok(CASES.length >= 30, `${CASES.length}`);
  t.diagnostic(`${CASES.length} invalid calls`);
  assert.equal(net.paramCount, 42);  // 2x4+4, 4x4+4, 4x2+2: the 'params too short' message
});

// The field an error must carry: the name the message starts with ("hidden[1]: ..." -> 'hidden',
// "members[0].init: ..." -> 'members'), the first unknown key of "unknown config key 'lr'", and
// none for calls on deleted objects ("Network.train: ..."), which are about no argument.
function expectedField(message) {
  const unknown = /^unknown \S+ keys? '([^']*)'/.exec(message);
  if (unknown) return unknown[1];
  if (/^(Network|Race)\./.test(message)) return undefined;
  return /^([A-Za-z][A-Za-z0-9]*)[[.:]/.exec(message)?.[1];
}

test('each invalid call throws an Error naming the field in .field, and the next good call works', async (t) => {
  for (const [what, call, pattern] of CASES) {
    await t.test(what, () => {
      assert.throws(call, (e) => {
        assert.ok(e instanceof Error, `an Error, not ${typeof e} ${String(e)}`);
        assert.match(e.message, pattern);
        assert.equal(e.field, expectedField(e.message), 'error.field');
        return true;
      });
      goodCall();
    });
  }
});

// After one pass (which also initialises the core's lazily built tables, such as the list of
// activation names some messages quote), a second pass must not change the memory figures.
test('the invalid calls leak no wasm memory, no Embind handles and no wasm stack', () => {
  const baseline = lab.memoryStats();
  for (const [, call] of CASES) assert.throws(call);
  goodCall();
  assert.deepEqual(lab.memoryStats(), baseline);
});

test('a getter that throws inside a config leaks nothing', () => {
  const baseline = lab.memoryStats();
  const config = { hidden: [4], get learningRate() { throw new Error('from a getter'); } };
  assert.throws(() => lab.createNetwork(config), /from a getter/);
  assert.deepEqual(lab.memoryStats(), baseline);
});

test('keys whose value is undefined take their defaults', () => {
  const n = lab.createNetwork({ learningRate: undefined, hidden: [3] });
  assert.equal(n.config().learningRate, lab.defaultConfig().learningRate);
  n.delete();
});
