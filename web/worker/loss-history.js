// A whole run's loss curve in bounded memory: at most `capacity` values, each the mean of `stride`
// consecutive batch losses. When full, neighbours are averaged in pairs and the stride doubles,
// so a sparkline always spans step 1 to now, however long the run.
export class LossHistory {
  constructor(capacity = 256) {
    this.capacity = capacity;
    this.values = new Float32Array(capacity);
    this.length = 0;
    this.stride = 1;
    this.pendingSum = 0;
    this.pendingCount = 0;
  }

  /** Appends the batch losses of one train() call. */
  push(losses) {
    for (let i = 0; i < losses.length; i++) {
      this.pendingSum += losses[i];
      if (++this.pendingCount < this.stride) continue;
      if (this.length === this.capacity) this.halve();
      this.values[this.length++] = this.pendingSum / this.pendingCount;
      this.pendingSum = 0;
      this.pendingCount = 0;
    }
  }

  halve() {
    const half = this.length >> 1;
    for (let i = 0; i < half; i++) this.values[i] = (this.values[2 * i] + this.values[2 * i + 1]) / 2;
    this.length = half;
    this.stride *= 2;
  }

  /** A copy, safe to transfer. */
  copyForTransfer() {
    return this.values.slice(0, this.length);
  }
}

/**
 * The evaluated metrics over the run, for the loss chart: one sample (step, train and test loss,
 * train and test accuracy) each time the worker evaluates a network. Bounded like LossHistory:
 * when full, every other sample goes (the first and the newest stay), so a long run keeps an
 * even spread of samples from step 0 to now.
 */
export class MetricsHistory {
  static FIELDS = 5;  // step, trainLoss, testLoss, trainAccuracy, testAccuracy

  constructor(capacity = 240) {
    this.capacity = capacity;
    this.values = new Float64Array(capacity * MetricsHistory.FIELDS);
    this.length = 0;
  }

  /** Records metrics at a step; a second sample at the same step replaces the first. */
  push(step, metrics) {
    const F = MetricsHistory.FIELDS;
    if (this.length > 0 && this.values[(this.length - 1) * F] === step) this.length -= 1;
    if (this.length === this.capacity) this.thin();
    const o = this.length * F;
    this.values[o] = step;
    this.values[o + 1] = metrics.trainLoss;
    this.values[o + 2] = metrics.testLoss;
    this.values[o + 3] = metrics.trainAccuracy;
    this.values[o + 4] = metrics.testAccuracy;
    this.length += 1;
  }

  thin() {
    const F = MetricsHistory.FIELDS;
    let kept = 0;
    for (let i = 0; i < this.length; i += 2, kept++) this.values.copyWithin(kept * F, i * F, i * F + F);
    this.length = kept;
  }

  /** {step, trainLoss, testLoss, trainAccuracy, testAccuracy}: Float64Arrays, copies safe to transfer. */
  copyForTransfer() {
    const F = MetricsHistory.FIELDS;
    const n = this.length;
    const out = { step: new Float64Array(n), trainLoss: new Float64Array(n), testLoss: new Float64Array(n),
      trainAccuracy: new Float64Array(n), testAccuracy: new Float64Array(n) };
    const keys = ['step', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'];
    for (let i = 0; i < n; i++) for (let k = 0; k < F; k++) out[keys[k]][i] = this.values[i * F + k];
    return out;
  }
}
