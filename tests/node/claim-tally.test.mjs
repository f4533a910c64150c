// The claim tally (web/session/claim-tally.js): each claim's per-seed rule on hand-made per-seed
// results, including claims that fail, diverged networks, failed seeds and no seeds at all; the
// sentences it writes in English and in zh-CN (no stray English there: tests/allowed-latin.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tallyClaims, tallySentence, CHANCE_MARGIN, EXACT_ZEROS_MIN_SHARE } from '../../web/session/claim-tally.js';
import { createTranslator, englishTranslator } from '../../web/i18n/i18n.js';
import zh from '../../web/i18n/catalogs/zh-CN.js';
import { strayLatin } from '../allowed-latin.mjs';

const point = (over) => ({ testAccuracy: 0.9, firstLastGradRatio: 0.5, zeroFraction: 0, diverged: false, ...over });
const MEMBERS = ['sigmoid', 'tanh', 'relu'];
const group = (seeds, members = MEMBERS) => ({ members, budget: 5000, seeds });
const heldOf = (tally) => Object.fromEntries(tally.items.map((i) => [i.rival ? `${i.key}:${i.rival}` : i.key, i.held]));

// Seed 1: every claim holds. Seed 2: each fails. Seed 3: ReLU diverged. Seed 4: the worker failed.
const SEEDS = [
  { seed: 1, members: { sigmoid: point({ testAccuracy: 0.5, firstLastGradRatio: 1e-6 }), tanh: point({ testAccuracy: 0.8, firstLastGradRatio: 0.1 }),
    relu: point({ testAccuracy: 0.95, firstLastGradRatio: 0.8, zeroFraction: 0.45 }) } },
  { seed: 2, members: { sigmoid: point({ testAccuracy: 0.97, firstLastGradRatio: 2 }), tanh: point({ testAccuracy: 0.99, firstLastGradRatio: 0.9 }),
    relu: point({ testAccuracy: 0.96, firstLastGradRatio: 0.8, zeroFraction: EXACT_ZEROS_MIN_SHARE / 2 }) } },
  { seed: 3, members: { sigmoid: point({ testAccuracy: 0.5, firstLastGradRatio: 1e-6 }), tanh: point({ firstLastGradRatio: 0.1 }),
    relu: point({ diverged: true, testAccuracy: NaN, firstLastGradRatio: NaN, zeroFraction: 0.9 }) } },
  { seed: 4, failed: 'out of memory', members: {} },
];

test('each claim\'s per-seed rule: held, failed, a diverged network and a failed seed', () => {
  const tally = tallyClaims(group(SEEDS), { total: 4, classes: 2 });
  assert.equal(tally.done, 4);
  assert.equal(tally.failed, 1);
  assert.equal(tally.state, 'done');
  // Seed 1 holds everything; seed 2 nothing; seed 3 only sigmoid at chance (a diverged ReLU makes
  // no ReLU claim hold); seed 4 (failed) nothing.
  assert.deepEqual(heldOf(tally), { 'gradient:sigmoid': 1, 'gradient:tanh': 1, chance: 2, zeros: 1, best: 1 });
  assert.deepEqual(tally.items.map((i) => i.card), ['vanishing', 'vanishing', 'vanishing', 'sparsity', null]);
});

test('the thresholds are where the rules say: chance + margin, the exact-zero share, ties', () => {
  const at = (sigmoidAcc, reluZeros, reluAcc) => heldOf(tallyClaims(group([{ seed: 1, members: {
    sigmoid: point({ testAccuracy: sigmoidAcc }), relu: point({ testAccuracy: reluAcc, zeroFraction: reluZeros }) } }],
  ['sigmoid', 'relu']), { classes: 2 }));
  assert.equal(at(0.5 + CHANCE_MARGIN - 1e-9, 0, 1).chance, 1);
  assert.equal(at(0.5 + CHANCE_MARGIN, 0, 1).chance, 0);
  assert.equal(at(0.9, EXACT_ZEROS_MIN_SHARE, 1).zeros, 1);
  assert.equal(at(0.9, EXACT_ZEROS_MIN_SHARE - 1e-9, 1).zeros, 0);
  assert.equal(at(0.9, 0, 0.9).best, 1, 'a tie counts for ReLU');
  assert.equal(at(0.9, 0, 0.89).best, 0);
  // Three classes: chance is a third.
  const three = heldOf(tallyClaims(group([{ seed: 1, members: { sigmoid: point({ testAccuracy: 0.4 }), relu: point() } }],
    ['sigmoid', 'relu']), { classes: 3 }));
  assert.equal(three.chance, 1);
});

