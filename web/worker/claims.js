// The claims strip's numbers, measured in this worker from the module (never typed in):
// - cost: sigmoid's and tanh's forward+backward time per element as a multiple of ReLU's, with the
//   lab's kernels and with libm, timed in this browser (interleaved rounds, median; see
//   core/lib/cost_benchmark.hpp). Measured once per worker: the CPU does not change with the data.
// - vanishing: first/last layer gradient ratio at initialisation of a deep narrow net (PROBE_DEPTH x
//   PROBE_WIDTH), sigmoid with Xavier against ReLU with He (tanh with Xavier alongside), on the data
//   of the current settings.
// - sparsity: share of the hidden outputs of those same nets that are exactly 0, and the share of
//   the forward pass's multiply-adds by such a zero (zeroMultiplyAddShare: work a sparse kernel could skip).
// Each part carries `net` ({depth, width, members: [{activation, init}]}: these constants), so a
// card says which net it measured.
// The probe networks are separate from the race: they exist for the length of one call.
import { FromWorker } from '../session/protocol.js';

export const PROBE_DEPTH = 8;
export const PROBE_WIDTH = 16;
export const PROBES = Object.freeze([
  { activation: 'sigmoid', init: 'xavier' },
  { activation: 'tanh', init: 'xavier' },
  { activation: 'relu', init: 'he' },
]);
export const COST_REFERENCE = 'relu';
export const COST_COMPARED = Object.freeze(['sigmoid', 'tanh']);
// Each round is one call timing one 2 ms window per figure of ReLU, sigmoid and tanh back to back
// (after the core's short warm-up), over 16,384 elements. The claim divides the fastest of the 7
// windows of each activation: on a busy machine another process can only ever add time to a
// window, so the fastest is the least disturbed, and the strip (which must hold within 2 s of
// load, whatever else runs) cannot flip because of one slow spell. (A median of per-round
// multiples was tried first: on a machine with 10x more runnable processes than cores it once read
// tanh at 0.7x ReLU.) The spread is that of the per-round multiples. 7 rounds x ~40 ms: ~0.3 s.
export const CLAIM_COST_OPTIONS = Object.freeze({ elements: 16384, repeats: 1, windowMs: 2 });
export const CLAIM_COST_ROUNDS = 7;

// Settings that change what a probe network sees; the rest (depth, activation, optimizer...) is the probe's own.
const DATA_KEYS = ['seed', 'dataset', 'points', 'noise', 'testFraction', 'classes', 'features'];

/** Measures and keeps the cost claim; the others are measured per call (they depend on the data). */
export class ClaimsMeter {
  constructor(lab) {
    this.lab = lab;
    this.cost = null;
  }

  /** @returns {cost, vanishing, sparsity}; throws the module's Error if the data settings are invalid. */
  measure(config = {}) {
    this.cost ??= measureCostClaim(this.lab);
    const { vanishing, sparsity } = measureProbes(this.lab, config);
    return { cost: this.cost, vanishing, sparsity };
  }
}

export function measureCostClaim(lab, rounds = CLAIM_COST_ROUNDS) {
  return summariseCostRounds(Array.from({ length: rounds }, () => measureCostRound(lab)));
}

/** One round of the cost claim: one core call, ~40 ms (the deferred queue runs them one per turn). */
export function measureCostRound(lab) {
  const options = { ...CLAIM_COST_OPTIONS, activations: [COST_REFERENCE, ...COST_COMPARED] };
  return new Map(lab.activationCosts(options).map((r) => [r.name, r]));
}

/** The cost claim from its rounds (measureCostRound results). */
export function summariseCostRounds(measured) {
  const rounds = measured.length;
  const of = (name, key) => measured.map((round) => round.get(name)[key]);
  const over = (name, key) => measured.map((round) => round.get(name)[key] / round.get(COST_REFERENCE)[key]);
  const fastest = (name, key) => Math.min(...of(name, key));
  const referenceNs = fastest(COST_REFERENCE, 'forwardBackwardNs');
  const referenceLibmNs = fastest(COST_REFERENCE, 'libmForwardBackwardNs');
  return {
    unit: 'ns per element, forward + backward, fastest of the rounds',
    reference: COST_REFERENCE,
    referenceNs,
    referenceLibmNs,
    elements: CLAIM_COST_OPTIONS.elements,
    rounds,
    items: COST_COMPARED.map((name) => {
      const ns = fastest(name, 'forwardBackwardNs'), libmNs = fastest(name, 'libmForwardBackwardNs');
      const ratios = over(name, 'forwardBackwardNs');  // lab kernel over lab kernel, per round
      return {
        name,
        ns,
        libmNs,
        ratio: ns / referenceNs,
        libmRatio: libmNs / referenceLibmNs,  // libm over libm
        spread: (Math.max(...ratios) - Math.min(...ratios)) / median(ratios),  // of the rounds' multiples
      };
    }),
  };
}

