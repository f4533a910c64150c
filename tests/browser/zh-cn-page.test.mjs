// The lab page in Simplified Chinese (issue 20): #lang=zh-CN shows no English beyond the allowed
// names, units and code (tests/allowed-latin.mjs), in its text nodes and its aria-label, title, alt
// and placeholder attributes; the switch in the header changes the language without restarting the
// race and keeps the settings in the address; a reader whose browser asks for zh-CN gets Chinese
// and one asking for zh-TW English; an unknown lang says so; a bad setting is refused in Chinese;
// axe-core finds no violation in zh-CN, light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labSession, openLab, readSteps, readHashParams, poll, currentRun, waitForReady, axeViolations } from './lab-page.mjs';
import { strayLatin } from '../allowed-latin.mjs';

const TEST_TIMEOUT = 90000;
const lab = labSession();

/** The notices' messages (without their Dismiss buttons). */
const readNotices = (page) => page.evaluate(() => [...document.querySelectorAll('#notices li > span')].map((s) => s.textContent));

/** Waits until every figure has had its first data (so their words are on the page too). */
async function waitForFigures(page) {
  assert.ok(await poll(() => page.evaluate(() => document.querySelector('#unit-maps [data-field="unit-counts"]')?.textContent),
    { timeout: 20000, what: 'the unit maps' }), 'the unit maps arrived');
  assert.ok(await poll(() => page.evaluate(() => document.querySelector('#why-panels [data-field]')?.textContent),
    { timeout: 20000, what: 'the why panels' }), 'the why panels arrived');
}

/**
 * Every piece of text a reader (or a screen reader) meets, with where it is: visible text nodes
 * outside <code>, the aria-label, title, alt and placeholder attributes of visible elements, the
 * document's title and its description. The disclosures are opened first.
 */
function readerTexts(page) {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const where = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}` +
      `${el.closest('[id]') && el.closest('[id]') !== el ? ` in #${el.closest('[id]').id}` : ''}`;
    const shown = (el) => el.checkVisibility({ visibilityProperty: true }) || el.closest('.visually-hidden');
    const out = [{ where: 'title', text: document.title },
      { where: 'meta description', text: document.querySelector('meta[name="description"]').content }];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent.trim();
      if (!text || !el || el.closest('code, script, style, pre') || !shown(el)) continue;
      out.push({ where: where(el), text });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      if (!shown(el)) continue;
      for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
        if (el.hasAttribute(name)) out.push({ where: `${where(el)} [${name}]`, text: el.getAttribute(name) });
      }
    }
    return out;
  });
}

test('#lang=zh-CN: no English on the page beyond the allowed names, units and code', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context } = await openLab(lab.browser, lab.url, { hash: '#lang=zh-CN' });
  try {
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await waitForFigures(page);
    // The cost view measured too (its chart and status line have words of their own).
    await page.click('#measure-costs');
    await page.waitForFunction(() => window.activationLab.cost.costs !== null, null, { timeout: 30000 });
    // The claims and the verdict measured too: their multiples must read '6.1 倍', never the English '6.1×'.
    await page.waitForFunction(() => document.querySelector('.al-claims')?.dataset.state === 'measured'
      && document.querySelector('#verdict [data-field=verdict-sentence][data-key^=cost]'), null, { timeout: 90000 });
    const texts = await readerTexts(page);
    const englishTimes = texts.filter(({ text }) => /\d×/.test(text)).map(({ where, text }) => `${where}: ${text.slice(0, 100)}`);
    assert.deepEqual(englishTimes, [], 'a multiple written the English way on the zh-CN page');
    const offenders = texts
      .map(({ where, text }) => ({ where, text, stray: strayLatin(text) }))
      .filter((item) => item.stray.length > 0);
    const listed = offenders.map(({ where, text, stray }) => `${where}: ${stray.join(' ')}  |  ${text.slice(0, 100)}`);
    assert.deepEqual(listed, [], `English left on the zh-CN page (${offenders.length}):\n${listed.join('\n')}`);
  } finally {
    await context.close();
  }
});

test('the switch changes the language without restarting the race, and keeps the settings in the address', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context } = await openLab(lab.browser, lab.url, { hash: '#seed=7&dataset=xor&learningRate=0.1' });
  try {
    const settingsOf = async () => {
      const { lang, ...rest } = await readHashParams(page);
      return { lang, rest };
    };
    const before = await settingsOf();
    assert.equal(before.lang, undefined, 'no lang in the address until the reader chooses one');
    const run = await currentRun(page);
    for (const [lang, title] of [['zh-CN', '简体中文'], ['en', 'English'], ['zh-CN', '简体中文']]) {
      const steps = await readSteps(page);
      await page.click(`#lang-switch button[data-lang="${lang}"]`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      assert.equal(await page.getAttribute(`#lang-switch button[data-lang="${lang}"]`, 'aria-pressed'), 'true', title);
      const after = await settingsOf();
      assert.equal(after.lang, lang, 'the address names the language');
      assert.deepEqual(after.rest, before.rest, 'the other settings stay');
      assert.equal(await currentRun(page), run, 'the same run (no restart)');
      // The race goes on: every network further than before the switch.
      assert.ok(await poll(async () => {
        const now = await readSteps(page);
        return Object.entries(steps).every(([name, step]) => now[name] > step);
      }, { what: 'every network past its step before the switch' }), 'the step count keeps increasing');
      const heading = await page.textContent('#race-title');
      assert.equal(heading, lang === 'en' ? 'The race' : '赛跑', 'the page\'s words follow');
      assert.equal(await page.textContent('#play'), lang === 'en' ? 'Pause' : '暂停', 'and the run bar\'s');
      // The across-seeds section is a chunk loaded after the page is built: it follows the switch too.
      assert.ok(await poll(() => page.evaluate((want) => document.querySelector('#seeds-figure .al-seeds-title')?.textContent === want,
        lang === 'en' ? 'Across seeds' : '跨种子比较'), { what: 'the seeds figure\'s title in the new language' }), 'and the seeds figure\'s');
    }
    // The language typed into the address switches too, still without a restart.
    await page.evaluate(() => { location.hash = location.hash.replace('lang=zh-CN', 'lang=en'); });
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal((await settingsOf()).lang, 'en');
    assert.equal(await currentRun(page), run, 'the same run after an edit of the address\'s lang');
    await page.evaluate(() => { location.hash = location.hash.replace('lang=en', 'lang=zh-CN'); });
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    // A link shared now opens in Chinese.
    const shared = await page.evaluate(() => location.href);
    const second = await openLab(lab.browser, shared, {});
    try {
      assert.equal(await second.page.evaluate(() => document.documentElement.lang), 'zh-CN');
    } finally {
      await second.context.close();
    }
  } finally {
    await context.close();
  }
});

