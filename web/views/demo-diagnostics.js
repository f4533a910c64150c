// Synthetic why-view diagnostics for the component gallery (demo.html), shaped exactly like the
// core's (web/lab/actlab.d.ts): gradient and activation histograms, norms, zero, dead and saturated
// shares per layer. Invented to look plausible, not a model of training; beside demo-data.js, which
// holds the points, boundaries, losses and costs.

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

// How each activation's diagnostics look, per layer i (0 = input side): gradient norms by layer,
// where its hidden outputs lie (mean, sd of a normal; `clip` keeps them inside the activation's
// range), whether it outputs exact zeros (and dies), how much of it sits in a flat tail.
// Unknown kinds read as ReLU.
const PROFILES = {
  sigmoid: { norms: [2e-6, 4e-5, 9e-4, 2e-2], act: [0.5, 0.18], sparse: false, saturated: (i) => 0.35 + 0.1 * i,
    mean: 0.5, metrics: { trainLoss: 0.69, testLoss: 0.7, trainAccuracy: 0.52, testAccuracy: 0.5 } },
  tanh: { norms: [4e-4, 2e-3, 7e-3, 2e-2], act: [0, 0.6], clip: [-1, 1], sparse: false, saturated: (i) => 0.08 + 0.04 * i,
    mean: 0.05, metrics: { trainLoss: 0.21, testLoss: 0.26, trainAccuracy: 0.92, testAccuracy: 0.9 } },
  relu: { norms: [3e-2, 4e-2, 5e-2, 6e-2], act: [0.9, 0.7], clip: [0, Infinity], sparse: true, saturated: () => 0,
    mean: 0.6, metrics: { trainLoss: 0.08, testLoss: 0.12, trainAccuracy: 0.98, testAccuracy: 0.95 } },
  // Leaky ReLU: ReLU's flat profile, its negative side squeezed just below 0 (never exactly 0, never dead).
  leaky_relu: { norms: [2.5e-2, 3.5e-2, 4.5e-2, 5.5e-2], act: [0.9, 0.7], clip: [0, Infinity], leaky: true, sparse: false,
    saturated: () => 0, mean: 0.58, metrics: { trainLoss: 0.07, testLoss: 0.11, trainAccuracy: 0.985, testAccuracy: 0.955 } },
};

/**
 * Diagnostics for a 2-8-8-8-2 network: 'sigmoid' shows vanishing gradients (norms falling about a
 * decade per layer towards the input, activations squeezed into (0, 1)); 'relu' shows a flat gradient
 * profile, exact zeros and a few dead units; 'tanh' sits between; 'leaky_relu' is flat without zeros.
 */
export function diagnosticsFor(kind, step = 1200) {
  const widths = [8, 8, 8, 2];
  const fanIn = [2, 8, 8, 8];
  const profile = PROFILES[kind] ?? PROFILES.relu;
  const { norms, sparse } = profile;
  const e = EDGES;
  const binOf = (v) => Math.floor(((v - e.actMin) / (e.actMax - e.actMin)) * e.actBins);
  const layers = widths.map((units, i) => {
    const output = i === widths.length - 1;
    const weights = units * fanIn[i];
    const zeros = sparse && i > 0 ? Math.round(weights * 0.3) : 0;
    const meanLog = Math.log10(norms[i] / Math.sqrt(weights));
    const gradHistogram = normalCounts(e.gradBins, e.gradLogMin, e.gradLogMax, meanLog, 0.6, weights - zeros);
    let activationHistogram = new Uint32Array(0);
    if (!output) {
      const [lo, hi] = profile.clip ?? [-Infinity, Infinity];
      activationHistogram = normalCounts(e.actBins, e.actMin, e.actMax, profile.act[0], profile.act[1], units * 200).map((c, b) => {
        const v = e.actMin + (b + 0.5) * ((e.actMax - e.actMin) / e.actBins);
        return v < lo || v > hi ? 0 : c;
      });
      if (sparse) activationHistogram[binOf(0)] += units * 110;
      if (profile.leaky) activationHistogram[binOf(0) - 1] += units * 110;
    }
    return {
      units, activation: output ? 'softmax' : kind,
      weightNorm: 1.3, weightGradNorm: norms[i], biasGradNorm: norms[i] / 3, preactGradNorm: norms[i] * 2,
      gradHistogram, gradZeros: zeros, activationHistogram,
      zeroFraction: output || !sparse ? 0 : 0.42 + 0.05 * i,
      saturatedFraction: output ? 0 : profile.saturated(i),
      deadFraction: output || !sparse ? 0 : i / 8,
      deadUnits: output || !sparse ? 0 : i,
      meanActivation: profile.mean,
    };
  });
  return {
    step, diverged: false,
    metrics: { ...profile.metrics },
    layers,
    firstLastGradRatio: norms[0] / norms[norms.length - 1],
    // Shaped like the core's totals (diagnostics.hpp HiddenTotals); invented like the rest.
    hidden: { units: 24, deadUnits: sparse ? 3 : 0, zeroFraction: sparse ? 0.47 : 0, saturatedFraction: profile.saturated(1) },
    histogramEdges: { ...EDGES },
  };
}
