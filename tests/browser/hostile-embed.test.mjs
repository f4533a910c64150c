// Hostile input on the element and the embed page (issue 18, items 2 and 5), on a blog of another
// origin under the host CSP: a 100,000-digit number returns at once with a notice and is never passed
// on by the "Open in Activation Lab" link; over-long values are capped with the usual notice; claim
// links inside a figure open the lab in a new tab and leave the host's address (and embed.html's
// figure) alone; resizing a figure never fires error events on the host window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedSession, openPage } from './embed-session.mjs';

const session = embedSession();
const TIMEOUT_MS = 30000;
const BOMB = `${'1'.repeat(100000)}x`;

/** Waits for the figure's settings to be read; returns its notices, link and snapshot settings. */
function readFigure(target, selector = 'activation-lab') {
  return target.waitForFunction((s) => {
    const host = document.querySelector(s);
    const snap = host?.snapshot();
    if (!snap?.settings) return null;
    const root = host.shadowRoot;
    return { settings: snap.settings, link: root.querySelector('a.alx-link').href,
      notices: [...root.querySelectorAll('.alx-notices li')].map((li) => li.textContent) };
  }, selector, { timeout: TIMEOUT_MS, polling: 100 }).then((h) => h.jsonValue());
}

function checkBomb(read, how) {
  assert.equal(read.notices.length, 1, `${how}: ${read.notices}`);
  assert.match(read.notices[0], /^Ignored seed="1{60}\.\.\." in the address \(100,001 characters long, at most 25,000\); using the default, 1\./, how);
  assert.match(read.settings, /^#seed=1&/, how);
  assert.match(read.link, /index\.html#seed=1&/, `${how}: the link carries the validated settings`);
  assert.ok(read.link.length < 2000, `${how}: a ${read.link.length}-character link`);
}

test('element: settings="seed=<100,000 digits>x" returns with a notice; the lab link carries seed=1', { timeout: 60000 }, async () => {
  const url = await session.writePost('bomb-element.html',
    `<script src="${session.lab}embed/activation-lab.js"></script><activation-lab loading="eager" settings="seed=${BOMB}&amp;dataset=xor"></activation-lab>`);
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    const read = await readFigure(page);
    checkBomb(read, 'element');
    assert.match(read.settings, /dataset=xor/, 'the other settings still apply');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('embed page: #seed=<100,000 digits>x in a sandboxed iframe returns with a notice and a clean link', { timeout: 60000 }, async () => {
  const url = await session.writePost('bomb-frame.html',
    `<iframe id="lab" sandbox="allow-scripts" src="${session.lab}embed.html#figure=race&seed=${BOMB}" width="720" height="600"></iframe>`);
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    checkBomb(await readFigure(await (await page.$('#lab')).contentFrame()), 'iframe');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('element: every over-long value (a 30,000-item list, a long choice) is capped with the usual notice', { timeout: 60000 }, async () => {
  const settings = `hidden=${'8,'.repeat(15000)}8&amp;dataset=${'x'.repeat(30000)}&amp;members=sigmoid,relu`;
  const url = await session.writePost('long-values.html',
    `<script src="${session.lab}embed/activation-lab.js"></script><activation-lab loading="eager" settings="${settings}"></activation-lab>`);
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    const read = await readFigure(page);
    assert.equal(read.notices.length, 2, read.notices.join('\n'));
    assert.match(read.notices[0], /^Ignored hidden="(8,){30}\.\.\." in the address \(30,001 characters long, at most 25,000\)/);
    assert.match(read.notices[1], /^Ignored dataset="x{60}\.\.\." in the address \(30,000 characters long, at most 25,000\)/);
    assert.match(read.settings, /members=sigmoid,relu/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** Clicks the claims figure's first claim link in `frame`; returns the tab it opened. */
async function clickClaimLink(page, target) {
  const link = target.locator('activation-lab .al-claim-link').first();
  await link.waitFor({ timeout: TIMEOUT_MS });
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener');
  const [popup] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await popup.waitForLoadState('domcontentloaded');
  return popup;
}

test('element: a claim link opens the lab in a new tab; the blog\'s address keeps its hash', { timeout: 60000 }, async () => {
  const url = await session.writePost('claims-element.html',
    `<script src="${session.lab}embed/activation-lab.js"></script><activation-lab figure="claims" loading="eager"></activation-lab>`);
  const { context, page, errors } = await openPage(session.browser, `${url}#/posts/routed-by-hash`);
  try {
    const popup = await clickClaimLink(page, page);
    // The lab opens on the claim's preset (once loaded it writes every setting into its address).
    assert.match(popup.url(), new RegExp(`^${session.lab}index\\.html#(.*&)?preset=cost(&|$)`));
    assert.equal(await page.evaluate(() => location.hash), '#/posts/routed-by-hash');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('embed page: a claim link opens the lab in a new tab; the frame stays the claims figure', { timeout: 60000 }, async () => {
  const url = await session.writePost('claims-frame.html',
    `<iframe id="lab" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" src="${session.lab}embed.html#figure=claims" width="720" height="600"></iframe>`);
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    const frame = await (await page.$('#lab')).contentFrame();
    const popup = await clickClaimLink(page, frame);
    assert.match(popup.url(), new RegExp(`^${session.lab}index\\.html#(.*&)?preset=cost(&|$)`));
    assert.equal(await frame.evaluate(() => location.hash), '#figure=claims');
    assert.equal(await frame.evaluate(() => document.querySelector('activation-lab').snapshot().figure), 'claims');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** A blog page whose window records every error event (what a host's error tracker would receive). */
async function openRecordingHostErrors() {
  const context = await session.browser.newContext({ viewport: { width: 800, height: 900 } });
  await context.addInitScript(() => {
    window.hostErrors = [];
    addEventListener('error', (e) => window.hostErrors.push(String(e.message)));
  });
  return { context, page: await context.newPage() };
}

/** Sets the #column's width to each of `widths` in turn, holding each for two frames. */
function dragColumn(page, widths) {
  return page.evaluate(async (list) => {
    const column = document.getElementById('column');
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (const width of list) {
      column.style.width = `${width}px`;
      await frames();
    }
  }, widths);
}

test('resizing figures fires no error event on the host window (no ResizeObserver loop)', { timeout: 90000 }, async () => {
  const figures = ['race', 'why', 'cost', 'card'].map((f) => `<activation-lab figure="${f}" loading="eager" settings="members=sigmoid,relu"></activation-lab>`);
  const url = await session.writePost('resize.html',
    `<script src="${session.lab}embed/activation-lab.js"></script><div id="column">${figures.join('')}</div>`);
  const { context, page } = await openRecordingHostErrors();
  try {
    await page.goto(url);
    // Widths across every layout break, each held for two frames, as a reader's window drags:
    // while the figures load (their reserved boxes) and once they are drawn.
    const widths = Array.from({ length: 14 }, (_, i) => 800 - 37 * i);  // 800 down to 319
    const drag = () => dragColumn(page, [...widths, ...widths]);
    await drag();
    await page.waitForFunction(() => [...document.querySelectorAll('activation-lab')]
      .every((e) => e.shadowRoot.querySelector('.alx-figure')?.dataset.ready === 'true'), null, { timeout: TIMEOUT_MS });
    await drag();
    assert.deepEqual(await page.evaluate(() => window.hostErrors), []);
  } finally {
    await context.close();
  }
});

// Issue 18, item 4: a value that names an Object.prototype member is just an unknown value. The
// element's size estimate looked presets and figures up in plain objects (preset=constructor threw
// "not iterable" on every resize, on the host window), and the card took activation=constructor as
// a known activation (Object's constructor is truthy), racing nothing and keeping its placeholder.
test('element: prototype names as values (preset=constructor, __proto__, toString; a card\'s activation=constructor) are unknown values with a notice, never an error', { timeout: 90000 }, async () => {
  const races = ['constructor', '__proto__', 'toString'].map((p) =>
    `<activation-lab figure="race" loading="eager" settings="preset=${p}&amp;members=sigmoid,relu"></activation-lab>`);
  const card = '<activation-lab id="card" figure="card" loading="eager" settings="activation=constructor&amp;members=sigmoid,relu"></activation-lab>';
  const odd = '<activation-lab figure="constructor" loading="eager" settings="members=sigmoid,relu"></activation-lab>';
  const url = await session.writePost('prototype-names.html',
    `<script src="${session.lab}embed/activation-lab.js"></script><div id="column">${races.join('')}${card}${odd}</div>`);
  const { context, page } = await openRecordingHostErrors();
  try {
    await page.goto(url);
    // A few widths, each held for two frames: the size estimate runs for every new width.
    await dragColumn(page, [720, 600, 480, 360]);
    assert.deepEqual(await page.evaluate(() => window.hostErrors), [], 'the size estimate of every box');
    // Every figure draws (the card too: it races its fallback, the first racing activation).
    await page.waitForFunction(() => [...document.querySelectorAll('activation-lab')]
      .every((e) => e.shadowRoot.querySelector('.alx-figure')?.dataset.ready === 'true'), null, { timeout: TIMEOUT_MS });
    const read = await readFigure(page, '#card');
    assert.equal(read.notices.length, 1, read.notices.join('\n'));
    assert.match(read.notices[0], /^Unknown activation "constructor": showing sigmoid \(activations: [^)]*\brelu\b[^)]*\)\./);
    assert.deepEqual((await page.evaluate(() => document.getElementById('card').snapshot().members)).map((m) => m.name), ['sigmoid']);
    for (let i = 0; i < 3; i += 1) {
      const notices = await page.evaluate((k) => [...document.querySelectorAll('activation-lab')[k].shadowRoot
        .querySelectorAll('.alx-notices li')].map((li) => li.textContent), i);
      assert.equal(notices.filter((n) => /preset/.test(n)).length, 1, `race ${i}: ${notices}`);
    }
    assert.deepEqual(await page.evaluate(() => window.hostErrors), []);
  } finally {
    await context.close();
  }
});
