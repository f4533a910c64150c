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
// snapshot (snapshot.js, from read-once.js's readers: getters, Proxy traps and typed-array
// subclasses run there and only there); (2) the object is checked to be alive; (3) the raw module
// is called with the snapshot. The raw module returns errors as data (undefined or null, then
// takeError() gives {field, argument, message, kind, params}), which become Errors with
// error.field, error.kind and error.params set (raw-call.js). While a call runs its object is busy:
// a getter that calls back into the same network or race (train, delete...) gets a clear Error.
//
// This file loads the module and holds the Lab (tables, constants, factories, measurements); the
// objects it makes are network.js's Network and race.js's Race.
import createActlabModule from '../build/actlab.mjs';
import { compileWasmAt } from './compile-wasm.js';
import { configSnapshot, costOptionsSnapshot, curveOptionsSnapshot, dataSnapshot, membersSnapshot } from './snapshot.js';
import { number } from './read-once.js';
import { checked, CallLock } from './raw-call.js';
import { Network } from './network.js';
import { Race } from './race.js';

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
