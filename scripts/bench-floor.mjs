// The floor of the benchmark's workloads on the machine it runs on: the fastest they could run with
// the core's instruction mix, computed from figures measured in the same run (issue 10).
//
//   floor = the dense layers' FLOPs at the f32x4 multiply-add peak (core/lib/peak_flops.hpp)
//         + every hidden unit's activation at the lab kernel's measured cost per element
//
// It is a lower bound on time: it counts no softmax, optimizer, batch assembly, call or memory
// traffic, no padding of a batch to whole vectors, and the dense layers at 100% of the peak. Its
// two parts are what no schedule of the same work avoids: wasm has 4-lane vectors only and the
// project has no FMA (native/wasm bit parity), and each activation's cost is its own kernel's,
// already vectorised. The cost table times each kernel in a loop that also loads and stores every
// element; in a grid, ReLU and tanh run inside the affine tiles (ActivationSpec::affine_forward),
// where that traffic is gone, so there they count their cost minus identity's (a bare load and
// store): ReLU then costs about nothing.
//
// So a goal faster than the floor cannot be met on this machine without changing what is computed
// (a cheaper, less accurate activation; FMA; wider vectors); the fraction of the floor a workload
// reaches says how much of the rest is overhead.
//
// workloadFloors, againstFloor and judgeFloorGoals are the arithmetic (tests/node/bench-floor.test.mjs);
// measureFloorRounds and summariseFloorRounds measure it through the lab API for scripts/bench.mjs.

import { quantile } from './peers/report.mjs';

// Activations applied inside the affine tiles of prediction passes (in wasm: the kernels with
// kFusedIntoAffine in core/lib/activation_kernels.hpp).
export const FUSED_IN_GRID = Object.freeze(['relu', 'tanh']);

/**
 * @param {object} m figures of one side (wasm), all from the same run
 *   peakGflops          f32x4 mul+add peak, GFLOP/s (fastest window)
 *   trainFlopsPerSample dense FLOPs of one training sample (forward and backward)
 *   gridFlopsPerPoint   dense FLOPs of one grid point (forward)
 *   hiddenUnits         activations evaluated per point (sum of the hidden widths)
 *   cells               grid points
 *   activation          {name, forwardNs, forwardBackwardNs} of the workload's activation
 *   identity            the same for identity: the cost of the loop's load and store alone
 *   fusedInGrid         activations applied inside the affine tiles (FUSED_IN_GRID)
 * @returns {{training: object, grid: object}} ns and ms parts, and the floors
 */
export function workloadFloors({ peakGflops, trainFlopsPerSample, gridFlopsPerPoint, hiddenUnits, cells, activation,
                                 identity, fusedInGrid = FUSED_IN_GRID }) {
  if (!(peakGflops > 0)) throw new Error(`workloadFloors: peakGflops must be a positive number (got ${peakGflops})`);
  const denseNs = (flops) => flops / peakGflops;  // GFLOP/s = FLOPs per ns
  const trainDenseNs = denseNs(trainFlopsPerSample);
  const trainActivationNs = hiddenUnits * activation.forwardBackwardNs;
  const trainNs = trainDenseNs + trainActivationNs;
  const perUnitNs = fusedInGrid.includes(activation.name) ? Math.max(0, activation.forwardNs - identity.forwardNs)
    : activation.forwardNs;
  const gridActivationNs = hiddenUnits * perUnitNs;
  const gridDenseMs = (cells * denseNs(gridFlopsPerPoint)) / 1e6;
  const gridActivationMs = (cells * gridActivationNs) / 1e6;
  return {
    training: {
      dense_ns_per_sample: trainDenseNs,
      activation_ns_per_sample: trainActivationNs,
      floor_samples_per_second: 1e9 / trainNs,
    },
    grid: {
      dense_ms: gridDenseMs,
      activation_ms: gridActivationMs,
      floor_ms: gridDenseMs + gridActivationMs,
    },
  };
}

// How a measured figure and a goal stand against the floor. Fractions are of the floor's speed:
// 1 would be the floor itself. A goal above 1 is below the floor: out of reach on this machine.
export function againstFloor({ floorTime, measuredTime, goalTime }) {
  return {
    reached: floorTime / measuredTime,
    goal_needs: floorTime / goalTime,
    goal_below_floor: goalTime < floorTime,
  };
}

// Issue 19's goals: fractions of the floor measured in the same run. They replace the absolute
// goals of issue 10 (samples/s and ms set on another machine), which the bench still prints beside
// them, marked retired, so earlier rounds' figures stay comparable.
export const FLOOR_GOALS = Object.freeze({ training: 0.70, grid_tanh: 0.90, grid_relu: 0.85 });

/** Each workload's fraction of its floor against FLOOR_GOALS: {training: {reached, goal, met}, ...}. */
export function judgeFloorGoals(floor, goals = FLOOR_GOALS) {
  return Object.fromEntries(Object.entries(goals).map(([part, goal]) => {
    const reached = floor?.[part]?.reached;
    return [part, { reached: reached ?? null, goal, met: Number.isFinite(reached) && reached >= goal }];
  }));
}

// ---- measurement ---------------------------------------------------------------------------------
// This machine's speed drifts by up to 2x over minutes, so figures timed minutes apart do not
// compare with a floor timed at another moment. Each round therefore times, within about a second,
// the peak kernel, the activations' costs (one cost table over 4,096 elements), each grid (fastest
// of three calls) and a burst of training, and sets the grids and the training against the floor
// of that same round.

