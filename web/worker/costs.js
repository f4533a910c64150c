// MEASURE_COSTS: every activation's time per element, measured by the module in this worker
// (core/lib/cost_benchmark.hpp); blocks training meanwhile. Posts COSTS, or a NOTICE if it failed.
import { FromWorker } from '../session/protocol.js';

export function answerCosts(lab, msg, post) {
  const options = {};
  if (msg.elements) options.elements = msg.elements;
  if (msg.repeats) options.repeats = msg.repeats;
  if (msg.windowMs) options.windowMs = msg.windowMs;
  try {
    post({ type: FromWorker.COSTS, costs: lab.activationCosts(options) });
  } catch (err) {
    post({ type: FromWorker.NOTICE, level: 'error', message: `measuring activation costs failed: ${err?.message ?? err}` });
  }
}