test('a diverged rival is beaten, never a reason for ReLU\'s gradient claim to hold', () => {
  const seeds = [{ seed: 1, members: { sigmoid: point({ diverged: true, testAccuracy: NaN, firstLastGradRatio: NaN }), relu: point({ testAccuracy: 0.6 }) } }];
  const held = heldOf(tallyClaims(group(seeds, ['sigmoid', 'relu']), { classes: 2 }));
  assert.deepEqual(held, { 'gradient:sigmoid': 0, chance: 0, zeros: 0, best: 1 });
});

test('no seeds, no tally; claims the race cannot answer are left out', () => {
  assert.equal(tallyClaims(null, { total: 20 }), null);
  assert.equal(tallyClaims(group([]), { total: 20 }), null);
  const noSigmoid = tallyClaims(group([SEEDS[0]], ['tanh', 'relu']), { total: 20, running: true });
  assert.deepEqual(noSigmoid.items.map((i) => i.rival ?? i.key), ['tanh', 'zeros', 'best']);
  assert.equal(noSigmoid.state, 'running');
  assert.equal(tallyClaims(group([SEEDS[0]]), { total: 20, running: false }).state, 'stopped');
  assert.deepEqual(tallyClaims(group([SEEDS[0]], ['elu', 'gelu']), { total: 1 }).items, []);
});

const LABELS = { relu: 'ReLU', sigmoid: 'Sigmoid', tanh: 'Tanh' };
const labelOf = (n) => LABELS[n] ?? n;
const seeds20 = Array.from({ length: 20 }, (_, i) => ({ ...SEEDS[i === 0 ? 1 : 0], seed: i + 1 }));

test('the sentences, done, live and stopped, in English', () => {
  const done = tallyClaims(group(seeds20), { total: 20 });
  const sentence = (tally, key, rival) => tallySentence(tally.items.find((i) => i.key === key && i.rival === rival), tally, { labelOf, i18n: englishTranslator });
  assert.equal(sentence(done, 'gradient', 'sigmoid'), 'ReLU passed more gradient to its first layer than Sigmoid in 19 of 20 seeds, after 5,000 steps.');
  assert.equal(sentence(done, 'chance'), 'Sigmoid stayed at chance in 19 of 20 seeds, after 5,000 steps.');
  assert.equal(sentence(done, 'zeros'), 'ReLU had exact zeros (at least 5% of its hidden outputs) in 19 of 20 seeds, after 5,000 steps.');
  const live = tallyClaims(group(seeds20.slice(0, 14)), { total: 20, running: true });
  assert.equal(sentence(live, 'best'), 'ReLU reached the best test accuracy in 13 of 14 seeds so far (of 20, after 5,000 steps).');
  const one = tallyClaims(group([SEEDS[0]]), { total: 1 });
  assert.equal(sentence(one, 'best'), 'ReLU reached the best test accuracy in 1 of 1 seed, after 5,000 steps.');
  const failed = tallyClaims(group(SEEDS), { total: 4 });
  assert.equal(sentence(failed, 'zeros'), 'ReLU had exact zeros (at least 5% of its hidden outputs) in 1 of 4 seeds, after 5,000 steps (1 failed).');
});

test('every tally sentence in zh-CN: the same numbers, no stray English', () => {
  const zhT = createTranslator('zh-CN', zh);
  const cases = [tallyClaims(group(seeds20), { total: 20 }), tallyClaims(group(seeds20.slice(0, 3)), { total: 20, running: true }),
    tallyClaims(group(seeds20.slice(0, 3)), { total: 20 }), tallyClaims(group(SEEDS), { total: 4 }),
    tallyClaims(group(SEEDS), { total: 9, running: true }), tallyClaims(group(SEEDS), { total: 9 })];
  for (const tally of cases) {
    for (const item of tally.items) {
      const text = tallySentence(item, tally, { labelOf, i18n: zhT });
      assert.deepEqual(strayLatin(text), [], text);
      assert.doesNotMatch(text, /\{\w+\}/, text);
      assert.ok(text.includes(String(item.held)) && text.includes('5,000'), text);
      assert.notEqual(text, tallySentence(item, tally, { labelOf, i18n: englishTranslator }));
    }
  }
  assert.deepEqual([...zhT.missing].filter((k) => k.startsWith('claimTally')), []);
});
