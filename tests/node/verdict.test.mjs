// The verdict composer (web/views/verdict.js): plain sentences from measured numbers, never typed in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeVerdict, TEMPLATES } from '../../web/views/verdict.js';
import { formatPercent } from '../../web/views/format.js';
import { formatRatio, formatTimes, twoDigits } from '../../web/views/ratio-text.js';
import { createTranslator } from '../../web/i18n/i18n.js';
import zh from '../../web/i18n/catalogs/zh-CN.js';

// The default page as issue 16 found it: 8 x 16 fresh nets, tanh (Xavier) 0.9 against ReLU (He) 0.38.
const defaultPage = () => ({
  claims: {
    vanishing: { depth: 8, width: 16, items: [
      { name: 'sigmoid', init: 'xavier', ratio: 1 / 220000 }, { name: 'tanh', init: 'xavier', ratio: 0.9 },
      { name: 'relu', init: 'he', ratio: 0.38 }] },
    cost: { items: [{ name: 'sigmoid', ratio: 6.1 }, { name: 'tanh', ratio: 4.7 }] },
    sparsity: { items: [{ name: 'relu', zeroShare: 0.48, zeroMultiplyAddShare: 0.41 }, { name: 'sigmoid', zeroShare: 0 }] },
  },
  bounds: { sigmoid: 0.25, tanh: 1, relu: 1 },
  stepCost: { sigmoid: 1.3, tanh: 1.2 },
  run: { learningRate: 0.03, racers: [
    { name: 'sigmoid', testAccuracy: 0.62, deadShare: 0, saturatedShare: 0.02 },
    { name: 'tanh', testAccuracy: 0.95, deadShare: 0, saturatedShare: 0.07 },
    { name: 'relu', testAccuracy: 0.97, deadShare: 0.05, saturatedShare: 0 }] },
});

// Every number written in a sentence must be one of its values, as the views format numbers.
function assertNumbersFromValues(sentence) {
  const allowed = new Set();
  for (const v of Object.values(sentence.values)) {
    if (typeof v !== 'number') continue;
    for (const text of [formatRatio(v), formatTimes(v), formatPercent(v), formatPercent(v, 0), twoDigits(v), String(v)]) {
      for (const token of text.match(/\d[\d,.]*/g) ?? []) allowed.add(token.replace(/[.,]$/, ''));
    }
  }
  for (const token of sentence.text.match(/\d[\d,.]*/g) ?? []) {
    const number = token.replace(/[.,]$/, '');
    assert.ok(allowed.has(number), `${sentence.key}: '${number}' in "${sentence.text}" comes from no value`);
  }
}

test('the default page: three to five sentences, every number from the input', () => {
  const { sentences } = composeVerdict(defaultPage());
  assert.ok(sentences.length >= 3 && sentences.length <= 5, `${sentences.length} sentences`);
  for (const s of sentences) {
    assert.equal(typeof TEMPLATES[s.key], 'string');
    assert.doesNotMatch(s.text, /\{\w+\}/);
    assertNumbersFromValues(s);
  }
  const keys = sentences.map((s) => s.key);
  assert.deepEqual(keys, ['vanishing', 'tanhCondition', 'cost', 'sparsity', 'reluLimits']);
  assert.match(sentences[0].text, /at most 0\.25/);
  assert.match(sentences[0].text, /1 \/ 220,000/);
});

test('tanh passing more gradient than ReLU is always said with its condition: init, depth and saturation', () => {
  const { sentences } = composeVerdict(defaultPage());
  const tanh = sentences.filter((s) => /Tanh passes more/.test(s.text));
  assert.equal(tanh.length, 1);
  assert.match(tanh[0].text, /0\.9 against 0\.38/);
  assert.match(tanh[0].text, /xavier init/);
  assert.match(tanh[0].text, /8 layers of 16/);
  assert.match(tanh[0].text, /7% of its units saturated/);
  assert.equal(tanh[0].values.tanhSaturated, 0.07);
});

