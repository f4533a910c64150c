// The guards around every call into the raw Embind module, shared by the Lab, its networks and its
// races (actlab.js, network.js, race.js): the lock that makes an object busy while one of its calls
// runs, and the reading of the raw module's errors, which it returns as data, into Errors.
import { inputError } from './read-once.js';

/** The result of a raw call, or the Error it reported (raw calls signal failure with undefined or null). */
export function checked(raw, result) {
  if (result !== undefined && result !== null) return result;
  const error = raw.takeError();
  if (error === null) return result;
  throw inputError(error.field, error.message, error);
}

// One per standalone network, one per race (shared by its members): the call running on it.
export class CallLock {
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
