#!/usr/bin/env node
// The lab page's speed in real Chromium (issue 4, "Speed"). A benchmark, not a test: it prints
// figures next to the issue's goals and never fails on a slow figure.
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
//              enters the viewport (scripts/bench-first.mjs; issue 19);
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
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT, DEFAULT_CSP, startServer } from './serve.mjs';
import { measureSpreads, formatSpreads } from './bench-page-spread.mjs';
import { measureFirstFigureBytes, formatFirstFigureBytes } from './bench-embed.mjs';
import { measureSettingApply, formatSettingApply } from './bench-apply.mjs';
import { measureFirstPage, measureFirstEmbed, formatFirst, FIRST_GOALS } from './bench-first.mjs';
import { measureSeedPool, formatSeedPool } from './bench-seed-pool.mjs';

const USAGE = 'usage: node scripts/bench-page.mjs [--seconds S] [--loads N] [--hash H] [--profile] [--json] [--no-build] [--quick]';
const GOALS = { frameP95Ms: 20, transferGzipBytes: 250_000 };  // issue 4, "Speed" (first picture: bench-first.mjs)
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
} catch { /* keep the list above: it is the issue's default */ }
const hash = opts.hash ?? `#hidden=8,8,8&members=${members.join(',')}&playing=true`;

// ---- statistics ------------------------------------------------------------------------------------
const sorted = (v) => [...v].sort((a, b) => a - b);
function quantile(values, q) {
  if (!values.length) return NaN;
  const s = sorted(values), pos = (s.length - 1) * q, lo = Math.floor(pos), hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const median = (v) => quantile(v, 0.5);
const summary = (v) => ({ count: v.length, p50: median(v), p95: quantile(v, 0.95), max: v.length ? Math.max(...v) : NaN,
  mean: v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- what runs in the page before any of its own scripts ------------------------------------------
// Records rAF timestamps (the bench's own loop, registered first, so it runs first in each frame),
// the duration of every other rAF callback (the page's drawing) keyed by frame, long tasks, and the
// moments <html> gets data-run and data-ready="true". performance.now() counts from navigation start.
function instrument() {
  const b = window.__bench = { frames: [], work: new Map(), longTasks: [], runAt: null, readyAt: null, longTaskSupported: false };
  const raf = window.requestAnimationFrame.bind(window);
  const loop = (t) => { b.frames.push(t); raf(loop); };
  raf(loop);
  window.requestAnimationFrame = (callback) => raf((t) => {
    const start = performance.now();
    try {
      callback(t);
    } finally {
      b.work.set(t, (b.work.get(t) ?? 0) + performance.now() - start);
    }
  });
  try {
    if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
      b.longTaskSupported = true;
    }
  } catch { /* reported as unsupported */ }
  const watch = () => {
    const root = document.documentElement;
    const check = () => {
      if (b.runAt === null && root.dataset.run !== undefined) b.runAt = performance.now();
      if (b.readyAt === null && root.dataset.ready === 'true') b.readyAt = performance.now();
    };
    new MutationObserver(check).observe(root, { attributes: true, attributeFilter: ['data-run', 'data-ready'] });
    check();
  };
  if (document.documentElement) watch(); else document.addEventListener('readystatechange', watch, { once: true });
}

// In-page readers (run through page.evaluate).
function readCards() {
  return [...document.querySelectorAll('#race-cards [data-member]')].map((card) => {
    const num = (f) => {
      const v = card.querySelector(`[data-field="${f}"]`)?.dataset.value;
      return v === undefined ? NaN : Number(v);
    };
    return { name: card.dataset.member, step: num('step'), stepsPerSecond: num('steps-per-second'),
      diverged: card.dataset.diverged === 'true' };
  });
}
function readWindow([from, to]) {
  const b = window.__bench;
  const frames = b.frames.filter((t) => t >= from && t <= to);
  const deltas = frames.slice(1).map((t, i) => t - frames[i]);
  const work = [...b.work].filter(([t]) => t >= from && t <= to).map(([, ms]) => ms);
  const longTasks = b.longTasks.filter(([t]) => t >= from && t <= to).map(([, d]) => d);
  return { deltas, work, longTasks, longTaskSupported: b.longTaskSupported };
}

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
  const windowMs = to - from;
  report.frames = {
    windowSeconds: windowMs / 1000,
    rafDeltaMs: summary(win.deltas),
    framesPerSecond: win.deltas.length / (windowMs / 1000),
    over20Ms: win.deltas.filter((d) => d > GOALS.frameP95Ms).length,
    pageRafWorkMs: summary(win.work),
    longTasks: win.longTaskSupported
      ? { supported: true, count: win.longTasks.length, totalMs: win.longTasks.reduce((a, b) => a + b, 0),
          maxMs: win.longTasks.length ? Math.max(...win.longTasks) : 0, p95Ms: quantile(win.longTasks, 0.95) }
      : { supported: false },
  };
  report.frames.longTasks.blockedShare = report.frames.longTasks.supported ? report.frames.longTasks.totalMs / windowMs : undefined;

  const first = samples[0], last = samples.at(-1);
  report.networks = last.cards.map((card) => {
    const start = first.cards.find((c) => c.name === card.name);
    const shown = samples.map((s) => s.cards.find((c) => c.name === card.name)?.stepsPerSecond).filter(Number.isFinite);
    return {
      name: card.name,
      stepsShownPerSecond: { median: median(shown), last: card.stepsPerSecond },
      stepsCountedPerSecond: start ? (card.step - start.step) / ((last.t - first.t) / 1000) : NaN,
      stepAtEnd: card.step,
      diverged: card.diverged,
    };
  });
  report.stepsPerFrame = await page.evaluate(() => Number(document.getElementById('steps-per-frame')?.value ?? NaN));

  if (opts.profile) {
    log(`profiling the main thread for ${PROFILE_SECONDS} s ...`);
    report.profile = await profileMainThread(page, PROFILE_SECONDS);
  }
  report.finalUrl = page.url();
  report.pageErrors = pageErrors;
  await context.close();


  // Transfer: the server's bodies for the measured page, load plus the timed window.
  const files = new Map();
  for (const s of served) {
    const body = Buffer.concat(s.chunks);
    const key = `${s.path.replace(/[?#].*$/, '')} ${s.status}`;
    const f = files.get(key) ?? { path: s.path.replace(/[?#].*$/, ''), status: s.status, type: s.type.split(';')[0],
      requests: 0, raw: 0, gzip: 0 };
    f.requests += 1;
    f.raw += body.length;
    f.gzip += gzipSync(body, { level: 9 }).length;
    files.set(key, f);
  }
  const list = [...files.values()].sort((a, b) => b.gzip - a.gzip);
  const offOrigin = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
  report.transfer = {
    files: list,
    rawBytes: list.reduce((a, f) => a + f.raw, 0),
    gzipBytes: list.reduce((a, f) => a + f.gzip, 0),
    serverResponses: served.length,
    browserRequests: requests.length,
    offOriginRequests: offOrigin,
  };
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
  report.seedPool = await measureSeedPool(browser, url).catch((err) => ({ error: err.message }));  // issue 17: scripts/bench-seed-pool.mjs
} catch (err) {
  if (err !== QUICK_DONE) throw err;
} finally {
  await browser.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
}

// ---- the V8 CPU profile of the main thread ---------------------------------------------------------
async function profileMainThread(page, seconds) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });  // microseconds
  await cdp.send('Profiler.start');
  await sleep(seconds * 1000);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => {
    const f = n.callFrame;
    if (!f.url) return f.functionName || '(anonymous)';
    const file = f.url.startsWith(origin) ? f.url.slice(origin.length + 1) : f.url;
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
  };
  const self = new Map(), total = new Map();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;  // ms until the next sample
    all += dt;
    const leaf = label(byId.get(id));
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const l = label(byId.get(n));
      if (l === '(root)' || seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
  });
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, ms]) => ({ name, ms, share: ms / all }));
  return { seconds: all / 1000, self: top(self, 12), inclusive: top(total, 15) };
}

