#!/usr/bin/env node
// The lab page's speed in real Chromium (issue 4, "Speed"). A benchmark, not a test: it prints
// figures next to the goals and never fails on a slow figure.
//   node scripts/bench-page.mjs [--seconds S] [--loads N] [--hash H] [--profile] [--json] [--no-build] [--quick]
//   npm run bench:page -- [same flags]     (npm run -s ... --json: npm's banner kept off stdout)
// --quick measures only the first picture (below), over --loads loads (default 1 with --quick).
// Serves web/ with scripts/serve.mjs on port 0 under the strict CSP the tests use, launches
// /usr/bin/chromium through tests/browser/chromium.mjs, opens the page with four 2-8-8-8-2 networks
// training (#hidden=8,8,8 and the default members) at 1440x900, and measures:
//   frames     over S seconds once the page is ready: requestAnimationFrame deltas (p50/p95/max),
//              the time spent in the page's own rAF callbacks per frame, and long tasks
//              (PerformanceObserver 'longtask'); baseline: rAF deltas of a blank page in the same
//              browser and run (what this machine's headless compositor gives with no work);
//   ready      navigation start -> <html data-ready="true"> (first boundaries drawn) over N fresh
//              page loads (a new browser context each: cold HTTP cache, cold wasm compile);
//   first      the same loads split into fetch, compile, worker start, module ready, first step and
//              first draw, and an embedded race figure on a second origin from the moment it
//              enters the viewport (scripts/bench-first.mjs; issue 19); the page's loads again with
//              each request given an emulated 50 ms round trip (what a reader's network adds);
//   speed      each network's steps/s as its race card shows it (data-field="steps-per-second":
//              training time only) and as counted (data-field="step" over the window);
//   claims     navigation start -> all three claims of the claims strip shown, on the same loads;
//   apply      a new setting -> its new run, under the largest valid settings (scripts/bench-apply.mjs);
//   spreads    the cost figures over repeated measurements and identical racers' steps/s
//              (scripts/bench-page-spread.mjs; goal <= 10% each);
//   transfer   every response body the server sent for the measured page (HTML, JS, CSS, the
//              wasm inside actlab.mjs), raw and gzipped (zlib level 9, per body, summed), and every
//              request the browser made, to check that none left the origin.
// --profile adds a V8 CPU profile of the main thread over a further window (after the timed one,
// so it does not disturb the figures) and lists where the main thread's time goes.
// This file runs the measurements; bench-page-probes.mjs holds what runs inside the page and the
// statistics, bench-page-report.mjs the figures' arithmetic, the goals and the printed text.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, DEFAULT_CSP, startServer } from './serve.mjs';
import { measureSpreads } from './bench-page-spread.mjs';
import { measureFirstFigureBytes } from './bench-embed.mjs';
import { measureSettingApply } from './bench-apply.mjs';
import { measureFirstPage, measureFirstEmbed, formatFirst, NETWORK_RTT_MS } from './bench-first.mjs';
import { measureSeedPool, PAGE_DEFAULT_SEEDS } from './bench-seed-pool.mjs';
import { addGoals, formatPageReport, framesReport, headerLines, networksReport, transferReport } from './bench-page-report.mjs';
import { instrument, profileMainThread, readCards, readWindow, sleep, summary } from './bench-page-probes.mjs';

const USAGE = 'usage: node scripts/bench-page.mjs [--seconds S] [--loads N] [--hash H] [--profile] [--json] [--no-build] [--quick]';
const VIEWPORT = { width: 1440, height: 900 };
const BASELINE_SECONDS = 3;
const PROFILE_SECONDS = 5;
const READY_TIMEOUT_MS = 30000;

