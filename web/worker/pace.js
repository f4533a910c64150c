// What the reader sees of the speed: how many steps each network advanced per second of wall time,
// over the last WINDOW_MS. This is slower than the training speed (capacity) whenever the
// worker also draws grids, evaluates, or waits for the next tick; the page shows both.
const WINDOW_MS = 2000;
const MIN_SPAN_MS = 400;  // shorter spans are mostly noise

export class PaceMeter {
  constructor() {
    this.reset(0);
  }

  reset(members) {
    this.members = members;
    this.samples = [];  // {t, steps: number[]}, oldest first
  }

  /** Records every member's step count at time t (ms). */
  sample(steps, t) {
    this.samples.push({ t, steps: steps.slice() });
    while (this.samples.length > 2 && t - this.samples[1].t >= WINDOW_MS) this.samples.shift();
  }

  /** Steps per second per member over the window; NaN until the window spans MIN_SPAN_MS. */
  rates() {
    const first = this.samples[0], last = this.samples[this.samples.length - 1];
    const out = new Array(this.members).fill(NaN);
    if (!first || last.t - first.t < MIN_SPAN_MS) return out;
    const seconds = (last.t - first.t) / 1000;
    for (let i = 0; i < this.members; i++) out[i] = (last.steps[i] - first.steps[i]) / seconds;
    return out;
  }
}
