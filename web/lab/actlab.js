// Activation Lab's JavaScript API (documented in actlab.d.ts): a thin layer over the raw Embind
// module built from core/wasm/bindings.cpp.
//
//   import { loadLab } from './lab/actlab.js';
//   const lab = await loadLab();
//   const net = lab.createNetwork({ activation: 'tanh', hidden: [16, 16] });
//   const losses = net.train(100);   // Float32Array, one loss per step
//   net.delete();
//
// Every call runs in three steps: (1) its arguments are type-checked and read once into a
// snapshot (snapshot.js, read-once.js: getters, Proxy traps and typed-array subclasses run there only);
// (2) the object is checked to be alive; (3) the raw module is called with the snapshot. The raw
// module returns errors as data (undefined or null, then takeError() gives {field, argument,
// message, kind, params}), which become Errors with error.field, error.kind and error.params set. While a call runs its object is busy: a
// getter that calls back into the same network or race (train, delete...) gets a clear Error.
import createActlabModule from '../build/actlab.mjs';
import { compileWasmAt } from './compile-wasm.js';
import { configSnapshot, costOptionsSnapshot, curveOptionsSnapshot, dataSnapshot, membersSnapshot, numbersSnapshot } from './snapshot.js';
import { copyInto, describe, float32Copy, inputError, number, typedCopy } from './read-once.js';

const release = Symbol('release');
const WASM_URL = new URL('../build/actlab.wasm', import.meta.url);
let labPromise = null;

/** Compiles web/build/actlab.wasm (or the .wasm at `url`): compile-wasm.js. */
export function compileLabWasm(url = WASM_URL) {
  return compileWasmAt(url);
}

/**
 * Loads the module once; later calls return the same Lab. `wasm` may be a compiled
 * WebAssembly.Module (several workers can share one compile) or the URL of actlab.wasm.
 */
export function loadLab({ wasm = WASM_URL } = {}) {
  if (labPromise === null) {
    labPromise = instantiate(wasm instanceof WebAssembly.Module ? Promise.resolve(wasm) : compileLabWasm(wasm))
      .then((raw) => new Lab(raw));
    labPromise.catch(() => { labPromise = null; });  // a failed load may be retried
  }
  return labPromise;
}

// The glue asks Module.instantiateWasm for the instance instead of fetching the .wasm itself; the
// glue's own promise would never settle on a failed compile, so failures are raced in here.
function instantiate(compiled) {
  return new Promise((resolve, reject) => {
    compiled.catch(reject);
    createActlabModule({
      instantiateWasm(imports, receiveInstance) {
        compiled.then((module) => WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module)))
          .catch(reject);
        return {};  // asynchronous: the exports arrive through receiveInstance
      },
    }).then(resolve, reject);
  });
}

/** The result of a raw call, or the Error it reported (raw calls signal failure with undefined or null). */
function checked(raw, result) {
  if (result !== undefined && result !== null) return result;
  const error = raw.takeError();
  if (error === null) return result;
  throw inputError(error.field, error.message, error);
}

const GRID_KEYS = ['xMin', 'xMax', 'yMin', 'yMax', 'width', 'height'];
const TRAIN_KEYS = ['deadlineMs'];

// One per standalone network, one per race (shared by its members): the call running on it.
class CallLock {
  #running = null;