// ---- arguments -----------------------------------------------------------------------------------
const args = process.argv.slice(2);
const opts = { seconds: 10, loads: null, hash: null, profile: false, json: false, build: true, quick: false };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => {
    if (i + 1 >= args.length) usage(`${a} needs a value`);
    return args[++i];
  };
  if (a === '--seconds') opts.seconds = positive(value(), a);
  else if (a === '--loads') opts.loads = Math.round(positive(value(), a));
  else if (a === '--hash') opts.hash = value().replace(/^#?/, '#');
  else if (a === '--profile') opts.profile = true;
  else if (a === '--json') opts.json = true;
  else if (a === '--no-build') opts.build = false;
  else if (a === '--quick') opts.quick = true;
  else if (a === '--help' || a === '-h') { console.log(USAGE); process.exit(0); }
  else usage(`unknown argument '${a}'`);
}
opts.loads ??= opts.quick ? 1 : 5;
function usage(message) {
  console.error(`bench-page.mjs: ${message}\n${USAGE}`);
  process.exit(2);
}
function positive(text, flag) {
  const v = Number(text);
  if (!(v > 0) || !Number.isFinite(v)) usage(`${flag} must be a positive number, not '${text}'`);
  return v;
}
const log = (...a) => { if (!opts.json) console.error(...a); };

// ---- build what the page needs (output to stderr: stdout carries only the report) -------------------
if (opts.build) {
  const run = (script, ...a) => execFileSync('bash', [script, ...a], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
  run('scripts/ensure-deps.sh', 'browser', 'wasm');
  run('scripts/build.sh');  // the module, the worker bundle and dist/ (the embed's figure is measured from web/)
} else if (!existsSync(path.join(REPO_ROOT, 'web/build/actlab.mjs'))) {
  console.error('bench-page.mjs: web/build/actlab.mjs is missing; run without --no-build, or npm run build');
  process.exit(1);
}
// Imported after the dependency check: playwright-core may have just been installed.
const { launchChromium } = await import('../tests/browser/chromium.mjs');

let members = ['sigmoid', 'tanh', 'relu', 'leaky_relu'];
try {
  ({ DEFAULT_MEMBERS: members } = await import('../web/session/param-table.js'));
} catch { /* keep the list above: it is the default */ }
const hash = opts.hash ?? `#hidden=8,8,8&members=${members.join(',')}&playing=true`;

// ---- the run -----------------------------------------------------------------------------------------
const loadBefore = os.loadavg();
const started = Date.now();
const { server, url } = await startServer({ port: 0 });  // DEFAULT_CSP, as the browser tests
const origin = new URL(url).origin;
// Every body the server sends, byte for byte (workers' requests included), tapped from outside
// serve.mjs: this listener runs after the server's own and before any body is written.
let served = [];
server.on('request', (req, res) => {
  const chunks = [];
  const entry = { path: req.url, status: 0, type: '', chunks };
  served.push(entry);
  const write = res.write.bind(res), end = res.end.bind(res);
  const keep = (chunk, encoding) => {
    if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? encoding : undefined));
  };
  res.write = (chunk, encoding, cb) => { keep(chunk, encoding); return write(chunk, encoding, cb); };
  res.end = (chunk, encoding, cb) => { keep(chunk, encoding); return end(chunk, encoding, cb); };
  res.on('finish', () => { entry.status = res.statusCode; entry.type = String(res.getHeader('content-type') ?? ''); });
});

