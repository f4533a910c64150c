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
  snapshot() {
    return this.values.slice(0, this.length);
  }
}
