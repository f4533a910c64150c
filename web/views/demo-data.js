// Synthetic inputs for the component gallery (demo.html): data, boundaries, losses and costs
// shaped exactly like the worker's (the why view's diagnostics: demo-diagnostics.js), so each view
// can be checked by eye without the wasm module.
// Nothing here is a model of training; it only has to look plausible and exercise the edge cases
// (NaN, divergence, many classes, dead units, vanishing gradients).
import { seededRandom as rng } from './seeded-random.js';

export const DOMAIN = Object.freeze({ xMin: -6, xMax: 6, yMin: -6, yMax: 6 });

const gauss = (rand) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

const TURNS = 1.75;  // arms of the two-arm spiral, as in Playground's dataset

function pointSet(list) {
  return {
    x: Float32Array.from(list, (p) => p[0]),
    y: Float32Array.from(list, (p) => p[1]),
    label: Int32Array.from(list, (p) => p[2]),
  };
}

function split(list, testFraction, rand) {
  const train = [], test = [];
  for (const p of list) (rand() < testFraction ? test : train).push(p);
  return { train: pointSet(train), test: pointSet(test) };
}

/** Two-arm spiral, n points, train/test split. */
export function spiralPoints(n, seed = 1, noise = 0.25) {
  const rand = rng(seed);
  const list = [];
  for (let i = 0; i < n; i++) {
    const c = i % 2, t = rand();
    const r = 5 * t, theta = t * TURNS * 2 * Math.PI + c * Math.PI;
    list.push([r * Math.sin(theta) + noise * gauss(rand), r * Math.cos(theta) + noise * gauss(rand), c]);
  }
  return split(list, 0.2, rand);
}

/** Gaussian blobs of `classes` classes on a circle. */
export function blobPoints(n, classes, seed = 2) {
  const rand = rng(seed);
  const list = [];
  for (let i = 0; i < n; i++) {
    const c = i % classes, a = (2 * Math.PI * c) / classes;
    list.push([3.5 * Math.cos(a) + 0.9 * gauss(rand), 3.5 * Math.sin(a) + 0.9 * gauss(rand), c]);
  }
  return split(list, 0.2, rand);
}

// Cell centres as the core defines them: row 0 at the top (yMax), x and y at cell centres.
function eachCell(width, height, domain, f) {
  const { xMin, xMax, yMin, yMax } = domain;
  for (let row = 0; row < height; row++) {
    const y = yMax - ((row + 0.5) * (yMax - yMin)) / height;
    for (let col = 0; col < width; col++) f(row * width + col, xMin + ((col + 0.5) * (xMax - xMin)) / width, y);
  }
}

/**
 * A spiral classifier part-way through "learning": `skill` in [0, 1] mixes a linear boundary (what a
 * stuck network draws) with the spiral's own, `sharpness` sets confidence.
 */
export function spiralGrid(width, height, skill, sharpness, domain = DOMAIN, out = null) {
  const n = width * height;
  const probs = out ?? new Float32Array(2 * n);
  const k = (TURNS * 2 * Math.PI) / 5;
  eachCell(width, height, domain, (i, x, y) => {
    const r = Math.hypot(x, y), theta = Math.atan2(x, y);
    const spiral = Math.cos(theta - k * r) * Math.min(1, r / 0.6);
    const z = sharpness * (skill * spiral + (1 - skill) * (0.25 * x - 0.1 * y));
    const p0 = 1 / (1 + Math.exp(-z));
    probs[i] = p0;
    probs[n + i] = 1 - p0;
  });
  return { probs, width, height, classes: 2 };
}

/** Softmax over distance to `classes` blob centres. */
export function blobGrid(width, height, classes, sharpness, domain = DOMAIN) {
  const n = width * height;
  const probs = new Float32Array(classes * n);
  const logits = new Float64Array(classes);
  eachCell(width, height, domain, (i, x, y) => {
    let max = -Infinity, sum = 0;
    for (let c = 0; c < classes; c++) {
      const a = (2 * Math.PI * c) / classes;
      logits[c] = -sharpness * Math.hypot(x - 3.5 * Math.cos(a), y - 3.5 * Math.sin(a));
      if (logits[c] > max) max = logits[c];
    }
    for (let c = 0; c < classes; c++) sum += (logits[c] = Math.exp(logits[c] - max));
    for (let c = 0; c < classes; c++) probs[c * n + i] = logits[c] / sum;
  });
  return { probs, width, height, classes };
}

