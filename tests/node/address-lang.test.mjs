// The page's language from its address (web/app/language.js addressLang): the hash the switch writes,
// then the forms a server sees and answers in that language (?lang=, a /zh-CN/ folder), so a link
// card's language and the page's agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressLang } from '../../web/app/language.js';

test('the hash wins, then ?lang=, then a /zh-CN/ folder; nothing named gives null', () => {
  assert.equal(addressLang({ hash: '#seed=2&lang=zh-CN' }), 'zh-CN');
  assert.equal(addressLang({ hash: '#lang=en', search: '?lang=zh-CN' }), 'en');
  assert.equal(addressLang({ hash: '#seed=2', search: '?lang=zh-CN' }), 'zh-CN');
  assert.equal(addressLang({ hash: '#lang=', search: '?lang=zh-CN' }), 'zh-CN');
  assert.equal(addressLang({ pathname: '/lab/zh-CN/index.html' }), 'zh-CN');
  assert.equal(addressLang({ search: '?lang=en', pathname: '/zh-CN/' }), 'en');
  assert.equal(addressLang({ hash: '#seed=2', search: '', pathname: '/lab/index.html' }), null);
});

test('an unknown language is passed on as written, for the usual notice', () => {
  assert.equal(addressLang({ search: '?lang=fr' }), 'fr');
  assert.equal(addressLang({ pathname: '/fr/index.html' }), null, 'only folders of catalogs the lab has name a language');
});
