// The component gallery (web/views/demo.html) under the strict CSP: every view of web/views mounts,
// takes its synthetic input and draws, with no console error, page error or CSP violation, and
// ?static holds one still frame. The gallery is where a developer checks a view by eye, so a view
// it silently fails to draw is a broken tool.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labSession, openLab, poll } from './lab-page.mjs';
import { afterFrames, collectErrors } from './chromium.mjs';
import { readViewWords, recordCanvasText } from './view-words.mjs';

const TEST_TIMEOUT = 60000;
const DRAWN_TIMEOUT_MS = 15000;
const lab = labSession();

// What the gallery shows, read from the views' own hooks (web/views/README.md).
function readGallery(page) {
  return page.evaluate(() => {
    const all = (sel, root = document) => [...root.querySelectorAll(sel)];
    // A canvas is drawn when its bitmap holds any non-transparent pixel (views clear to transparent).
    const drawn = (canvas) => {
      if (canvas.width < 2 || canvas.height < 2) return false;
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      return false;
    };
    const canvasesIn = (id, sel = 'canvas') => all(`#${id} ${sel}`).map((c) => drawn(c));
    return {
      claimsState: document.querySelector('#claims .al-claims')?.dataset.state ?? null,
      claims: Object.fromEntries(all('#claims [data-claim]').map((c) => [c.dataset.claim,
        Object.fromEntries(all('[data-activation][data-value]', c).map((r) => [r.dataset.activation, Number(r.dataset.value)]))])),
      cards: all('#cards .al-card').map((c) => ({
        name: c.dataset.activation, drawn: c.dataset.drawn, step: c.querySelector('[data-field=step]')?.textContent ?? null,
      })),
      // Boundaries and points (the diverged card's loss sparkline is rightly empty: all NaN).
      cardCanvases: canvasesIn('cards', ':is(.al-card-boundary, .al-card-points)'),
      legends: all('#legends .al-legend').map((l) => ({ bar: Boolean(l.querySelector('.al-legend-bar')), chips: all('.al-legend-item', l).length })),
      lossRows: all('#loss tbody tr').map((tr) => tr.querySelector('th').textContent),
      lossCanvases: canvasesIn('loss'),
      units: all('#units .al-units[data-activation]').map((u) => {
        const text = u.querySelector('[data-field=unit-counts]');
        return { name: u.dataset.activation, text: text?.textContent ?? '', dead: Number(text?.dataset.dead), saturated: Number(text?.dataset.saturated) };
      }),
      unitCanvases: canvasesIn('units'),
      whySentence: all('#why-compare [data-field=why-sentence] [data-activation][data-value]').map((s) => [s.dataset.activation, Number(s.dataset.value)]),
      whyRatioCells: all('#why-compare td[data-layer=ratio][data-value]').length,
      whyCompareCanvases: canvasesIn('why-compare'),
      whyPanels: all('#why .al-why[data-activation]').map((p) => p.dataset.activation),
      whyPanelCanvases: canvasesIn('why'),
      costRows: all('#cost [data-activation] [data-field=forward-ns]').length,
      primCanvases: all('.demo-prims canvas').map((c) => drawn(c)),
      csp: window.__cspViolations,
    };
  });
}

const everyDrawn = (list) => list.length > 0 && list.every(Boolean);

