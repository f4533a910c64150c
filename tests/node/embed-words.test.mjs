// The embed's words (web/embed/figure-words.js, caption.js): a notice kept as a message is worded
// in the figure's language, an error of the lab's API from its kind and params where the catalog
// has that kind (else its English message), and the caption is one template per language, English
// byte for byte as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { say } from '../../web/embed/figure-words.js';
import { captionText } from '../../web/embed/caption.js';
import { createTranslator, englishTranslator } from '../../web/i18n/i18n.js';
import chinese from '../../web/i18n/catalogs/zh-CN.js';
import { strayLatin } from '../allowed-latin.mjs';

const zh = createTranslator('zh-CN', chinese);

test('say: text as it came, a message in the translator\'s language, nested messages worded first', () => {
  assert.equal(say('the worker said this', zh), 'the worker said this');
  assert.equal(say(null, zh), '');
  const failed = { key: 'embed.failed', params: { message: { key: 'embed.workerFailed', params: { message: { key: 'embed.workerNoCode' } } } } };
  assert.equal(say(failed), 'the lab\'s worker failed: it could not load its code. Open the figure in Activation Lab instead.');
  assert.equal(say(failed, zh), '实验室的训练线程出错：无法加载它的代码。请改在 Activation Lab 中打开这个图示。');
});

test('say: an API error is worded from error.<kind> and its params, else its English message', () => {
  const error = { kind: 'out_of_range', params: { field: 'hidden[0]', value: 100, min: 1, max: 64 }, message: 'hidden[0]: 100 is out of range [1, 64]' };
  assert.equal(say(error), 'hidden[0]: 100 is out of range [1, 64]');
  assert.equal(say(error, zh), 'hidden[0]：100 超出范围 [1, 64]');
  assert.equal(say({ kind: 'no_such_kind', params: {}, message: 'as the core wrote it' }, zh), 'as the core wrote it');
});

test('caption: English as before, Chinese from one template, a value without words as it is', () => {
  const values = { data: 'generated', dataset: 'xor', hidden: [8, 8, 8, 8, 8], optimizer: 'momentum', learningRate: 0.029999999329447746, seed: 12345 };
  assert.equal(captionText(values), 'xor, 5 x 8, momentum 0.03, seed 12345');
  assert.equal(captionText(values, 'ReLU', { i18n: englishTranslator }), 'ReLU: xor, 5 x 8, momentum 0.03, seed 12345');
  assert.equal(captionText({ ...values, data: 'cleared', hidden: [] }), 'clicked points only, no hidden layer, momentum 0.03, seed 12345');
  const chineseCaption = captionText(values, 'ReLU', { i18n: zh });
  assert.equal(chineseCaption, 'ReLU：异或，5 x 8，动量 SGD 0.03，种子 12345');
  assert.deepEqual(strayLatin(chineseCaption), []);
  assert.equal(captionText({ ...values, dataset: 'newset', optimizer: 'adam' }, null, { i18n: zh }), 'newset，5 x 8，Adam 0.03，种子 12345');
});
