// Synthetic inputs for the component gallery (demo.html): data, boundaries, losses and diagnostics
// shaped exactly like the worker's, so each view can be checked by eye without the wasm module.
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

// Histogram of a normal distribution (mean, sd) over `bins` bins of [lo, hi], n samples' worth.
function normalCounts(bins, lo, hi, mean, sd, n) {
  const out = new Uint32Array(bins), w = (hi - lo) / bins;
  for (let b = 0; b < bins; b++) {
    const x = lo + (b + 0.5) * w;
    out[b] = Math.round((n * w * Math.exp(-0.5 * ((x - mean) / sd) ** 2)) / (sd * Math.sqrt(2 * Math.PI)));
  }
  return out;
}

const EDGES = Object.freeze({ gradLogMin: -12, gradLogMax: 2, gradBins: 28, actMin: -3, actMax: 3, actBins: 48, saturationThreshold: 0.02 });

/**
 * Diagnostics for a 2-8-8-8-2 network: 'sigmoid' shows vanishing gradients (norms falling about a
 * decade per layer towards the input, activations squeezed into (0, 1)); 'relu' shows a flat gradient
 * profile, exact zeros and a few dead units.
 */
export function diagnosticsFor(kind, step = 1200) {
  const widths = [8, 8, 8, 2];
  const fanIn = [2, 8, 8, 8];
  const sigmoid = kind === 'sigmoid';
  const norms = sigmoid ? [2e-6, 4e-5, 9e-4, 2e-2] : [3e-2, 4e-2, 5e-2, 6e-2];
  const e = EDGES;
  const layers = widths.map((units, i) => {
    const output = i === widths.length - 1;
    const weights = units * fanIn[i];
    const zeros = !sigmoid && i > 0 ? Math.round(weights * 0.3) : 0;
    const meanLog = Math.log10(norms[i] / Math.sqrt(weights));
    const gradHistogram = normalCounts(e.gradBins, e.gradLogMin, e.gradLogMax, meanLog, 0.6, weights - zeros);
    let activationHistogram = new Uint32Array(0);
    if (!output) {
      activationHistogram = sigmoid
        ? normalCounts(e.actBins, e.actMin, e.actMax, 0.5, 0.18, units * 200)
        : normalCounts(e.actBins, e.actMin, e.actMax, 0.9, 0.7, units * 200).map((c, b) =>
            (e.actMin + (b + 0.5) * ((e.actMax - e.actMin) / e.actBins) < 0 ? 0 : c));
      if (!sigmoid) activationHistogram[Math.floor(((0 - e.actMin) / (e.actMax - e.actMin)) * e.actBins)] += units * 110;
    }
    return {
      units, activation: output ? 'softmax' : kind,
      weightNorm: 1.3, weightGradNorm: norms[i], biasGradNorm: norms[i] / 3, preactGradNorm: norms[i] * 2,
      gradHistogram, gradZeros: zeros, activationHistogram,
      zeroFraction: output || sigmoid ? 0 : 0.42 + 0.05 * i,
      saturatedFraction: output ? 0 : sigmoid ? 0.35 + 0.1 * i : 0,
      deadFraction: output || sigmoid ? 0 : i / 8,
      deadUnits: output || sigmoid ? 0 : i,
      meanActivation: sigmoid ? 0.5 : 0.6,
    };
  });
  return {
    step, diverged: false,
    metrics: { trainLoss: sigmoid ? 0.69 : 0.08, testLoss: sigmoid ? 0.7 : 0.12, trainAccuracy: sigmoid ? 0.52 : 0.98, testAccuracy: sigmoid ? 0.5 : 0.95 },
    layers,
    firstLastGradRatio: norms[0] / norms[norms.length - 1],
    histogramEdges: { ...EDGES },
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
