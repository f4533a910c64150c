// Two figures of bench-page.mjs that say whether the page's speed numbers can be trusted (issue 8,
// "Cost, measured so it can be trusted"), measured through the page's own worker
// (web/worker/lab-worker.js) in the same Chromium:
//   costSpread   the cost view's measurement (MEASURE_COSTS with the view's own options) repeated
//                `repeats` times: per activation and figure, (max - min) / median over the repeats;
//                also the claims strip's multiples (sigmoid and tanh as x ReLU) over the same repeats.
//   racerSpread  four identical ReLU networks racing with the page's pacing for `seconds`: the
//                steps/s each card would show, and (max - min) / median between them. Identical
//                networks must read alike whatever their position (goal <= 10%).
// The page is served cross-origin isolated (scripts/serve.mjs), so its worker times to 5 us; with
// the 0.1 ms timer of other pages both spreads were 3-4x larger (racers 9-14%, costs 33-39%).
// Not a test: it prints; tests check fields, never times.
import { MEASURE_OPTIONS } from '../web/session/session.js';
import { CLAIM_COST_OPTIONS, CLAIM_COST_ROUNDS, COST_COMPARED, COST_REFERENCE } from '../web/worker/claims.js';

const spread = (values) => {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length < 2) return NaN;
  const median = s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return (s.at(-1) - s[0]) / median;
};

// Runs in the page: a fresh lab worker, driven with the page's protocol.
async function driveWorker({ costRepeats, costOptions, claimOptions, claimRounds, members, seconds }) {
  const worker = new Worker('/worker/lab-worker.js', { type: 'module' });
  const inbox = [];
  let wake = null;
  worker.addEventListener('message', (e) => { inbox.push(e.data); wake?.(); });
  const next = async (type) => {
    for (;;) {
      const i = inbox.findIndex((m) => m.type === type || m.type === 'notice' && m.level === 'error');
      if (i >= 0) {
        const [m] = inbox.splice(i, 1);
        if (m.type === 'notice') throw new Error(m.message);
        return m;
      }
      await new Promise((r) => { wake = r; });
    }
  };
  await next('ready');
  const costs = [];
  for (let r = 0; r < costRepeats; r++) {
    worker.postMessage({ type: 'measure-costs', ...costOptions });
    costs.push((await next('costs')).costs);
  }
  const claimCosts = [];  // per repeat, the claim's rounds (web/worker/claims.js measureCostClaim)
  for (let r = 0; r < costRepeats; r++) {
    const rounds = [];
    for (let k = 0; k < claimRounds; k++) {
      worker.postMessage({ type: 'measure-costs', ...claimOptions });
      rounds.push((await next('costs')).costs);
    }
    claimCosts.push(rounds);
  }
  // The race: the page's pacing (10 steps a tick), every frame acknowledged as the page does.
  const shown = [];
  const runId = 1;
  worker.postMessage({
    type: 'configure', runId, config: { hidden: [8, 8, 8] }, members,
    data: { base: 'dataset', xy: new Float32Array(0), labels: new Int32Array(0) },
    playing: true, stepsPerFrame: 10, frameIntervalMs: 33,
  });
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const frame = await next('frame');
    worker.postMessage({ type: 'frame-drawn', runId });
    shown.push(frame.members.map((m) => m.stepsPerSecond));
  }
  worker.terminate();
  return { costs, claimCosts, lastShown: shown.at(-1), steps: shown.length, isolated: self.crossOriginIsolated === true };
}

