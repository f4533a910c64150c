// The message catalogs (web/i18n/catalogs/*.js) and the translator over them (web/i18n/i18n.js):
// the catalogs agree key for key and placeholder for placeholder, English fills any gap in a
// translation, the language is chosen as issue 20 says, numbers read in the reader's language, the
// zh-CN catalog has no stray English, and the catalogs cover the core's tables and the page's rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import en from '../../web/i18n/catalogs/en.js';
import zh from '../../web/i18n/catalogs/zh-CN.js';
import {
  LANGUAGES, chooseLanguage, createTranslator, englishTranslator, loadTranslator, resolveTag,
} from '../../web/i18n/i18n.js';
import { buildParamTable } from '../../web/session/param-table.js';
import { PRESETS } from '../../web/session/presets.js';
import { strayLatin } from '../allowed-latin.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CATALOGS = { en, 'zh-CN': zh };

const forms = (value) => (typeof value === 'object' && value !== null ? Object.values(value) : [value]);
/** The placeholders of a message (all plural forms together), sorted. */
const placeholders = (value) => [...new Set(forms(value).flatMap((text) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

test('every language has a catalog and the catalogs have the same keys', () => {
  assert.deepEqual(Object.keys(CATALOGS).sort(), [...LANGUAGES].sort());
  const enKeys = Object.keys(en).sort();
  assert.ok(enKeys.length > 300, `only ${enKeys.length} keys: the catalog did not load whole`);
  assert.deepEqual(Object.keys(zh).filter((k) => !(k in en)), [], 'keys in zh-CN but not in en');
  assert.deepEqual(enKeys.filter((k) => !(k in zh)), [], 'keys in en but not in zh-CN');
});

test('a key lives in one file: no part of a catalog redefines a key of another part or of the base', async () => {
  // The parts are spread into the base object, so a duplicate would silently win over the other copy.
  for (const lang of LANGUAGES) {
    const owner = new Map();
    const base = readFileSync(path.join(repoRoot, `web/i18n/catalogs/${lang}.js`), 'utf8');
    for (const [, key] of base.matchAll(/^\s*'([^']+)':/gm)) owner.set(key, `${lang}.js`);
    for (const area of ['app', 'views', 'embed', 'answer']) {
      const part = (await import(`../../web/i18n/catalogs/${lang}/${area}.js`)).default;
      for (const key of Object.keys(part)) {
        assert.ok(!owner.has(key), `${lang}: "${key}" is in ${owner.get(key)} and in ${lang}/${area}.js`);
        owner.set(key, `${lang}/${area}.js`);
      }
    }
  }
});

test('each key has the same placeholders in every language, and no empty value', () => {
  for (const [lang, catalog] of Object.entries(CATALOGS)) {
    for (const [key, value] of Object.entries(catalog)) {
      for (const text of forms(value)) assert.ok(typeof text === 'string' && text.trim() !== '', `${lang} ${key} is empty`);
      if (typeof value === 'object') assert.ok(typeof value.other === 'string', `${lang} ${key}: a plural needs 'other'`);
      assert.deepEqual(placeholders(value), placeholders(en[key]), `${lang} ${key}: placeholders differ from en`);
    }
  }
});

test('keys are grouped by component: lowerCamel segments joined by dots', () => {
  for (const key of Object.keys(en)) assert.match(key, /^[a-z][A-Za-z]*(\.[A-Za-z0-9_-]+)+$/, key);
});

test('t fills named placeholders and formats numbers for the language', () => {
  const enT = englishTranslator.t;
  const zhT = createTranslator('zh-CN', zh).t;
  assert.equal(enT('points.full', { count: 12345 }), 'The training set already has 12,345 points, the most it can hold.');
  assert.equal(zhT('points.full', { count: 12345 }), `训练集已有 ${new Intl.NumberFormat('zh-CN').format(12345)} 个点，已达上限。`);
  // Preformatted values (a ratio, a power of ten, a percentage) are strings and pass unchanged.
  assert.equal(zhT('claims.vanishing.verdict.item', { name: 'ReLU', ratio: '1 / 42,000' }), 'ReLU 为 1 / 42,000');
  assert.equal(enT('claims.vanishing.verdict.item', { name: 'Sigmoid', ratio: '10^-6.2' }), 'Sigmoid\'s 10^-6.2');
  // The language's own number format: a German translator (no catalog) writes 12.345,5.
  const de = createTranslator('de', {});
  assert.equal(de.t('points.full', { count: 12345.5 }), 'The training set already has 12.345,5 points, the most it can hold.');
  assert.equal(de.number(0.5), '0,5');
  assert.equal(englishTranslator.percent(0.524), '52%');
  assert.equal(englishTranslator.percent(0.5246, 1), '52.5%');
  assert.equal(createTranslator('zh-CN', zh).percent(0.524), new Intl.NumberFormat('zh-CN', { style: 'percent' }).format(0.524));
  assert.equal(englishTranslator.number(NaN), '–');
});

test('plural messages follow the language: one/other in English, one form in Chinese', () => {
  const zhT = createTranslator('zh-CN', zh).t;
  assert.equal(englishTranslator.t('points.added', { count: 1 }), '1 point added');
  assert.equal(englishTranslator.t('points.added', { count: 3 }), '3 points added');
  assert.equal(zhT('points.added', { count: 1 }), '已添加 1 个点');
  assert.equal(zhT('points.added', { count: 3 }), '已添加 3 个点');
});

test('lists are joined the language\'s way, and parts() keeps nodes as nodes', () => {
  const zhI = createTranslator('zh-CN', zh);
  assert.equal(englishTranslator.list(['sigmoid', 'tanh', 'ReLU']), 'sigmoid, tanh, and ReLU');
  assert.equal(zhI.list(['sigmoid 为 1 / 42,000', 'tanh 为 1 / 30', 'ReLU 为 0.8']), 'sigmoid 为 1 / 42,000、tanh 为 1 / 30、ReLU 为 0.8');
  const node = { nodeType: 1 };  // stands for a <span data-value>
  assert.deepEqual(englishTranslator.parts('why.compare.sentence.item', { name: 'ReLU', ratio: node }), ['ReLU\'s ', node]);
  assert.deepEqual(englishTranslator.listParts(['a', node]), ['a', ' and ', node]);
});

test('a key missing from zh-CN reads in English (that string only), never throws', () => {
  const partial = { ...zh };
  delete partial['run.play'];
  partial['run.pause'] = '';  // an empty translation counts as missing too
  const i = createTranslator('zh-CN', partial);
  assert.equal(i.t('run.play'), 'Play');
  assert.equal(i.t('run.pause'), 'Pause');
  assert.equal(i.t('run.reset'), '重置');
  assert.deepEqual([...i.missing].sort(), ['run.pause', 'run.play']);
  // Nowhere at all: the key itself; a missing param stays visible; odd params never throw.
  assert.equal(i.t('no.such.key'), 'no.such.key');
  assert.equal(i.t('run.stepBy'), '前进 {steps} 步');
  assert.equal(i.t('run.stepBy', null), '前进 {steps} 步');
  assert.equal(i.t('run.stepBy', { steps: undefined }), '前进  步');
  assert.equal(i.t('run.stepBy', { steps: { toString: () => 'x' } }), '前进 x 步');
  assert.equal(i.t('points.added', { count: 'many' }), '已添加 many 个点');
});

test('chooseLanguage: URL, element, host page, reader, default', () => {
  const cases = [
    // [inputs, lang, source, notice key]
    [{ urlLang: 'zh-CN', navigatorLanguages: ['en-US'] }, 'zh-CN', 'url', null],
    [{ urlLang: 'en', navigatorLanguages: ['zh-CN'] }, 'en', 'url', null],
    [{ urlLang: 'zh-cn' }, 'zh-CN', 'url', null],
    [{ urlLang: 'zh' }, 'zh-CN', 'url', null],
    [{ urlLang: 'fr', navigatorLanguages: ['zh-CN'] }, 'en', 'url', 'lang.unknown'],
    [{ urlLang: '<b>', navigatorLanguages: ['zh-CN'] }, 'en', 'url', 'lang.unknown'],
    [{ urlLang: '', navigatorLanguages: ['zh-CN'] }, 'zh-CN', 'reader', null],
    [{ navigatorLanguages: ['zh'] }, 'zh-CN', 'reader', null],
    [{ navigatorLanguages: ['zh-CN', 'en'] }, 'zh-CN', 'reader', null],
    [{ navigatorLanguages: ['zh-SG'] }, 'zh-CN', 'reader', null],
    [{ navigatorLanguages: ['zh-Hans-HK'] }, 'zh-CN', 'reader', null],
    [{ navigatorLanguages: ['zh-Hans'] }, 'zh-CN', 'reader', null],
    [{ navigatorLanguages: ['zh-TW'] }, 'en', 'default', null],
    [{ navigatorLanguages: ['zh-HK'] }, 'en', 'default', null],
    [{ navigatorLanguages: ['zh-MO'] }, 'en', 'default', null],
    [{ navigatorLanguages: ['zh-Hant'] }, 'en', 'default', null],
    [{ navigatorLanguages: ['zh-Hant-CN'] }, 'en', 'default', null],
    [{ navigatorLanguages: ['zh-TW', 'zh-CN'] }, 'zh-CN', 'reader', null],
    [{ navigatorLanguages: ['fr-FR', 'zh-CN'] }, 'zh-CN', 'reader', null],
    [{ navigatorLanguages: ['en-GB', 'zh-CN'] }, 'en', 'reader', null],
    [{ navigatorLanguages: ['fr-FR', 'de'] }, 'en', 'default', null],
    [{}, 'en', 'default', null],
    [{ urlLang: 'zh-TW' }, 'en', 'url', null],
    // Embeds: the element's lang, then the host page's <html lang>, then the reader's languages.
    [{ elementLang: 'zh-CN', htmlLang: 'en', navigatorLanguages: ['en'] }, 'zh-CN', 'element', null],
    [{ elementLang: 'klingon', htmlLang: 'zh-CN' }, 'en', 'element', 'lang.unknown'],
    [{ urlLang: 'en', elementLang: 'zh-CN' }, 'en', 'url', null],
    [{ htmlLang: 'zh-CN', navigatorLanguages: ['en-US'] }, 'zh-CN', 'host', null],
    [{ htmlLang: 'en', navigatorLanguages: ['zh-CN'] }, 'en', 'host', null],
    [{ htmlLang: 'zh-Hant-TW', navigatorLanguages: ['zh-CN'] }, 'en', 'host', null],
    [{ htmlLang: 'fr', navigatorLanguages: ['zh-CN'] }, 'zh-CN', 'reader', null],
    [{ htmlLang: '', navigatorLanguages: ['zh_CN'] }, 'zh-CN', 'reader', null],
  ];
  for (const [inputs, lang, source, notice] of cases) {
    const got = chooseLanguage(inputs);
    const label = JSON.stringify(inputs);
    assert.equal(got.lang, lang, label);
    assert.equal(got.source, source, label);
    assert.equal(got.notice?.key ?? null, notice, label);
    if (notice) {
      assert.ok(notice in en && notice in zh, `${notice} is a catalog key`);
      assert.equal(got.notice.params.value, inputs.urlLang ?? inputs.elementLang);
    }
  }
  assert.equal(resolveTag('ZH-hans-sg'), 'zh-CN');
  assert.equal(resolveTag(undefined), null);
});

test('loadTranslator loads the chosen catalog, and only a known one', async () => {
  const zhI = await loadTranslator('zh-CN');
  assert.equal(zhI.loaded, true);
  assert.equal(zhI.lang, 'zh-CN');
  assert.equal(zhI.t('run.play'), '开始');
  const enI = await loadTranslator('en');
  assert.equal(enI.t('run.play'), 'Play');
  const unknown = await loadTranslator('fr');
  assert.equal(unknown.loaded, false);
  assert.equal(unknown.t('run.play'), 'Play');
});

// ---- no stray English in zh-CN ---------------------------------------------------------------

test('the zh-CN catalog has no English words outside the allowed names, units and code', () => {
  // The check itself must be able to fail: an English phrase is caught, allowed names are not.
  assert.deepEqual(strayLatin('ReLU 的 dead units 为 {count}'), ['dead', 'units']);
  assert.deepEqual(strayLatin('Dead 神经元，max 值'), ['Dead', 'max']);
  assert.deepEqual(strayLatin('{name} 为 10^-6.2 ns，Leaky ReLU、GELU'), []);
  const found = [];
  for (const [key, value] of Object.entries(zh)) {
    for (const text of forms(value)) {
      const stray = strayLatin(text);
      if (stray.length) found.push(`${key}: ${stray.join(', ')}`);
    }
  }
  assert.deepEqual(found, []);
});

test('zh-CN uses the field\'s settled terms where the English says them', () => {
  const pairs = [
    ['vanishing', '梯度消失'], ['saturat', '饱和'], ['sparsity', '稀疏性'], ['decision boundar', '决策边界'],
    ['learning rate', '学习率'], ['dead unit', '死亡神经元'], ['hidden layer', '隐藏层'],
  ];
  for (const [english, chinese] of pairs) {
    const said = (k) => typeof en[k] === 'string' && en[k].replace(/\{\w+\}/g, '').toLowerCase().includes(english);
    const keys = Object.keys(en).filter(said);
    assert.ok(keys.length > 0, `no English text says "${english}"`);
    const without = keys.filter((k) => !forms(zh[k]).some((t) => t.includes(chinese) || t.includes(chinese.slice(0, 2))));
    assert.deepEqual(without, [], `"${english}" is not rendered with ${chinese}`);
  }
});

// ---- the catalogs cover what the page shows today ---------------------------------------------

/** The core's config field table (core/lib/config.cpp): {name: jsKey, help} per row. */
function coreFields() {
  const source = readFileSync(path.join(repoRoot, 'core/lib/config.cpp'), 'utf8');
  const rows = [...source.matchAll(/f\.push_back\(\{"(\w+)", "(\w+)", F::(\w+),[^"]*"([^"]*)",\s*\[\]/g)];
  return rows.map(([, , jsKey, type, help]) => ({ name: jsKey, type, help }));
}

test('every setting has a label and a help in each catalog, in English as the page shows them', () => {
  const fields = coreFields();
  assert.ok(fields.length >= 20, `read ${fields.length} core fields: the table's layout changed`);
  for (const { name, help } of fields) {
    for (const [lang, catalog] of Object.entries(CATALOGS)) {
      assert.ok(catalog[`field.${name}.label`], `${lang}: field.${name}.label`);
      assert.ok(catalog[`field.${name}.help`], `${lang}: field.${name}.help`);
    }
    assert.equal(en[`field.${name}.help`], help, `en field.${name}.help is the core's`);
  }
  // The page's rows: labels from its PRESENTATION table, its own rows' help.
  // Labels and help do not depend on the limits: any plane and point count will do here.
  const constants = { domain: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, maxAddedPoints: 1, maxClasses: 2 };
  const table = buildParamTable({ fields: fields.map((f) => ({ ...f, type: 'number', default: 0 })), activations: [], constants });
  for (const row of table.rows) {
    assert.equal(en[`field.${row.key}.label`], row.label, `en field.${row.key}.label`);
    assert.equal(en[`field.${row.key}.help`], row.help, `en field.${row.key}.help`);
  }
});

test('every activation, dataset, initialiser, optimizer and feature of the core has its words', () => {
  const read = (file) => readFileSync(path.join(repoRoot, file), 'utf8');
  const activations = [...read('core/lib/activations.cpp').matchAll(/\{ActivationId::\w+, "(\w+)", "([^"]+)"/g)];
  assert.ok(activations.length >= 17);
  for (const [, name, label] of activations) assert.equal(en[`activation.${name}`], label, name);
  const datasets = [...read('core/lib/dataset.cpp').matchAll(/\{DatasetKind::\w+, "(\w+)", "([^"]+)",\s*"([^"]+)"/g)];
  assert.ok(datasets.length >= 6);
  for (const [, name, label, description] of datasets) {
    assert.equal(en[`dataset.${name}.label`], label, name);
    assert.equal(en[`dataset.${name}.description`], description, name);
    assert.ok(en[`claims.dataset.${name}`], `claims.dataset.${name}`);
  }
  const config = read('core/lib/config.cpp');
  for (const [table, prefix] of [['kInitNames', 'init'], ['kOptimizerNames', 'optimizer'], ['kFeatureNames', 'feature']]) {
    const body = new RegExp(`${table} = \\{([^}]*)\\}`).exec(config)[1];
    const names = [...body.matchAll(/"(\w+)"/g)].map((m) => m[1]);
    assert.ok(names.length >= 3, table);
    for (const name of names) assert.ok(en[`choice.${prefix}.${name}`], `choice.${prefix}.${name}`);
  }
});

test('every preset has its label and text, in English as the page shows them', () => {
  for (const preset of PRESETS) {
    assert.equal(en[`preset.${preset.name}.label`], preset.label, preset.name);
    assert.equal(en[`preset.${preset.name}.text`], preset.text, preset.name);
  }
});

// ---- the HTML pages' own words (web/i18n/static-text.js) -------------------------------------

/** Just enough of an element for applyStaticText: attributes, children, text, attribute queries. */
class FakeElement {
  constructor(attrs = {}, ...children) {
    this.attrs = new Map(Object.entries(attrs));
    this.childNodes = children;
  }
  get children() { return this.childNodes.filter((c) => c instanceof FakeElement); }
  getAttribute(name) { return this.attrs.get(name) ?? null; }
  setAttribute(name, value) { this.attrs.set(name, String(value)); }
  replaceChildren(...nodes) { this.childNodes = nodes; }
  get textContent() { return this.childNodes.map((c) => (c instanceof FakeElement ? c.textContent : String(c))).join(''); }
  querySelectorAll(selector) {
    const name = /^\[([\w-]+)\]$/.exec(selector)[1];
    const out = [];
    const walk = (el) => el.children.forEach((c) => { if (c.attrs.has(name)) out.push(c); walk(c); });
    walk(this);
    return out;
  }
}

test('applyStaticText translates marked text, attributes and bold terms in place', async () => {
  const { applyStaticText } = await import('../../web/i18n/static-text.js');
  const term = new FakeElement({ 'data-i18n-param': 'term', 'data-i18n': 'run.reset' }, 'Reset');
  const help = new FakeElement({ 'data-i18n': 'boards.help.reset' }, term, ' goes back to step 0 ...');
  const nav = new FakeElement({ 'data-i18n-attrs': 'aria-label=nav.label; title=nav.race' });
  const title = new FakeElement({ 'data-i18n': 'race.title' }, 'The race');
  const body = new FakeElement({}, nav, title, help);
  const documentElement = { lang: 'en' };
  const doc = { documentElement, querySelectorAll: (s) => body.querySelectorAll(s) };

  applyStaticText(doc, createTranslator('zh-CN', zh));
  assert.equal(title.textContent, '赛跑');
  assert.equal(nav.getAttribute('aria-label'), '视图');
  assert.equal(nav.getAttribute('title'), '赛跑');
  assert.equal(help.textContent, '重置：回到第 0 步，数据和初始权重都不变。');
  assert.equal(help.childNodes[0], term, 'the bold term is the same node, still bold');
  assert.equal(documentElement.lang, 'zh-CN');

  applyStaticText(doc, englishTranslator);  // a switch back: the same markup reads English again
  assert.equal(help.textContent, 'Reset goes back to step 0 with the same data and the same initial weights.');
  assert.equal(help.childNodes[0], term);
  assert.equal(documentElement.lang, 'en');
});
