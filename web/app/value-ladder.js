// The values a spin button or slider steps through, per setting: sensible steps instead of the
// native number field's step of 1 (which turned a learning rate of 0.03 into 1.03).
//   log:    1, 2, 5 per decade from the smallest positive value to max (0 first when allowed):
//           learning rate, L1/L2, epsilon, clip norm;
//   decays: 0, 0.5, 0.9, 0.95, 0.99, 0.995, 0.999...: momentum and Adam's betas;
//   linear: 0.05 apart: noise, test fraction and any other share.
const LOG_KEYS = new Set(['learningRate', 'l1', 'l2', 'epsilon', 'clipNorm']);
const DECAY_KEYS = new Set(['momentum', 'beta1', 'beta2']);
const tidy = (v) => Number(v.toPrecision(6));

/** {values: sorted numbers in [row.min, row.max], log: boolean} */
export function ladderOf(row) {
  const { min, max } = row;
  const values = [];
  if (LOG_KEYS.has(row.key)) {
    if (min <= 0) values.push(0);
    const lowest = min > 0 ? min : Math.min(1e-6, max);
    for (let e = Math.floor(Math.log10(lowest)); e <= Math.ceil(Math.log10(max)); e++) {
      for (const m of [1, 2, 5]) {
        const v = tidy(m * 10 ** e);
        if (v >= lowest && v <= max) values.push(v);
      }
    }
    return { values: unique(values), log: true };
  }
  if (DECAY_KEYS.has(row.key)) {
    values.push(0, 0.5);
    for (let e = 1; e <= 6; e++) for (const m of [1, 0.5]) values.push(tidy(1 - m * 10 ** -e));
    return { values: unique(values.filter((v) => v >= min && v <= max)), log: false };
  }
  const step = max - min <= 1 ? 0.05 : tidy(10 ** Math.floor(Math.log10((max - min) / 10)));
  for (let v = min; v <= max + 1e-9; v += step) values.push(tidy(v));
  return { values: unique(values), log: false };
}

function unique(values) {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** The `steps`-th ladder value above (steps > 0) or below (steps < 0) `value`, clamped to the ends. */
export function neighbour(values, value, steps) {
  if (steps > 0) {
    let i = values.findIndex((v) => v > value * (1 + 1e-9) && v > value);
    if (i < 0) return values[values.length - 1];
    i = Math.min(values.length - 1, i + steps - 1);
    return values[i];
  }
  let i = -1;
  for (let k = values.length - 1; k >= 0; k--) if (values[k] < value) { i = k; break; }
  if (i < 0) return values[0];
  return values[Math.max(0, i + steps + 1)];
}

/** Index of the ladder value closest to `value` (on a log scale where the ladder is one). */
export function nearestIndex(values, value) {
  let best = 0, bestDistance = Infinity;
  for (let i = 0; i < values.length; i++) {
    const a = values[i], b = value;
    const d = a > 0 && b > 0 ? Math.abs(Math.log(a / b)) : Math.abs(a - b) * 1e6;
    if (d < bestDistance) { best = i; bestDistance = d; }
  }
  return best;
}