/** A grid the way a diverged network returns it: NaN everywhere but a finite patch. */
export function nanGrid(width, height) {
  const g = spiralGrid(width, height, 0.3, 2);
  for (let i = 0; i < g.probs.length; i++) if ((i % (width * height)) > (width * height) / 3) g.probs[i] = NaN;
  return g;
}

/** Recent batch losses: decay from `start` to `end` with noise; NaN from `nanFrom` on. */
export function lossSeries(count, step, { start = 0.7, end = 0.05, rate = 2e-3, seed = 3, nanFrom = Infinity } = {}) {
  const rand = rng(seed + step);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const s = step - count + i;
    const mean = end + (start - end) * Math.exp(-rate * Math.max(0, s));
    out[i] = s >= nanFrom ? NaN : mean * Math.exp(0.35 * gauss(rand));
  }
  return out;
}

/**
 * A racer's metrics at `step` ({rate, skill, classes, divergeAt} as the gallery's racers): loss
 * falls and accuracy rises with 1 - exp(-rate * step), towards what its `skill` allows; NaN once diverged.
 */
export function racerMetrics(racer, step) {
  const progress = 1 - Math.exp(-(racer.rate ?? 1e-3) * step);
  const diverged = racer.divergeAt !== undefined && step >= racer.divergeAt;
  const loss = diverged ? NaN : 0.69 - (racer.classes ? 0.3 : 0.64 * (racer.skill ?? 0.4)) * progress;
  const acc = diverged ? NaN : 0.5 + 0.49 * (racer.skill ?? 0.5) * progress;
  return { trainLoss: loss, testLoss: loss * 1.1, trainAccuracy: acc, testAccuracy: acc - 0.02 };
}

/**
 * {step, trainLoss, testLoss, trainAccuracy, testAccuracy} Float64Arrays up to `step`, as a FRAME's
 * `history`: samples every `stride` steps, the stride doubling so at most `max` samples are kept
 * (as the worker's MetricsHistory thins). Each sample's noise depends only on its step, so the
 * curve stays put while it grows.
 */
export function metricsHistory(racer, step, { max = 120, seed = 5 } = {}) {
  let stride = 50;
  while (step / stride >= max) stride *= 2;
  const n = Math.floor(step / stride) + 1;
  const out = { step: new Float64Array(n), trainLoss: new Float64Array(n), testLoss: new Float64Array(n),
    trainAccuracy: new Float64Array(n), testAccuracy: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const s = i * stride;
    const m = racerMetrics(racer, s);
    const rand = rng(seed + s);
    out.step[i] = s;
    out.trainLoss[i] = m.trainLoss * Math.exp(0.08 * gauss(rand));
    out.testLoss[i] = m.testLoss * Math.exp(0.08 * gauss(rand));
    out.trainAccuracy[i] = Math.min(1, m.trainAccuracy + 0.01 * gauss(rand));
    out.testAccuracy[i] = Math.min(1, m.testAccuracy + 0.01 * gauss(rand));
  }
  return out;
}

const UNIT_FUNCTIONS = {
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: Math.tanh,
  relu: (z) => (z > 0 ? z : 0),
  leaky_relu: (z) => (z > 0 ? z : 0.01 * z),
};
// The states of the pinned units below, by construction (demo data judges nothing: the core's rule
// is in core/lib/unit_maps.hpp): [unit 1, pinned far below zero; the last unit, pinned far above].
const PINNED_STATES = { sigmoid: [2, 2], tanh: [2, 2], relu: [1, 0], leaky_relu: [0, 0] };

/**
 * Unit maps as Network.unitMaps() returns them ({width, height, layerUnits, values, states}), from
 * a small seeded network of `kind` run over the plane: weights grow with `progress` in [0, 1], so
 * sigmoid and tanh units drift towards their flat tails as a run goes on. Unit 1 of each layer gets
 * a large negative bias (a ReLU unit that died, 0 everywhere; a sigmoid unit pinned at 0) and the last
 * unit a large positive one (pinned in the upper tail). Only those pinned units get a state (dead or
 * saturated, from PINNED_STATES); the others are shown live.
 */
