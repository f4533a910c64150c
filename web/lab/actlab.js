// Activation Lab's JavaScript API (documented in actlab.d.ts): a thin, idiomatic layer over the
// raw Embind module built from core/wasm/bindings.cpp.
//
//   import { loadLab } from './lab/actlab.js';
//   const lab = await loadLab();
//   const net = lab.createNetwork({ activation: 'tanh', hidden: [16, 16] });
//   const losses = net.train(100);   // Float32Array, one loss per step
//   net.delete();
//
// What this layer adds to the raw module: objects that know when they were deleted (a call on a
// deleted network throws a clear Error instead of reaching freed memory), race members that are
// borrowed (the race deletes them), and config objects copied in JS before they cross (so a
// getter that throws does so here, not halfway through C++). Everything else (validation,
// defaults, names) is the core's, through the raw module.
import createActlabModule from '../build/actlab.mjs';

const release = Symbol('release');
let labPromise = null;

/** Loads the WebAssembly module once; later calls return the same Lab. */
export function loadLab() {
  if (labPromise === null) {
    labPromise = createActlabModule().then((raw) => new Lab(raw));
    labPromise.catch(() => { labPromise = null; });  // a failed load may be retried
  }
  return labPromise;
}

// A shallow copy of a plain object (own enumerable keys, as the raw module reads them), so that
// getters run here; anything else passes through for the raw module to reject with a message.
function plain(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value)) return value;
  return { ...value };
}

class Lab {
  #raw;

  constructor(raw) {
    this.#raw = raw;
  }

  activations() { return this.#raw.activations(); }
  datasets() { return this.#raw.datasets(); }
  initialisers() { return this.#raw.initialisers(); }
  configFields() { return this.#raw.configFields(); }
  defaultConfig() { return this.#raw.defaultConfig(); }

  createNetwork(config = undefined, data = undefined) {
    return new Network(this.#raw.createNetwork(plain(config), plain(data)), null);
  }

  createRace(config, data = undefined) {
    return new Race(this.#raw.createRace(plain(config), plain(data)));
  }

  activationCosts(options = undefined) { return this.#raw.activationCosts(plain(options)); }
  heapBytesInUse() { return this.#raw.heapBytesInUse(); }

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
  #raw;
  #race;  // the owning Race for a borrowed member, else null
  #paramCount;
  #classes;

  constructor(raw, race) {
    this.#raw = raw;
    this.#race = race;
    this.#paramCount = raw.paramCount();
    this.#classes = raw.classes();
  }

  #live(method) {
    if (this.#raw === null) {
      const whose = this.#race ? 'its race was deleted' : 'it was deleted';
      throw new Error(`Network.${method}: this network can no longer be used: ${whose}`);
    }
    return this.#raw;
  }

  get paramCount() { this.#live('paramCount'); return this.#paramCount; }
  get classes() { this.#live('classes'); return this.#classes; }
  steps() { return this.#live('steps').steps(); }
  diverged() { return this.#live('diverged').diverged(); }
  divergedAt() { return this.#live('divergedAt').divergedAt(); }
  train(steps) { return this.#live('train').train(steps); }
  evaluate() { return this.#live('evaluate').evaluate(); }
  predictGrid(grid = undefined) { return this.#live('predictGrid').predictGrid(plain(grid)); }
  diagnostics() { return this.#live('diagnostics').diagnostics(); }
  getParams() { return this.#live('getParams').getParams(); }
  setParams(params) { this.#live('setParams').setParams(params); }
  lossAndGradient(points, labels) { return this.#live('lossAndGradient').lossAndGradient(points, labels); }
  data() { return this.#live('data').data(); }
  config() { return this.#live('config').config(); }
  unitMaps(grid) { return this.#live('unitMaps').unitMaps(plain(grid)); }
  evaluatePart(testSet, begin, count) { return this.#live('evaluatePart').evaluatePart(testSet, begin, count); }

  delete() {
    if (this.#race !== null) {
      throw new Error('Network.delete: this network belongs to a race; delete the race instead');
    }
    this.#live('delete').delete();
    this.#raw = null;
  }

  // Called by the owning Race when it is deleted.
  [release]() {
    if (this.#raw !== null) this.#raw.delete();
    this.#raw = null;
  }
}

class Race {
  #raw;
  #members = new Map();  // index -> borrowed Network, one wrapper per member
  #size;

  constructor(raw) {
    this.#raw = raw;
    this.#size = raw.size();
  }

  #live(method) {
    if (this.#raw === null) throw new Error(`Race.${method}: this race was deleted`);
    return this.#raw;
  }

  get size() { this.#live('size'); return this.#size; }

  member(index) {
    const raw = this.#live('member');
    let network = this.#members.get(index);
    if (network === undefined) {
      network = new Network(raw.member(index), this);  // the raw call validates index
      this.#members.set(index, network);
    }
    return network;
  }

  train(steps) { return this.#live('train').train(steps); }
  addPoint(x, y, label) { this.#live('addPoint').addPoint(x, y, label); }
  removeAddedPoint() { return this.#live('removeAddedPoint').removeAddedPoint(); }
  addedPoints() { return this.#live('addedPoints').addedPoints(); }

  delete() {
    const raw = this.#live('delete');
    for (const network of this.#members.values()) network[release]();
    this.#members.clear();
    raw.delete();
    this.#raw = null;
  }
}
