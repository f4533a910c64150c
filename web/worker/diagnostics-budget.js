// Whether a run's why view can be updated live. One diagnostics call is one core call over the
// whole training set (it cannot be sliced), so for a deep, wide network on many points it would
// hold the worker for seconds, during which the lab could not answer.
//
// Decided by the work the call does, never by a measured time: a clock-based estimate turned the
// why view off for small nets whenever the machine was busy (a loaded CI machine read the default
// 350-point race as "about 0.5 s each"), so what the reader saw depended on the load.

/**
 * Most multiply-adds of one network's forward pass over the training set for which the why view
 * stays live. A diagnostics call costs about 2.3-2.8 ns per forward multiply-add in wasm (forward,
 * backward and the statistics; measured in Node 20 on this project's 2-core machine: a 10 x 64 tanh
 * net on 14,000 training points, 5.2e8 multiply-adds, took 1.2 s), so 1.5e8 is ~400 ms: that net is
 * skipped, a 3 x 32 net on 14,000 points (3e7) or the default 5 x 8 on 350 points (1e5) is live.
 */
export const DIAGNOSTICS_BUDGET_MULTIPLY_ADDS = 1.5e8;

/** Multiply-adds of one forward pass of one point: features -> hidden layers -> classes. */
export function multiplyAddsPerPoint({ features, hidden, classes }) {
  const widths = [features.length, ...hidden, classes];
  let total = 0;
  for (let i = 1; i < widths.length; i++) total += widths[i - 1] * widths[i];
  return total;
}

/** True when one network's diagnostics over `trainSize` points fit the budget. */
export function diagnosticsFitBudget(config, trainSize) {
  return trainSize * multiplyAddsPerPoint(config) <= DIAGNOSTICS_BUDGET_MULTIPLY_ADDS;
}
