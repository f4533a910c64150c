// The JS API of web/lab/actlab.js (actlab.d.ts): tables from the core, defaults in one place,
// the documented parameter order (PyTorch nn.Linear's), grid layout, races, custom data,
// divergence, diagnostics, and copies rather than views.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail } from './lab-fixture.mjs';

let lab;
before(async () => { lab = await loadLabOrFail(); });

function using(network, body) {
  try {
    return body(network);
  } finally {
    network.delete();
  }
}

// Forward pass in plain JS for an identity / PReLU MLP with parameters in the documented order:
// per layer weight [out][in] row-major then bias [out]; then the PReLU slopes per PReLU layer.
function referenceProbabilities(params, sizes, input, prelu = false) {
  let offset = 0, a = input;
  const layers = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [n, m] = [sizes[l], sizes[l + 1]];
    layers.push({ w: offset, b: offset + n * m, n, m });
    offset += n * m + m;
  }
  layers.forEach(({ w, b, n, m }, l) => {
    const z = Array.from({ length: m }, (_, j) => {
      let sum = params[b + j];
      for (let k = 0; k < n; k++) sum += params[w + j * n + k] * a[k];
      return sum;
    });
    const hidden = l + 1 < layers.length;
    a = !hidden ? z : z.map((v, j) => (v > 0 || !prelu ? v : params[offset + j] * v));
    if (hidden && prelu) offset += m;
  });
  const max = Math.max(...a), e = a.map((v) => Math.exp(v - max)), s = e.reduce((x, y) => x + y);
  return e.map((v) => v / s);
}

test('loadLab returns the same Lab every time', async () => {
  assert.equal(await loadLabOrFail(), lab);
});

test('tables come from the core, and the config fields list them', () => {
  const fields = Object.fromEntries(lab.configFields().map((f) => [f.name, f]));
  const names = lab.activations().map((a) => a.name);
  assert.ok(names.length >= 17);
  assert.equal(new Set(names).size, names.length, 'unique names');
  assert.deepEqual(fields.activation.choices, names);
  assert.deepEqual(fields.dataset.choices, lab.datasets().map((d) => d.name));
  assert.deepEqual(fields.init.choices, lab.initialisers().map((i) => i.name));
  const sigmoid = lab.activations().find((a) => a.name === 'sigmoid');
  assert.equal(sigmoid.maxDerivative, 0.25);
  assert.equal(sigmoid.saturating, true);
  assert.equal(lab.activations().find((a) => a.name === 'prelu').paramKind, 'learnable');
  assert.equal(lab.activations().find((a) => a.name === 'leaky_relu').paramDefault, 0.01);
  for (const f of lab.configFields()) assert.match(f.name, /^[a-z][a-zA-Z0-9]*$/, 'camelCase keys');
});

test('defaults live in one place: defaultConfig, the field table and an empty config agree', () => {
  const defaults = lab.defaultConfig();
  assert.deepEqual(Object.keys(defaults), lab.configFields().map((f) => f.name));
  for (const f of lab.configFields()) assert.deepEqual(defaults[f.name], f.default, f.name);
  // Float fields read as typed (0.03), not as the float's exact value (0.029999999329447746).
  const shortest = (v) => {
    for (let p = 1; p <= 9; p++) if (Math.fround(Number(v.toPrecision(p))) === Math.fround(v)) return Number(v.toPrecision(p));
    return v;
  };
  for (const f of lab.configFields().filter((f) => f.type === 'number')) {
    assert.equal(defaults[f.name], shortest(defaults[f.name]), f.name);
  }
  using(lab.createNetwork(), (net) => assert.deepEqual(net.config(), defaults));
  using(lab.createNetwork({}), (net) => assert.deepEqual(net.config(), defaults));
});

test('a config read back from a network is accepted as input (URL state round trip)', () => {
  const config = { ...lab.defaultConfig(), activation: 'gelu', hidden: [5, 3], layerActivations: ['relu', 'tanh'], seed: 9 };
  using(lab.createNetwork(config), (a) => using(lab.createNetwork(a.config()), (b) => {
    assert.deepEqual(b.config(), a.config());
    assert.deepEqual(b.getParams(), a.getParams());
  }));
});

