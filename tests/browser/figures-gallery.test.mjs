// The figures of issue 16 in a real browser (web/views/figures-demo.html, fed by the module on its
// main thread): what their data-* hooks say is compared with the core's own numbers for the same
// settings, computed here in Node by the same module (and, for one depth cell, by the native CLI).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/serve.mjs';
import { labSession, openLab, READY_TIMEOUT_MS } from './lab-page.mjs';
import { loadLabOrFail, runCli, configFlags } from '../node/lab-fixture.mjs';
import { DepthSweep } from '../../web/worker/depth-sweep.js';
import { edgeGradients } from '../../web/worker/edge-gradients.js';
import { edgeLevel, sharedGradientRange } from '../../web/views/network-diagram.js';
import { readViewWords, recordCanvasText } from './view-words.mjs';

const TEST_TIMEOUT = 120000;
const session = labSession();
let lab;
before(async () => { lab = await loadLabOrFail(); });

async function openGallery(options = {}) {
  const opened = await openLab(session.browser, session.url, { hash: 'views/figures-demo.html', waitReady: true, ...options });
  await opened.page.waitForFunction(() => document.querySelector('.al-depth')?.dataset.done === 'true', null, { timeout: READY_TIMEOUT_MS * 4 });
  return opened;
}

const readDepth = (page) => page.evaluate(() => ({
  init: document.querySelector('.al-depth').dataset.init,
  cells: [...document.querySelectorAll('.al-depth td[data-activation][data-ratios]')].map((td) => ({
    name: td.dataset.activation, depth: Number(td.dataset.depth), median: Number(td.dataset.value),
    ratios: td.dataset.ratios.split(',').map(Number) })),
}));

function checkDepthAgainstCore(read, settings, init) {
  const sweep = new DepthSweep(lab, { ...settings, init });
  while (sweep.step());
  const expected = sweep.result().items.flatMap((item) => item.points.map((p) => ({ name: item.name, depth: p.depth, median: p.median, ratios: p.ratios })));
  assert.equal(read.init, init);
  assert.deepEqual(read.cells, expected);
}

