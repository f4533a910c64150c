// The report of scripts/bench-page.mjs: its figures computed from what the page recorded, its goals
// set against them, and the text it prints (the JSON is the report object itself).
import { formatSpreads } from './bench-page-spread.mjs';
import { formatFirstFigureBytes } from './bench-embed.mjs';
import { formatSettingApply } from './bench-apply.mjs';
import { formatFirst, FIRST_GOALS } from './bench-first.mjs';
import { formatSeedPool } from './bench-seed-pool.mjs';
import { gzipSync } from 'node:zlib';
import { median, quantile, summary } from './bench-page-probes.mjs';

// Issue 4's goals ("Speed"); the first picture's are bench-first.mjs's FIRST_GOALS.
export const PAGE_GOALS = Object.freeze({ frameP95Ms: 20, transferGzipBytes: 250_000 });

/** Adds report.ready (the loads' medians) and report.goals (each goal, its figure and whether it is met). */
export function addGoals(report) {
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
  report.goals = report.quick ? firstGoals : {
    ...firstGoals,
    frameP95: { goalMs: PAGE_GOALS.frameP95Ms, valueMs: report.frames.rafDeltaMs.p95,
      met: report.frames.rafDeltaMs.p95 <= PAGE_GOALS.frameP95Ms },
    transfer: { goalGzipBytes: PAGE_GOALS.transferGzipBytes, gzipBytes: report.transfer.gzipBytes,
      met: report.transfer.gzipBytes <= PAGE_GOALS.transferGzipBytes },
    sameOrigin: { met: report.transfer.offOriginRequests.length === 0 },
  };
}

/** Frame figures of the timed window, from readWindow's deltas, page rAF work and long tasks. */
export function framesReport(win, windowMs) {
  const longTasks = win.longTaskSupported
    ? { supported: true, count: win.longTasks.length, totalMs: win.longTasks.reduce((a, b) => a + b, 0),
        maxMs: win.longTasks.length ? Math.max(...win.longTasks) : 0, p95Ms: quantile(win.longTasks, 0.95) }
    : { supported: false };
  longTasks.blockedShare = longTasks.supported ? longTasks.totalMs / windowMs : undefined;
  return {
    windowSeconds: windowMs / 1000,
    rafDeltaMs: summary(win.deltas),
    framesPerSecond: win.deltas.length / (windowMs / 1000),
    over20Ms: win.deltas.filter((d) => d > PAGE_GOALS.frameP95Ms).length,
    pageRafWorkMs: summary(win.work),
    longTasks,
  };
}

/** Each network's steps/s over samples of readCards [{t, cards}]: as its card shows it, and as counted. */
export function networksReport(samples) {
  const first = samples[0], last = samples.at(-1);
  return last.cards.map((card) => {
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
}

/** Bytes the server sent ({path, status, type, chunks} per response), by file, and requests that left `origin`. */
export function transferReport(served, requests, origin) {
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
  return {
    files: list,
    rawBytes: list.reduce((a, f) => a + f.raw, 0),
    gzipBytes: list.reduce((a, f) => a + f.gzip, 0),
    serverResponses: served.length,
    browserRequests: requests.length,
    offOriginRequests: requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin),
  };
}

const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
const kb = (v) => `${(v / 1000).toFixed(1)} KB`;
const met = (ok) => (ok ? 'met' : 'NOT met');
const int = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : 'n/a');
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
const loads = (l) => l.map((v) => v.toFixed(2)).join(' ');

/** The command, machine, browser and page lines; `viewport` adds the window size to the browser's. */
export function headerLines(r, viewport = null) {
  const size = viewport ? `, ${viewport.width}x${viewport.height}` : '';
  return [
    `command:  ${r.command_line}   (npm run bench:page -- [flags])`,
    `machine:  ${r.machine.cpu}, nproc ${r.machine.nproc}, load average ${loads(r.machine.loadavgBefore)} before, ` +
      `${loads(r.machine.loadavgAfter)} after (1/5/15 min)`,
    `browser:  Chromium ${r.machine.chromium} headless (tests/browser/chromium.mjs flags)${size}, Node ${r.machine.node}`,
    `page:     ${r.setup.url}`,
  ];
}