test('the views gallery draws every view of web/views with ?static, cleanly', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url, { hash: 'views/demo.html?static', waitReady: false });
  try {
    // Canvases are drawn once laid out (fitCanvas reports after layout): wait for the last of them.
    await page.waitForFunction(() => {
      const cards = [...document.querySelectorAll('#cards .al-card')];
      const units = [...document.querySelectorAll('#units [data-field=unit-counts]')];
      return cards.length > 0 && cards.every((c) => c.dataset.drawn === 'true') &&
        units.length > 0 && units.every((u) => u.dataset.dead !== undefined);
    }, null, { timeout: DRAWN_TIMEOUT_MS }).catch(() => {});  // the assertions below say what is missing
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const g = await readGallery(page);

    assert.equal(g.claimsState, 'measured');
    assert.deepEqual(Object.keys(g.claims).sort(), ['cost', 'sparsity', 'vanishing']);
    for (const [claim, values] of Object.entries(g.claims)) {
      assert.ok(Object.keys(values).length >= 2, `claim ${claim} shows ${JSON.stringify(values)}`);
      for (const [name, v] of Object.entries(values)) assert.ok(Number.isFinite(v), `claim ${claim}, ${name}: ${v}`);
    }
    assert.ok(g.claims.cost.sigmoid > 1 && g.claims.vanishing.sigmoid < g.claims.vanishing.relu, JSON.stringify(g.claims));

    assert.equal(g.cards.length, 6, 'six race cards');
    for (const card of g.cards) assert.equal(card.drawn, 'true', `race card ${card.name} drew its boundary`);
    assert.ok(everyDrawn(g.cardCanvases), `race card canvases drawn: ${g.cardCanvases}`);

    assert.deepEqual(g.legends, [{ bar: true, chips: 0 }, { bar: false, chips: 6 }, { bar: false, chips: 2 }]);

    assert.deepEqual(g.lossRows, ['Sigmoid', 'Tanh', 'ReLU', 'Leaky ReLU'], 'loss chart table: one row per racer');
    assert.ok(everyDrawn(g.lossCanvases), `loss chart canvas drawn: ${g.lossCanvases}`);

    assert.deepEqual(g.units.map((u) => u.name), ['sigmoid', 'tanh', 'relu', 'leaky_relu']);
    for (const u of g.units) assert.match(u.text, /^18 hidden units at step 3000: \d+ dead, \d+ saturated\.$/, `${u.name}: ${u.text}`);
    const units = Object.fromEntries(g.units.map((u) => [u.name, u]));
    assert.ok(units.relu.dead > 0, 'a ReLU unit is marked dead');
    assert.equal(units.leaky_relu.dead, 0, 'Leaky ReLU units never die');
    assert.ok(units.sigmoid.saturated > 0, 'a sigmoid unit is marked saturated');
    assert.ok(everyDrawn(g.unitCanvases), `unit map canvases drawn: ${g.unitCanvases}`);

    assert.deepEqual(g.whySentence.map(([name]) => name), ['sigmoid', 'tanh', 'relu', 'leaky_relu']);
    for (const [name, ratio] of g.whySentence) assert.ok(ratio > 0 && Number.isFinite(ratio), `${name} ratio ${ratio}`);
    assert.equal(g.whyRatioCells, 4);
    assert.ok(everyDrawn(g.whyCompareCanvases), `why comparison canvas drawn: ${g.whyCompareCanvases}`);
    assert.deepEqual(g.whyPanels, ['sigmoid', 'relu']);
    assert.ok(everyDrawn(g.whyPanelCanvases), `why panel canvases drawn: ${g.whyPanelCanvases}`);

    assert.equal(g.costRows, 8, 'cost chart: one row per activation');
    assert.ok(everyDrawn(g.primCanvases), `primitives drawn: ${g.primCanvases}`);

    // ?static: one still frame, not an animation.
    await afterFrames(page, 20);
    const later = await readGallery(page);
    assert.deepEqual(later.cards.map((c) => c.step), g.cards.map((c) => c.step), 'the still frame stays still');

    assert.deepEqual(g.csp, [], 'no CSP violations');
    assert.deepEqual(later.csp, [], 'no CSP violations');
    assert.deepEqual(errors, [], 'no console errors, page errors or failed requests');
  } finally {
    await context.close();
  }
});

