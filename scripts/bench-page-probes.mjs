// The probes of scripts/bench-page.mjs: what it runs inside the page (an init script and two
// readers, passed to page.evaluate, so they must stay self-contained), the main thread's V8 CPU
// profile over a window, and the small statistics its figures use.

// ---- statistics ------------------------------------------------------------------------------------
const sorted = (v) => [...v].sort((a, b) => a - b);
export function quantile(values, q) {
  if (!values.length) return NaN;
  const s = sorted(values), pos = (s.length - 1) * q, lo = Math.floor(pos), hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
export const median = (v) => quantile(v, 0.5);
export const summary = (v) => ({ count: v.length, p50: median(v), p95: quantile(v, 0.95), max: v.length ? Math.max(...v) : NaN,
  mean: v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN });
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- what runs in the page before any of its own scripts ------------------------------------------
// Records rAF timestamps (the bench's own loop, registered first, so it runs first in each frame),
// the duration of every other rAF callback (the page's drawing) keyed by frame, long tasks, and the
// moments <html> gets data-run and data-ready="true". performance.now() counts from navigation start.
export function instrument() {
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
export function readCards() {
  return [...document.querySelectorAll('#race-cards [data-member]')].map((card) => {
    const num = (f) => {
      const v = card.querySelector(`[data-field="${f}"]`)?.dataset.value;
      return v === undefined ? NaN : Number(v);
    };
    return { name: card.dataset.member, step: num('step'), stepsPerSecond: num('steps-per-second'),
      diverged: card.dataset.diverged === 'true' };
  });
}
export function readWindow([from, to]) {
  const b = window.__bench;
  const frames = b.frames.filter((t) => t >= from && t <= to);
  const deltas = frames.slice(1).map((t, i) => t - frames[i]);
  const work = [...b.work].filter(([t]) => t >= from && t <= to).map(([, ms]) => ms);
  const longTasks = b.longTasks.filter(([t]) => t >= from && t <= to).map(([, d]) => d);
  return { deltas, work, longTasks, longTaskSupported: b.longTaskSupported };
}

// ---- the V8 CPU profile of the main thread ---------------------------------------------------------
/** Self and inclusive time of the page's main thread over `seconds`; URLs of `origin` shortened. */
export async function profileMainThread(page, seconds, origin) {
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
