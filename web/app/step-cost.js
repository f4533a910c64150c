// The whole training step's cost as a multiple of ReLU's, from the race's steps/s: each racer's
// rate over the last readings (one per DIAGNOSTICS, about 4 a second), median, so that one slow
// second (another program on the machine) does not swing the verdict or the cost card.
import { verdictStepCost } from '../views/verdict.js';

const READINGS = 20;

export class StepCostMeter {
  constructor() {
    this.rates = new Map();  // name -> recent steps/s
  }

  /** A new run: its rates start afresh. */
  reset() {
    this.rates.clear();
  }

  /** Adds a frame's rates; returns {name: median time per step / ReLU's} (empty until ReLU races). */
  add(frame) {
    for (const m of frame.members) {
      if (!(m.stepsPerSecond > 0)) continue;
      const list = this.rates.get(m.name) ?? [];
      list.push(m.stepsPerSecond);
      if (list.length > READINGS) list.shift();
      this.rates.set(m.name, list);
    }
    return verdictStepCost(Object.fromEntries([...this.rates].map(([name, list]) => [name, median(list)])));
  }
}

function median(values) {
  const s = values.slice().sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
