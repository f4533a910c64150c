// Issue 19, "First boundary fast": how long until the first picture, split into its parts, over
// cold loads (a new browser context each: empty HTTP cache, nothing compiled). A benchmark: it
// prints, it never judges a time in a test. Part of npm run bench:page (also alone: --quick there).
//   page   the lab page: navigation start -> <html data-ready="true"> (first boundaries drawn)
//   embed  a race figure on a blog of another origin, scrolled into view after the blog loaded:
//          the moment its element enters the viewport -> its first boundary drawn
// Each load's parts, in ms from the start of that span, read from the page's Resource Timing and
// performance marks and from the worker's message log (web/worker/message-log.js), the worker's
// clock moved onto the page's through both timeOrigins:
//   fetchMs        the .wasm fully downloaded (its responseEnd)
//   compileMs      the page's compile done (mark actlab:wasm-compiled; streaming overlaps the download)
//   workerStartMs  the worker's global created (its timeOrigin)
//   labReadyMs     the worker instantiated the module and said READY
//   firstStepMs    the worker posted the first FRAME (networks built, step 0's grids computed)
//   firstDrawMs    the first boundary drawn (the span's end)
// and on the lab page, where the main thread's part of the wait goes:
//   pageCodeMs     the page's code loaded (mark actlab:page-code-loaded: build/lab-page.js)
//   pageBuiltMs    the page's controls and views built (mark actlab:page-built)
// A server on this machine answers in a millisecond, which hides what a reader's network adds to
// each request that waits for another (a chain of imports, a chunk found only once its bundle is
// parsed). The page is therefore also loaded with every request given an emulated round trip
// (NETWORK_RTT_MS, Chromium's network emulation; bandwidth not limited): printed, not judged.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './serve.mjs';

export const FIRST_GOALS = Object.freeze({ pageFirstBoundaryMs: 500, embedFirstFigureMs: 800 });
export const NETWORK_RTT_MS = 50;  // a good 4G or a cross-country wired connection
export const PART_NAMES = Object.freeze(['fetchMs', 'compileMs', 'workerStartMs', 'labReadyMs', 'firstStepMs', 'firstDrawMs']);
const TIMEOUT_MS = 30000;

const median = (values) => {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The worker's side, in page milliseconds: {workerStartMs, labReadyMs, firstStepMs} (NaN when absent). */
async function workerParts(page, pageOrigin) {
  for (const worker of page.workers()) {
    const seen = await worker.evaluate(() => (self.actlabMessageLog
      ? { origin: performance.timeOrigin, log: self.actlabMessageLog } : null)).catch(() => null);
    if (!seen) continue;
    const shift = seen.origin - pageOrigin;
    const at = (dir, type) => (seen.log.find((e) => e.dir === dir && e.type === type)?.at ?? NaN) + shift;
    return { workerStartMs: shift, labReadyMs: at('out', 'ready'), firstStepMs: at('out', 'frame') };
  }
  return { workerStartMs: NaN, labReadyMs: NaN, firstStepMs: NaN };
}

/** The page's side: {pageOrigin, fetchMs, compileMs} in page milliseconds. */
function pageParts(page) {
  return page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/actlab.wasm'));
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return { pageOrigin: performance.timeOrigin, fetchMs: wasm?.responseEnd ?? NaN, compileMs: mark('actlab:wasm-compiled'),
      pageCodeMs: mark('actlab:page-code-loaded'), pageBuiltMs: mark('actlab:page-built') };
  });
}

/** One cold load of the lab page: parts from navigation start, plus the claims strip's time. */
export async function firstPageLoad(browser, url, { viewport = { width: 1440, height: 900 }, rttMs = 0 } = {}) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    if (rttMs > 0) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: rttMs, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await page.goto(url);
    const firstDrawMs = await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && performance.now(),
      null, { timeout: TIMEOUT_MS, polling: 'raf' }).then((h) => h.jsonValue());
    const claimsMs = await page.waitForFunction(() => ['cost', 'vanishing', 'sparsity'].every(
      (c) => document.querySelector(`[data-claim="${c}"] [data-value]`)) && performance.now(), null,
    { timeout: TIMEOUT_MS, polling: 20 }).then((h) => h.jsonValue(), () => NaN);
    const { pageOrigin, ...parts } = await pageParts(page);
    const domContentLoadedMs = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? NaN);
    return { ...parts, ...(await workerParts(page, pageOrigin)), firstDrawMs, claimsMs, domContentLoadedMs };
  } finally {
    await context.close();
  }
}

