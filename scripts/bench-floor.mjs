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
// already vectorised. ReLU is counted at zero in the grid, where it runs inside the affine tiles.
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
 *   fusedInGrid         activation names applied inside the affine tiles of prediction passes
 * @returns {{training: object, grid: object}} ns and ms parts, and the floors
 */
export function workloadFloors({ peakGflops, trainFlopsPerSample, gridFlopsPerPoint, hiddenUnits, cells, activation,
                                 fusedInGrid = ['relu'] }) {
  if (!(peakGflops > 0)) throw new Error(`workloadFloors: peakGflops must be a positive number (got ${peakGflops})`);
  const denseNs = (flops) => flops / peakGflops;  // GFLOP/s = FLOPs per ns
  const trainDenseNs = denseNs(trainFlopsPerSample);
  const trainActivationNs = hiddenUnits * activation.forwardBackwardNs;
  const trainNs = trainDenseNs + trainActivationNs;
  const gridActivationNs = fusedInGrid.includes(activation.name) ? 0 : hiddenUnits * activation.forwardNs;
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
