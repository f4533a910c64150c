// Errors shown to readers are worded by the catalogs (issue 20): the core reports error.kind and
// error.params beside its English message, and the page words the notice in the reader's language
// (web/session/config-fallback.js errorText, configFallback; url-state.js for the address's own
// refusals). English keeps the core's message byte for byte; an unknown kind falls back to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail } from './lab-fixture.mjs';
import { buildParamTable, defaultValues } from '../../web/session/param-table.js';
import { configFallback, errorText } from '../../web/session/config-fallback.js';
import { readHash } from '../../web/session/url-state.js';
import { englishTranslator, loadTranslator } from '../../web/i18n/i18n.js';
import { strayLatin } from '../allowed-latin.mjs';

const lab = await loadLabOrFail();
const table = buildParamTable({ fields: lab.configFields(), activations: lab.activations(), constants: lab.constants() });
const zh = await loadTranslator('zh-CN');

/** The core's Error for a config (raced by two activations). */
function coreError(config) {
  try {
    lab.createRace({ ...lab.defaultConfig(), ...config, members: ['relu', 'tanh'] }).delete();
  } catch (err) {
    return err;
  }
  throw new Error(`the core accepted ${JSON.stringify(config)}`);
}

test('a core error reads in Chinese for a zh-CN reader, naming the field, the value and the allowed range', () => {
  const err = coreError({ classes: 5, dataset: 'xor' });
  assert.equal(err.kind, 'out_of_range');
  const text = errorText(table, err, zh);
  assert.equal(text, '类别数：5 超出范围 [2, 2]');
  assert.deepEqual(strayLatin(text), []);
  // The fallback's sentence around it, and the setting it resets.
  const values = { ...defaultValues(table), classes: 5, dataset: 'xor' };
  const { changes, text: notice } = configFallback(table, values, err, { i18n: zh });
  assert.deepEqual(changes, { classes: table.byKey.get('classes').default });
  assert.equal(notice, '类别数：5 超出范围 [2, 2]。“类别数”已恢复为默认值。');
});

test('every kind the core reports for a bad setting has its words in zh-CN, with no English left in them', () => {
  const cases = [{ learningRate: 99 }, { testFraction: 0.99 }, { hidden: Array(13).fill(4) }, { dataset: 'nope' },
    { points: 2.5 }, { noise: Number.NaN }];
  for (const config of cases) {
    const err = coreError(config);
    const text = errorText(table, err, zh);
    assert.notEqual(text, err.message, `${err.kind} is worded by the catalog`);
    // The value given and the values the setting takes (dataset names) are the address's text: kept.
    const code = new Set([...(err.params.allowed ?? []), String(err.params.value)]);
    assert.deepEqual(strayLatin(text).filter((w) => !code.has(w)), [], `${err.kind}: ${text}`);
    assert.ok(text.startsWith(zh.t(`field.${err.field}.label`)), `${text} names the field by its label`);
  }
});

test('English keeps the core\'s message, and an unknown kind falls back to it in any language', () => {
  const err = coreError({ learningRate: 99 });
  assert.equal(errorText(table, err, englishTranslator), err.message);
  const { text } = configFallback(table, { ...defaultValues(table), learningRate: 99 }, err);
  assert.equal(text, `${err.message}. Learning rate is back to its default.`);
  const odd = { message: 'something new', kind: 'a_kind_no_catalog_has', params: { field: 'seed' }, field: 'seed' };
  assert.equal(errorText(table, odd, zh), 'something new');
});

test('a bad value in the address reads in Chinese: the setting by its label, the value and the allowed range', () => {
  const { notices, values } = readHash(table, '#learningRate=99', { i18n: zh });
  assert.equal(values.learningRate, table.byKey.get('learningRate').default);
  assert.equal(notices.length, 1);
  assert.equal(notices[0], '已忽略地址中的 学习率=“99”（值超出范围 [0.000001, 10]）；改用默认值 0.03。');
  const english = readHash(table, '#learningRate=99').notices[0];
  assert.equal(english, 'Ignored learningRate="99" in the address (value is out of range [0.000001, 10]); using the default, 0.03.');
});