test('with reduced motion the gallery draws one still frame without ?static', { timeout: TEST_TIMEOUT }, async () => {
  const context = await lab.browser.newContext({ viewport: { width: 1024, height: 800 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(`${lab.url}views/demo.html`);
    const readSteps = () => page.evaluate(() => [...document.querySelectorAll('#cards .al-card [data-field=step]')].map((s) => s.textContent));
    await page.waitForFunction(() => document.querySelector('#cards .al-card')?.dataset.drawn === 'true', null, { timeout: DRAWN_TIMEOUT_MS });
    const first = await readSteps();
    await afterFrames(page, 20);
    assert.deepEqual(await readSteps(), first, 'no animation under prefers-reduced-motion');
    assert.equal(await page.locator('#toggle').textContent(), 'Play');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// ---- the views in Chinese (issue 20) ----------------------------------------------------------------

// The roots of the views this gallery mounts with a translator (the claims strip is worded by its own module).
const VIEW_ROOTS = '#cards .al-card, #legends .al-legend, #loss .al-loss, #units .al-units, #why-compare .al-why-compare, #why .al-why, #cost .al-cost';

const waitDrawn = (page) => page.waitForFunction(() => {
  const cards = [...document.querySelectorAll('#cards .al-card')];
  return cards.length === 6 && cards.every((c) => c.dataset.drawn === 'true')
    && [...document.querySelectorAll('#units [data-field=unit-counts]')].every((u) => u.dataset.dead !== undefined);
}, null, { timeout: DRAWN_TIMEOUT_MS });
const nextFrames = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test('?lang=zh-CN: every view\'s text, aria-labels and canvas text are Chinese (no stray English)', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url, { hash: 'views/demo.html?static&lang=zh-CN', waitReady: false,
    initScript: recordCanvasText });
  try {
    await waitDrawn(page);
    await nextFrames(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    const words = await readViewWords(page, VIEW_ROOTS);
    assert.equal(words.roots, 6 + 3 + 1 + 4 + 1 + 2 + 1);
    assert.ok(words.texts.length > 100 && words.canvas.length > 20, `${words.texts.length} texts, ${words.canvas.length} canvas texts`);
    assert.deepEqual(words.strayText, [], 'text nodes and aria-labels');
    assert.deepEqual(words.strayCanvas, [], 'canvas text');
    // The words are the catalog's: a few it must say.
    const all = words.texts.join('\n');
    for (const phrase of ['训练准确率', '决策边界', '死亡', '饱和', '首层/末层梯度比']) assert.ok(all.includes(phrase), phrase);
    assert.ok(words.canvas.includes('准确率') && words.canvas.includes('计数'), words.canvas.join(' | '));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('setLanguage switches every mounted view to Chinese at once, from its last data, and back to the same English', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url, { hash: 'views/demo.html?static&lang=en', waitReady: false,
    initScript: recordCanvasText });
  try {
    await waitDrawn(page);
    await nextFrames(page);
    const english = await readViewWords(page, VIEW_ROOTS);
    const steps = () => page.evaluate(() => [...document.querySelectorAll('#cards [data-field=step]')].map((s) => s.textContent));
    const before = await steps();
    assert.ok(english.strayText.length > 50, 'the English gallery reads in English');

    await page.evaluate(() => window.__setLanguage('zh-CN'));
    const chinese = await readViewWords(page, VIEW_ROOTS);  // no frame waited: the switch is at once
    assert.deepEqual(chinese.strayText, [], 'text nodes and aria-labels after the switch');
    for (const word of ['步数', '准确率', '计数', '输出']) assert.ok(chinese.canvas.includes(word), `the canvases redrew their words: ${word}`);
    assert.deepEqual(chinese.strayCanvas, [], 'canvas text after the switch');
    assert.deepEqual(await steps(), before, 'the same data: nothing restarted');

    await page.evaluate(() => window.__setLanguage('en'));
    const back = await readViewWords(page, VIEW_ROOTS);
    assert.deepEqual(back.texts, english.texts, 'back in English: the same words as before the switch');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('RaceView.setLanguage rewrites its cards, loss chart, key and slots from the last frame', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url, { hash: 'views/demo.html?static&lang=en', waitReady: false,
    initScript: recordCanvasText });
  try {
    await waitDrawn(page);
    await page.evaluate(async () => {
      const { RaceView } = await import(new URL('../session/race-view.js', location.href).href);
      const box = document.createElement('section');
      box.id = 'race-view';
      box.innerHTML = '<div id="rv-cards"></div><div id="rv-loss"></div><div id="rv-legend"></div>';
      document.querySelector('main').append(box);
      const view = new RaceView(box.querySelector('#rv-cards'), { session: { gridOf: () => null }, labelOf: (n) => (n === 'relu' ? 'ReLU' : 'Tanh'),
        lossContainer: box.querySelector('#rv-loss'), legendContainer: box.querySelector('#rv-legend'), followDarkScheme: false });
      view.start({ members: ['relu', 'tanh'] });
      const set = { x: Float32Array.of(0.5), y: Float32Array.of(-0.5), label: Int32Array.of(1) };
      view.points({ train: set, test: set });
      const history = { step: [0, 10], trainLoss: [0.7, 0.5], testLoss: [0.7, 0.6], trainAccuracy: [0.5, 0.9], testAccuracy: [0.5, 0.8] };
      const member = (name) => ({ name, step: 10, diverged: name === 'tanh', divergedAt: 10, losses: Float32Array.of(0.7, 0.5), history,
        metrics: { trainLoss: 0.5, testLoss: 0.6, trainAccuracy: 0.9, testAccuracy: 0.8 }, stepsPerSecond: 100 });
      view.frame({ grid: { width: 4, height: 4, classes: 2, domain: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 } }, members: [member('relu'), member('tanh')] });
      window.__raceView = view;
    });
    // The view draws in animation frames (the session's draw loop): wait for its words, never a fixed time.
    const wordsWhen = (ready, what) => poll(async () => {
      const words = await readViewWords(page, '#race-view');
      return ready(words) ? words : null;
    }, { what });
    await wordsWhen((w) => w.texts.includes('aria-label: ReLU network') && w.texts.includes('Diverged at step 10'), 'the English card words');
    await page.evaluate(async () => {
      const { loadTranslator } = await import(new URL('../i18n/i18n.js', location.href).href);
      const zh = await loadTranslator('zh-CN');
      window.__canvasTexts = [];  // what is drawn from here on is the switch's redraw
      window.__raceView.setLanguage(zh);
    });
    const chinese = await wordsWhen((w) => w.texts.includes('aria-label: ReLU 网络') && w.texts.includes('第 10 步发散') &&
      w.canvas.includes('步数'), 'the Chinese card words and the loss chart\'s redrawn axis names');
    assert.deepEqual(chinese.strayText, []);
    assert.deepEqual(chinese.strayCanvas, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the across-seeds figure in Chinese: its count, problems, table, aria-labels and plot text', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url, { hash: 'views/demo.html?static&lang=en', waitReady: false,
    initScript: recordCanvasText });
  try {
    await waitDrawn(page);
    await page.evaluate(async () => {
      const at = (file) => new URL(file, location.href).href;
      const { mountSeedsFigure } = await import(at('seeds-figure.js'));
      const { parseSweepFile } = await import(at('../session/sweep-file.js'));
      const { loadTranslator } = await import(at('../i18n/i18n.js'));
      const box = document.createElement('section');
      box.id = 'seeds-box';
      document.querySelector('main').append(box);
      const figure = mountSeedsFigure(box, { labelOf: (n) => (n === 'relu' ? 'ReLU' : 'Tanh') });
      const point = (a, reach) => ({ trainAccuracy: a, testAccuracy: a - 0.05, stepsToReach: reach, firstLastGradRatio: 0.3, zeroFraction: 0.4, deadUnits: 1 });
      const group = { title: '本页设置', differs: [{ key: 'learningRate', file: '0.3', page: '0.03' }], budget: 500, members: ['relu', 'tanh'],
        seeds: [{ seed: 1, members: { relu: point(0.95, 200), tanh: point(0.8, null) } }, { seed: 2, failed: 'timeout', members: {} }] };
      const { problems } = parseSweepFile('{"config": 3}\n[1]\n');
      figure.update({ state: 'cancelled', done: 2, failed: 1, total: 20, steps: 500, groups: [group], problems });
      const zh = await loadTranslator('zh-CN');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      window.__canvasTexts = [];  // what is drawn from here on is the switch's redraw
      figure.setLanguage(zh);
    });
    await nextFrames(page);
    const words = await readViewWords(page, '#seeds-box');
    const all = words.texts.join(' | ');
    for (const phrase of ['已完成 2/20 个种子（1 个失败），每个 500 步：已取消', '第 1 行：config：缺失（已跳过）', '未达到', '学习率 为 0.3']) {
      assert.ok(all.includes(phrase), `${phrase} in ${all}`);
    }
    // The file's own words (config) and a worker's failure reason are the reader's data, not the figure's.
    const stray = words.strayText.filter((s) => !/^config in|^timeout in/.test(s));
    assert.deepEqual(stray, []);
    assert.ok(words.canvas.includes('训练准确率') && words.canvas.includes('未达到'), words.canvas.join(' | '));
    assert.deepEqual(words.strayCanvas, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
