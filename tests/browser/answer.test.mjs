// Issue 16 on the lab page itself: the verdict, the claim cards' net descriptions, the curves and
// the depth figure carry the core's numbers for the page's own settings (computed here in Node by
// the same module, and for depth cells by the native CLI); the verdict, the vanishing card and the
// why view agree, and no sentence names tanh as passing more gradient without its condition.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { labSession, openLab, READY_TIMEOUT_MS } from './lab-page.mjs';
import { loadLabOrFail, runCli, configFlags } from '../node/lab-fixture.mjs';
import { DepthSweep } from '../../web/worker/depth-sweep.js';
import { measureProbes, PROBES, PROBE_DEPTH, PROBE_WIDTH } from '../../web/worker/claims.js';
import { netDescription } from '../../web/views/claims-strip.js';
import { edgeGradients } from '../../web/worker/edge-gradients.js';
import { edgeLevel, sharedGradientRange } from '../../web/views/network-diagram.js';

const TEST_TIMEOUT = 180000;
const session = labSession();
let lab;
before(async () => { lab = await loadLabOrFail(); });

// The settings a fresh net at initialisation depends on (answer-view.js and claims-view.js send these).
const DATA_KEYS = ['seed', 'dataset', 'points', 'noise', 'testFraction', 'classes', 'features'];
const dataOf = (config) => Object.fromEntries(DATA_KEYS.filter((k) => config[k] !== undefined).map((k) => [k, config[k]]));

async function openAnswered(options = {}) {
  const opened = await openLab(session.browser, session.url, options);
  await opened.page.waitForFunction(() => document.querySelector('.al-claims')?.dataset.state === 'measured'
    && document.querySelector('.al-depth')?.dataset.done === 'true'
    && document.querySelectorAll('#verdict [data-field=verdict-sentence]').length >= 3, null, { timeout: READY_TIMEOUT_MS * 6 });
  return opened;
}

const readPage = (page) => page.evaluate(() => {
  const claim = (key) => Object.fromEntries([...document.querySelectorAll(`[data-claim=${key}] [data-activation][data-value]`)]
    .map((li) => [li.dataset.activation, Number(li.dataset.value)]));
  return {
    config: window.activationLab.state.config(),
    members: window.activationLab.state.get('members'),
    labels: Object.fromEntries(window.activationLab.labels),
    verdict: [...document.querySelectorAll('#verdict [data-field=verdict-sentence]')]
      .map((p) => ({ key: p.dataset.key, text: p.textContent, values: JSON.parse(p.dataset.values) })),
    vanishing: claim('vanishing'),
    sparsity: claim('sparsity'),
    nets: Object.fromEntries([...document.querySelectorAll('[data-claim] [data-field=net]')]
      .map((p) => [p.closest('[data-claim]').dataset.claim, p.textContent])),
    vanishingVerdict: document.querySelector('[data-claim=vanishing] .al-claim-verdict').textContent,
    bounds: Object.fromEntries([...document.querySelectorAll('#curves-figure [data-field=bound]')]
      .map((b) => [b.dataset.activation, Number(b.dataset.value)])),
    depth: {
      init: document.querySelector('.al-depth').dataset.init,
      cells: [...document.querySelectorAll('.al-depth td[data-activation][data-ratios]')].map((td) => ({
        name: td.dataset.activation, depth: Number(td.dataset.depth), median: Number(td.dataset.value),
        ratios: td.dataset.ratios.split(',').map(Number) })),
    },
  };
});