const BLOG = (lab) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blog</title>
<link rel="icon" href="data:,"></head><body style="max-width:720px;margin:0 auto"><p>A post.</p>
<div style="height:3000px"></div>
<script src="${lab}embed/activation-lab.js"></script>
<activation-lab figure="race" settings="preset=vanishing&amp;members=sigmoid,relu"></activation-lab></body></html>`;

/** One cold load of a blog whose race figure is scrolled into view: parts from the moment it enters the viewport. */
async function firstEmbedLoad(browser, blogUrl) {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(blogUrl, { waitUntil: 'load' });
    const enteredMs = await page.evaluate(() => new Promise((resolve) => {
      const element = document.querySelector('activation-lab');
      const seen = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) { seen.disconnect(); resolve(performance.now()); }
      });
      seen.observe(element);
      element.scrollIntoView();
    }));
    const drawnMs = await page.waitForFunction(() => Boolean(document.querySelector('activation-lab')
      ?.shadowRoot?.querySelector('.al-card[data-drawn="true"]')) && performance.now(), null,
    { timeout: TIMEOUT_MS, polling: 'raf' }).then((h) => h.jsonValue());
    const { pageOrigin, ...parts } = await pageParts(page);
    const all = { ...parts, ...(await workerParts(page, pageOrigin)), firstDrawMs: drawnMs };
    return Object.fromEntries(PART_NAMES.map((k) => [k, all[k] - enteredMs]));
  } finally {
    await context.close();
  }
}

/** Medians of each part over the loads. */
function summarise(loads, keys) {
  return Object.fromEntries(keys.map((k) => [k, median(loads.map((l) => l[k]))]));
}

/** N cold loads of the lab page at `url`: {loads, median, goalMs, met}. */
export async function measureFirstPage(browser, url, loads, { rttMs = 0 } = {}) {
  const all = [];
  for (let i = 0; i < loads; i++) all.push(await firstPageLoad(browser, url, { rttMs }));
  const med = summarise(all, [...PART_NAMES, 'pageCodeMs', 'pageBuiltMs', 'claimsMs']);
  return { loads: all, median: med, rttMs, goalMs: FIRST_GOALS.pageFirstBoundaryMs, met: med.firstDrawMs <= FIRST_GOALS.pageFirstBoundaryMs,
    claimsAfterFirstDraw: all.every((l) => !(l.claimsMs < l.firstDrawMs)) };
}

/** N cold loads of a blog (second origin, host CSP) with a race figure served from `root`. */
export async function measureFirstEmbed(browser, root, loads) {
  const lab = await startServer({ port: 0, root });
  const blogDir = await fs.mkdtemp(path.join(os.tmpdir(), 'actlab-bench-first-'));
  await fs.writeFile(path.join(blogDir, 'index.html'), BLOG(lab.url));
  const blog = await startServer({ port: 0, root: blogDir,
    csp: `script-src 'self' ${new URL(lab.url).origin} 'wasm-unsafe-eval'; worker-src blob:` });
  try {
    const all = [];
    for (let i = 0; i < loads; i++) all.push(await firstEmbedLoad(browser, blog.url));
    const med = summarise(all, PART_NAMES);
    return { loads: all, median: med, goalMs: FIRST_GOALS.embedFirstFigureMs, met: med.firstDrawMs <= FIRST_GOALS.embedFirstFigureMs };
  } finally {
    for (const { server } of [lab, blog]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await fs.rm(blogDir, { recursive: true, force: true });
  }
}

/** Report lines for {page, embed} as measureFirstPage / measureFirstEmbed return them. */
export function formatFirst({ page, pageOverNetwork, embed }) {
  const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : 'n/a');
  const parts = (m) => `fetch ${ms(m.fetchMs)}, compile ${ms(m.compileMs)}, worker start ${ms(m.workerStartMs)}, ` +
    `module ready ${ms(m.labReadyMs)}, first step ${ms(m.firstStepMs)}, first draw ${ms(m.firstDrawMs)}`;
  const out = [`first picture, cold loads (medians; each part: ms from the span's start until it was done):`];
  out.push(`  page:  first boundary ${ms(page.median.firstDrawMs)} after navigation (${page.loads.length} loads: ` +
    `${page.loads.map((l) => l.firstDrawMs.toFixed(0)).join(', ')})   goal <= ${page.goalMs} ms: ${page.met ? 'met' : 'NOT met'}`);
  out.push(`         ${parts(page.median)}`);
  out.push(`         the page's code loaded ${ms(page.median.pageCodeMs)}, its views built ${ms(page.median.pageBuiltMs)}`);
  out.push(`         claims strip complete ${ms(page.median.claimsMs)} after navigation (after the first boundary ` +
    `on every load: ${page.claimsAfterFirstDraw ? 'yes' : 'NO'})   goal <= 2000 ms`);
  if (pageOverNetwork) {
    out.push(`  page, every request ${pageOverNetwork.rttMs} ms round trip (emulated; printed, not judged): first boundary ` +
      `${ms(pageOverNetwork.median.firstDrawMs)} (${pageOverNetwork.loads.length} loads: ` +
      `${pageOverNetwork.loads.map((l) => l.firstDrawMs.toFixed(0)).join(', ')}); fetch ${ms(pageOverNetwork.median.fetchMs)}, ` +
      `the page's code loaded ${ms(pageOverNetwork.median.pageCodeMs)}, worker start ${ms(pageOverNetwork.median.workerStartMs)}`);
  }
  if (embed?.error) out.push(`  embed: not measured (${embed.error})`);
  else if (embed) {
    out.push(`  embed: race figure on another origin, first boundary ${ms(embed.median.firstDrawMs)} after it entered the viewport ` +
      `(${embed.loads.length} loads)   goal <= ${embed.goalMs} ms: ${embed.met ? 'met' : 'NOT met'}`);
    out.push(`         ${parts(embed.median)}`);
  }
  return out;
}