function median(values) {
  const s = values.slice().sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

export function measureProbes(lab, config) {
  const data = Object.fromEntries(DATA_KEYS.filter((k) => config[k] !== undefined).map((k) => [k, config[k]]));
  const race = lab.createRace({
    ...data,
    hidden: Array(PROBE_DEPTH).fill(PROBE_WIDTH),
    layerActivations: [],
    members: PROBES.map((p) => ({ ...p })),
  });
  try {
    const probes = PROBES.map((p, i) => {
      const d = race.member(i).diagnostics();
      // The core's own total over every hidden (unit, point) output.
      return { name: p.activation, init: p.init, ratio: d.firstLastGradRatio, zeroShare: d.hidden.zeroFraction,
        saturatedShare: d.hidden.saturatedFraction, zeroMultiplyAddShare: d.zeroMultiplyAddFraction };
    });
    // The net measured, as data (these constants), so every card can say which net it is.
    const net = { depth: PROBE_DEPTH, width: PROBE_WIDTH, members: PROBES.map((p) => ({ ...p })) };
    const probe = { depth: PROBE_DEPTH, width: PROBE_WIDTH, net, dataset: data.dataset ?? null, points: data.points ?? null };
    return {
      vanishing: { ...probe, items: probes.map(({ name, init, ratio, saturatedShare }) => ({ name, init, ratio, saturatedShare })) },
      sparsity: { ...probe, items: probes.map(({ name, init, zeroShare, zeroMultiplyAddShare }) => ({ name, init, zeroShare, zeroMultiplyAddShare })) },
    };
  } finally {
    race.delete();
  }
}

const meters = new WeakMap();  // lab -> ClaimsMeter: the cost claim is measured once per module

/**
 * A MEASURE_CLAIMS message as jobs for the deferred queue (deferred-work.js), one core call each.
 * The probes (a few ms) go out first, with the cost claim if it is already known; a first cost
 * measurement follows in CLAIM_COST_ROUNDS jobs of one round (~40 ms each), then a second CLAIMS
 * message, so the strip fills as soon as each part is ready. Settings the core rejects give CLAIMS
 * with `error` (the page already says why through CONFIG_ERROR, and asks again with the settings
 * it falls back to). A request queued while another measures the cost skips the rounds left.
 */
export function claimsJobs(lab, msg, post) {
  let meter = meters.get(lab);
  if (!meter) meters.set(lab, (meter = new ClaimsMeter(lab)));
  const requestId = msg.requestId ?? 0;
  const probesJob = () => {
    try {
      const probes = measureProbes(lab, msg.config ?? {});
      post({ type: FromWorker.CLAIMS, requestId, claims: meter.cost ? { ...probes, cost: meter.cost } : probes });
    } catch (err) {
      post({ type: FromWorker.CLAIMS, requestId, claims: {}, error: String(err?.message ?? err) });
    }
  };
  if (meter.cost) return [probesJob];
  const rounds = [];
  const roundJob = () => { if (!meter.cost) rounds.push(measureCostRound(lab)); };
  const postJob = () => {
    meter.cost ??= summariseCostRounds(rounds);
    post({ type: FromWorker.CLAIMS, requestId, claims: { cost: meter.cost } });
  };
  return [probesJob, ...Array.from({ length: CLAIM_COST_ROUNDS }, () => roundJob), postJob];
}

/** What a failed cost measurement says (a job of claimsJobs threw). */
export function claimsFailure(post) {
  return (err) => post({ type: FromWorker.NOTICE, level: 'error', message: `measuring the cost claim failed: ${err?.message ?? err}` });
}
