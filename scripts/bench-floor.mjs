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

/**
 * @param {object} m figures of one side (wasm), all from the same run
 *   peakGflops          f32x4 mul+add peak, GFLOP/s (fastest window)
 *   trainFlopsPerSample dense FLOPs of one training sample (forward and backward)
 *   gridFlopsPerPoint   dense FLOPs of one grid point (forward)
 *   hiddenUnits         activations evaluated per point (sum of the hidden widths)
 *   cells               grid points
 *   activation          {name, forwardNs, forwardBackwardNs} of the workload's activation
 *   identity            the same for identity: the cost of the loop's load and store alone
 *   fusedInGrid         activations applied inside the affine tiles of prediction passes (in wasm:
 *                       the kernels with kFusedIntoAffine in core/lib/activation_kernels.hpp)
 * @returns {{training: object, grid: object}} ns and ms parts, and the floors
 */
export const FUSED_IN_GRID = Object.freeze(['relu', 'tanh']);
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