// ---- report ----------------------------------------------------------------------------------------
const readyTimes = report.loads.map((l) => l.readyMs);
report.ready = { ...summary(readyTimes), labReadyMedianMs: median(report.loads.map((l) => l.labReadyMs)),
  claimsMedianMs: median(report.loads.map((l) => l.claimsMs)), claimsMaxMs: Math.max(...report.loads.map((l) => l.claimsMs)),
  domContentLoadedMedianMs: median(report.loads.map((l) => l.domContentLoadedMs)) };
const firstGoals = {
  firstBoundaries: { goalMs: FIRST_GOALS.pageFirstBoundaryMs, medianMs: report.ready.p50, maxMs: report.ready.max,
    met: report.ready.p50 <= FIRST_GOALS.pageFirstBoundaryMs, maxMet: report.ready.max <= FIRST_GOALS.pageFirstBoundaryMs },
  firstEmbeddedFigure: { goalMs: FIRST_GOALS.embedFirstFigureMs, medianMs: report.first.embed.median?.firstDrawMs ?? NaN,
    met: report.first.embed.met === true },
  claims: { goalMs: 2000, medianMs: report.ready.claimsMedianMs, maxMs: report.ready.claimsMaxMs, met: report.ready.claimsMaxMs <= 2000,
    afterFirstBoundary: report.first.page.claimsAfterFirstDraw },
};
report.goals = opts.quick ? firstGoals : {
  ...firstGoals,
  frameP95: { goalMs: GOALS.frameP95Ms, valueMs: report.frames.rafDeltaMs.p95, met: report.frames.rafDeltaMs.p95 <= GOALS.frameP95Ms },
  transfer: { goalGzipBytes: GOALS.transferGzipBytes, gzipBytes: report.transfer.gzipBytes,
    met: report.transfer.gzipBytes <= GOALS.transferGzipBytes },
  sameOrigin: { met: report.transfer.offOriginRequests.length === 0 },
};
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
  printReport(report);
}

