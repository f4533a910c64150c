// A network of the JS API (actlab.d.ts): a standalone one, which its caller deletes, or a member
// a Race lends (race.js), which dies with its race. Every method runs its call in the three steps
// of actlab.js (snapshot, liveness, the raw call) under the lock it was given: its own when
// standalone, its race's when lent.
import { checked } from './raw-call.js';
import { numbersSnapshot } from './snapshot.js';
import { copyInto, describe, float32Copy, inputError, number, typedCopy } from './read-once.js';

/** The method a Race calls on its members when it is deleted (no one else calls it). */
export const release = Symbol('release');

const GRID_KEYS = ['xMin', 'xMax', 'yMin', 'yMax', 'width', 'height'];
/** The options train() takes, on a network or a race. */
export const TRAIN_KEYS = ['deadlineMs'];

export class Network {
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
