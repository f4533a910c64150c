// Helpers for the lab page's browser tests: open the page (served by scripts/serve.mjs with the
// strict CSP) in Debian's Chromium, wait for it, and read what the DOM shows. Not a test file.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, startServer } from '../../scripts/serve.mjs';
import { before, after } from 'node:test';
import { afterFrames, collectErrors, launchChromium } from './chromium.mjs';

export const RESULTS = path.join(REPO_ROOT, 'test-results');
export const READY_TIMEOUT_MS = 30000;  // generous for a loaded CI machine (a wait, not a measurement); the benchmark measures speed

/** Serves web/ on a free port with the strict CSP: {url, stop()}. */
export async function startLabServer() {
  const { server, url } = await startServer({ port: 0 });
  return {
    url,
    stop() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Registers before/after hooks for a test file: one lab server and one Chromium, shared by its
 * tests. Returns {browser, url}, filled in once the hooks have run.
 */
export function labSession() {
  const session = { browser: null, url: null, server: null };
  before(async () => {
    session.server = await startLabServer();
    session.url = session.server.url;
    session.browser = await launchChromium();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}

/**
 * Opens the lab at `url` + `hash` in a fresh context. Records console errors, page errors, failed
 * requests and CSP violations (securitypolicyviolation events, recorded before any page script).
 * initScript: a function run in the page before any page script (e.g. to tap its worker's messages).
 */
export async function openLab(browser, url, { hash = '', width = 1440, height = 900, waitReady = true, initScript = null } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  if (initScript) await page.addInitScript(initScript);
  await page.goto(url + hash);
  if (waitReady) await waitForReady(page);
  return { context, page, errors, requests };
}

/**
 * The first boundary drawn (data-ready), and on the lab page the parts it loads after that (Embed
 * this, the across-seeds section: data-extras, "loading" until mounted), so a test never clicks a
 * button whose code has not arrived. Pages without extras (the views gallery) have no data-extras.
 */
export async function waitForReady(page) {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true'
    && document.documentElement.dataset.extras !== 'loading', null, { timeout: READY_TIMEOUT_MS });
}

/** Waits until the page runs a run other than `previous` (settings changed) and returns its id. */
export async function waitForNewRun(page, previous) {
  await page.waitForFunction((old) => {
    const run = document.documentElement.dataset.run;
    return run !== undefined && run !== old;
  }, previous, { timeout: READY_TIMEOUT_MS });
  return page.evaluate(() => document.documentElement.dataset.run);
}

/**
 * Waits for the frame the worker posts after Pause, after which no step follows: the speed readout
 * says "Paused" as that frame arrives, and the race cards show its steps once the next animation
 * frames have drawn it.
 */
export async function waitForPausedFrame(page) {
  // The readout says Paused at the click; the worker's paused frame (the steps and metrics it ends
  // on) comes after the reports it had queued: wait for that frame of the current run, then draws.
  await page.waitForFunction(() => {
    const session = window.activationLab?.session;
    const frame = session?.lastFrame;
    return /^Paused/.test(document.getElementById('speed-readout')?.textContent ?? '') &&
      frame?.runId === session.runId && frame.playing === false;
  }, null, { timeout: READY_TIMEOUT_MS });
  await afterFrames(page, 3);
}

export const currentRun = (page) => page.evaluate(() => document.documentElement.dataset.run);

/** {name: step} as the race cards show them. */
export function readSteps(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#race-cards [data-member]')].map(
    (card) => [card.dataset.member, Number(card.querySelector('[data-field="step"]').dataset.value)])));
}

/** The why view's figure `field` of one network, as a number (from data-value), or null. */
export function readWhy(page, member, field) {
  return page.evaluate(([m, f]) => {
    const cell = document.querySelector(`#why-panels [data-member="${m}"] [data-field="${f}"]:not([data-layer])`)
      ?? document.querySelector(`#why-panels [data-member="${m}"] [data-field="${f}"][data-layer="all"]`);
    return cell?.dataset.value === undefined ? null : Number(cell.dataset.value);
  }, [member, field]);
}

/** A short fingerprint of every card's boundary pixels (changes when a boundary moves). */
export function boundaryFingerprints(page) {
  return page.evaluate(() => [...document.querySelectorAll('#race-cards [data-member]')].map((card) => {
    const canvas = card.querySelector('canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let hash = 2166136261;
    for (let i = 0; i < data.length; i += 4) hash = Math.imul(hash ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16)), 16777619) >>> 0;
    return hash;
  }));
}

/** The settings in the address bar, as {key: text}. */
export function readHashParams(page) {
  return page.evaluate(() => Object.fromEntries(location.hash.slice(1).split('&').filter(Boolean).map((part) => {
    const eq = part.indexOf('=');
    return [decodeURIComponent(part.slice(0, eq)), decodeURIComponent(part.slice(eq + 1))];
  })));
}

export function readNotices(page) {
  return page.evaluate(() => [...document.querySelectorAll('#notices li')].map((li) => li.textContent));
}

export const cspViolations = (page) => page.evaluate(() => window.__cspViolations);

export async function screenshot(page, name) {
  await mkdir(RESULTS, { recursive: true });
  const file = path.join(RESULTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Polls fn() until it returns a truthy value, and returns that value. Throws when the time is up,
 * naming `what` was awaited and the last value seen, so a wait that never succeeds fails the test
 * instead of handing a falsy value to a caller that might not look at it. A wait, not a measurement:
 * its default is generous, so a machine kept busy by other work (two CPU-bound loops beside the
 * suite, as issue 15 checks) still gets there; a broken feature fails all the same.
 */
export async function poll(fn, { timeout = 30000, interval = 100, what = 'a truthy value' } = {}) {
  const end = Date.now() + timeout;
  let value;
  do {
    value = await fn();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, interval));
  } while (Date.now() < end);
  throw new Error(`poll: waited ${timeout} ms for ${what}; last value: ${JSON.stringify(value)}`);
}

/**
 * axe-core's violations on the page, one line each (rule, count, first node, how to fix). The page's
 * context needs bypassCSP: axe is injected as an inline script (the page's own CSP is tested elsewhere).
 */
export async function axeViolations(page) {
  const source = await readFile(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target?.join(' ')} ${v.nodes[0]?.failureSummary ?? ''}`);
  });
}
