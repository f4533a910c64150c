// The figures' words in the reader's language (issue 20), for what composes without a DOM: the number
// formats (web/views/format.js, ratio-text.js), the sentence builders (the race board's aria-label,
// histogram descriptions, the across-seeds count, the sweep file's problems) and the canvas text of
// the pure drawing functions (recorded through a fake 2D context). English stays byte for byte what
// it was (the browser tests compare it with the core); zh-CN has no stray English; and every catalog
// key the views name exists in both catalogs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import en from '../../web/i18n/catalogs/en.js';
import zh from '../../web/i18n/catalogs/zh-CN.js';
import { createTranslator, englishTranslator } from '../../web/i18n/i18n.js';
import { formatExp, formatInt, formatLoss, formatNs, formatPercent, formatRate } from '../../web/views/format.js';
import { formatRatio, formatTimes, twoDigits } from '../../web/views/ratio-text.js';
import { boardDescription } from '../../web/views/race-card.js';
import { describeHistogram, drawHistogram } from '../../web/views/histogram.js';
import { countText } from '../../web/views/seeds-figure.js';
import { drawSeedsPlot } from '../../web/views/seeds-plot.js';
import { drawLossChart } from '../../web/views/loss-chart.js';
import { parseSweepFile } from '../../web/session/sweep-file.js';
import { SEED_METRICS } from '../../web/session/seeds-results.js';
import { strayLatin } from '../allowed-latin.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const zhT = createTranslator('zh-CN', zh);

test('the number formats read as before in English, given the translator or not', () => {
  // [function, input, today's English text]
  const cases = [
    [formatLoss, 0.69314, '0.693'], [formatLoss, 12345, '1.2e+4'], [formatLoss, NaN, '–'],
    [(v, o) => formatPercent(v, 1, o), 0.975, '97.5%'], [(v, o) => formatPercent(v, 0, o), 0.5, '50%'],
    [formatExp, 3.2e-5, '3.2e-5'], [formatExp, 0, '0'], [formatInt, 1234.4, '1234'],
    [formatNs, 0.234, '0.23'], [formatNs, 41.6, '42'], [formatRate, 12400, '12\u202f400'],
    [twoDigits, 4213, '4,200'], [twoDigits, 0.654, '0.65'],
    [formatRatio, 2.4e-4, '1 / 4,200'], [formatRatio, 3e-7, '10^-6.5'], [formatRatio, 0.65, '0.65'],
    [formatTimes, 12.3, '12×'], [formatTimes, NaN, '–'],
  ];
  for (const [format, v, text] of cases) {
    assert.equal(format(v), text, `${format.name}(${v})`);
    assert.equal(format(v, { i18n: englishTranslator }), text, `${format.name}(${v}) with the English translator`);
  }
});

test('the number formats in Chinese: Intl for the language, no English', () => {
  const cases = [
    [formatLoss(0.69314, { i18n: zhT }), '0.693'], [formatPercent(0.975, 1, { i18n: zhT }), '97.5%'],
    [formatRate(12400, { i18n: zhT }), '12,400'], [twoDigits(4213, { i18n: zhT }), '4,200'],
    [formatRatio(2.4e-4, { i18n: zhT }), '1 / 4,200'], [formatTimes(12.3, { i18n: zhT }), '12 倍'],
  ];
  for (const [text, expected] of cases) {
    assert.equal(text, expected);
    assert.deepEqual(strayLatin(text), [], text);
  }
});