test('parameters are in PyTorch nn.Linear order, PReLU slopes last', () => {
  for (const prelu of [false, true]) {
    const config = { activation: prelu ? 'prelu' : 'identity', hidden: [3, 4], features: ['x', 'y'], dataset: 'spiral', classes: 2, seed: 4 };
    using(lab.createNetwork(config), (net) => {
      const expectedCount = (2 * 3 + 3) + (3 * 4 + 4) + (4 * 2 + 2) + (prelu ? 3 + 4 : 0);
      assert.equal(net.paramCount, expectedCount);
      const params = Float32Array.from({ length: expectedCount }, (_, i) => Math.sin(1.7 * i + 0.3));
      net.setParams(params);
      assert.deepEqual(net.getParams(), params);
      for (const [x, y, label] of [[0.5, -1.25, 0], [-2, -0.5, 1], [1.5, 2.5, 1]]) {
        const p = referenceProbabilities(params, [2, 3, 4, 2], [x, y], prelu);
        const { loss } = net.lossAndGradient(new Float32Array([x, y]), new Int32Array([label]));
        assert.ok(Math.abs(loss - -Math.log(p[label])) < 1e-5, `loss ${loss} vs ${-Math.log(p[label])}`);
      }
    });
  }
});

test('predictGrid is planar, row 0 at the top, and sums to 1 per cell', () => {
  using(lab.createNetwork({ activation: 'identity', hidden: [3], classes: 3, dataset: 'gauss', seed: 5 }), (net) => {
    assert.equal(net.predictGrid().length, 3 * 128 * 128, 'default 128x128');
    const grid = { xMin: -2, xMax: 4, yMin: -1, yMax: 3, width: 6, height: 4 };
    const out = net.predictGrid(grid);
    const cells = 24, params = net.getParams();
    for (let row = 0; row < 4; row++) {
      for (let col = 0; col < 6; col++) {
        const x = -2 + (col + 0.5) * 1, y = 3 - (row + 0.5) * 1;
        const p = referenceProbabilities(params, [2, 3, 3], [x, y]);
        let sum = 0;
        for (let c = 0; c < 3; c++) {
          const v = out[c * cells + row * 6 + col];
          sum += v;
          assert.ok(Math.abs(v - p[c]) < 1e-5, `cell (${row}, ${col}) class ${c}: ${v} vs ${p[c]}`);
        }
        assert.ok(Math.abs(sum - 1) < 1e-5);
      }
    }
  });
});

test('predictGrid(grid, into) writes the same values into the caller\'s array; without it each grid is a fresh copy', () => {
  using(lab.createNetwork({ hidden: [5], classes: 2, seed: 2 }), (a) => using(lab.createNetwork({ hidden: [5], classes: 2, seed: 9 }), (b) => {
    const grid = { width: 7, height: 3 };
    const fresh = net => net.predictGrid(grid);
    const first = fresh(a), other = fresh(b);
    assert.notDeepEqual(first, other, 'two networks, two grids');
    assert.deepEqual(fresh(a), first, 'a fresh grid is not overwritten by the next network\'s');
    const into = new Float32Array(2 * 21).fill(NaN);
    assert.equal(a.predictGrid(grid, into), into, 'returns the array it was given');
    assert.deepEqual(into, first);
    b.predictGrid(grid, into);
    assert.deepEqual(into, other, 'reused for another network');
    const wrong = (value, kind, params) => {
      const error = (() => { try { a.predictGrid(grid, value); } catch (e) { return e; } return null; })();
      assert.ok(error instanceof Error, `${kind}: throws`);
      assert.equal(error.field, 'into');
      assert.equal(error.kind, kind);
      assert.deepEqual(error.params, { field: 'into', ...params });
    };
    wrong(new Float32Array(41), 'length_mismatch', { length: 41, expected: 42 });
    wrong(new Float64Array(42), 'wrong_type', { expected: 'a Float32Array', got: 'a Float64Array' });
    wrong([], 'wrong_type', { expected: 'a Float32Array', got: 'an array' });
  }));
});

test('a race: same data, same initial weights, same batches; members are borrowed', () => {
  const race = lab.createRace({ members: ['relu', 'tanh', { activation: 'relu', init: 'he' }], hidden: [6, 6], seed: 3 });
  try {
    assert.equal(race.size, 3);
    const [a, b, c] = [0, 1, 2].map((i) => race.member(i));
    assert.equal(race.member(1), b, 'one wrapper per member');
    assert.deepEqual(a.getParams(), b.getParams(), 'same initial weights');
    assert.notDeepEqual(a.getParams(), c.getParams(), 'another initialiser');
    assert.deepEqual(a.data(), b.data(), 'same data');
    assert.equal(b.config().activation, 'tanh');
    const losses = race.train(25);
    assert.equal(losses.length, 3);
    assert.ok(losses.every((l) => l instanceof Float32Array && l.length === 25));
    // The same network alone, from the same seed, takes the same steps.
    using(lab.createNetwork({ hidden: [6, 6], seed: 3, activation: 'tanh' }), (solo) => {
      assert.deepEqual(solo.train(25), losses[1]);
    });
    assert.throws(() => a.delete(), /belongs to a race/);
  } finally {
    race.delete();
  }
});