  enter(name) {
    if (this.#running !== null) {
      throw inputError('', `${name}: called while ${this.#running} is running`,
        { kind: 'busy', params: { method: name, running: this.#running } });
    }
    this.#running = name;
  }

  leave() { this.#running = null; }
}

class Lab {
  #raw;
  #fields;  // JS key -> configFields() row

  constructor(raw) {
    this.#raw = raw;
    this.#fields = new Map(checked(raw, raw.configFields()).map((field) => [field.name, field]));
  }

  activations() { return checked(this.#raw, this.#raw.activations()); }
  datasets() { return checked(this.#raw, this.#raw.datasets()); }
  initialisers() { return checked(this.#raw, this.#raw.initialisers()); }
  configFields() { return checked(this.#raw, this.#raw.configFields()); }
  /** The core's table of error kinds: [{name: 'out_of_range', params: ['value', 'min', 'max']}, ...]. */
  errorKinds() { return checked(this.#raw, this.#raw.errorKinds()); }
  defaultConfig() { return checked(this.#raw, this.#raw.defaultConfig()); }
  constants() { return checked(this.#raw, this.#raw.constants()); }

  createNetwork(config = undefined, data = undefined) {
    const { snapshot } = configSnapshot(config, this.#fields);
    const dataCopy = dataSnapshot(data);
    return new Network(this.#raw, checked(this.#raw, this.#raw.createNetwork(snapshot, dataCopy)), null, new CallLock());
  }

  createRace(config, data = undefined) {
    const { snapshot, extras } = configSnapshot(config, this.#fields, ['members']);
    const members = membersSnapshot(extras.members);
    const dataCopy = dataSnapshot(data);
    return new Race(this.#raw, checked(this.#raw, this.#raw.createRace(snapshot, members, dataCopy)));
  }

  /** Options {elements, repeats, windowMs, activations, deadlineMs}: see actlab.d.ts. */
  activationCosts(options = undefined) {
    return checked(this.#raw, this.#raw.activationCosts(costOptionsSnapshot(options)));
  }

  /** f and f' of activations over evenly spaced x, from the training kernels: [{name, label, maxDerivative, x, f, df}]. */
  activationCurves(options = undefined) {
    return checked(this.#raw, this.#raw.activationCurves(curveOptionsSnapshot(options)));
  }

  heapBytesInUse() { return this.#raw.heapBytesInUse(); }

  /** The module's f32x4 multiply-add peak over about `ms` milliseconds, in GFLOP/s (scripts/bench.mjs). */
  peakFlops(ms = 100) { return checked(this.#raw, this.#raw.peakFlops(number(ms, 'ms'))); }

  memoryStats() {
    return {
      heapBytesInUse: this.#raw.heapBytesInUse(),
      heapSize: this.#raw.heapSize(),
      emvalHandles: this.#raw.count_emval_handles(),
      stackPointer: this.#raw.stackSave(),
    };
  }
}

class Network {
  #module;
  #raw;
  #race;  // the owning Race for a borrowed member, else null
  #lock;
  #paramCount;
  #classes;

  constructor(module, raw, race, lock) {
    this.#module = module;
    this.#raw = raw;
    this.#race = race;
    this.#lock = lock;
    this.#paramCount = raw.paramCount();
    this.#classes = raw.classes();
  }

  #live(method) {
    if (this.#raw === null) {
      const whose = this.#race ? 'its race was deleted' : 'it was deleted';
      throw inputError('', `Network.${method}: this network can no longer be used: ${whose}`,
        { kind: 'deleted', params: { method: `Network.${method}` } });
    }
    return this.#raw;
  }

  // The three steps of every call: snapshot (user code may run), liveness, the raw call.
  #call(method, snapshot, run) {
    this.#lock.enter(`Network.${method}`);
    try {
      const args = snapshot();
      const raw = this.#live(method);
      return checked(this.#module, run(raw, args));
    } finally {
      this.#lock.leave();
    }
  }

  get paramCount() { this.#live('paramCount'); return this.#paramCount; }
  get classes() { this.#live('classes'); return this.#classes; }
  steps() { return this.#call('steps', () => null, (raw) => raw.steps()); }
  diverged() { return this.#call('diverged', () => null, (raw) => raw.diverged()); }
  divergedAt() {
    this.#lock.enter('Network.divergedAt');
    try { return this.#live('divergedAt').divergedAt(); } finally { this.#lock.leave(); }  // null is a value here
  }
  /** Up to `steps` steps; with {deadlineMs}, stops early (after at least one) once it passes. */
  train(steps, options = undefined) {
    return this.#call('train', () => [number(steps, 'steps', 'a whole number'), numbersSnapshot(options, 'options', TRAIN_KEYS)],
      (raw, [s, o]) => raw.train(s, o));
  }
  evaluate() { return this.#call('evaluate', () => null, (raw) => raw.evaluate()); }
  /**
   * The grid's probabilities, copied out of the module's memory: into `into` when given (a
   * Float32Array of exactly classes x width x height, reused across calls: no allocation per
   * grid), else into a fresh Float32Array.
   */
  predictGrid(grid = undefined, into = undefined) {
    const view = this.#call('predictGrid', () => numbersSnapshot(grid, 'grid', GRID_KEYS), (raw, g) => raw.predictGrid(g));
    return into === undefined ? float32Copy(view) : copyInto(into, view, 'into');
  }
  diagnostics() { return this.#call('diagnostics', () => null, (raw) => raw.diagnostics()); }
  getParams() { return this.#call('getParams', () => null, (raw) => raw.getParams()); }
  setParams(params) {
    this.#call('setParams', () => typedCopy(params, Float32Array, 'params'), (raw, p) => raw.setParams(p));
  }
  lossAndGradient(points, labels) {
    return this.#call('lossAndGradient',
      () => [typedCopy(points, Float32Array, 'points'), typedCopy(labels, Int32Array, 'labels')],
      (raw, [p, l]) => raw.lossAndGradient(p, l));
  }
  data() { return this.#call('data', () => null, (raw) => raw.data()); }
  config() { return this.#call('config', () => null, (raw) => raw.config()); }
  unitMaps(grid = undefined) {
    return this.#call('unitMaps', () => numbersSnapshot(grid, 'grid', GRID_KEYS), (raw, g) => raw.unitMaps(g));
  }
  evaluatePart(testSet, begin, count) {
    return this.#call('evaluatePart', () => {
      if (typeof testSet !== 'boolean') {
        const got = describe(testSet);
        throw inputError('testSet', `testSet: expected true or false, got ${got}`,
          { kind: 'wrong_type', params: { expected: 'true or false', got } });
      }
      return [testSet, number(begin, 'begin', 'a whole number'), number(count, 'count', 'a whole number')];
    }, (raw, [t, b, c]) => raw.evaluatePart(t, b, c));
  }

  delete() {
    if (this.#race !== null) {
      throw inputError('', 'Network.delete: this network belongs to a race; delete the race instead',
        { kind: 'borrowed', params: { method: 'Network.delete' } });
    }
    this.#lock.enter('Network.delete');
    try {
      this.#live('delete').delete();
      this.#raw = null;
    } finally {
      this.#lock.leave();
    }
  }

  // Called by the owning Race when it is deleted.
  [release]() {
    if (this.#raw !== null) this.#raw.delete();
    this.#raw = null;
  }
}

class Race {
  #module;
  #raw;
  #lock = new CallLock();  // shared with its members: the race and its networks are one object
  #members = new Map();    // index -> borrowed Network, one wrapper per member
  #size;

  constructor(module, raw) {
    this.#module = module;
    this.#raw = raw;
    this.#size = raw.size();
  }

  #live(method) {
    if (this.#raw === null) {
      throw inputError('', `Race.${method}: this race was deleted`, { kind: 'deleted', params: { method: `Race.${method}` } });
    }
    return this.#raw;
  }

  #call(method, snapshot, run) {
    this.#lock.enter(`Race.${method}`);
    try {
      const args = snapshot();
      return run(this.#live(method), args);
    } finally {
      this.#lock.leave();
    }
  }

  get size() { this.#live('size'); return this.#size; }

  member(index) {
    return this.#call('member', () => number(index, 'index', 'a whole number'), (raw, i) => {
      let network = this.#members.get(i);
      if (network === undefined) {
        network = new Network(this.#module, checked(this.#module, raw.member(i)), this, this.#lock);
        this.#members.set(i, network);
      }
      return network;
    });
  }

  /** Steps every member; with {deadlineMs}, in step together and stops early (after one round) once it passes. */
  train(steps, options = undefined) {
    return this.#call('train', () => [number(steps, 'steps', 'a whole number'), numbersSnapshot(options, 'options', TRAIN_KEYS)],
      (raw, [s, o]) => checked(this.#module, raw.train(s, o)));
  }
  addPoint(x, y, label) {
    this.#call('addPoint', () => [number(x, 'x'), number(y, 'y'), number(label, 'label', 'a whole number')],
      (raw, [px, py, l]) => checked(this.#module, raw.addPoint(px, py, l)));
  }
  removeAddedPoint() { return this.#call('removeAddedPoint', () => null, (raw) => raw.removeAddedPoint()); }
  addedPoints() { return this.#call('addedPoints', () => null, (raw) => raw.addedPoints()); }

  delete() {
    this.#call('delete', () => null, (raw) => {
      for (const network of this.#members.values()) network[release]();
      this.#members.clear();
      raw.delete();
      this.#raw = null;
    });
  }
}
