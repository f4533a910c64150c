// A preset's stated outcome in words (web/app/preset-record.js): its numbers in the reader's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectationWords } from '../../web/app/preset-record.js';
import { createTranslator } from '../../web/i18n/i18n.js';

const label = (n) => ({ relu: 'ReLU', sigmoid: 'Sigmoid' })[n];

test('an expectation reads as before in English', () => {
  assert.equal(expectationWords(['sigmoid', 'testAccuracy', '<', 0.6], label), expectationWords(['sigmoid', 'testAccuracy', '<', 0.6], label, {}));
  assert.match(expectationWords(['sigmoid', 'testAccuracy', '<', 0.6], label), /60%/);
  assert.match(expectationWords(['sigmoid', 'firstLastGradRatio', '<', 1e-3], label), /1 \/ 1,000/);
});

test('an expectation\u2019s number is formatted by the reader\u2019s translator (German digits: "60 %", "1 / 1.000")', () => {
  const german = createTranslator('de', {});
  const words = (e) => expectationWords(e, label, { i18n: german }).replace(/\u00a0/g, ' ');
  assert.match(words(['sigmoid', 'testAccuracy', '<', 0.6]), /60 %/);
  assert.match(words(['relu', 'saturatedFraction', '<=', 0.05]), /5 %/);
  assert.match(words(['sigmoid', 'firstLastGradRatio', '<', 1e-3]), /1 \/ 1\.000/);
});