test('the figures gallery draws every new figure, and its hooks carry the core\u2019s numbers', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openGallery();
  try {
    const settings = await page.evaluate(() => window.__figureSettings);

    // Curves: the bounds are the core's table, 0.25 / 1 / 1 within float rounding.
    const bounds = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-field=bound]')]
      .map((b) => [b.dataset.activation, Number(b.dataset.value)])));
    const table = new Map(lab.activations().map((a) => [a.name, a.maxDerivative]));
    for (const name of settings.curves) assert.equal(bounds[name], table.get(name), name);
    for (const [name, bound] of [['sigmoid', 0.25], ['tanh', 1], ['relu', 1]]) assert.equal(Math.fround(bounds[name]), Math.fround(bound));
    const products = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-field=product]')]
      .map((p) => [p.dataset.activation, Number(p.dataset.value)])));
    const layers = Number(await page.getAttribute('.al-curves', 'data-layers'));
    for (const name of settings.curves) assert.equal(products[name], table.get(name) ** layers);

    // The read-out follows the arrow keys and reads f and f' as the core computes them.
    const curves = lab.activationCurves({ activations: settings.curves, xMin: -6, xMax: 6, points: 241 });
    await page.focus('.al-curves-canvas');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    const readout = await page.evaluate(() => {
      const r = document.querySelector('[data-field=readout]');
      return { index: Number(r.dataset.index), x: Number(r.dataset.x),
        items: [...r.querySelectorAll('[data-activation]')].map((s) => [s.dataset.activation, Number(s.dataset.f), Number(s.dataset.df)]) };
    });
    assert.equal(readout.index, 123);
    assert.equal(readout.x, curves[0].x[123]);
    assert.deepEqual(readout.items, curves.map((c) => [c.name, c.f[123], c.df[123]]));

    // Depth: every cell as the core computes it for the same settings.
    checkDepthAgainstCore(await readDepth(page), settings.depth, 'usual');

    // Network diagrams: every edge's |dL/dW| is the core's for the same net and step, and its
    // colour level sits on the one log scale both racers share.
    const diagrams = await page.evaluate(() => [...document.querySelectorAll('.al-diagram')].map((d) => ({
      name: d.dataset.activation, step: Number(d.dataset.step), lo: Number(d.dataset.logLo), hi: Number(d.dataset.logHi),
      summary: d.querySelector('[data-field=summary]').textContent,
      units: d.querySelectorAll('[data-field=unit]').length,
      layers: [...d.querySelectorAll('[data-field=edges]')].map((e) => ({
        magnitudes: e.dataset.magnitudes.split(',').map(Number), levels: e.dataset.levels.split(',').map(Number) })),
    })));
    const { config, racers, steps } = settings.diagram;
    const expected = racers.map((name) => {
      const net = lab.createNetwork({ ...config, activation: name });
      try {
        net.train(steps);
        return { gradients: edgeGradients(net), diagnostics: net.diagnostics() };
      } finally {
        net.delete();
      }
    });
    const range = sharedGradientRange(expected.map((e) => e.gradients));
    assert.deepEqual(diagrams.map((d) => d.name), racers);
    diagrams.forEach((d, r) => {
      assert.equal(d.step, steps);
      assert.deepEqual([d.lo, d.hi], [range.lo, range.hi], 'one scale for every racer');
      assert.equal(d.units, config.hidden.reduce((s, n) => s + n, 0));
      assert.match(d.summary, /Mean \|dL\/dW\| per layer/);
      d.layers.forEach((layer, l) => {
        const core = Array.from(expected[r].gradients.layers[l].magnitudes);
        assert.deepEqual(layer.magnitudes, core, `${d.name} layer ${l}`);
        assert.deepEqual(layer.levels, core.map((g) => edgeLevel(g, range)));
      });
    });

    // Sparsity's work: the core's share of multiply-adds by an exact zero.
    const macs = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.al-sparsity tr[data-activation]')]
      .map((tr) => [tr.dataset.activation, Number(tr.querySelector('[data-field=zero-multiply-adds]').dataset.value)])));
    racers.forEach((name, r) => assert.equal(macs[name], expected[r].diagnostics.zeroMultiplyAddFraction));

    // The verdict: three to five sentences; tanh's win is said with its condition.
    const verdict = await page.evaluate(() => [...document.querySelectorAll('[data-field=verdict-sentence]')].map((p) => ({ key: p.dataset.key, text: p.textContent })));
    assert.ok(verdict.length >= 3 && verdict.length <= 5, String(verdict.length));
    for (const s of verdict.filter((v) => /Tanh passes more/.test(v.text))) assert.match(s.text, /init, \d+ layers of \d+, and only .+ saturated/);
    assert.ok(verdict.some((s) => s.key.startsWith('relu')), 'a sentence on when ReLU does not win');

    // Text alternatives for every canvas figure.
    const labels = await page.evaluate(() => [...document.querySelectorAll('.al-curves canvas, .al-depth canvas')].map((c) => c.getAttribute('aria-label') ?? ''));
    assert.ok(labels.every((t) => t.length > 20), JSON.stringify(labels));
    assert.deepEqual(errors, []);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  } finally {
    await context.close();
  }
});

