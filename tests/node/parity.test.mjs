// Native/wasm parity: the same config and seed give bit-identical results in the native CLI
// (build-native/actlab, run here, in the same test run) and in the WebAssembly module, for every
// activation of the core's table. Tolerance: none. Both builds use the core's own exp/tanh/erf/
// sin kernels (no libm), PCG32 with its own transforms (no std:: distributions), a fixed
// summation order and -ffp-contract=off, so every float must match bit for bit.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail, runCli, configFlags, snakeCase, float32Bits } from './lab-fixture.mjs';

const STEPS = 200;

// Each config runs once per activation (the activation key is set per run).
const PER_ACTIVATION = [
  { name: 'sgd lr 0.03, spiral, 8-8-8, seed 3', config: { seed: 3, optimizer: 'sgd', learningRate: 0.03, hidden: [8, 8, 8] } },
  {
    name: 'adam, moons, features x y sin_x x_times_y, 6-5, seed 11',
    config: { seed: 11, dataset: 'moons', features: ['x', 'y', 'sin_x', 'x_times_y'], hidden: [6, 5],
              optimizer: 'adam', learningRate: 0.01, batchSize: 16 },
  },
];

// Runs once: per-layer activations (PReLU's learned slopes, RReLU's random slopes, GELU),
// Nesterov momentum, L1 + L2, gradient clipping, 3 classes, squared and sine features.
const MIXED = {
  name: 'nesterov + l1 + l2 + clipping, gauss 3 classes, prelu/rrelu/gelu layers, seed 5',
  config: { seed: 5, dataset: 'gauss', classes: 3, features: ['x_squared', 'y_squared', 'sin_y', 'x'],
            hidden: [7, 6, 5], layerActivations: ['prelu', 'rrelu', 'gelu'], init: 'he',
            optimizer: 'momentum', nesterov: true, momentum: 0.8, l1: 0.0005, l2: 0.001, clipNorm: 1, batchSize: 7 },
};

let lab;
before(async () => { lab = await loadLabOrFail(); });

function firstMismatch(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

function checkParity(config) {
  const native = runCli(['train', '--steps', String(STEPS), '--json', '--params', ...configFlags(config)]);
  const net = lab.createNetwork(config);
  const fresh = lab.createNetwork(config);
  try {
    const losses = net.train(STEPS);
    const wasmConfig = net.config();

    // The CLI read the same config (a flag silently ignored would make the comparison moot).
    for (const [key, value] of Object.entries(wasmConfig)) {
      const nativeValue = native.config[snakeCase(key)];
      if (typeof value === 'number') {
        assert.equal(Math.fround(nativeValue), Math.fround(value), `config.${key}`);
      } else {
        assert.deepEqual(nativeValue, value, `config.${key}`);
      }
    }

    assert.equal(net.steps(), native.steps, 'steps taken');
    assert.equal(net.diverged(), native.diverged, 'diverged');
    assert.equal(net.divergedAt(), native.diverged_at, 'diverged at');
    assert.ok(losses.length > 0, 'at least one step was taken');

    const wasmParams = net.getParams();
    assert.equal(wasmParams.length, native.params.length, 'parameter count');
    const nativeBits = float32Bits(native.params), wasmBits = float32Bits(wasmParams);
    const i = firstMismatch(nativeBits, wasmBits);
    assert.equal(i, -1, i < 0 ? '' : `param ${i}: native ${native.params[i]}, wasm ${wasmParams[i]} ` +
                               `(bits ${nativeBits[i].toString(16)} vs ${wasmBits[i].toString(16)})`);

    assert.equal(float32Bits([native.last_batch_loss])[0], float32Bits([losses.at(-1)])[0], 'last batch loss');
    const metrics = net.evaluate();
    for (const key of ['train_loss', 'test_loss', 'train_accuracy', 'test_accuracy']) {
      const camel = key.replace(/_(\w)/g, (_, c) => c.toUpperCase());
      assert.equal(metrics[camel], native.metrics[key] ?? NaN, `metrics.${camel}`);
    }

    // Not vacuous: training moved the parameters away from the initial ones.
    const initial = float32Bits(fresh.getParams());
    assert.ok(firstMismatch(initial, wasmBits) >= 0, 'the parameters changed during training');
  } finally {
    net.delete();
    fresh.delete();
  }
}

describe('native and wasm train to bit-identical parameters', () => {
  let names = [];
  before(() => { names = lab.activations().map((a) => a.name); });

  test('the activation table is not empty', () => {
    assert.ok(names.length >= 17, `${names.length} activations`);
  });

  for (const { name, config } of PER_ACTIVATION) {
    test(name, async (t) => {
      for (const activation of names) {
        await t.test(activation, () => checkParity({ ...config, activation }));
      }
    });
  }

  test(MIXED.name, () => checkParity(MIXED.config));
});