test('the page\u2019s verdict, claim cards, curves and depth figure carry the core\u2019s numbers', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openAnswered({ width: 1366, height: 768 });
  try {
    const read = await readPage(page);
    const labelOf = (name) => read.labels[name] ?? name;

    // The claims: the same probes, measured here by the same module on the page's data.
    const probes = measureProbes(lab, dataOf(read.config));
    for (const item of probes.vanishing.items) assert.equal(read.vanishing[item.name], item.ratio, `vanishing ${item.name}`);
    for (const item of probes.sparsity.items) assert.equal(read.sparsity[item.name], item.zeroShare, `sparsity ${item.name}`);

    // Each fresh-net card says which net, from the worker's constants.
    const net = `Measured on a fresh net: ${netDescription({ depth: PROBE_DEPTH, width: PROBE_WIDTH, members: PROBES }, labelOf)}`;
    assert.equal(net, 'Measured on a fresh net: 8 layers \u00d7 16, Sigmoid/Tanh Xavier, ReLU He');
    assert.equal(read.nets.vanishing, net);
    assert.equal(read.nets.sparsity, net);

    // The curves: every racer's bound from the core's table, 0.25 / 1 / 1 within float rounding.
    const table = new Map(lab.activations().map((a) => [a.name, a.maxDerivative]));
    assert.deepEqual(Object.keys(read.bounds).sort(), [...read.members].sort(), 'one curve per racer');
    for (const [name, bound] of Object.entries(read.bounds)) assert.equal(bound, table.get(name), name);
    for (const [name, expected] of [['sigmoid', 0.25], ['tanh', 1], ['relu', 1]]) {
      assert.ok(Math.abs(read.bounds[name] - expected) < 1e-6, `${name}'s slope bound ${read.bounds[name]}`);
    }

    // The verdict is written from those numbers, not typed in.
    const vanishing = read.verdict.find((s) => s.key === 'vanishing');
    assert.ok(vanishing, 'the verdict opens with the vanishing gradient');
    assert.equal(vanishing.values.sigmoidRatio, read.vanishing.sigmoid);
    assert.equal(vanishing.values.reluRatio, read.vanishing.relu);
    assert.equal(vanishing.values.sigmoidBound, read.bounds.sigmoid);
    assert.equal(vanishing.values.reluBound, read.bounds.relu);
    assert.equal(vanishing.values.depth, PROBE_DEPTH);
    // Tanh's condition is the claim's own net's: the saturation the card quotes, not another net's.
    const tanhSentence = read.verdict.find((s) => s.key === 'tanhCondition' || s.key === 'tanhBehind');
    assert.equal(tanhSentence.values.tanhSaturated, probes.vanishing.items.find((i) => i.name === 'tanh').saturatedShare);

    // The depth figure: every cell equals a sweep by the same module over the page's settings ...
    const sweep = new DepthSweep(lab, { activations: read.members, init: read.depth.init, config: dataOf(read.config) });
    while (sweep.step());
    const expected = sweep.result().items.flatMap((item) => item.points.map((p) => ({ name: item.name, depth: p.depth, median: p.median, ratios: p.ratios })));
    assert.deepEqual(read.depth.cells, expected);
    // ... and `actlab probe` natively, for the same seed and settings (first seed, two cells).
    for (const [name, depth] of [['tanh', 8], ['sigmoid', 10]]) {
      const cell = read.depth.cells.find((c) => c.name === name && c.depth === depth);
      const init = sweep.inits.get(name);
      const native = runCli(['probe', '--json', '--activation', name, '--depth', String(depth), '--width', '16', '--init', init,
        ...configFlags(dataOf(read.config))]);
      assert.equal(cell.ratios[0], native.first_last_grad_ratio, `${name} at depth ${depth}`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// Sentences that say tanh passes (or hears, gets) more gradient than the rest, and the words that
// name its condition: its init, the depth, its saturation.
const TANH_AHEAD = /\btanh\b[^.]*\b(passes|hears|gets|reaches)\b[^.]*\b(more|most|better)\b|\btanh\b[^.]*'s most\b/i;
const CONDITION = /\b(condition|init|xavier|saturat\w*|\d+ (hidden )?layers|depth)\b/i;  // not "the first layer"

test('the default page\u2019s verdict, vanishing card and why view agree; tanh ahead is always said with its condition', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context } = await openAnswered({ width: 1366, height: 768 });
  try {
    await page.waitForFunction(() => /step [1-9]/.test(document.querySelector('[data-field=why-sentence]')?.textContent ?? ''),
      null, { timeout: READY_TIMEOUT_MS });
    const read = await readPage(page);
    // Verdict and card quote the same fresh-net ratios; when tanh passes more there, both say why.
    const tanhSentence = read.verdict.find((s) => s.key === 'tanhCondition' || s.key === 'tanhBehind');
    assert.ok(tanhSentence, 'the verdict speaks of tanh');
    assert.equal(tanhSentence.values.tanhRatio, read.vanishing.tanh);
    assert.equal(tanhSentence.values.reluRatio, read.vanishing.relu);
    const tanhAhead = read.vanishing.tanh > read.vanishing.relu;
    assert.equal(tanhSentence.key, tanhAhead ? 'tanhCondition' : 'tanhBehind');
    if (tanhAhead) assert.match(read.vanishingVerdict, /only under its condition: Xavier init/);

    // The why view states this run's ratios: the ones the verdict's run part was written from.
    const why = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-field=why-sentence] [data-activation]')]
      .map((s) => [s.dataset.activation, Number(s.dataset.value)])));
    assert.deepEqual(Object.keys(why).sort(), [...read.members].sort());

    // No sentence anywhere on the page puts tanh ahead without naming its condition.
    await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
    const text = await page.evaluate(() => document.body.innerText);
    const sentences = text.split(/(?<=[.;!?])\s+|\n+/);
    // (And, stricter, any sentence naming whichever activation's first layer hears the most.)
    const ahead = sentences.filter((s) => TANH_AHEAD.test(s) || /\bhears\b[^.]*\bmost\b/i.test(s));
    assert.ok(ahead.length > 0, 'the page does compare the racers');
    for (const s of ahead) assert.match(s, CONDITION, `a sentence puts an activation ahead without its condition: "${s}"`);
  } finally {
    await context.close();
  }
});

