// The network diagram's numbers: |dL/dW| of every weight, from the core's lossAndGradient over the
// whole training set (the mean cross-entropy in evaluation mode: the gradients diagnose() bins for
// the why view), split by layer. Pure over the `lab` API, no messaging.
//
// The split follows the parameter order the API documents (web/lab/actlab.d.ts, core/lib/mlp.hpp):
// per layer, weight [out][in] row-major, then bias [out]; PReLU slopes after all layers.

/**
 * edgeGradients(net) -> {step, layerUnits: [inputs, ...hidden, classes],
 *   layers: [{in, out, magnitudes: Float32Array(out * in), |dL/dW| of the weight from input i to unit j at j * in + i}]}
 */
export function edgeGradients(net) {
  const { train } = net.data();
  const n = train.x.length;
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < n; i += 1) {
    xy[2 * i] = train.x[i];
    xy[2 * i + 1] = train.y[i];
  }
  const { gradient } = net.lossAndGradient(xy, train.label);
  const config = net.config();
  const layerUnits = [config.features.length, ...config.hidden, net.classes];
  const layers = [];
  let offset = 0;
  for (let l = 0; l + 1 < layerUnits.length; l += 1) {
    const inputs = layerUnits[l], out = layerUnits[l + 1];
    layers.push({ in: inputs, out, magnitudes: Float32Array.from(gradient.subarray(offset, offset + inputs * out), Math.abs) });
    offset += inputs * out + out;
  }
  return { step: net.steps(), layerUnits, layers };
}