const browser = await launchChromium();
const report = { quick: opts.quick, browserVersion: browser.version() };
const QUICK_DONE = Symbol('quick: the first picture only');
try {
  // Baseline: a blank page's frame deltas in this browser, in this run.
  {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.setContent('<!doctype html><title>blank</title>');
    await page.evaluate(instrument);
    await sleep(500);
    const from = await page.evaluate(() => performance.now());
    await sleep(BASELINE_SECONDS * 1000);
    const to = await page.evaluate(() => performance.now());
    report.baseline = summary((await page.evaluate(readWindow, [from, to])).deltas);
    await context.close();
  }

  // Fresh loads: navigation start -> data-ready, in parts (scripts/bench-first.mjs); then the embedded figure.
  log(`${opts.loads} cold loads of the page, then of a blog with a race figure ...`);
  report.first = { page: await measureFirstPage(browser, url + hash, opts.loads) };
  report.first.pageOverNetwork = await measureFirstPage(browser, url + hash, opts.loads, { rttMs: NETWORK_RTT_MS });
  report.first.embed = await measureFirstEmbed(browser, path.join(REPO_ROOT, 'web'), opts.loads)
    .catch((err) => ({ error: err.message }));
  report.loads = report.first.page.loads.map((l) => ({ readyMs: l.firstDrawMs, claimsMs: l.claimsMs,
    labReadyMs: l.labReadyMs, domContentLoadedMs: l.domContentLoadedMs }));
  if (opts.quick) throw QUICK_DONE;

  // The measured page: frames, speed, transfer.
  log(`measuring the page for ${opts.seconds} s ...`);
  served = [];
  const context = await browser.newContext({ viewport: VIEWPORT });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const pageErrors = [];
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  await page.addInitScript(instrument);
  await page.goto(url + hash);
  await page.waitForFunction(() => window.__bench?.readyAt !== null, null, { timeout: READY_TIMEOUT_MS, polling: 50 });
  await sleep(1000);  // past the first frames and the first diagnostics
  const from = await page.evaluate(() => performance.now());
  const samples = [];
  const sampleCards = async () => samples.push({ t: await page.evaluate(() => performance.now()), cards: await page.evaluate(readCards) });
  await sampleCards();
  const end = Date.now() + opts.seconds * 1000;
  while (Date.now() < end) {
    await sleep(Math.min(250, Math.max(0, end - Date.now())));
    await sampleCards();
  }
  const to = samples.at(-1).t;
  const win = await page.evaluate(readWindow, [from, to]);
  report.frames = framesReport(win, to - from);
  report.networks = networksReport(samples);
  report.stepsPerFrame = await page.evaluate(() => Number(document.getElementById('steps-per-frame')?.value ?? NaN));

  if (opts.profile) {
    log(`profiling the main thread for ${PROFILE_SECONDS} s ...`);
    report.profile = await profileMainThread(page, PROFILE_SECONDS, origin);
  }
  report.finalUrl = page.url();
  report.pageErrors = pageErrors;
  await context.close();

  // Transfer: the server's bodies for the measured page, load plus the timed window.
  report.transfer = transferReport(served, requests, origin);
  report.browserVersion = browser.version();

  // After the transfer figures: these loads are not the measured page's.
  log('measuring the spread of the cost figures and of identical racers ...');
  {
    const spreadContext = await browser.newContext({ viewport: VIEWPORT });
    const spreadPage = await spreadContext.newPage();
    await spreadPage.goto(`${url}#playing=false`);  // the lab's origin; its own run stays paused
    report.spreads = await measureSpreads(spreadPage);
    await spreadContext.close();
  }
  log('measuring how soon a new setting applies under the maximal settings ...');
  report.apply = await measureSettingApply(browser, url, VIEWPORT).catch((err) => ({ error: err.message }));
  report.embed = await measureFirstFigureBytes(browser).catch((err) => ({ error: err.message }));  // issue 7: scripts/bench-embed.mjs
  // issue 17: scripts/bench-seed-pool.mjs (throughput over 48 seeds; the page's default 20 as a reader meets it)
  report.seedPool = await measureSeedPool(browser, url).catch((err) => ({ error: err.message }));
  report.seedPoolDefaultRun = await measureSeedPool(browser, url, { seeds: PAGE_DEFAULT_SEEDS }).catch((err) => ({ error: err.message }));
} catch (err) {
  if (err !== QUICK_DONE) throw err;
} finally {
  await browser.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
}

// ---- report ----------------------------------------------------------------------------------------
addGoals(report);
report.command_line = ['node', 'scripts/bench-page.mjs', ...args].join(' ');
report.machine = { cpu: os.cpus()[0]?.model ?? 'unknown', nproc: os.availableParallelism(), loadavgBefore: loadBefore,
  loadavgAfter: os.loadavg(), node: process.version, chromium: report.browserVersion, platform: `${os.platform()} ${os.arch()}` };
report.setup = { url: `${url}${hash}`, csp: DEFAULT_CSP, viewport: VIEWPORT, members, seconds: opts.seconds, loads: opts.loads,
  baselineSeconds: BASELINE_SECONDS, elapsedSeconds: (Date.now() - started) / 1000 };

if (opts.json) {
  console.log(JSON.stringify(report));
} else if (opts.quick) {
  console.log([...headerLines(report), '', ...formatFirst(report.first)].join('\n'));
} else {
  console.log(formatPageReport(report, VIEWPORT));
}