test('the network diagrams show each racer\u2019s |dL/dW| per weight on one shared log scale, as the core computes them', { timeout: TEST_TIMEOUT }, async () => {
  // Paused at step 0 on a small net: the page's edges must be the core's gradients of the same fresh nets.
  const { page, context, errors } = await openLab(session.browser, session.url,
    { hash: '#playing=false&hidden=4,3&members=sigmoid,relu', width: 1366, height: 768 });
  try {
    await page.evaluate(() => document.getElementById('network-view').scrollIntoView());
    await page.waitForFunction(() => [...document.querySelectorAll('#network-diagrams .al-diagram')]
      .filter((d) => d.dataset.step !== undefined).length === 2, null, { timeout: READY_TIMEOUT_MS });
    const read = await page.evaluate(() => ({
      config: window.activationLab.state.config(),
      diagrams: [...document.querySelectorAll('#network-diagrams .al-diagram')].map((d) => ({
        name: d.dataset.activation, lo: Number(d.dataset.logLo), hi: Number(d.dataset.logHi),
        layers: [...d.querySelectorAll('[data-field=edges]')].map((e) => ({
          magnitudes: e.dataset.magnitudes.split(',').map(Number), levels: e.dataset.levels.split(',').map(Number) })),
      })),
    }));
    const race = lab.createRace({ ...read.config, members: ['sigmoid', 'relu'] });
    try {
      const expected = [0, 1].map((i) => edgeGradients(race.member(i)));
      const range = sharedGradientRange(expected);
      assert.deepEqual(read.diagrams.map((d) => d.name), ['sigmoid', 'relu']);
      read.diagrams.forEach((d, k) => {
        assert.deepEqual({ lo: d.lo, hi: d.hi }, { lo: range.lo + 0, hi: range.hi + 0 }, 'one log scale shared by the racers');  // + 0: -0 reads back as 0
        assert.equal(d.layers.length, expected[k].layers.length);
        d.layers.forEach((layer, l) => {
          assert.deepEqual(layer.magnitudes, Array.from(expected[k].layers[l].magnitudes), `${d.name} layer ${l}`);
          assert.deepEqual(layer.levels, Array.from(expected[k].layers[l].magnitudes, (g) => edgeLevel(g, range)));
        });
      });
    } finally {
      race.delete();
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the depth figure\u2019s init is kept in the address: a link opens it, a choice writes it, a new link moves it', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await openLab(session.browser, session.url, { hash: '#depthInit=he' });
  try {
    const shown = () => page.evaluate(() => ({ init: document.querySelector('.al-depth').dataset.init,
      select: document.querySelector('.al-depth select').value }));
    // The figure's sweep for He (the worker answers the init asked for; the figure drops other answers).
    await page.waitForFunction(() => document.querySelector('.al-depth')?.dataset.init === 'he'
      && document.querySelector('.al-depth').dataset.done === 'true', null, { timeout: READY_TIMEOUT_MS * 6 });
    assert.deepEqual(await shown(), { init: 'he', select: 'he' });
    const run = await page.evaluate(() => document.documentElement.dataset.run);
    await page.selectOption('.al-depth select', 'xavier');
    await page.waitForFunction(() => location.hash.includes('depthInit=xavier'));
    assert.deepEqual(await shown(), { init: 'xavier', select: 'xavier' });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.run), run, 'the race goes on: no restart');
    // A link from elsewhere (hashchange) moves the figure without a reload.
    await page.evaluate(() => { location.hash = location.hash.replace('depthInit=xavier', 'depthInit=normal'); });
    await page.waitForFunction(() => document.querySelector('.al-depth').dataset.init === 'normal');
    assert.equal((await shown()).select, 'normal');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a bad depthInit in the address is refused by name, value and choices; the figure stays on usual', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await openLab(session.browser, session.url, { hash: '#depthInit=bogus' });
  try {
    const notices = await page.evaluate(() => [...document.querySelectorAll('#notices li')].map((li) => li.textContent));
    assert.ok(notices.some((n) => /depthInit|Depth figure init/.test(n) && n.includes('bogus') && /usual.*xavier.*he.*normal/.test(n)),
      `a notice names the setting, the value and the choices: ${JSON.stringify(notices)}`);
    assert.equal(await page.evaluate(() => document.querySelector('.al-depth').dataset.init), 'usual');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