for (const [locale, lang] of [['zh-CN', 'zh-CN'], ['zh-TW', 'en'], ['zh-SG', 'zh-CN'], ['fr-FR', 'en']]) {
  test(`a reader whose browser asks for ${locale} gets ${lang}`, { timeout: TEST_TIMEOUT }, async () => {
    const context = await lab.browser.newContext({ locale, viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(lab.url);
      await waitForReady(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await page.textContent('#race-title'), lang === 'en' ? 'The race' : '赛跑');
      assert.equal((await readHashParams(page)).lang, undefined, 'the reader\'s own language is not written into the address');
    } finally {
      await context.close();
    }
  });
}

// The forms a server sees (and words its link cards in: scripts/page-language.mjs) open the page in
// the same language: ?lang=zh-CN, and the /zh-CN/ folder (dist/zh-CN/ hops to ../index.html?lang=zh-CN).
for (const address of ['index.html?lang=zh-CN', 'zh-CN/index.html']) {
  test(`${address} opens in Chinese, as its link card says`, { timeout: TEST_TIMEOUT }, async () => {
    const { page, context, errors } = await openLab(lab.browser, lab.url + address, {});
    try {
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      assert.equal(await page.textContent('#race-title'), '赛跑');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('only the reader\'s language is downloaded: the zh-CN catalog is fetched for a zh-CN reader alone', { timeout: TEST_TIMEOUT }, async () => {
  const catalogRequests = (requests) => requests.filter((url) => /page-chunks\/zh-CN-|catalogs\/zh-CN/.test(url));
  const english = await openLab(lab.browser, lab.url, {});
  try {
    assert.deepEqual(catalogRequests(english.requests), [], 'an English reader fetches no other catalog');
    // Switching fetches it then, once.
    await english.page.click('#lang-switch button[data-lang="zh-CN"]');
    await english.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.equal(catalogRequests(english.requests).length, 1, english.requests.join('\n'));
  } finally {
    await english.context.close();
  }
  const chinese = await openLab(lab.browser, lab.url, { hash: '#lang=zh-CN' });
  try {
    assert.equal(catalogRequests(chinese.requests).length, 1, 'a zh-CN reader fetches its catalog');
  } finally {
    await chinese.context.close();
  }
});

test('an unknown lang falls back to English with a notice', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context } = await openLab(lab.browser, lab.url, { hash: '#lang=fr' });
  try {
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual(await readNotices(page), ['The language "fr" is not available: showing English.']);
  } finally {
    await context.close();
  }
});

test('a bad setting is refused in Chinese, naming the setting, the value and the allowed range', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context } = await openLab(lab.browser, lab.url, { hash: '#lang=zh-CN&learningRate=99' });
  try {
    const [notice, ...rest] = await readNotices(page);
    assert.deepEqual(rest, []);
    assert.equal(notice, '已忽略地址中的 学习率=“99”（值超出范围 [0.000001, 10]）；改用默认值 0.03。');
    assert.equal((await readHashParams(page)).learningRate, '0.03');
  } finally {
    await context.close();
  }
});

for (const width of [320, 768, 1440]) {
  test(`zh-CN at ${width} px: no sideways scrolling, no button or heading cutting its words`, { timeout: TEST_TIMEOUT }, async () => {
    const { page, context } = await openLab(lab.browser, lab.url, { hash: '#lang=zh-CN', width, height: 900 });
    try {
      await waitForFigures(page);
      const layout = await page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
        const cut = [...document.querySelectorAll('button, h1, h2, h3, summary, label, a')]
          // (a visually hidden heading is 1 px wide on purpose: for screen readers only)
          .filter((el) => el.checkVisibility() && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1 &&
            getComputedStyle(el).overflowX !== 'visible')
          .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}: ${el.textContent.trim().slice(0, 40)}`);
        return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, cut };
      });
      assert.ok(layout.scrollWidth <= layout.clientWidth, `scrollWidth ${layout.scrollWidth} > clientWidth ${layout.clientWidth}`);
      assert.deepEqual(layout.cut, [], layout.cut.join('\n'));
    } finally {
      await context.close();
    }
  });
}

for (const scheme of ['light', 'dark']) {
  test(`zh-CN, ${scheme}: axe-core finds no violation`, { timeout: TEST_TIMEOUT }, async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: scheme,
      bypassCSP: true });  // axe is injected as an inline script; the page's own CSP is tested elsewhere
    const page = await context.newPage();
    try {
      await page.goto(`${lab.url}#lang=zh-CN`);
      await waitForReady(page);
      await waitForFigures(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], violations.join('\n'));
    } finally {
      await context.close();
    }
  });
}