test('the race board\'s aria-label: one sentence per state, English as before, Chinese whole', () => {
  const states = [
    [{ metrics: { trainAccuracy: 0.97, testAccuracy: 0.9 } },
      'ReLU decision boundary: training accuracy 97%, test accuracy 90%. Click, or move with the arrow keys and press Enter, to add a point.'],
    [{ metrics: { trainAccuracy: 0.97, testAccuracy: NaN } },
      'ReLU decision boundary: training accuracy 97%. Click, or move with the arrow keys and press Enter, to add a point.'],
    [{ metrics: {} }, 'ReLU decision boundary: not evaluated yet. Click, or move with the arrow keys and press Enter, to add a point.'],
    [{ diverged: true, divergedAt: 430 },
      'ReLU: diverged at step 430; the boundary is frozen at its last finite state. Click, or move with the arrow keys and press Enter, to add a point.'],
  ];
  for (const [state, english] of states) {
    assert.equal(boardDescription('ReLU', state), english);
    const chinese = boardDescription('ReLU', state, zhT);
    assert.notEqual(chinese, english);
    assert.deepEqual(strayLatin(chinese), [], chinese);
  }
  assert.match(boardDescription('ReLU', states[0][0], zhT), /训练准确率 97%，测试准确率 90%/);
});

test('a histogram read aloud, and the across-seeds count, in both languages', () => {
  const counts = [0, 10, 50, 40];
  const english = describeHistogram(counts, { lo: 0, hi: 4, zeroCount: 12, unit: 'weights' });
  assert.equal(english, '112 weights; most in [2, 3] (45%); 12 exact zeros');
  assert.equal(describeHistogram([0, 0], { lo: 0, hi: 1, unit: 'unit outputs' }), 'no unit outputs');
  const chinese = describeHistogram(counts, { lo: 0, hi: 4, zeroCount: 12, unit: 'weights', i18n: zhT });
  assert.equal(chinese, '112 个权重；大多数落在 [2, 3]（45%）；12 个恰为零');

  const model = { state: 'running', done: 14, failed: 1, total: 20, steps: 3000 };
  assert.equal(countText(model), '14 of 20 seeds done (1 failed), 3,000 steps each');
  assert.equal(countText({ ...model, state: 'cancelled', failed: 0, steps: 0 }), '14 of 20 seeds done: cancelled');
  assert.equal(countText({ state: 'done', done: 0, failed: 0, total: 0 }), 'No seeds.');
  for (const m of [model, { ...model, state: 'cancelled' }, { state: 'done', total: 0 }]) {
    const text = countText(m, zhT);
    assert.ok(text.length > 0);
    assert.deepEqual(strayLatin(text), [], text);
  }
});

test('a sweep file\'s problems keep their English message and are worded in Chinese by key', () => {
  const { problems } = parseSweepFile('{"config": 3}\n[1]\n{"config": {"seed": 1, "activation": "relu"}, "steps_requested": 0}\n');
  assert.deepEqual(problems.map((p) => p.message),
    ['config: missing', 'not a JSON object', 'steps_requested: 0 is not a step count']);
  for (const p of problems) {
    const chinese = zhT.t(p.key, p.params);
    // The params are the file's own words (field names, values): the template around them is Chinese.
    const template = Object.values(p.params).reduce((text, v) => text.split(String(v)).join(' '), chinese);
    assert.notEqual(chinese, p.message);
    assert.deepEqual(strayLatin(template), [], chinese);
  }
});

/** A 2D context that records the text drawn (everything else is a no-op); measureText: 6 px a character. */
function recordingContext(width = 600, height = 400) {
  const texts = [];
  const target = {
    canvas: { width, height }, texts,
    fillText: (text) => texts.push(String(text)),
    measureText: (text) => ({ width: String(text).length * 6 }),
  };
  return new Proxy(target, {
    get: (t, key) => (key in t ? t[key] : () => {}),
    set: (t, key, value) => { t[key] = value; return true; },
  });
}