/** {costSpread, racerSpread}; `page` is on the lab's origin. */
export async function measureSpreads(page, { repeats = 5, seconds = 8 } = {}) {
  const members = ['relu', 'relu', 'relu', 'relu'];
  const claimOptions = { ...CLAIM_COST_OPTIONS, activations: [COST_REFERENCE, ...COST_COMPARED] };
  const raw = await page.evaluate(driveWorker, { costRepeats: repeats, costOptions: { ...MEASURE_OPTIONS },
    claimOptions, claimRounds: CLAIM_COST_ROUNDS, members, seconds });

  const figures = ['forwardNs', 'forwardBackwardNs', 'libmForwardNs', 'libmForwardBackwardNs'];
  const names = raw.costs[0].map((c) => c.name);
  const perActivation = names.map((name) => {
    const rows = raw.costs.map((m) => m.find((c) => c.name === name));
    return {
      name,
      ...Object.fromEntries(figures.map((f) => [f, { spread: spread(rows.map((r) => r[f])), median: median(rows.map((r) => r[f])) }])),
      withinRunSpread: median(rows.map((r) => r.forwardBackwardSpread)),
    };
  });
  const multiples = COST_COMPARED.map((name) => {
    // Each repeat: the fastest window of each activation over its rounds, divided, as the strip computes it.
    const fastest = (rounds, n) => Math.min(...rounds.map((m) => m.find((c) => c.name === n).forwardBackwardNs));
    const ratios = raw.claimCosts.map((rounds) => fastest(rounds, name) / fastest(rounds, COST_REFERENCE));
    return { name, median: median(ratios), spread: spread(ratios) };
  });
  const allSpreads = perActivation.flatMap((a) => figures.map((f) => a[f].spread));
  return {
    isolated: raw.isolated,
    costSpread: {
      repeats, options: MEASURE_OPTIONS, perActivation, claimMultiples: multiples,
      medianSpread: median(allSpreads), maxSpread: Math.max(...allSpreads),
    },
    racerSpread: { members, seconds, frames: raw.steps, stepsPerSecond: raw.lastShown, spread: spread(raw.lastShown) },
  };
}

function median(values) {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Lines for the text report. */
export function formatSpreads({ isolated, costSpread: c, racerSpread: r }) {
  const pct = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : 'n/a');
  const ns = (v) => (Number.isFinite(v) ? (v < 10 ? v.toPrecision(2) : v.toFixed(0)) : 'n/a');
  const goal = (v) => (v <= 0.1 ? 'met' : 'NOT met');
  const out = [];
  out.push(isolated ? 'timer: 5 us (the page is cross-origin isolated, as npm start serves it)'
    : 'timer: 0.1 ms (the page is NOT cross-origin isolated: the spreads below are mostly timer rounding)');
  out.push(`cost figures over ${c.repeats} repeated measurements (the cost view's options ${JSON.stringify(c.options)}; ` +
    'spread = (max - min) / median; ns per element, this browser, this CPU):');
  out.push('  activation     fwd ns (spread)     fwd+bwd ns (spread)   libm fwd ns (spread)  libm fwd+bwd (spread)  within one run');
  for (const a of c.perActivation) {
    const cell = (f) => `${ns(a[f].median).padStart(6)} (${pct(a[f].spread).padStart(6)})`.padEnd(22);
    out.push(`  ${a.name.padEnd(14)} ${cell('forwardNs')}${cell('forwardBackwardNs')}${cell('libmForwardNs')}${cell('libmForwardBackwardNs')}` +
      `${pct(a.withinRunSpread).padStart(7)}`);
  }
  out.push(`  over all figures: median spread ${pct(c.medianSpread)}, max ${pct(c.maxSpread)}   goal <= 10%: median ${goal(c.medianSpread)}`);
  out.push(`  claims strip multiples (fwd+bwd x ReLU): ${c.claimMultiples.map((m) => `${m.name} ${m.median.toFixed(1)}x (spread ${pct(m.spread)})`).join(', ')}`);
  out.push(`identical racers (${r.members.length} x ${r.members[0]}, 2-8-8-8-2, page pacing, ${r.seconds} s): steps/s shown ` +
    `${r.stepsPerSecond.map((v) => Math.round(v).toLocaleString('en-US')).join(', ')}; spread ${pct(r.spread)}   goal <= 10%: ${goal(r.spread)}`);
  return out;
}
