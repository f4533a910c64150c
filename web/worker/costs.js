// MEASURE_COSTS: every activation's time per element, measured by the module in this worker
// (core/lib/cost_benchmark.hpp). One job for the deferred queue (deferred-work.js): the core
// interleaves its rounds over all activations in one call (~0.75 s with the page's options), which
// is what makes the figures comparable, so it is not cut into smaller calls. Posts COSTS, or a
// NOTICE if it failed.
import { FromWorker } from '../session/protocol.js';

export function costsJobs(lab, msg, post) {
  const options = {};
  if (msg.elements) options.elements = msg.elements;
  if (msg.repeats) options.repeats = msg.repeats;
  if (msg.windowMs) options.windowMs = msg.windowMs;
  return [() => post({ type: FromWorker.COSTS, costs: lab.activationCosts(options) })];
}

export function costsFailure(post) {
  return (err) => post({ type: FromWorker.NOTICE, level: 'error', message: `measuring activation costs failed: ${err?.message ?? err}` });
}