const medianOf = (values) => quantile(values, 0.5);
const secondsOf = (work) => {
  const start = performance.now();
  work();
  return (performance.now() - start) / 1e3;
};

/**
 * Runs `rounds` rounds through the lab API (web/lab/actlab.js) and returns one record per round.
 *   config       the workload's network config (camelCase, as lab.createNetwork takes it)
 *   peakMs       the peak kernel's window per round; trainCalls x stepsPerCall steps per round
 *   gridSide     the grid's width and height; *FlopsPerPoint/PerSample: the dense FLOPs counted
 *   goals        {samplesPerSecond, gridMs, reluGridMs}: the goals each round is set against
 */
export function measureFloorRounds(lab, { config, rounds, peakMs, trainCalls, stepsPerCall, gridSide,
                                          trainFlopsPerSample, gridFlopsPerPoint, goals }) {
  const names = [config.activation, 'relu', 'identity'];
  const hiddenUnits = config.hidden.reduce((a, b) => a + b, 0), grid = { width: gridSide, height: gridSide };
  const cells = gridSide * gridSide;
  const nets = Object.fromEntries([config.activation, 'relu'].map((a) => [a, lab.createNetwork({ ...config, activation: a })]));
  const trainer = lab.createNetwork(config);
  const batch = Math.min(config.batchSize, trainer.data().train.label.length);
  // Each grid copied into one reused Float32Array, as a caller of predictGrid(grid, into) does.
  const probs = new Float32Array(trainer.classes * cells);
  const fastestGridMs = (net) => Math.min(...Array.from({ length: 3 }, () => 1e3 * secondsOf(() => net.predictGrid(grid, probs))));
  try {
    trainer.train(stepsPerCall);  // tiers the step loop up before the first timed burst
    return Array.from({ length: rounds }, () => {
      const peakGflops = lab.peakFlops(peakMs);
      const table = lab.activationCosts({ activations: names, repeats: 3, windowMs: 2 });
      const costs = Object.fromEntries(table.map((r) => [r.name, r]));
      const gridMs = { [config.activation]: fastestGridMs(nets[config.activation]), relu: fastestGridMs(nets.relu) };
      const samples = trainCalls * stepsPerCall * batch;
      const trainSeconds = secondsOf(() => { for (let c = 0; c < trainCalls; c++) trainer.train(stepsPerCall); });
      const floorOf = (name) => workloadFloors({ peakGflops, trainFlopsPerSample, gridFlopsPerPoint, hiddenUnits, cells,
                                                 activation: costs[name], identity: costs.identity });
      const main = floorOf(config.activation), relu = floorOf('relu');
      return {
        peak_gflops: peakGflops,
        activation_costs_ns: Object.fromEntries(names.map((n) => [n, { forward: costs[n].forwardNs, forward_backward: costs[n].forwardBackwardNs }])),
        training: { ...main.training, measured_samples_per_second: samples / trainSeconds,
          ...againstFloor({ floorTime: 1 / main.training.floor_samples_per_second, measuredTime: trainSeconds / samples,
                            goalTime: 1 / goals.samplesPerSecond }) },
        grid_tanh: { ...main.grid, measured_ms: gridMs[config.activation],
          ...againstFloor({ floorTime: main.grid.floor_ms, measuredTime: gridMs[config.activation], goalTime: goals.gridMs }) },
        grid_relu: { ...relu.grid, measured_ms: gridMs.relu,
          ...againstFloor({ floorTime: relu.grid.floor_ms, measuredTime: gridMs.relu, goalTime: goals.reluGridMs }) },
      };
    });
  } finally {
    for (const net of [...Object.values(nets), trainer]) net.delete();
  }
}

// The report of measureFloorRounds' records: every field the median over rounds (a boolean: the
// majority), and the rounds themselves.
export function summariseFloorRounds(records) {
  const fieldMedians = (rows) => Object.fromEntries(Object.keys(rows[0]).map((k) =>
    [k, typeof rows[0][k] === 'boolean' ? rows.filter((r) => r[k]).length * 2 > rows.length : medianOf(rows.map((r) => r[k]))]));
  const part = (key) => fieldMedians(records.map((r) => r[key]));
  return {
    basis: 'wasm, interleaved rounds: each round measures the f32x4 peak, the activation costs (cost table, 4,096 elements), ' +
           'each grid (fastest of 3 calls) and a burst of training, and compares them within the round; medians over rounds. ' +
           'Floor: dense FLOPs at the peak + each hidden unit\'s activation at its measured cost; no softmax, optimizer, padding ' +
           'or overhead counted; in the grid, ReLU and tanh run inside the affine tiles and count their cost minus identity\'s ' +
           '(the loop\'s load and store). reached / goal_needs: fractions of the floor\'s speed',
    rounds: records.length,
    peak_gflops: medianOf(records.map((r) => r.peak_gflops)),
    activation_costs_ns: Object.fromEntries(Object.keys(records[0].activation_costs_ns).map((n) =>
      [n, fieldMedians(records.map((r) => r.activation_costs_ns[n]))])),
    training: part('training'),
    grid_tanh: part('grid_tanh'),
    grid_relu: part('grid_relu'),
    per_round: records,
  };
}
