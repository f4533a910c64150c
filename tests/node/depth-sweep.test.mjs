// The depth figure's data side (web/worker/depth-sweep.js): its ratios are `actlab probe`'s, cell
// by cell (same seed, same settings, native CLI against the wasm module), it works in slices of
// one net, and it is cached per setting.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail, runCli, configFlags } from './lab-fixture.mjs';
import { DepthSweep, DepthSweepCache, DEPTH_WIDTH, depthLimit, depthSettingKey } from '../../web/worker/depth-sweep.js';

let lab;
let DEPTH_MAX;  // the core's limit on hidden layers, as the figure reads it
before(async () => {
  lab = await loadLabOrFail();
  DEPTH_MAX = depthLimit(lab);
});

const run = (sweep) => { let slices = 0; while (sweep.step()) slices += 1; return slices + 1; };

test('every ratio of the depth figure equals actlab probe for the same seed and settings', () => {
  const config = { dataset: 'xor', points: 300, seed: 11 };
  for (const init of ['usual', 'normal']) {
    const sweep = new DepthSweep(lab, { activations: ['sigmoid', 'tanh', 'relu'], init, config, seeds: 2 });
    run(sweep);
    const { items } = sweep.result();
    // A sample of cells across activations, depths and seeds (each CLI call takes a moment).
    for (const [name, depth, s] of [['sigmoid', 1, 0], ['sigmoid', 7, 1], ['tanh', 4, 0], ['tanh', DEPTH_MAX, 1], ['relu', 8, 0], ['relu', 2, 1]]) {
      const item = items.find((i) => i.name === name);
      const seed = config.seed + s;
      const native = runCli(['probe', '--json', '--activation', name, '--depth', String(depth), '--width', String(DEPTH_WIDTH),
        '--init', item.init, ...configFlags({ ...config, seed })]);
      assert.equal(native.config.init, item.init);
      const point = item.points.find((p) => p.depth === depth);
      assert.equal(point.ratios[s], native.first_last_grad_ratio, `${name} ${init} depth ${depth} seed ${seed}`);
    }
  }
});

test('the usual init is each activation\u2019s own: Xavier for sigmoid and tanh, He for ReLU', () => {
  const sweep = new DepthSweep(lab, { activations: ['sigmoid', 'tanh', 'relu'], init: 'usual', seeds: 1 });
  assert.deepEqual(Object.fromEntries(sweep.inits), { sigmoid: 'xavier', tanh: 'xavier', relu: 'he' });
  const he = new DepthSweep(lab, { activations: ['sigmoid', 'relu'], init: 'he', seeds: 1 });
  assert.deepEqual([...he.inits.values()], ['he', 'he']);
});

test('one net per slice; median and spread over seeds; partial results show what is done', () => {
  const sweep = new DepthSweep(lab, { activations: ['sigmoid', 'relu'], init: 'usual', config: { seed: 3 }, seeds: 3 });
  assert.equal(sweep.progress.total, 2 * DEPTH_MAX * 3);
  sweep.step();
  let r = sweep.result();
  assert.equal(r.progress.cells, 1);
  assert.equal(r.done, false);
  assert.deepEqual(r.items.map((i) => i.points.length), [1, 0]);
  assert.equal(run(sweep), 2 * DEPTH_MAX * 3 - 1);
  r = sweep.result();
  assert.equal(r.done, true);
  for (const item of r.items) {
    assert.equal(item.points.length, DEPTH_MAX);
    for (const p of item.points) {
      assert.equal(p.ratios.length, 3);
      const sorted = p.ratios.slice().sort((a, b) => a - b);
      assert.deepEqual([p.min, p.median, p.max], sorted);
    }
  }
  // The vanishing story, from the core: sigmoid's deepest median far below ReLU's.
  const deepest = (name) => r.items.find((i) => i.name === name).points[DEPTH_MAX - 1].median;
  assert.ok(deepest('sigmoid') < 1e-4 * deepest('relu'), `${deepest('sigmoid')} vs ${deepest('relu')}`);
});

