// A race of the JS API (actlab.d.ts): networks that share data, weights and batches and differ in
// activation, trained in step. The race owns its members: race.member(i) lends a Network
// (network.js) that shares the race's lock and dies with it.
import { checked, CallLock } from './raw-call.js';
import { numbersSnapshot } from './snapshot.js';
import { number, inputError } from './read-once.js';
import { Network, release, TRAIN_KEYS } from './network.js';

export class Race {
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