test('custom data: points, labels, classes and a test split', () => {
  const n = 40, points = new Float32Array(2 * n), labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    points[2 * i] = Math.cos(i);
    points[2 * i + 1] = Math.sin(i);
    labels[i] = i % 3;
  }
  using(lab.createNetwork({ hidden: [4] }, { points, labels, classes: 3, testFraction: 0.25 }), (net) => {
    assert.equal(net.classes, 3);
    const data = net.data();
    assert.equal(data.classes, 3);
    assert.equal(data.test.label.length, 10);
    assert.equal(data.train.label.length, 30);
    assert.equal(net.train(5).length, 5);
  });
  const race = lab.createRace({ members: ['relu', 'tanh'], hidden: [4] }, { points, labels, classes: 3 });
  try {
    assert.equal(race.member(1).classes, 3);
    assert.deepEqual(race.member(0).data(), race.member(1).data());
    assert.equal(race.member(0).data().train.label.length, 40, 'testFraction defaults to 0 for custom data');
  } finally {
    race.delete();
  }
});

test('divergence stops training and says where', () => {
  using(lab.createNetwork({ learningRate: 10, init: 'normal', hidden: [64, 64, 64], optimizer: 'momentum', momentum: 0.99 }), (net) => {
    const losses = net.train(2000);
    assert.equal(net.diverged(), true);
    assert.equal(typeof net.divergedAt(), 'number');
    assert.equal(losses.length, net.divergedAt() - 1);
    assert.equal(net.train(10).length, 0);
    assert.ok(net.getParams().every(Number.isFinite), 'the last finite parameters are kept');
  });
  using(lab.createNetwork(), (net) => {
    net.train(10);
    assert.equal(net.diverged(), false);
    assert.equal(net.divergedAt(), null);
  });
});

test('diagnostics: one entry per layer, histograms as typed arrays', () => {
  using(lab.createNetwork({ activation: 'relu', hidden: [8, 8] }), (net) => {
    net.train(50);
    const d = net.diagnostics();
    assert.equal(d.step, 50);
    assert.equal(d.layers.length, 3);
    assert.equal(d.layers[2].activation, 'softmax');
    const { gradBins, actBins } = d.histogramEdges;
    for (const [i, layer] of d.layers.entries()) {
      assert.ok(layer.gradHistogram instanceof Uint32Array);
      assert.equal(layer.gradHistogram.length, gradBins);
      assert.equal(layer.activationHistogram.length, i < 2 ? actBins : 0);
      assert.ok(layer.weightNorm > 0);
    }
    assert.ok(d.layers[0].zeroFraction > 0, 'ReLU outputs exact zeros');
    assert.ok(Number.isFinite(d.metrics.trainLoss));
  });
});

test('the activation cost benchmark has one row per activation', () => {
  const rows = lab.activationCosts({ elements: 4096, repeats: 2, windowMs: 0.5 });
  assert.deepEqual(rows.map((r) => r.name), lab.activations().map((a) => a.name));
  for (const r of rows) assert.ok(r.forwardNs > 0 && r.libmForwardBackwardNs > 0, r.name);
});

test('returned arrays are copies that survive memory growth', () => {
  using(lab.createNetwork({ hidden: [4] }), (net) => {
    const params = net.getParams(), copy = params.slice();
    params.fill(0);
    assert.deepEqual(net.getParams(), copy, 'mutating a result does not touch the network');
    const losses = net.train(5), lossesCopy = losses.slice();
    const before = lab.memoryStats().heapSize;
    // Grow the heap: views into wasm memory taken before would now be detached (length 0).
    const big = Array.from({ length: 40 }, () => lab.createNetwork({ points: 20000 }));
    assert.ok(lab.memoryStats().heapSize > before, 'the heap grew');
    for (const b of big) b.delete();
    assert.deepEqual(losses, lossesCopy);
    assert.equal(params.length, copy.length);
  });
});
