// The steps each network of a run still owes: the slicing loop's (training-loop.js) own
// bookkeeping, by member index, so the loop never writes onto the run's member objects. A tick
// grants every live network `stepsPerFrame`; a Step adds them; a pause or a new run clears them.
export class StepLedger {
  constructor() {
    this.owed = [];
    this.ticks = 0;  // ticks granted so far: rotates who trains first (next())
  }

  /** A new run of `count` networks (0 without a run): nothing owed. */
  reset(count) {
    this.owed = new Array(count).fill(0);
  }

  clear() { this.owed.fill(0); }

  /** One tick: every network `canStep` says may train owes `steps`. */
  grant(steps, canStep) {
    this.ticks += 1;
    this.owed.forEach((_, i) => { if (canStep(i)) this.owed[i] = steps; });
  }

  /** Step: `steps` more for every network. */
  add(steps) { this.owed = this.owed.map((owed) => owed + steps); }

  /** A smaller setting applies now: nobody keeps owing the steps of the old one. */
  cap(steps) { this.owed = this.owed.map((owed) => Math.min(owed, steps)); }

  owes(i) { return this.owed[i] > 0; }

  any(canStep) { return this.owed.some((owed, i) => owed > 0 && canStep(i)); }

  /**
   * The index of the network to train next: of those that owe steps and can step, the one with
   * the fewest steps (stepsOf(i)), or -1. Ties (every member equally far, as at the start of each
   * tick) go to a member that rotates tick by tick: the first call after the worker slept pays for
   * waking up, and always charging it to the first card made that card's steps/s read lowest.
   */
  next(canStep, stepsOf) {
    const n = this.owed.length;
    let best = -1;
    for (let k = 0; k < n; k++) {
      const i = (k + this.ticks) % n;
      if (!this.owes(i) || !canStep(i)) continue;
      if (best < 0 || stepsOf(i) < stepsOf(best)) best = i;
    }
    return best;
  }

  /** Network i asked for `asked` steps and took `taken` (fewer: it diverged or failed). */
  took(i, asked, taken) {
    this.owed[i] = taken < asked ? 0 : this.owed[i] - asked;
  }
}
