// Training speed of one network in steps per second: training time only, summed over windows of
// about WINDOW_MS; reported as the steps over the time of the last WINDOWS windows, leaving out
// windows whose rate is off the median by more than 2x (a network trains only ~15 ms a second at
// the default pace, so one preemption by another process or a GC pause would halve a single
// window). Each training call takes ~20 us: a cross-origin isolated page times it to 5 us, any
// other to 0.1 ms, and then only the sum over many calls is precise (rounding is unbiased), which
// is why the windows are many.
const WINDOW_MS = 1000;
const WINDOWS = 8;

export class SpeedMeter {
  constructor(now = performance.now()) {
    this.steps = 0;         // in the current window
    this.ms = 0;
    this.since = now;       // when the current window began
    this.windows = [];      // the last WINDOWS: {steps, ms, rate}
    this.perSecond = NaN;   // NaN: not measured yet
  }

  /** Adds one timed training call of `steps` steps that took `ms` milliseconds. */
  add(steps, ms, now = performance.now()) {
    this.steps += steps;
    this.ms += ms;
    if (now - this.since < WINDOW_MS || this.ms <= 0) return;
    this.windows.push({ steps: this.steps, ms: this.ms, rate: (1000 * this.steps) / this.ms });
    if (this.windows.length > WINDOWS) this.windows.shift();
    const rates = this.windows.map((w) => w.rate).sort((a, b) => a - b);
    const median = rates[rates.length >> 1];
    const kept = this.windows.filter((w) => w.rate >= median / 2 && w.rate <= median * 2);
    this.perSecond = (1000 * kept.reduce((a, w) => a + w.steps, 0)) / kept.reduce((a, w) => a + w.ms, 0);
    this.steps = 0;
    this.ms = 0;
    this.since = now;
  }
}