test('the depth figure\u2019s init selector recomputes it, equal to the core and the native CLI', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openGallery();
  try {
    const settings = await page.evaluate(() => window.__figureSettings);
    await page.selectOption('.al-depth select', 'normal');
    await page.waitForFunction(() => document.querySelector('.al-depth').dataset.init === 'normal'
      && document.querySelector('.al-depth').dataset.done === 'true', null, { timeout: READY_TIMEOUT_MS * 4 });
    const read = await readDepth(page);
    checkDepthAgainstCore(read, settings.depth, 'normal');
    const cell = read.cells.find((c) => c.name === 'tanh' && c.depth === 6);
    const native = runCli(['probe', '--json', '--activation', 'tanh', '--depth', '6', '--width', '16', '--init', 'normal',
      ...configFlags(settings.depth.config)]);
    assert.equal(cell.ratios[0], native.first_last_grad_ratio);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('in dark mode the new figures take the dark surface and still draw', { timeout: TEST_TIMEOUT }, async () => {
  const context = await session.browser.newContext({ viewport: { width: 375, height: 812 }, colorScheme: 'dark' });
  const page = await context.newPage();
  try {
    await page.goto(`${session.url}views/figures-demo.html`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: READY_TIMEOUT_MS });
    const look = await page.evaluate(() => {
      const drawn = (c) => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
        return false;
      };
      return {
        backgrounds: [...document.querySelectorAll('.al-figure')].map((f) => getComputedStyle(f).backgroundColor),
        drawn: [...document.querySelectorAll('.al-curves canvas, .al-diagram-canvas')].map(drawn),
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    assert.ok(look.backgrounds.length >= 5);
    for (const b of look.backgrounds) assert.equal(b, 'rgb(29, 29, 31)');
    assert.ok(look.drawn.every(Boolean), JSON.stringify(look.drawn));
    assert.ok(look.overflow <= 0, `scrolls sideways by ${look.overflow}px at 375 px`);
  } finally {
    await context.close();
  }
});

for (const scheme of ['light', 'dark']) {
  test(`${scheme} mode: axe-core finds no violation in the new figures`, { timeout: TEST_TIMEOUT }, async () => {
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, colorScheme: scheme,
      bypassCSP: true });  // axe is injected as an inline script; the gallery's CSP is checked above
    const page = await context.newPage();
    try {
      await page.goto(`${session.url}views/figures-demo.html`);
      await page.waitForFunction(() => document.querySelector('.al-depth')?.dataset.done === 'true', null, { timeout: READY_TIMEOUT_MS * 4 });
      await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
      await page.hover('.al-diagram-unit');
      await page.addScriptTag({ content: await readFile(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8') });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run({ include: [...document.querySelectorAll('.al-figure')].map((f) => [f]) }, { resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target?.join(' ')} ${v.nodes[0]?.failureSummary ?? ''}`);
      });
      assert.deepEqual(violations, [], violations.join('\n'));
    } finally {
      await context.close();
    }
  });
}

// ---- the figures in Chinese (issue 20) ---------------------------------------------------------------

// The figures this gallery mounts with a translator (the verdict is worded by its own module).
const FIGURE_ROOTS = '.al-curves, .al-depth, .al-diagram, .al-sparsity';

test('?lang=zh-CN: the figures\' text, aria-labels and canvas text are Chinese, and a switch rewrites them at once', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openGallery({ hash: 'views/figures-demo.html?lang=zh-CN', initScript: recordCanvasText });
  try {
    await page.evaluate(() => document.querySelector('.al-diagram-unit').focus());  // the unit's detail text too
    const chinese = await readViewWords(page, FIGURE_ROOTS);
    assert.equal(chinese.roots, 5);
    assert.ok(chinese.texts.length > 60 && chinese.canvas.length > 20, `${chinese.texts.length} texts, ${chinese.canvas.length} canvas texts`);
    assert.deepEqual(chinese.strayText, [], 'text nodes and aria-labels');
    assert.deepEqual(chinese.strayCanvas, [], 'canvas text');
    for (const phrase of ['隐藏层', '死亡神经元', '初始化']) assert.ok(chinese.texts.join('\n').includes(phrase), phrase);

    // English, then Chinese again, from the same data: the depth sweep is not run again.
    const cells = () => page.evaluate(() => document.querySelector('.al-depth').dataset.cells);
    const before = await cells();
    await page.evaluate(() => window.__setLanguage('en'));
    const english = await readViewWords(page, FIGURE_ROOTS);
    assert.ok(english.texts.some((t) => t === 'How much gradient reaches the first layer, by depth'), 'the English title');
    assert.ok(english.canvas.includes('hidden layers'), english.canvas.join(' | '));
    await page.evaluate(() => window.__setLanguage('zh-CN'));
    const again = await readViewWords(page, FIGURE_ROOTS);
    assert.deepEqual(again.texts, chinese.texts, 'the same Chinese words from the same data');
    assert.deepEqual(again.strayCanvas, []);
    assert.equal(await cells(), before);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