test('sweeps are cached per setting, and a changed setting is another sweep', () => {
  const cache = new DepthSweepCache(lab, { limit: 2 });
  const a = cache.sweepFor({ activations: ['relu'], init: 'he', config: { seed: 1 }, seeds: 1 });
  a.step();
  assert.equal(cache.sweepFor({ activations: ['relu'], init: 'he', config: { seed: 1 }, seeds: 1 }), a, 'resumed, not restarted');
  const b = cache.sweepFor({ activations: ['relu'], init: 'xavier', config: { seed: 1 }, seeds: 1 });
  assert.notEqual(b, a);
  assert.notEqual(depthSettingKey(a.settings), depthSettingKey(b.settings));
  // The page's own net shape is not the figure's (it sweeps depth itself); the data is.
  assert.equal(depthSettingKey({ activations: ['relu'], init: 'he', config: { seed: 1, learningRate: 0.3, hidden: [4] } }),
    depthSettingKey({ activations: ['relu'], init: 'he', config: { seed: 1, learningRate: 0.3, hidden: [8, 8] } }));
  assert.notEqual(depthSettingKey({ activations: ['relu'], init: 'he', config: { dataset: 'xor' } }),
    depthSettingKey({ activations: ['relu'], init: 'he', config: { dataset: 'spiral' } }));
});

test('bad settings are refused with the field named', () => {
  assert.throws(() => new DepthSweep(lab, { activations: ['relu7'] }), /activations: 'relu7' is not one of/);
  assert.throws(() => new DepthSweep(lab, { activations: ['relu'], init: 'lecun' }), /init: 'lecun' is not one of usual, xavier, he, normal/);
  assert.throws(() => new DepthSweep(lab, { activations: ['relu'], seeds: 0 }), /seeds: 0 is out of range/);
  const bad = new DepthSweep(lab, { activations: ['relu'], config: { points: 3 } });
  assert.throws(() => bad.step(), (err) => err.field === 'points');
});

// The depth view's lede (catalog page.depth.lede, index.html) tells the reader what to look for when
// trying the inits; issue 16 forbids a figure that contradicts its words. On the page's default data,
// over the figure's seeds: sigmoid vanishes with every init; tanh holds up with Xavier at moderate
// depth; with N(0, 1) tanh's units saturate, yet its ratio GROWS with depth (weights of std 1 over
// 16 inputs amplify the backward signal more than the saturated slopes shrink it): it explodes, it
// does not vanish, and the lede must say so (it once said "vanishes with N(0, 1)").
test('the depth view\u2019s lede says what the sweep shows on the default data, init by init', async () => {
  const { default: app } = await import('../../web/i18n/catalogs/en/app.js');
  const lede = app['page.depth.lede'];
  const medians = (activation, init) => {
    const sweep = new DepthSweep(lab, { activations: [activation], init });
    run(sweep);
    return sweep.result().items[0].points.map((p) => p.median);
  };
  for (const init of ['usual', 'xavier', 'he', 'normal']) {
    const sigmoid = medians('sigmoid', init);
    assert.ok(sigmoid[DEPTH_MAX - 1] < 1e-2, `sigmoid with ${init}: ${sigmoid[DEPTH_MAX - 1]} at depth ${DEPTH_MAX}`);
  }
  assert.match(lede, /sigmoid vanishes with every one/);

  const xavier = medians('tanh', 'xavier');
  for (const m of xavier.slice(0, 6)) assert.ok(m > 0.1 && m < 10, `tanh with Xavier at moderate depth: ${xavier}`);
  assert.match(lede, /tanh holds up with Xavier at moderate depth/);

  const normal = medians('tanh', 'normal');
  assert.ok(normal[DEPTH_MAX - 1] > 5 * normal[0] && normal[DEPTH_MAX - 1] > 1, `tanh with N(0, 1) grows with depth: ${normal}`);
  const net = lab.createNetwork({ activation: 'tanh', init: 'normal', hidden: Array(DEPTH_MAX).fill(DEPTH_WIDTH) });
  try {
    const hidden = net.diagnostics().layers.slice(0, -1);
    const saturated = hidden.reduce((s, l) => s + l.saturatedFraction, 0) / hidden.length;
    assert.ok(saturated > 0.2, `tanh with N(0, 1) saturates: ${saturated}`);
  } finally {
    net.delete();
  }
  assert.doesNotMatch(lede, /vanishes with N\(0, 1\)/);
  assert.match(lede, /N\(0, 1\)[^;]*saturate[^;]*grows with depth[^;]*explode/);
});