test('when tanh is behind ReLU, no sentence says it passes more', () => {
  const input = defaultPage();
  input.claims.vanishing.items[1].ratio = 0.02;
  const { sentences } = composeVerdict(input);
  assert.ok(sentences.some((s) => s.key === 'tanhBehind'));
  assert.ok(!sentences.some((s) => /passes more/.test(s.text)));
});

test('the depth figure names where tanh\u2019s condition fails', () => {
  const input = defaultPage();
  input.depth = { init: 'normal', width: 16, items: [
    { name: 'tanh', init: 'normal', points: [{ depth: 1, median: 0.5 }, { depth: 10, median: 3e-7 }] },
    { name: 'relu', init: 'normal', points: [{ depth: 1, median: 0.6 }, { depth: 10, median: 0.2 }] }] };
  const { sentences } = composeVerdict(input);
  assert.ok(sentences.length <= 5);
  const depth = sentences.find((s) => s.key === 'tanhDepth');
  assert.ok(depth, sentences.map((s) => s.key).join());
  assert.match(depth.text, /normal init at 10 layers, Tanh passes 10\^-6\.5 and ReLU 0\.2/);
  assert.ok(sentences.some((s) => s.key === 'reluLimits'), 'the sentence on when ReLU does not win stays');
  for (const s of sentences) assertNumbersFromValues(s);
});

test('dying ReLU at a high learning rate: the verdict says ReLU lost this run, with its dead share', () => {
  const input = defaultPage();
  input.run = { learningRate: 1, racers: [
    { name: 'relu', testAccuracy: 0.51, deadShare: 0.69 }, { name: 'leaky_relu', testAccuracy: 0.93, deadShare: 0 },
    { name: 'tanh', testAccuracy: 0.88, saturatedShare: 0.3 }] };
  const { sentences } = composeVerdict(input, { labelOf: (n) => ({ relu: 'ReLU', leaky_relu: 'Leaky ReLU', tanh: 'Tanh', sigmoid: 'Sigmoid' })[n] });
  const lost = sentences.find((s) => s.key === 'reluLosesRun');
  assert.ok(lost);
  assert.match(lost.text, /Leaky ReLU reaches 93\.0% test accuracy against ReLU’s 51\.0%, with 69% of ReLU’s units dead at learning rate 1/);
  for (const s of sentences) assertNumbersFromValues(s);
});