function frameLines(r) {
  const f = r.frames, g = r.goals;
  const out = [
    `frames (main thread, ${f.windowSeconds.toFixed(1)} s window after ready; baseline: blank page, ${r.setup.baselineSeconds} s, same browser):`,
    `  rAF delta        p50 ${ms(f.rafDeltaMs.p50)}  p95 ${ms(f.rafDeltaMs.p95)}  max ${ms(f.rafDeltaMs.max)}  ` +
      `(${f.framesPerSecond.toFixed(1)} frames/s, ${f.over20Ms} of ${f.rafDeltaMs.count} over 20 ms)` +
      `   goal p95 <= ${PAGE_GOALS.frameP95Ms} ms: ${met(g.frameP95.met)}`,
    `  blank baseline   p50 ${ms(r.baseline.p50)}  p95 ${ms(r.baseline.p95)}  max ${ms(r.baseline.max)}` +
      `   page/baseline p95 ${ratio(f.rafDeltaMs.p95, r.baseline.p95)}`,
    `  page rAF work    p50 ${ms(f.pageRafWorkMs.p50)}  p95 ${ms(f.pageRafWorkMs.p95)}  max ${ms(f.pageRafWorkMs.max)}` +
      `  per frame with drawing (${f.pageRafWorkMs.count} frames)`,
  ];
  out.push(f.longTasks.supported
    ? `  long tasks       ${f.longTasks.count} (>50 ms), max ${ms(f.longTasks.maxMs)}, ` +
      `${(100 * f.longTasks.blockedShare).toFixed(1)}% of the window`
    : '  long tasks       PerformanceObserver "longtask" not supported in this browser');
  return out;
}

function firstLines(r) {
  const g = r.goals;
  return [
    ...formatFirst(r.first),
    `  on the way: DOMContentLoaded median ${ms(r.ready.domContentLoadedMedianMs)}; first boundaries max ${ms(r.ready.max)}` +
      ` (goal median <= ${g.firstBoundaries.goalMs} ms: ${met(g.firstBoundaries.met)}, max: ${met(g.firstBoundaries.maxMet)})`,
    `  ${formatSettingApply(r.apply)}`,
  ];
}

function speedLines(r) {
  return [
    'training speed per network (steps/s):',
    '  network        shown on card (median)   counted from step numbers   step at end',
    ...r.networks.map((n) => `  ${n.name.padEnd(14)} ${int(n.stepsShownPerSecond.median).padStart(22)}   ` +
      `${int(n.stepsCountedPerSecond).padStart(25)}   ${int(n.stepAtEnd).padStart(11)}${n.diverged ? '  (diverged)' : ''}`),
    '  shown: the worker\'s training time only (capacity); counted: actual progress, paced at',
    `  ${r.stepsPerFrame} steps per tick and ~60 ticks/s (at most ~${int(r.stepsPerFrame * 60)} steps/s).`,
  ];
}

function transferLines(r) {
  const t = r.transfer;
  return [
    `transfer (the measured page: load plus ${r.frames.windowSeconds.toFixed(0)} s; gzip = zlib level 9 per body, summed):`,
    ...t.files.map((file) => `  ${file.path.padEnd(34)} ${String(file.status).padStart(3)} ${file.type.padEnd(16)} ` +
      `${int(file.raw).padStart(9)} raw ${int(file.gzip).padStart(8)} gzip${file.requests > 1 ? ` (${file.requests} requests)` : ''}`),
    `  total: ${t.files.length} files, ${kb(t.rawBytes)} raw, ${kb(t.gzipBytes)} gzipped` +
      `   goal <= ${kb(PAGE_GOALS.transferGzipBytes)} gzipped: ${met(r.goals.transfer.met)}`,
    `  origin: ${t.browserRequests} browser requests, ${t.serverResponses} server responses; ` +
      (t.offOriginRequests.length ? `${t.offOriginRequests.length} LEFT the origin: ${t.offOriginRequests.join(', ')}` : 'none left the origin'),
  ];
}

function profileLines(p) {
  return [
    `main-thread CPU profile (${p.seconds.toFixed(1)} s, V8 sampling; "(program)" is mostly rendering):`,
    '  self time:',
    ...p.self.map((e) => `    ${(100 * e.share).toFixed(1).padStart(5)}%  ${e.name}`),
    '  inclusive time:',
    ...p.inclusive.map((e) => `    ${(100 * e.share).toFixed(1).padStart(5)}%  ${e.name}`),
  ];
}

/** The whole text report of a full run (not --quick). */
export function formatPageReport(r, viewport) {
  const out = [
    ...headerLines(r, viewport),
    `          served by scripts/serve.mjs with CSP "${r.setup.csp}"; steps per frame ${r.stepsPerFrame}`,
    '', ...frameLines(r),
    '', ...firstLines(r),
    '', ...formatSpreads(r.spreads),
    '', ...speedLines(r),
    '', ...transferLines(r),
  ];
  if (r.embed) out.push('', formatFirstFigureBytes(r.embed));
  if (r.seedPool) out.push('', formatSeedPool(r.seedPool, r.seedPoolDefaultRun));
  if (r.pageErrors.length) out.push(`\npage errors: ${r.pageErrors.join(' | ')}`);
  if (r.profile) out.push('', ...profileLines(r.profile));
  return out.join('\n');
}
