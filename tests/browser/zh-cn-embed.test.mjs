// Every embedded figure in Simplified Chinese (issue 20, items 1 and 2), on a blog of a second
// origin under the host CSP: each figure as an element with lang="zh-CN" and as a sandboxed iframe
// of embed.html#lang=zh-CN shows no English word outside the allowed ones (tests/allowed-latin.mjs),
// in its text nodes and its aria-label, title, alt and placeholder attributes. An offender is
// named with the part that wrote it: `embed` (web/embed: the frame, classes alx-*) or `views`
// (web/views: the figures' components, classes al-*). A host page in Chinese gets Chinese without
// an attribute; a reader's Chinese browser gets it in an iframe; lang="fr" gets English and the
// usual notice; changing lang at run time says the figure again without restarting its run; the
// snippets of the last release still read in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { embedSession, openPage, snapshotOf, DRAW_TIMEOUT_MS } from './embed-session.mjs';
import { strayLatin } from '../allowed-latin.mjs';
import chinese from '../../web/i18n/catalogs/zh-CN.js';

const session = embedSession();
const FIGURES = ['race', 'card', 'why', 'cost', 'claims', 'seeds', 'curves', 'depth'];
// Small runs: the test reads words, not results (the seeds figure: two seeds of 200 steps).
const SETTINGS = {
  race: 'members=sigmoid,relu', card: 'activation=relu&dataset=circle', why: 'members=sigmoid,relu',
  cost: 'members=sigmoid,relu', claims: '', seeds: 'members=tanh,relu&hidden=8,8&seeds=2&seedSteps=200&seedWorkers=1',
  curves: 'members=sigmoid,relu', depth: 'members=sigmoid,relu',
};
const script = () => `<script src="${session.lab}embed/activation-lab.js"></script>`;

/**
 * Runs in the document holding the figure (the blog, or embed.html in the frame): null until the
 * figure is ready and has drawn what it draws; then every text and labelling attribute inside it,
 * each with the part that wrote it.
 */
