// Figure names and settings keys are a public contract (issue 15, item 4): snippets pasted from
// the release before this change (tests/browser/fixtures/snippets-release-1.json, written by that
// release's "Embed this" and its README) still draw the same figure with the same validated
// settings, with no notice; and a short snippet from today's dialog (`v=` of today's version plus the settings that
// differ) means what the full one meant. `lang` came after the release: a snippet without it reads
// in its host page's language (these hosts: English), and today's snippet with lang="zh-CN" reads
// the same figure and settings, in Chinese, with no notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedSession, openPage } from './embed-session.mjs';
import { SNIPPET_VERSIONS, CURRENT_SNIPPET_VERSION } from '../../web/embed/snippet-versions.js';
import { embedSnippets } from '../../web/app/embed-dialog.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'snippets-release-1.json');
const { snippets } = JSON.parse(await fs.readFile(FIXTURE, 'utf8'));
const FRAMED = ['README element, vanishing race', 'README element, tanh card on circles', 'README Hugo shortcode, why', 'defaults claims', 'vanishing why'];
const TIMEOUT_MS = 30000;

const session = embedSession();

/** {figure, settings, notices} of the <activation-lab> matching `selector` once its settings are read. */
function readFigure(target, selector) {
  return target.waitForFunction((s) => {
    const host = document.querySelector(s);
    const snap = host?.snapshot();
    if (!snap?.settings) return null;
    const root = host.shadowRoot;
    return { figure: snap.figure, settings: snap.settings, drawnAs: root.querySelector('.alx-figure').dataset.figure,
      lang: root.querySelector('.alx-figure').lang,
      notices: [...root.querySelectorAll('.alx-notices li')].map((li) => li.textContent) };
  }, selector, { timeout: TIMEOUT_MS, polling: 100 }).then((h) => h.jsonValue());
}

const settingsMap = (text) => new Map(text.replace(/^#/, '').split('&').filter(Boolean).map((p) => p.split('=')));
// Settings the lab gained after the release (the across-seeds keys...) are read at today's defaults.
const TODAY = settingsMap(SNIPPET_VERSIONS[CURRENT_SNIPPET_VERSION]);

function check(got, snippet, how, lang = 'en') {
  assert.equal(got.lang, lang, `${snippet.name} (${how}): language`);
  assert.equal(got.figure, snippet.expect.figure, `${snippet.name} (${how})`);
  assert.equal(got.drawnAs, snippet.expect.figure, `${snippet.name} (${how})`);
  const read = settingsMap(got.settings);
  const release = settingsMap(snippet.expect.settings);
  for (const [key, value] of release) assert.equal(read.get(key), value, `${snippet.name} (${how}): ${key}`);
  for (const [key, value] of read) {
    if (!release.has(key)) assert.equal(value, TODAY.get(key), `${snippet.name} (${how}): ${key}, new since the release, at its default`);
  }
  assert.deepEqual(got.notices, [], `${snippet.name} (${how}): no notice`);
}

test('every element snippet of the last release draws the same figure with the same settings', { timeout: 120000 }, async () => {
  const body = snippets.map((s, i) => s.element.replaceAll('LAB/', session.lab)
    .replace('<activation-lab ', `<activation-lab id="s${i}" loading="eager" `)).join('\n');
  const { context, page, errors } = await openPage(session.browser, await session.writePost('contract-elements.html', `<main>${body}</main>`));
  try {
    for (const [i, snippet] of snippets.entries()) check(await readFigure(page, `#s${i}`), snippet, 'element');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('iframe snippets of the last release draw the same figure with the same settings', { timeout: 120000 }, async () => {
  const chosen = snippets.filter((s) => FRAMED.includes(s.name));
  assert.equal(chosen.length, FRAMED.length);
  const body = chosen.map((s, i) => s.iframe.replaceAll('LAB/', session.lab).replace('loading="lazy"', `id="f${i}"`)).join('\n');
  const { context, page, errors } = await openPage(session.browser, await session.writePost('contract-frames.html', `<main>${body}</main>`));
  try {
    for (const [i, snippet] of chosen.entries()) {
      const frame = await (await page.$(`#f${i}`)).contentFrame();
      check(await readFigure(frame, 'activation-lab'), snippet, 'iframe');
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('today\'s short snippet (today\'s v= and what differs) reads as the release\'s full one', { timeout: 120000 }, async () => {
  const full = snippets.filter((s) => !s.name.startsWith('README'));
  const body = full.map((s, i) => {
    // Every other one in Chinese, as "Embed this" writes it from the Chinese page.
    const short = embedSnippets(session.lab, s.expect.settings, { figure: s.figure, activation: s.activation ?? '', lang: i % 2 ? 'zh-CN' : 'en' });
    assert.ok(short.settings.length < s.expect.settings.length / 2,
      `${s.name}: settings of ${short.settings.length} characters, the release's ${s.expect.settings.length}`);
    return short.element.replace('<activation-lab ', `<activation-lab id="s${i}" loading="eager" `);
  }).join('\n');
  const { context, page, errors } = await openPage(session.browser, await session.writePost('contract-short.html', `<main>${body}</main>`));
  try {
    for (const [i, snippet] of full.entries()) check(await readFigure(page, `#s${i}`), snippet, 'short element', i % 2 ? 'zh-CN' : 'en');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
