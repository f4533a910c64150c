// The curves figure's data (lab.activationCurves), the network diagram's (web/worker/edge-gradients.js)
// and the sparsity figure's new diagnostics field, through the JS API.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail, interleave, runCli } from './lab-fixture.mjs';
import { edgeGradients } from '../../web/worker/edge-gradients.js';

let lab;
before(async () => { lab = await loadLabOrFail(); });

test('curves: f and f\u2032 from the core, with the table\u2019s bounds 0.25, 1, 1', () => {
  const curves = lab.activationCurves({ activations: ['sigmoid', 'tanh', 'relu'], xMin: -6, xMax: 6, points: 241 });
  assert.deepEqual(curves.map((c) => [c.name, c.maxDerivative]), [['sigmoid', 0.25], ['tanh', 1], ['relu', 1]]);
  const table = new Map(lab.activations().map((a) => [a.name, a.maxDerivative]));
  for (const c of curves) {
    assert.equal(c.maxDerivative, table.get(c.name));
    assert.ok(c.x instanceof Float32Array && c.f instanceof Float32Array && c.df instanceof Float32Array);
    assert.equal(c.x.length, 241);
    assert.equal(c.x[120], 0);
    for (const d of c.df) assert.ok(Math.abs(d) <= c.maxDerivative * (1 + 1e-6));
  }
  assert.equal(curves[0].df[120], 0.25);
  assert.equal(curves[1].df[120], 1);
  assert.equal(curves[2].df[140], 1);
  assert.equal(curves[2].f[100], 0);
  assert.equal(lab.activationCurves().length, lab.activations().length, 'every activation by default');
});

test('curves: bad options name their field', () => {
  assert.throws(() => lab.activationCurves({ activations: ['relu7'] }), (e) => e.field === 'activations');
  assert.throws(() => lab.activationCurves({ points: 1 }), (e) => e.field === 'points' && /out of range \[2, 4096\]/.test(e.message));
  assert.throws(() => lab.activationCurves({ xMin: 2, xMax: 1 }), (e) => e.field === 'xMax');
  assert.throws(() => lab.activationCurves({ xMin: NaN }), (e) => e.field === 'xMin');
  assert.throws(() => lab.activationCurves({ step: 1 }), /step/);
});

test('edge gradients are the core\u2019s per-weight |dL/dW| over the training set, split by layer', () => {
  const net = lab.createNetwork({ activation: 'tanh', hidden: [3, 2], points: 60, seed: 5, features: ['x', 'y', 'x_squared'] });
  try {
    const g = edgeGradients(net);
    assert.deepEqual(g.layerUnits, [3, 3, 2, 2]);
    assert.deepEqual(g.layers.map((l) => [l.in, l.out]), [[3, 3], [3, 2], [2, 2]]);
    const { xy, labels } = interleave(net.data().train);
    const { gradient } = net.lossAndGradient(xy, labels);
    // Weights [out][in] then biases, layer by layer: layer 1's first weight follows layer 0's 9 weights and 3 biases.
    assert.equal(g.layers[0].magnitudes[0], Math.abs(gradient[0]));
    assert.equal(g.layers[0].magnitudes[1 * 3 + 2], Math.abs(gradient[5]));
    assert.equal(g.layers[1].magnitudes[0], Math.abs(gradient[12]));
    assert.equal(g.layers[2].magnitudes[3], Math.abs(gradient[12 + 6 + 2 + 3]));
    assert.equal(gradient.length, 12 + 8 + 6, 'nothing left over');
    // And they are what diagnose() sees: the first layer's gradient norm.
    const norm = Math.hypot(...g.layers[0].magnitudes);
    assert.ok(Math.abs(norm - net.diagnostics().layers[0].weightGradNorm) <= 1e-6 * norm);
  } finally {
    net.delete();
  }
});

test('the diagnostics carry the share of multiply-adds by an exact zero', () => {
  for (const [activation, init] of [['relu', 'he'], ['tanh', 'xavier']]) {
    const net = lab.createNetwork({ activation, init, hidden: [16, 16, 16], seed: 2 });
    try {
      const d = net.diagnostics();
      assert.equal(typeof d.zeroMultiplyAddFraction, 'number');
      for (const l of d.layers) assert.equal(typeof l.zeroInputFraction, 'number');
      // A layer's inputs are the previous layer's outputs.
      for (let l = 1; l < d.layers.length; l += 1) assert.ok(Math.abs(d.layers[l].zeroInputFraction - d.layers[l - 1].zeroFraction) < 1e-12);
      const native = runCli(['probe', '--json', '--activation', activation, '--init', init, '--depth', '3', '--width', '16', '--seed', '2']);
      assert.equal(d.zeroMultiplyAddFraction, native.zero_multiply_add_fraction, 'the same share natively');
      native.layers.forEach((l, i) => assert.equal(d.layers[i].zeroInputFraction, l.zero_input_fraction));
      if (activation === 'relu') assert.ok(d.zeroMultiplyAddFraction > 0.2, String(d.zeroMultiplyAddFraction));
      else assert.equal(d.zeroMultiplyAddFraction, 0);
    } finally {
      net.delete();
    }
  }
});