function wordsOf(selector) {
  const host = document.querySelector(selector);
  const root = host?.shadowRoot;
  const frame = root?.querySelector('.alx-figure');
  if (frame?.dataset.ready !== 'true') return null;
  const drawn = {
    race: () => root.querySelectorAll('.al-card').length > 0
      && root.querySelectorAll('.al-card[data-drawn="true"]').length === root.querySelectorAll('.al-card').length,
    card: () => root.querySelector('.al-card[data-drawn="true"]'),
    why: () => root.querySelector('[data-field="why-sentence"][data-step]') && root.querySelector('.alx-ratios li'),
    cost: () => root.querySelector('.al-cost-row [data-field="forward-ns"][data-value]'),
    claims: () => root.querySelector('.al-claims:not([data-state="measuring"])'),
    seeds: () => root.querySelector('.al-seeds[data-state="done"]'),
    curves: () => Number(root.querySelector('.al-curves')?.dataset.points) > 0,
    depth: () => root.querySelector('.al-depth[data-done="true"]'),
  }[frame.dataset.figure];
  if (!drawn()) return null;
  // The part that wrote a node: the nearest element with a class; alx-* is the embed's own frame.
  const partOf = (element) => {
    for (let up = element; up; up = up.parentElement ?? up.getRootNode().host) {
      if (up.classList?.length) return [...up.classList].some((c) => c.startsWith('alx-')) ? 'embed' : 'views';
    }
    return 'embed';
  };
  const where = (element) => `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string'
    ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
  const out = [];
  const walk = (start) => {
    const walker = document.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement;
        if (!parent || ['STYLE', 'SCRIPT'].includes(parent.tagName) || !node.data.trim()) continue;
        out.push({ text: node.data, part: partOf(parent), where: where(parent) });
        continue;
      }
      for (const name of ['aria-label', 'title', 'alt', 'placeholder', 'aria-description']) {
        const value = node.getAttribute(name);
        if (value) out.push({ text: value, part: partOf(node), where: `${where(node)}[${name}]` });
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(root);
  return { words: out, lang: frame.lang, title: document.title, htmlLang: document.documentElement.lang };
}

/** The offenders among `words`: [{part, where, stray: [words]}]. */
function offenders(words) {
  return words.map((w) => ({ ...w, stray: strayLatin(w.text) })).filter((w) => w.stray.length > 0)
    .map(({ part, where, stray, text }) => ({ part, where, stray: stray.join(' '), text: text.slice(0, 80) }));
}

/**
 * Asserts no stray English in the figures read (`reads`: [[what, read]]): the embed's own words
 * first, then the views' (each offender named in the test's diagnostics, for the lead's merge).
 */
function assertChinese(reads, t) {
  const found = reads.flatMap(([what, read]) => offenders(read.words).map((o) => ({ what, ...o })));
  for (const o of found) t.diagnostic(`${o.what}: ${o.part} ${o.where}: "${o.stray}" in "${o.text}"`);
  const brief = (part) => found.filter((o) => o.part === part).map((o) => `${o.what}: ${o.where}: ${o.stray}`);
  assert.deepEqual(brief('embed'), [], 'stray English in the embed\'s own words (web/embed)');
  assert.deepEqual(brief('views'), [], 'stray English in the views\' words (web/views)');
}

const waitWords = (target, selector) => target.waitForFunction(wordsOf, selector, { timeout: DRAW_TIMEOUT_MS * 3, polling: 250 })
  .then((handle) => handle.jsonValue());

/** Writes a blog page as writePost does, with the host page's own <html lang>. */
async function writePage(name, lang, body) {
  await fs.writeFile(path.join(session.blogDir, name), `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<title>${name}</title><link rel="icon" href="data:,"><script src="blog.js"></script></head><body>${body}</body></html>`);
  return new URL(name, session.blog).href;
}

test('every figure as an element with lang="zh-CN" shows no stray English', { timeout: 300_000 }, async (t) => {
  const body = FIGURES.map((f) => `<activation-lab id="fig-${f}" figure="${f}" lang="zh-CN" loading="eager"
    settings="${SETTINGS[f].replaceAll('&', '&amp;')}"></activation-lab>`).join('\n');
  const { context, page, errors } = await openPage(session.browser, await session.writePost('zh-elements.html', `${script()}${body}`),
    { viewport: { width: 800, height: 12000 } });
  try {
    const reads = [];
    for (const figure of FIGURES) {
      const read = await waitWords(page, `#fig-${figure}`);
      assert.equal(read.lang, 'zh-CN', `${figure}: the figure says its language`);
      assert.equal(read.htmlLang, 'en', `${figure}: the host page's <html lang> is the host's`);
      reads.push([`${figure} (element)`, read]);
    }
    assertChinese(reads, t);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('every figure as a sandboxed iframe of embed.html#lang=zh-CN shows no stray English; its page is Chinese', { timeout: 300_000 }, async (t) => {
  const body = FIGURES.map((f) => `<iframe id="fig-${f}" sandbox="allow-scripts" width="720" height="900" title="figure"
    src="${session.lab}embed.html#figure=${f}&amp;lang=zh-CN${SETTINGS[f] ? `&amp;${SETTINGS[f].replaceAll('&', '&amp;')}` : ''}"></iframe>`).join('\n');
  const { context, page, errors } = await openPage(session.browser, await session.writePost('zh-frames.html', body),
    { viewport: { width: 800, height: 8000 } });
  try {
    const reads = [];
    for (const figure of FIGURES) {
      const frame = await (await page.$(`#fig-${figure}`)).contentFrame();
      const read = await waitWords(frame, 'activation-lab');
      assert.equal(read.lang, 'zh-CN', figure);
      assert.equal(read.htmlLang, 'zh-CN', `${figure}: embed.html's <html lang>`);
      assert.deepEqual(strayLatin(read.title), [], `${figure}: embed.html's <title> "${read.title}"`);
      reads.push([`${figure} (iframe)`, read]);
    }
    assertChinese(reads, t);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('no attribute: a host page in Chinese gets Chinese, and so does a Chinese reader\'s iframe', { timeout: 120_000 }, async (t) => {
  const url = await writePage('zh-host.html', 'zh-CN', `${script()}
    <activation-lab id="plain" figure="card" settings="activation=relu" loading="eager"></activation-lab>`);
  const reads = [];
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    const read = await waitWords(page, '#plain');
    assert.equal(read.lang, 'zh-CN');
    reads.push(['card on a Chinese host page', read]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  // A frame cannot read its host's <html lang>: it follows the reader's languages (embed.html's own
  // lang="en" is not taken for the host's).
  const framed = await session.writePost('zh-reader.html',
    `<iframe id="f" sandbox="allow-scripts" width="720" height="900" title="figure" src="${session.lab}embed.html#figure=card"></iframe>`);
  const reader = await openPage(session.browser, framed, { locale: 'zh-CN' });
  try {
    const frame = await (await reader.page.$('#f')).contentFrame();
    const read = await waitWords(frame, 'activation-lab');
    assert.equal(read.lang, 'zh-CN', 'the reader\'s navigator.languages');
    assert.equal(read.htmlLang, 'zh-CN');
    reads.push(['card in a Chinese reader\'s iframe', read]);
    assert.deepEqual(reader.errors, []);
  } finally {
    await reader.context.close();
  }
  assertChinese(reads, t);
});

test('lang="fr" reads in English with the usual notice; old snippets without lang read in English; beside them a Chinese figure', { timeout: 120_000 }, async () => {
  const fixture = JSON.parse(await fs.readFile(new URL('fixtures/snippets-release-1.json', import.meta.url), 'utf8'));
  const old = fixture.snippets.slice(0, 2).map((s, i) => s.element.replaceAll('LAB/', session.lab)
    .replace('<activation-lab ', `<activation-lab id="old${i}" loading="eager" `)).join('\n');
  const url = await session.writePost('fr.html', `${script()}
    <activation-lab id="fr" figure="card" lang="fr" settings="activation=relu" loading="eager"></activation-lab>${old}
    <activation-lab id="zh" figure="card" lang="zh-CN" settings="activation=tanh" loading="eager"></activation-lab>`);
  const { context, page, errors } = await openPage(session.browser, url, { viewport: { width: 800, height: 5000 } });
  try {
    const read = await waitWords(page, '#fr');
    assert.equal(read.lang, 'en');
    const texts = read.words.map((w) => w.text);
    assert.ok(texts.some((text) => text === 'The language "fr" is not available: showing English.'), texts.join(' | '));
    assert.ok(texts.includes('Open in Activation Lab'));
    for (const id of ['old0', 'old1']) {
      const words = (await waitWords(page, `#${id}`)).words.map((w) => w.text);
      assert.ok(words.includes('Open in Activation Lab'), `${id}: English`);
      assert.ok(!words.some((text) => /[\u4e00-\u9fff]/.test(text)), `${id}: no Chinese in an old snippet`);
    }
    // One translator per figure: the Chinese one on the same page reads Chinese.
    const zh = await waitWords(page, '#zh');
    assert.equal(zh.lang, 'zh-CN');
    assert.ok(zh.words.some((w) => w.text === chinese['embed.open']), 'the Chinese figure\'s link');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('changing lang at run time says the figure again without restarting its run', { timeout: 120_000 }, async (t) => {
  const url = await session.writePost('switch.html', `${script()}
    <activation-lab id="sw" figure="race" settings="members=sigmoid,relu" loading="eager"></activation-lab>`);
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    assert.equal((await waitWords(page, '#sw')).lang, 'en');
    await page.waitForFunction(() => document.querySelector('#sw').snapshot()?.members.every((m) => m.step > 0));
    const before = await snapshotOf(page);
    await page.evaluate(() => document.querySelector('#sw').setAttribute('lang', 'zh-CN'));
    await page.waitForFunction(() => document.querySelector('#sw').shadowRoot.querySelector('.alx-figure').lang === 'zh-CN');
    const read = await waitWords(page, '#sw');
    const after = await snapshotOf(page);
    assert.equal(after.id, before.id, 'the same figure (not mounted again)');
    assert.equal(after.runId, before.runId, 'the same run');
    assert.ok(Math.min(...after.members.map((m) => m.step)) >= Math.min(...before.members.map((m) => m.step)), 'its steps kept');
    await page.evaluate(() => document.querySelector('#sw').setAttribute('lang', 'en'));
    await page.waitForFunction(() => document.querySelector('#sw').shadowRoot.querySelector('.alx-link').textContent === 'Open in Activation Lab');
    assert.deepEqual([(await snapshotOf(page)).id, (await snapshotOf(page)).runId], [before.id, before.runId]);
    assert.deepEqual(errors, []);
    assertChinese([['race after lang="zh-CN"', read]], t);
  } finally {
    await context.close();
  }
});

test('an iframe whose #lang= changes says its figure again without restarting it', { timeout: 120_000 }, async () => {
  const src = `${session.lab}embed.html#figure=card&activation=relu`;
  const url = await session.writePost('frame-switch.html',
    `<iframe id="f" sandbox="allow-scripts" width="720" height="900" title="figure" src="${src.replaceAll('&', '&amp;')}"></iframe>`);
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    const frame = await (await page.$('#f')).contentFrame();
    assert.equal((await waitWords(frame, 'activation-lab')).lang, 'en');
    await frame.waitForFunction(() => document.querySelector('activation-lab').snapshot()?.members[0]?.step > 0);
    const before = await frame.evaluate(() => document.querySelector('activation-lab').snapshot());
    await page.evaluate((next) => { document.querySelector('#f').src = next; }, `${src}&lang=zh-CN`);
    await frame.waitForFunction(() => document.querySelector('activation-lab').shadowRoot.querySelector('.alx-figure').lang === 'zh-CN'
      && document.documentElement.lang === 'zh-CN');
    const after = await frame.evaluate(() => document.querySelector('activation-lab').snapshot());
    assert.deepEqual([after.id, after.runId], [before.id, before.runId], 'the same figure and run');
    assert.deepEqual(strayLatin(await frame.title()), [], 'embed.html\'s <title> in Chinese');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('oEmbed for a ?lang=zh-CN link answers with the Chinese title and a #lang=zh-CN frame', async () => {
  const link = `${session.lab}index.html?lang=zh-CN#figure=why`;
  const answer = await (await fetch(`${session.lab}oembed?url=${encodeURIComponent(link)}&format=json`)).json();
  assert.equal(answer.title, chinese['embed.oembed.title.why']);
  assert.match(answer.html, /embed\.html#lang=zh-CN&amp;figure=why"/);
});
