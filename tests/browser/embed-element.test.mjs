// <activation-lab> on a blog of another origin under the host CSP: three figures share one worker
// and one module, train only while visible, wait for play under reduced motion, free their
// networks when removed, load lazily, and turn bad attributes into visible notices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedSession, openPage, snapshotOf, stepOf, DRAW_TIMEOUT_MS } from './embed-session.mjs';
import { afterFrames } from './chromium.mjs';

const session = embedSession();
const script = () => `<script src="${session.lab}embed/activation-lab.js"></script>`;

/** Waits until the first figure shows the worker's paused frame (no step follows it); resolves to its step. */
async function pausedStep(page) {
  await page.waitForFunction(() => document.querySelector('activation-lab').snapshot()?.framePlaying === false);
  return stepOf(page);
}
/** Lets the page draw 30 more frames, then asks the shared worker a question: what it posted before answering has arrived. */
async function nothingMoreFromWorker(page) {
  await afterFrames(page, 30);
  await page.evaluate(() => customElements.get('activation-lab').memory());
}

async function waitDrawn(page, nth, selector) {
  await page.locator('activation-lab').nth(nth).locator(selector).first().waitFor({ timeout: DRAW_TIMEOUT_MS });
}

test('(c) three elements with different figures draw on one worker and one module', async () => {
  const url = await session.writePost('three.html', `${script()}
    <activation-lab figure="race" settings="preset=vanishing&amp;members=sigmoid,relu"></activation-lab>
    <activation-lab figure="why" settings="members=tanh,relu" controls="none"></activation-lab>
    <activation-lab figure="cost" settings="members=sigmoid,relu" controls="full"></activation-lab>`);
  const { context, page, errors, requests } = await openPage(session.browser, url, { viewport: { width: 800, height: 4000 } });
  try {
    // All three from the same start: a boundary, the why figure's ratios, the cost chart's bars.
    await Promise.all([
      waitDrawn(page, 0, '.al-card[data-drawn="true"]'),
      page.locator('activation-lab').nth(1).locator('.al-why-ratio')
        .filter({ hasNotText: '–' }).first().waitFor({ timeout: DRAW_TIMEOUT_MS }),
      page.locator('activation-lab').nth(2).locator('[data-field="forward-ns"]')
        .filter({ hasNotText: '–' }).first().waitFor({ timeout: DRAW_TIMEOUT_MS }),
    ]);
    const stats = await page.evaluate(() => customElements.get('activation-lab').stats());
    assert.deepEqual(stats, { workers: 1, modules: 1, figures: 3 });
    // Counted from the network too: one worker bundle, one wasm download, one figure-host module.
    for (const file of ['build/lab-worker.js', 'build/actlab.wasm', 'build/figure-host.js']) {
      assert.equal(requests.filter((r) => r === `${session.lab}${file}`).length, 1, file);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an element scrolled off-screen stops after its paused frame and resumes where it left off; a hidden tab pauses', async () => {
  const url = await session.writePost('scroll.html', `${script()}
    <activation-lab figure="card" settings="activation=relu&amp;dataset=circle"></activation-lab>
    <div style="height:3000px"></div><p id="far">Far below.</p>`);
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    await waitDrawn(page, 0, '.al-card[data-drawn="true"]');
    await page.waitForFunction(() => document.querySelector('activation-lab').snapshot().members[0]?.step > 0);
    const { runId } = await snapshotOf(page);
    await page.locator('#far').scrollIntoViewIfNeeded();
    const stopped = await pausedStep(page);
    await nothingMoreFromWorker(page);
    assert.equal(await stepOf(page), stopped, 'no step taken while off-screen');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction((s) => document.querySelector('activation-lab').snapshot().members[0].step > s, stopped);
    const resumed = await snapshotOf(page);
    assert.equal(resumed.runId, runId, 'the same run resumed, not a new one');

    // A hidden tab: headless Chromium has no hidden windows, so the page is told it is hidden the
    // way the browser tells it (visibilityState, then the visibilitychange event).
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const hidden = await pausedStep(page);
    await nothingMoreFromWorker(page);
    assert.equal(await stepOf(page), hidden, 'no step taken in a hidden tab');
    await page.evaluate(() => {
      delete document.visibilityState;  // back to the prototype's getter: visible
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForFunction((s) => document.querySelector('activation-lab').snapshot().members[0].step > s, hidden);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('with reduced motion nothing trains before play', async () => {
  const url = await session.writePost('still.html', `${script()}
    <activation-lab figure="race" settings="members=tanh,relu" controls="none"></activation-lab>`);
  const { context, page, errors } = await openPage(session.browser, url, { reducedMotion: 'reduce' });
  try {
    await waitDrawn(page, 0, '.al-card[data-drawn="true"]');
    await nothingMoreFromWorker(page);
    assert.equal(await stepOf(page), 0);
    // controls="none" still offers play under reduced motion: otherwise nothing could start it.
    const play = page.locator('activation-lab').locator('button', { hasText: 'Play' });
    await play.click();
    await page.waitForFunction(() => document.querySelector('activation-lab').snapshot().members[0].step > 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('removing an element frees its networks: heapBytesInUse returns to its baseline', async () => {
  // The figure that stays is paused: a training figure's heap may change on its own as it runs
  // (seen once in a fresh-clone run: 711,116 bytes against a baseline of 596,420 after removal),
  // and only what the removed element held must come back.
  const url = await session.writePost('remove.html', `${script()}
    <activation-lab figure="race" settings="members=tanh,relu&amp;playing=false"></activation-lab>`);
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    await waitDrawn(page, 0, '.al-card[data-drawn="true"]');
    const memory = () => page.evaluate(() => customElements.get('activation-lab').memory());
    const baseline = await memory();
    for (let round = 0; round < 3; round++) {
      await page.evaluate(() => {
        const extra = document.createElement('activation-lab');
        extra.id = 'extra';
        extra.setAttribute('figure', 'race');
        extra.setAttribute('settings', 'preset=cost');  // eight networks of 16-16-16
        document.body.prepend(extra);
      });
      await page.locator('#extra .al-card[data-drawn="true"]').first().waitFor({ timeout: DRAW_TIMEOUT_MS });
      const busy = await memory();
      assert.ok(busy.heapBytesInUse > baseline.heapBytesInUse, `${busy.heapBytesInUse} > ${baseline.heapBytesInUse}`);
      assert.equal(busy.loops, 2);
      await page.evaluate(() => document.getElementById('extra').remove());
      await page.waitForFunction(() => customElements.get('activation-lab').stats().figures === 1);
      const after = await memory();
      assert.equal(after.loops, 1);
      assert.equal(after.heapBytesInUse, baseline.heapBytesInUse, `round ${round}`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('with no figure left the worker ends after a while, and a new figure starts a fresh one', async () => {
  const url = await session.writePost('idle.html', `${script()}
    <activation-lab figure="race" settings="members=relu"></activation-lab>`);
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    await waitDrawn(page, 0, '.al-card[data-drawn="true"]');
    const stats = () => page.evaluate(() => customElements.get('activation-lab').stats());
    assert.equal((await stats()).workers, 1);
    await page.evaluate(() => document.querySelector('activation-lab').remove());
    await afterFrames(page, 30);
    assert.equal((await stats()).workers, 1, 'kept for a while: a page that swaps its figures keeps the module');
    await page.waitForFunction(() => customElements.get('activation-lab').stats().workers === 0, null, { timeout: 20000 });
    await page.evaluate(() => {
      const again = document.createElement('activation-lab');
      again.setAttribute('figure', 'race');
      again.setAttribute('settings', 'members=tanh');
      document.body.append(again);
    });
    await waitDrawn(page, 0, '.al-card[data-drawn="true"]');
    assert.deepEqual(await stats(), { workers: 1, modules: 1, figures: 1 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('lazy by default: nothing is fetched or compiled until the element nears the viewport', async () => {
  const url = await session.writePost('lazy.html', `${script()}
    <p>Intro.</p><div style="height:4000px"></div>
    <activation-lab id="late" figure="race" settings="members=tanh,relu"></activation-lab>`);
  const { context, page, errors, requests } = await openPage(session.browser, url);
  try {
    await afterFrames(page, 30);
    const early = requests.filter((r) => r.startsWith(session.lab));
    assert.deepEqual(early, [`${session.lab}embed/activation-lab.js`]);
    // The box is reserved before anything loads (aspect-ratio): no jump when the figure arrives.
    const reserved = await page.locator('#late').boundingBox();
    assert.ok(reserved.height > 100, `reserved ${reserved.height} px`);
    await page.locator('#late').scrollIntoViewIfNeeded();
    await page.locator('#late .al-card[data-drawn="true"]').first().waitFor({ timeout: DRAW_TIMEOUT_MS });
    assert.ok(requests.includes(`${session.lab}build/actlab.wasm`));
    const drawn = await page.locator('#late').boundingBox();
    const shift = Math.abs(drawn.height - reserved.height) / drawn.height;
    assert.ok(shift < 0.1, `reserved ${reserved.height} px, drawn ${drawn.height} px`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('bad attributes fall back with a visible notice and are never inserted as HTML', async () => {
  const url = await session.writePost('bad.html', `${script()}
    <activation-lab figure="&lt;img src=x onerror=alert(1)&gt;" controls="everything"
      settings="learningRate=abc&amp;members=relu,nosuch&amp;bogus=&lt;b&gt;x&lt;/b&gt;"></activation-lab>
    <activation-lab figure="card" settings="activation=&lt;i&gt;"></activation-lab>`);
  const { context, page, errors } = await openPage(session.browser, url, { viewport: { width: 800, height: 3000 } });
  try {
    await waitDrawn(page, 0, '.al-card[data-drawn="true"]');
    await waitDrawn(page, 1, '.al-card[data-drawn="true"]');
    const notices = await page.locator('activation-lab').nth(0).locator('.notice').allTextContents();
    const text = notices.join('\n');
    assert.match(text, /Unknown figure "<img src=x onerror=alert\(1\)>": showing race/);
    assert.match(text, /Unknown controls "everything": showing play/);
    assert.match(text, /learningRate="abc"/);
    assert.match(text, /members="relu,nosuch"/);
    assert.match(text, /unknown setting "bogus"/);
    assert.match(await page.locator('activation-lab').nth(1).locator('.notice').first().textContent(), /Unknown activation "<i>"/);
    const injected = await page.evaluate(() => [...document.querySelectorAll('activation-lab')]
      .map((e) => e.shadowRoot.querySelectorAll('img, b, i').length));
    assert.deepEqual(injected, [0, 0]);
    assert.equal(await page.locator('activation-lab').nth(0).locator('.al-card').count(), 4, 'the default members');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the claims figure measures the three claims in the reader\'s browser', async () => {
  const url = await session.writePost('claims.html', `${script()}
    <activation-lab figure="claims" settings="members=sigmoid,relu"></activation-lab>`);
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    const figure = page.locator('activation-lab');
    await figure.locator('.alx-figure[data-ready="true"]').waitFor({ timeout: 3 * DRAW_TIMEOUT_MS });
    for (const claim of ['cost', 'vanishing', 'sparsity']) {
      const row = figure.locator(`[data-claim="${claim}"] [data-activation="sigmoid"][data-value]`);
      await row.waitFor({ timeout: 3 * DRAW_TIMEOUT_MS });
      const value = Number(await row.getAttribute('data-value'));
      assert.ok(Number.isFinite(value) && value >= 0, `${claim}: sigmoid's figure ${value}`);
    }
    assert.equal(await figure.locator('.notice-error').count(), 0);
    assert.equal(await figure.locator('a.alx-link').count(), 1, 'the link to the lab is always there');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('twenty elements on one page still share one worker and one module', async () => {
  const cards = Array.from({ length: 20 }, (_, i) =>
    `<activation-lab figure="card" loading="eager" settings="activation=relu&amp;seed=${i + 1}&amp;dataset=circle"></activation-lab>`);
  const url = await session.writePost('twenty.html', `${script()}${cards.join('\n')}`);
  const { context, page, errors, requests } = await openPage(session.browser, url);
  try {
    await page.waitForFunction(() => [...document.querySelectorAll('activation-lab')]
      .every((e) => e.shadowRoot.querySelector('.al-card[data-drawn="true"]')), null, { timeout: 6 * DRAW_TIMEOUT_MS });
    assert.deepEqual(await page.evaluate(() => customElements.get('activation-lab').stats()), { workers: 1, modules: 1, figures: 20 });
    assert.equal(requests.filter((r) => r.endsWith('/build/actlab.wasm')).length, 1);
    assert.equal((await page.evaluate(() => customElements.get('activation-lab').memory())).loops, 20);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a host CSP without worker-src blob: gives a readable notice and the lab link, never a blank box', async () => {
  const { startServer } = await import('../../scripts/serve.mjs');
  await session.writePost('strict.html', `${script()}
    <activation-lab figure="race" settings="members=tanh,relu">
      <a href="${session.lab}">Open in Activation Lab</a></activation-lab>`);
  const strict = await startServer({ port: 0, root: session.blogDir,
    csp: `script-src 'self' ${new URL(session.lab).origin} 'wasm-unsafe-eval'` });
  const { context, page } = await openPage(session.browser, `${strict.url}strict.html`);
  try {
    const notice = page.locator('activation-lab .notice-error');
    await notice.waitFor({ timeout: DRAW_TIMEOUT_MS });
    assert.match(await notice.textContent(), /worker/i);
    // With no worker the settings were never validated: the link opens the lab's front page rather
    // than pass on text it could not check (issue 18, item 2).
    assert.equal(await page.locator('activation-lab a.alx-link').getAttribute('href'), `${session.lab}index.html`);
  } finally {
    await context.close();
    strict.server.closeAllConnections();
    await new Promise((resolve) => strict.server.close(resolve));
  }
});

test('follows its width from 320 to 800 px without overflowing, and a changed attribute starts a new figure', async () => {
  const url = await session.writePost('width.html', `${script()}
    <div id="box" style="width:320px"><activation-lab figure="race" loading="eager" settings="members=sigmoid,tanh,relu,leaky_relu"></activation-lab></div>`);
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    const figure = page.locator('activation-lab');
    await figure.locator('.al-card[data-drawn="true"]').first().waitFor({ timeout: DRAW_TIMEOUT_MS });
    for (const width of [320, 480, 800]) {
      await page.evaluate((w) => { document.getElementById('box').style.width = `${w}px`; }, width);
      await afterFrames(page, 3);  // the figure's resize observers ran and it redrew at the new width
      const fit = await page.evaluate(() => {
        const host = document.querySelector('activation-lab');
        const inner = host.shadowRoot.querySelector('.alx-figure');
        return { host: host.getBoundingClientRect().width, scroll: inner.scrollWidth, client: inner.clientWidth };
      });
      assert.equal(Math.round(fit.host), width);
      assert.ok(fit.scroll <= fit.client, `${width} px: content ${fit.scroll} px in ${fit.client} px`);
    }
    await page.evaluate(() => document.querySelector('activation-lab').setAttribute('figure', 'card'));
    await page.waitForFunction(() => document.querySelector('activation-lab').snapshot()?.figure === 'card');
    await figure.locator('.al-card[data-drawn="true"]').first().waitFor({ timeout: DRAW_TIMEOUT_MS });
    assert.equal(await figure.locator('.al-card').count(), 1);
    assert.equal((await page.evaluate(() => customElements.get('activation-lab').stats())).figures, 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a depth figure takes its init from the snippet (depthInit, as Embed this writes it from the page)', async () => {
  const url = await session.writePost('depth-init.html', `${script()}
    <activation-lab id="d" figure="depth" loading="eager" settings="v=2&amp;depthInit=he&amp;members=sigmoid,relu"></activation-lab>`);
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    await page.waitForFunction(() => document.querySelector('#d').shadowRoot?.querySelector('.al-depth[data-init="he"][data-done="true"]'),
      null, { timeout: DRAW_TIMEOUT_MS * 4 });
    assert.equal(await page.evaluate(() => document.querySelector('#d').shadowRoot.querySelector('.al-depth select').value), 'he');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
