// Servers never see the #hash: `?lang=zh-CN` or a `/zh-CN/` path is the shareable form they do see
// (issue 20, item 2). The dev server answers it with a Chinese <title>, description and Open Graph
// tags, oEmbed with the Chinese title and an iframe carrying #lang=zh-CN; the words come from the
// catalogs. "Embed this" carries the page's language into every snippet; English adds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oembedFor } from '../../scripts/oembed.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { languagePage } from '../../scripts/build-dist.mjs';
import { embedSnippets } from '../../web/app/embed-dialog.js';
import { createTranslator } from '../../web/i18n/i18n.js';
import english from '../../web/i18n/catalogs/en.js';
import chinese from '../../web/i18n/catalogs/zh-CN.js';
import { strayLatin } from '../allowed-latin.mjs';

const BASE = 'https://lab.example/lab/';
const iframeSrc = (html) => /src="([^"]+)"/.exec(html)[1].replaceAll('&amp;', '&');

test('oEmbed: ?lang=zh-CN, a /zh-CN/ path and #lang=zh-CN give the catalog\'s Chinese title and a #lang=zh-CN frame', () => {
  for (const url of [`${BASE}?lang=zh-CN#figure=why&seed=2`, `${BASE}zh-CN/#figure=why&seed=2`,
    `${BASE}zh-CN/embed.html#figure=why&seed=2`, `${BASE}embed.html#lang=zh-CN&figure=why&seed=2`, `${BASE}index.html?lang=zh#figure=why&seed=2`]) {
    const { status, body } = oembedFor(url, BASE);
    assert.equal(status, 200, url);
    assert.equal(body.title, chinese['embed.oembed.title.why'], url);
    assert.match(body.html, new RegExp(`title="${chinese['embed.oembed.title.why']}"`), url);
    const src = new URL(iframeSrc(body.html));
    assert.equal(src.pathname, '/lab/embed.html', url);
    assert.match(src.hash, /^#(.*&)?lang=zh-CN(&|$)/, url);
    assert.match(src.hash, /(^#|&)figure=why(&|$)/, url);
    assert.match(src.hash, /(^#|&)seed=2(&|$)/, url);
    assert.equal(src.hash.match(/lang=/g).length, 1, `${url}: one lang= in ${src.hash}`);
  }
});

test('oEmbed: without a language, or with one that has no catalog, the English title and no lang in the frame', () => {
  for (const url of [`${BASE}#figure=cost`, `${BASE}?lang=fr#figure=cost`, `${BASE}?lang=zh-TW#figure=cost`]) {
    const { body } = oembedFor(url, BASE);
    assert.equal(body.title, english['embed.oembed.title.cost'], url);
    assert.doesNotMatch(iframeSrc(body.html), /lang=/, url);
  }
  assert.equal(oembedFor(`${BASE}fr/`, BASE).status, 404, 'only languages with a catalog have a path');
});

test('the server sends the lab and embed pages\' head in Chinese for ?lang=zh-CN and /zh-CN/, unchanged otherwise', async () => {
  const { server, url } = await startServer({ port: 0 });
  try {
    const get = async (path) => (await fetch(new URL(path, url))).text();
    const head = (html, pattern) => pattern.exec(html)?.[1];
    for (const [path, page] of [['index.html?lang=zh-CN', 'page'], ['zh-CN/', 'page'], ['embed.html?lang=zh-CN', 'embed'], ['zh-CN/embed.html', 'embed']]) {
      const html = await get(path);
      assert.equal(head(html, /<html lang="([^"]+)"/), 'zh-CN', path);
      assert.equal(head(html, /<title[^>]*>([^<]*)</), chinese[`meta.${page}.title`], path);
      assert.equal(head(html, /<meta name="description"[^>]* content="([^"]*)"/), chinese[`meta.${page}.description`], path);
      assert.equal(head(html, /<meta property="og:title"[^>]* content="([^"]*)"/), chinese['meta.page.title'], path);
      assert.equal(head(html, /<meta property="og:description"[^>]* content="([^"]*)"/), chinese[`meta.${page}.ogDescription`], path);
      if (page === 'embed') assert.ok(html.includes(`>${chinese['embed.noscript']}</p>`), `${path}: the noscript text`);
      const ogUrl = head(html, /<meta property="og:url" content="([^"]*)"/);
      assert.ok(ogUrl.includes('lang=zh-CN') || ogUrl.includes('/zh-CN/'), `${path}: og:url ${ogUrl} keeps the language`);
      // The discovered oEmbed answer is Chinese too.
      const discovered = head(html, /type="application\/json\+oembed" href="([^"]+)"/).replaceAll('&amp;', '&');
      const answer = await (await fetch(discovered)).json();
      assert.equal(answer.title, chinese['embed.oembed.title.race'], path);
    }
    // The page's own files below /zh-CN/, so its relative URLs work there.
    assert.equal((await fetch(new URL('zh-CN/embed/activation-lab.js', url))).status, 200);
    for (const path of ['index.html', 'index.html?lang=fr', 'embed.html?lang=en']) {
      const html = await get(path);
      assert.equal(head(html, /<html lang="([^"]+)"/), 'en', path);
      assert.equal(head(html, /<meta property="og:title"[^>]* content="([^"]*)"/), english['meta.page.title'], path);
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('dist/zh-CN/ stand-ins carry the Chinese head and lead to the live page in Chinese', async () => {
  const fs = await import('node:fs/promises');
  for (const page of ['index.html', 'embed.html']) {
    const html = languagePage(await fs.readFile(new URL(`../../web/${page}`, import.meta.url), 'utf8'), page, 'zh-CN');
    const which = page === 'index.html' ? 'page' : 'embed';
    assert.match(html, /<html lang="zh-CN">/);
    assert.ok(html.includes(`<title`) && html.includes(`>${chinese[`meta.${which}.title`]}</title>`), page);
    assert.ok(html.includes(`content="${chinese[`meta.${which}.ogDescription`]}"`), page);
    assert.ok(html.includes(`url=../${page}?lang=zh-CN"`), page);
    assert.ok(html.includes('<script src="../embed/language-path.js"></script>'), page);
    assert.ok(html.includes('content="../embed/card.png"'), `${page}: the card image one folder up`);
    assert.doesNotMatch(html, /<script type="module"|modulepreload|stylesheet/, `${page}: none of the page's code`);
  }
});

test('Embed this carries the page\'s language into the iframe, the element, the link and the oEmbed URL; English adds nothing', () => {
  const zh = createTranslator('zh-CN', chinese);
  const s = embedSnippets(BASE, '#seed=7&lang=zh-CN', { figure: 'why', lang: 'zh-CN', i18n: zh });
  assert.equal(s.settings, 'v=2&seed=7', 'the page\'s lang= is not a setting');
  assert.match(s.embedUrl, /embed\.html#figure=why&lang=zh-CN&v=2&seed=7$/);
  assert.match(s.iframe, /embed\.html#figure=why&amp;lang=zh-CN&amp;v=2&amp;seed=7"/);
  assert.match(s.element, /<activation-lab figure="why" lang="zh-CN" settings="v=2&amp;seed=7">/);
  assert.equal(s.link, `${BASE}index.html?lang=zh-CN#seed=7`);
  assert.equal(new URL(s.oembedUrl).searchParams.get('url'), s.link);
  assert.equal(oembedFor(s.link, BASE).body.title, chinese['embed.oembed.title.race']);
  assert.ok(s.element.includes(`alt="${chinese['embedDialog.fallbackAlt']}"`));
  assert.deepEqual(strayLatin(chinese['embedDialog.fallbackAlt']), []);
  const en = embedSnippets(BASE, '#seed=7', { figure: 'why' });
  assert.doesNotMatch(`${en.iframe}${en.element}${en.link}`, /lang=/);
  assert.match(en.element, /<activation-lab figure="why" settings="v=2&amp;seed=7">/);
});