export function unitMapsFor(kind, { progress = 1, side = 16, layerUnits = [6, 6, 6], seed = 11, domain = DOMAIN } = {}) {
  const f = UNIT_FUNCTIONS[kind] ?? UNIT_FUNCTIONS.relu;
  const [pinnedLow, pinnedHigh] = PINNED_STATES[kind] ?? PINNED_STATES.relu;
  const rand = rng(seed);
  const cells = side * side;
  const total = layerUnits.reduce((a, b) => a + b, 0);
  const values = new Float32Array(total * cells);
  const states = new Uint8Array(total);
  let inputs = [new Float64Array(cells), new Float64Array(cells)];
  eachCell(side, side, domain, (i, x, y) => { inputs[0][i] = x / 3; inputs[1][i] = y / 3; });
  const gain = 1 + 2.5 * progress;
  let u = 0;
  for (const units of layerUnits) {
    const outputs = [];
    for (let j = 0; j < units; j++, u++) {
      const w = inputs.map(() => (gain * 1.6 * gauss(rand)) / Math.sqrt(inputs.length));
      const bias = j === 1 ? -40 : j === units - 1 ? 6 * gain : 0.3 * gauss(rand);
      const out = new Float64Array(cells);
      for (let i = 0; i < cells; i++) {
        let z = bias;
        for (let k = 0; k < inputs.length; k++) z += w[k] * inputs[k][i];
        const v = f(z);
        out[i] = v;
        values[u * cells + i] = v;
      }
      states[u] = j === 1 ? pinnedLow : j === units - 1 ? pinnedHigh : 0;
      outputs.push(out);
    }
    inputs = outputs;
  }
  return { width: side, height: side, layerUnits: Int32Array.from(layerUnits), values, states };
}

/**
 * The claims strip's input, shaped as the worker's CLAIMS message carries it (web/worker/claims.js):
 * the cost multiples from syntheticCosts() (so strip and cost chart agree), first/last gradient
 * ratios and zero shares of a fresh 8 x 16 net as a browser measures them.
 */
export function syntheticClaims() {
  const costs = new Map(syntheticCosts().map((c) => [c.name, c]));
  const relu = costs.get('relu');
  const probe = { depth: 8, width: 16, dataset: 'spiral', points: 300 };
  const probes = [
    { name: 'sigmoid', init: 'xavier', ratio: 3.1e-7, zeroShare: 0 },
    { name: 'tanh', init: 'xavier', ratio: 0.041, zeroShare: 0 },
    { name: 'relu', init: 'he', ratio: 0.83, zeroShare: 0.52 },
  ];
  return {
    cost: {
      unit: 'ns per element, forward + backward, fastest of the rounds',
      reference: 'relu', referenceNs: relu.forwardBackwardNs, referenceLibmNs: relu.libmForwardBackwardNs,
      elements: 16384, rounds: 7,
      items: ['sigmoid', 'tanh'].map((name) => {
        const c = costs.get(name);
        return { name, ns: c.forwardBackwardNs, libmNs: c.libmForwardBackwardNs, ratio: c.forwardBackwardNs / relu.forwardBackwardNs,
          libmRatio: c.libmForwardBackwardNs / relu.libmForwardBackwardNs, spread: 0.04 };
      }),
    },
    vanishing: { ...probe, items: probes.map(({ name, init, ratio }) => ({ name, init, ratio })) },
    sparsity: { ...probe, items: probes.map(({ name, init, zeroShare }) => ({ name, init, zeroShare })) },
  };
}

/** Costs in the shape of lab.activationCosts(), in plausible proportions. */
export function syntheticCosts() {
  const rows = [
    ['sigmoid', 0.9, 2.1, 6.5, 8.2], ['tanh', 1.1, 2.4, 9.8, 11.5], ['relu', 0.25, 0.6, 0.25, 0.6],
    ['leaky_relu', 0.3, 0.7, 0.3, 0.7], ['elu', 0.95, 2.0, 7.1, 8.8], ['gelu', 1.6, 3.9, 14.2, 22.7],
    ['swish', 1.0, 2.5, 6.9, 9.3], ['mish', 2.2, 5.1, 21.5, 31.0],
  ];
  return rows.map(([name, f, fb, lf, lfb]) => ({ name, forwardNs: f, forwardBackwardNs: fb, libmForwardNs: lf, libmForwardBackwardNs: lfb }));
}

/** Probabilities shaped like a real grid, for timing drawBoundary: a smooth random softmax field. */
export function benchGrid(side, classes, seed = 9) {
  const rand = rng(seed);
  const n = side * side, probs = new Float32Array(classes * n);
  const cx = Array.from({ length: classes }, () => [rand() * 10 - 5, rand() * 10 - 5]);
  eachCell(side, side, DOMAIN, (i, x, y) => {
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += (probs[c * n + i] = Math.exp(-0.6 * Math.hypot(x - cx[c][0], y - cx[c][1])));
    for (let c = 0; c < classes; c++) probs[c * n + i] /= sum;
  });
  return { probs, width: side, height: side, classes };
}
