// lossAndGradient against central differences computed through the API itself (setParams, then
// lossAndGradient's loss), for every parameter of a small net, for every activation of the
// core's table (genann's model gradient test, through the WebAssembly boundary).
//
// Parameters are float32, so the step is h = 3e-3 (rounding noise ~1e-5, truncation ~1e-5) and
// the test asks for agreement to 0.5 % (relative, floored at 0.01 in absolute scale; smooth
// activations agree to ~0.15 % here). For activations with kinks (the table's smooth = false)
// a parameter is skipped when its central differences with steps h and h/3 disagree, which
// means a pre-activation sits within +-h of a kink; at most a fifth may be skipped.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail, interleave } from './lab-fixture.mjs';

const H = 3e-3;
const TOLERANCE = 5e-3;
const CONFIG = { hidden: [4, 3], dataset: 'gauss', classes: 3, features: ['x', 'y', 'sin_x'], seed: 7,
                 init: 'xavier_normal', points: 100 };

let lab;
let activations = [];
before(async () => {
  lab = await loadLabOrFail();
  activations = lab.activations();
});

const relativeError = (a, b) => Math.abs(a - b) / Math.max(1e-2, Math.abs(a) + Math.abs(b));

test('every activation: lossAndGradient agrees with central differences on every parameter', async (t) => {
  assert.ok(activations.length >= 17);
  for (const { name, smooth } of activations) {
    await t.test(name, () => {
      const net = lab.createNetwork({ ...CONFIG, activation: name });
      try {
        net.train(50);  // away from the initial weights, so that every layer carries gradient
        const { xy, labels } = interleave(net.data().train, 24);
        const p0 = net.getParams();
        const { gradient } = net.lossAndGradient(xy, labels);
        assert.equal(gradient.length, net.paramCount, 'one gradient entry per parameter');
        assert.deepEqual(net.getParams(), p0, 'lossAndGradient does not update the parameters');

        // Guard against a vacuous pass: the gradient is not (mostly) zero.
        const largest = gradient.reduce((m, g) => Math.max(m, Math.abs(g)), 0);
        const nonZero = gradient.filter((g) => g !== 0).length;
        assert.ok(largest > 1e-3, `largest |gradient| is ${largest}`);
        assert.ok(nonZero >= gradient.length / 2, `only ${nonZero} of ${gradient.length} entries are non-zero`);

        // Central difference of the loss in parameter i with step h, through the API.
        const centralDifference = (i, h) => {
          const p = p0.slice();
          p[i] = p0[i] + h;
          const up = p[i];
          net.setParams(p);
          const lossUp = net.lossAndGradient(xy, labels).loss;
          p[i] = p0[i] - h;
          const down = p[i];
          net.setParams(p);
          return (lossUp - net.lossAndGradient(xy, labels).loss) / (up - down);
        };
        let skipped = 0;
        for (let i = 0; i < p0.length; i++) {
          const central = centralDifference(i, H);
          // Near a kink, the difference quotient depends on the step; on smooth ground it does not.
          if (!smooth && relativeError(central, centralDifference(i, H / 3)) > TOLERANCE / 2) {
            skipped++;
            continue;
          }
          const error = relativeError(central, gradient[i]);
          assert.ok(error <= TOLERANCE,
                    `param ${i}: analytic ${gradient[i]}, central difference ${central} (relative error ${error.toExponential(2)})`);
        }
        net.setParams(p0);
        assert.ok(skipped <= p0.length / 5, `${skipped} of ${p0.length} parameters sat next to a kink`);
      } finally {
        net.delete();
      }
    });
  }
});

test('the loss is the mean cross-entropy of the given points', () => {
  const net = lab.createNetwork({ ...CONFIG, activation: 'tanh' });
  try {
    const { xy, labels } = interleave(net.data().train, 10);
    const all = net.lossAndGradient(xy, labels).loss;
    let sum = 0;
    for (let i = 0; i < 10; i++) {
      sum += net.lossAndGradient(xy.slice(2 * i, 2 * i + 2), labels.slice(i, i + 1)).loss;
    }
    assert.ok(Math.abs(all - sum / 10) < 1e-6, `${all} vs ${sum / 10}`);
  } finally {
    net.delete();
  }
});