test('canvas text: the loss chart, the seeds plot and the histogram draw their words in the language given', () => {
  const history = { step: [0, 100], trainLoss: [0.7, 0.3], testLoss: [0.7, 0.35], trainAccuracy: [0.5, 0.9], testAccuracy: [0.5, 0.85] };
  const group = { budget: 100, members: ['relu'], seeds: [{ seed: 1, members: { relu: {
    trainAccuracy: 0.9, testAccuracy: 0.8, stepsToReach: null, firstLastGradRatio: 0.5, zeroFraction: 0.4, deadUnits: 1 } } }] };
  const draws = {
    loss: (ctx, i18n) => drawLossChart(ctx, [{ name: 'relu', color: '#000', history }], { i18n }),
    seeds: (ctx, i18n) => drawSeedsPlot(ctx, group, { width: 400, colorOf: () => '#000', labelOf: () => 'ReLU', i18n }),
    histogram: (ctx) => drawHistogram(ctx, [1, 2, 3], { lo: 0, hi: 3, countAxis: true, countLabel: zhT.t('histogram.count'),
      textColor: '#000', axisColor: '#000' }),
  };
  for (const [name, draw] of Object.entries(draws)) {
    const english = recordingContext();
    draw(english, englishTranslator);
    const chinese = recordingContext();
    draw(chinese, zhT);
    assert.ok(chinese.texts.length > 0, name);
    assert.deepEqual(chinese.texts.flatMap(strayLatin), [], `${name}: ${chinese.texts.join(' | ')}`);
    if (name === 'loss') assert.deepEqual(english.texts.filter((s) => /[a-z]{3}/.test(s)), ['step', 'loss (log scale)', 'accuracy']);
    if (name === 'seeds') assert.ok(english.texts.includes('never') && english.texts.includes('Train accuracy'), english.texts.join('|'));
  }
});

// ---- every key the views name is in both catalogs -----------------------------------------------

const VIEW_FILES = [
  ...readdirSync(path.join(repoRoot, 'web/views')).filter((f) => f.endsWith('.js') && !/^(claims-strip|verdict|verdict-panel|demo.*)\.js$/.test(f))
    .map((f) => `web/views/${f}`),
  'web/session/race-view.js', 'web/session/seeds-results.js', 'web/session/sweep-file.js',
];
// Catalog areas the views word their text from (a string literal starting so is a key).
const KEY = /'((?:views|card|legend|loss|units|why|histogram|cost|sparsity|curves|depth|diagram|seeds|sweep|notice|format)\.[A-Za-z0-9_.]+)'/g;

/** The keys a file names: its literal keys, and the families it builds from a prefix (listed with their members). */
function keysOf(file) {
  const source = readFileSync(path.join(repoRoot, file), 'utf8');
  return [...source.matchAll(KEY)].map((m) => m[1]).filter((k) => !k.endsWith('.'));
}
const BUILT = [
  ...['network', 'step', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'].map((c) => `loss.col.${c}`),
  ...['values', 'weights', 'outputs'].map((u) => `histogram.unit.${u}`),
  ...['activation', 'zeros', 'multiplyAdds', 'dead'].map((c) => `sparsity.col.${c}`),
  ...['live', 'dead', 'saturated'].map((s) => `diagram.state.${s}`),
  ...['seed', 'activation', 'trainAccuracy', 'testAccuracy', 'stepsToReach', 'ratio', 'zeroShare', 'deadUnits'].map((c) => `seeds.col.${c}`),
  ...SEED_METRICS.map((m) => `seeds.metric.${m.key}`),
  ...['empty', 'notJson', 'notObject', 'badHeader', 'unclosedQuote', 'cellCount', 'missing', 'notSeed', 'notStepCount',
    'notBoolean', 'notFraction', 'notRatio', 'notCount'].map((k) => `sweep.${k}`),
];

test('every catalog key the views name exists in English and in Chinese', () => {
  const used = new Set([...VIEW_FILES.flatMap(keysOf), ...BUILT]);
  assert.ok(used.size > 150, `found ${used.size} keys: the scan no longer reads the views`);
  const missing = [...used].filter((k) => !Object.hasOwn(en, k) || !Object.hasOwn(zh, k));
  assert.deepEqual(missing, []);
});

test('the key scan can fail: a misspelt key in a view is caught', () => {
  const source = "t('card.stepz'); t(`loss.col.${c}`); 'units.summary'";
  const found = [...source.matchAll(KEY)].map((m) => m[1]);
  assert.deepEqual(found, ['card.stepz', 'units.summary']);
  assert.ok(!Object.hasOwn(en, 'card.stepz'));
});
