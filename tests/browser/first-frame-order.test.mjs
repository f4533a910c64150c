// Issue 19, "First boundary fast": measurements that can wait (the claims, the costs, and whatever
// joins the worker's deferred queue) never run before the first frame of a run is drawn, on the
// lab page and on a blog with several embedded figures. Checked in the order of the worker's own
// message log (web/worker/message-log.js), never with a clock: a measurement ('work' entry) may
// begin only once every run CONFIGUREd before it has had its first FRAME_DRAWN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labSession, openLab, poll } from './lab-page.mjs';
import { embedSession, openPage, DRAW_TIMEOUT_MS } from './embed-session.mjs';

const lab = labSession();
const blog = embedSession();

/** Every lab worker's message log on the page (workers without one are not the lab's). */
async function workerLogs(page) {
  const logs = await Promise.all(page.workers().map((w) => w.evaluate(() => self.actlabMessageLog ?? null)));
  return logs.filter(Boolean);
}

/**
 * The ordering the worker promises, as failures (empty when kept): for each measurement begun,
 * each run configured before it (same figure) got FRAME_DRAWN between its CONFIGURE and that
 * measurement. `runs` counts the configured runs so the caller can check the log is not vacuous.
 */
function orderingFailures(log) {
  const failures = [];
  const key = (e) => `${e.figure ?? 'page'}#${e.runId}`;
  const open = new Map();  // run key -> index of its CONFIGURE, until its first FRAME_DRAWN
  const latest = new Map();  // figure -> its latest run key (a new CONFIGURE replaces the old run)
  log.forEach((e, i) => {
    if (e.dir === 'in' && e.type === 'configure') {
      open.delete(latest.get(e.figure ?? 'page'));
      latest.set(e.figure ?? 'page', key(e));
      open.set(key(e), i);
    } else if (e.dir === 'in' && e.type === 'frame-drawn') {
      open.delete(key(e));
    } else if (e.dir === 'in' && e.type === 'dispose') {
      open.delete(latest.get(e.figure));
    } else if (e.dir === 'work') {
      for (const [run, at] of open) failures.push(`${e.type} (log entry ${i}) began before run ${run} (configured at entry ${at}) was drawn`);
    }
  });
  return failures;
}

const measurements = (log) => log.filter((e) => e.dir === 'work').map((e) => e.type);

test('the lab page: the claims and the curves come only after the first boundary was drawn', async () => {
  const { context, page, errors } = await openLab(lab.browser, lab.url);
  try {
    await page.waitForFunction(() => ['cost', 'vanishing', 'sparsity'].every(
      (c) => document.querySelector(`[data-claim="${c}"] [data-value]`)), null, { timeout: 20000 });
    const logs = await workerLogs(page);
    assert.equal(logs.length, 1, 'one lab worker');
    const [log] = logs;
    assert.ok(log.some((e) => e.dir === 'in' && e.type === 'configure'), 'a run was configured');
    assert.ok(measurements(log).includes('measure:claims'), `the claims were measured (${measurements(log)})`);
    assert.deepEqual(orderingFailures(log), []);
    const firstFrame = log.findIndex((e) => e.dir === 'out' && e.type === 'frame');
    const firstClaims = log.findIndex((e) => e.dir === 'out' && e.type === 'claims');
    assert.ok(firstFrame >= 0 && firstFrame < firstClaims, 'the first FRAME is posted before the first CLAIMS');
    // The answer's curves are asked for as the page starts; drawing them waits for the first boundary too.
    await page.waitForFunction(() => window.activationLab.answer.allCurves !== null);
    const withCurves = (await workerLogs(page))[0];
    assert.ok(measurements(withCurves).includes('measure:curves'), `the curves went through the deferred queue (${measurements(withCurves)})`);
    assert.deepEqual(orderingFailures(withCurves), []);
    assert.ok(log.some((e) => e.dir === 'load' && e.type === 'wasm-module-received'), 'the page compiled the module and posted it');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a blog with a race, a claims and a cost figure: no measurement before each race\'s first frame', async () => {
  const url = await blog.writePost('first-order.html', `<script src="${blog.lab}embed/activation-lab.js"></script>
    <activation-lab figure="claims" settings="members=sigmoid,relu"></activation-lab>
    <activation-lab figure="race" settings="preset=vanishing&amp;members=sigmoid,relu"></activation-lab>
    <activation-lab figure="cost" settings="members=sigmoid,relu"></activation-lab>`);
  const { context, page, errors } = await openPage(blog.browser, url, { viewport: { width: 800, height: 4000 } });
  try {
    const figures = page.locator('activation-lab');
    await figures.nth(1).locator('.al-card[data-drawn="true"]').first().waitFor({ timeout: DRAW_TIMEOUT_MS });
    await figures.nth(2).locator('[data-field="forward-ns"]').filter({ hasNotText: '–' }).first().waitFor({ timeout: 20000 });
    const logs = await workerLogs(page);
    assert.equal(logs.length, 1, 'one worker for every figure');
    const [log] = logs;
    assert.ok(log.filter((e) => e.dir === 'in' && e.type === 'configure').length >= 2, 'the race and the cost figure configured runs');
    for (const kind of ['measure:claims', 'measure:costs']) assert.ok(measurements(log).includes(kind), `${kind} ran (${measurements(log)})`);
    assert.deepEqual(orderingFailures(log), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// What stands between a cold load and its first boundary is also a chain of requests: main.js
// (run first, in the head) starts the worker and imports the page's code as ONE bundle. A source
// module of the bundle requested beside it (views/notices.js pulled i18n.js and six catalog files,
// one after another) or a shared chunk of it (page-chunks/chunk-*) is a round trip more in front of
// the worker's first message being handled: this checks what is requested up to the first frame.
test('the lab page: its code up to the first boundary is main.js, the hand-off, the bundle and the worker', async () => {
  const { context, page, requests, errors } = await openLab(lab.browser, lab.url);
  try {
    const origin = new URL(lab.url).origin;
    const scripts = requests.filter((u) => u.startsWith(origin) && /\.m?js$/.test(new URL(u).pathname))
      .map((u) => new URL(u).pathname);
    for (const expected of ['/app/main.js', '/build/lab-page.js', '/build/lab-worker.js', '/worker/wasm-handoff.js']) {
      assert.ok(scripts.includes(expected), `${expected} was requested (${scripts})`);
    }
    const extra = scripts.filter((p) => !['/app/main.js', '/build/lab-page.js', '/build/lab-worker.js',
      '/worker/wasm-handoff.js', '/lab/compile-wasm.js', '/build/seed-worker.js'].includes(p));
    assert.deepEqual(extra, [], 'no source module or shared chunk of the page bundle is fetched beside it');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the lab page: when its code cannot load, the reader is told so in words and the worker stops', async () => {
  const context = await lab.browser.newContext();
  try {
    const page = await context.newPage();
    await page.route('**/build/lab-page.js', (route) => route.abort());
    await page.goto(lab.url);
    const notice = page.locator('#notices li.notice-error');
    await notice.waitFor({ timeout: 20000 });
    assert.match(await notice.textContent(), /^The page could not start: .*lab-page\.js/);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), undefined);
    await poll(async () => page.workers().length === 0, { what: 'the worker terminated' });
  } finally {
    await context.close();
  }
});
