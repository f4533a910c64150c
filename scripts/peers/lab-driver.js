// The lab in the peer benchmark, exactly as a page uses it: loadLab() and the public JS API
// (web/lab/actlab.js), on the page's main thread like every peer here. The lab's own page runs the
// same calls in a Worker; the speed of a call does not depend on which thread makes it.
// (The import is a URL: the bench server serves web/ at '/' and this folder at '/peers/'.)
import { loadLab } from '../lab/actlab.js';
import { WORKLOAD, labConfig } from './workload.js';

const STEPS_PER_CALL = 100;  // 1,000 samples per train() call; the per-call cost is a few microseconds

export async function createLabDriver(grid) {
  const lab = await loadLab();
  const net = lab.createNetwork(labConfig());
  const { train } = net.data();
  const { width, height } = grid;
  return {
    id: 'lab',
    engine: 'Activation Lab',
    label: 'lab (actlab.js, wasm)',
    how: `net.train(${STEPS_PER_CALL}) / net.predictGrid({width: ${width}, height: ${height}})`,
    // What the peers copy: the same points and the same initial weights.
    data: { x: train.x, y: train.y, label: train.label },
    initialParams: net.getParams(),
    trainUnit() {
      return net.train(STEPS_PER_CALL).length * WORKLOAD.batchSize;  // fewer steps if it diverged
    },
    gridUnit() {
      return net.predictGrid({ width, height });
    },
    // probability(point, class) of a grid result: planar, out[c * W * H + i].
    gridProbability(out) {
      const cells = width * height;
      return (i, c) => out[c * cells + i];
    },
    trainLoss() {
      return net.evaluate().trainLoss;
    },
    steps() { return net.steps(); },
  };
}