test('a diverged ReLU and missing parts: fewer sentences, never a placeholder or NaN', () => {
  const { sentences } = composeVerdict({ run: { learningRate: 3, racers: [{ name: 'relu', diverged: true }, { name: 'tanh', testAccuracy: 0.8 }] } });
  assert.deepEqual(sentences.map((s) => s.key), ['reluDiverged']);
  assert.deepEqual(composeVerdict({}).sentences, []);
  const partial = composeVerdict({ claims: { vanishing: { depth: 8, width: 16, items: [{ name: 'sigmoid', init: 'xavier', ratio: 1e-5 }, { name: 'relu', init: 'he', ratio: 0.4 }] } } });
  assert.deepEqual(partial.sentences.map((s) => s.key), ['vanishingNoBound']);
  for (const s of partial.sentences) assert.doesNotMatch(s.text, /NaN|undefined|\{/);
});

test('changing a measured number changes the text: nothing is typed in', () => {
  const a = composeVerdict(defaultPage());
  const input = defaultPage();
  input.claims.cost.items[0].ratio = 9.4;
  input.stepCost.sigmoid = 2.2;
  const b = composeVerdict(input);
  const costA = a.sentences.find((s) => s.key === 'cost'), costB = b.sentences.find((s) => s.key === 'cost');
  assert.match(costA.text, /6\.1×.*1\.3×/);
  assert.match(costB.text, /9\.4×.*2\.2×/);
});

test('the run part and the step cost come from what the run reports', async () => {
  const { verdictRun, verdictStepCost } = await import('../../web/views/verdict.js');
  const layer = (units, deadUnits, saturatedFraction) => ({ units, deadUnits, saturatedFraction });
  const run = verdictRun([
    { name: 'relu', metrics: { testAccuracy: 0.9 }, diagnostics: { firstLastGradRatio: 0.4, layers: [layer(8, 2, 0), layer(8, 4, 0), layer(2, 0, 0)] } },
    { name: 'tanh', metrics: { testAccuracy: 0.8 }, diverged: false, diagnostics: { firstLastGradRatio: 0.9, layers: [layer(8, 0, 0.5), layer(24, 0, 0.1), layer(2, 0, 0.9)] } },
  ], 0.3);
  assert.equal(run.learningRate, 0.3);
  assert.deepEqual(run.racers[0], { name: 'relu', testAccuracy: 0.9, diverged: false, deadShare: 6 / 16, saturatedShare: 0, ratio: 0.4 });
  assert.equal(run.racers[1].saturatedShare, (8 * 0.5 + 24 * 0.1) / 32, 'weighted by width; the output layer left out');
  assert.deepEqual(verdictStepCost({ relu: 1000, sigmoid: 800, tanh: 0 }), { relu: 1, sigmoid: 1.25 });
  assert.deepEqual(verdictStepCost({ sigmoid: 800 }), {});
});

test('the cost sentence says "only" for the whole step only when the step is cheaper than the kernels suggest', () => {
  const claims = { cost: { items: [{ name: 'sigmoid', ratio: 6 }, { name: 'tanh', ratio: 4 }] } };
  const cost = (stepCost) => composeVerdict({ claims, stepCost }).sentences.find((s) => s.key.startsWith('cost'));
  assert.equal(cost({ sigmoid: 1.3, tanh: 1.2 }).key, 'cost');
  const measured = cost({ sigmoid: 8, tanh: 1.2 });
  assert.equal(measured.key, 'costStepMeasured');
  assert.doesNotMatch(measured.text, /\bonly\b/);
  assert.equal(measured.values.stepCost, 8);
});

test('in Chinese the numbers of the sentences are formatted by the translator: "6.1 倍", never "6.1×"', () => {
  const { sentences } = composeVerdict(defaultPage(), { i18n: createTranslator('zh-CN', zh) });
  const cost = sentences.find((s) => s.key === 'cost');
  assert.match(cost.text, /6\.1 倍.*4\.7 倍.*1\.3 倍/);
  for (const s of sentences) assert.doesNotMatch(s.text, /×/, s.key);
});

test('every number of every sentence goes through the translator (German digits: "0,25", "220.000")', () => {
  // The German number format tells a number given the translator from one formatted the English way;
  // the words stay English (no German catalog), so only the numbers change.
  const german = createTranslator('de', {});
  const lost = defaultPage();
  lost.depth = { init: 'normal', width: 16, items: [
    { name: 'tanh', init: 'normal', points: [{ depth: 10, median: 3e-4 }] },
    { name: 'relu', init: 'normal', points: [{ depth: 10, median: 0.25 }] }] };
  lost.run.racers[2].testAccuracy = 0.5;  // ReLU loses the run: the accuracies are written too
  const texts = [defaultPage(), lost].flatMap((input) => composeVerdict(input, { i18n: german }).sentences.map((s) => s.text));
  const text = texts.join(' ').replace(/\u00a0/g, ' ');  // German writes '7\u00a0%'
  for (const number of ['0,25', '1 / 220.000', '0,9 against 0,38', '7 %', '1 / 3.300', '6,1×', '1,3×', '48 %', '41 %', '95,0 %', '50,0 %']) {
    assert.ok(text.includes(number), `'${number}' in: ${text}`);
  }
  // The learning rate is the setting as its menu writes it ("0.03"), not a measured number.
  // An English decimal point has one or two digits after it; German's '.' groups thousands (3 digits).
  assert.doesNotMatch(text.replaceAll('learning rate 0.03', ''), /\d\.\d{1,2}(?!\d)/, 'no number formatted the English way');
});