function headerLines(r) {
  const la = (l) => l.map((v) => v.toFixed(2)).join(' ');
  return [
    `command:  ${r.command_line}   (npm run bench:page -- [flags])`,
    `machine:  ${r.machine.cpu}, nproc ${r.machine.nproc}, load average ${la(r.machine.loadavgBefore)} before, ` +
      `${la(r.machine.loadavgAfter)} after (1/5/15 min)`,
    `browser:  Chromium ${r.machine.chromium} headless (tests/browser/chromium.mjs flags), Node ${r.machine.node}`,
    `page:     ${r.setup.url}`,
  ];
}

function printReport(r) {
  const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
  const kb = (v) => `${(v / 1000).toFixed(1)} KB`;
  const met = (ok) => (ok ? 'met' : 'NOT met');
  const int = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : 'n/a');
  const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
  const f = r.frames, g = r.goals, la = (l) => l.map((v) => v.toFixed(2)).join(' ');
  const out = [];
  out.push(`command:  ${r.command_line}   (npm run bench:page -- [flags])`);
  out.push(`machine:  ${r.machine.cpu}, nproc ${r.machine.nproc}, load average ${la(r.machine.loadavgBefore)} before, ` +
    `${la(r.machine.loadavgAfter)} after (1/5/15 min)`);
  out.push(`browser:  Chromium ${r.machine.chromium} headless (tests/browser/chromium.mjs flags), ${VIEWPORT.width}x${VIEWPORT.height}, ` +
    `Node ${r.machine.node}`);
  out.push(`page:     ${r.setup.url}`);
  out.push(`          served by scripts/serve.mjs with CSP "${r.setup.csp}"; steps per frame ${r.stepsPerFrame}`);
  out.push('');
  out.push(`frames (main thread, ${f.windowSeconds.toFixed(1)} s window after ready; baseline: blank page, ${r.setup.baselineSeconds} s, same browser):`);
  out.push(`  rAF delta        p50 ${ms(f.rafDeltaMs.p50)}  p95 ${ms(f.rafDeltaMs.p95)}  max ${ms(f.rafDeltaMs.max)}  ` +
    `(${f.framesPerSecond.toFixed(1)} frames/s, ${f.over20Ms} of ${f.rafDeltaMs.count} over 20 ms)` +
    `   goal p95 <= ${GOALS.frameP95Ms} ms: ${met(g.frameP95.met)}`);
  out.push(`  blank baseline   p50 ${ms(r.baseline.p50)}  p95 ${ms(r.baseline.p95)}  max ${ms(r.baseline.max)}` +
    `   page/baseline p95 ${ratio(f.rafDeltaMs.p95, r.baseline.p95)}`);
  out.push(`  page rAF work    p50 ${ms(f.pageRafWorkMs.p50)}  p95 ${ms(f.pageRafWorkMs.p95)}  max ${ms(f.pageRafWorkMs.max)}` +
    `  per frame with drawing (${f.pageRafWorkMs.count} frames)`);
  if (f.longTasks.supported) {
    out.push(`  long tasks       ${f.longTasks.count} (>50 ms), max ${ms(f.longTasks.maxMs)}, ` +
      `${(100 * f.longTasks.blockedShare).toFixed(1)}% of the window`);
  } else {
    out.push('  long tasks       PerformanceObserver "longtask" not supported in this browser');
  }
  out.push('');
  out.push(...formatFirst(r.first));
  out.push(`  on the way: DOMContentLoaded median ${ms(r.ready.domContentLoadedMedianMs)}; first boundaries max ${ms(r.ready.max)}` +
    ` (goal median <= ${g.firstBoundaries.goalMs} ms: ${met(g.firstBoundaries.met)}, max: ${met(g.firstBoundaries.maxMet)})`);
  out.push(`  ${formatSettingApply(r.apply)}`);
  out.push('');
  out.push(...formatSpreads(r.spreads));
  out.push('');
  out.push('training speed per network (steps/s):');
  out.push('  network        shown on card (median)   counted from step numbers   step at end');
  for (const n of r.networks) {
    out.push(`  ${n.name.padEnd(14)} ${int(n.stepsShownPerSecond.median).padStart(22)}   ${int(n.stepsCountedPerSecond).padStart(25)}   ` +
      `${int(n.stepAtEnd).padStart(11)}${n.diverged ? '  (diverged)' : ''}`);
  }
  out.push('  shown: the worker\'s training time only (capacity); counted: actual progress, paced at');
  out.push(`  ${r.stepsPerFrame} steps per tick and ~60 ticks/s (at most ~${int(r.stepsPerFrame * 60)} steps/s).`);
  out.push('');
  const t = r.transfer;
  out.push(`transfer (the measured page: load plus ${f.windowSeconds.toFixed(0)} s; gzip = zlib level 9 per body, summed):`);
  for (const file of t.files) {
    out.push(`  ${file.path.padEnd(34)} ${String(file.status).padStart(3)} ${file.type.padEnd(16)} ${int(file.raw).padStart(9)} raw ` +
      `${int(file.gzip).padStart(8)} gzip${file.requests > 1 ? ` (${file.requests} requests)` : ''}`);
  }
  out.push(`  total: ${t.files.length} files, ${kb(t.rawBytes)} raw, ${kb(t.gzipBytes)} gzipped` +
    `   goal <= ${kb(GOALS.transferGzipBytes)} gzipped: ${met(g.transfer.met)}`);
  out.push(`  origin: ${t.browserRequests} browser requests, ${t.serverResponses} server responses; ` +
    (t.offOriginRequests.length ? `${t.offOriginRequests.length} LEFT the origin: ${t.offOriginRequests.join(', ')}` : 'none left the origin'));
  if (r.embed) out.push('', formatFirstFigureBytes(r.embed));
  if (r.seedPool) out.push('', formatSeedPool(r.seedPool));
  if (r.pageErrors.length) out.push(`\npage errors: ${r.pageErrors.join(' | ')}`);
  if (r.profile) {
    out.push('');
    out.push(`main-thread CPU profile (${r.profile.seconds.toFixed(1)} s, V8 sampling; "(program)" is mostly rendering):`);
    out.push('  self time:');
    for (const e of r.profile.self) out.push(`    ${(100 * e.share).toFixed(1).padStart(5)}%  ${e.name}`);
    out.push('  inclusive time:');
    for (const e of r.profile.inclusive) out.push(`    ${(100 * e.share).toFixed(1).padStart(5)}%  ${e.name}`);
  }
  console.log(out.join('\n'));
}
