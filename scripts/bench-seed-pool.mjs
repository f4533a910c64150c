// The across-seeds pool's scaling (issue 17, "Speed"), for `npm run bench:page`: the same seeds
// trained by the page's seed pool with 1 worker and with N (the cores the browser reports), the
// live race paused (#playing=false), timed in the page from the pool's start to its last seed
// (after a warm-up that starts every worker, so worker start-up and compiling are not timed).
// Goal: N workers give at least 0.8 x N the throughput of one. A benchmark: it never fails.
// Throughput is measured over THROUGHPUT_SEEDS seeds (a few seconds): a run of the page's default
// 20 seeds lasts well under a second with 2 workers, and the fixed part of any run (its start, the
// last seed's report and draw, each worker's JavaScript warming up) then weighs on the ratio;
// bench-page.mjs prints that default run's ratio too, as a reader meets it.
//   measureSeedPool(browser, url, {seeds, steps, rounds}) -> {cores, runs: [{workers, seconds, seedStepsPerSecond}], speedup}
export const THROUGHPUT_SEEDS = 48;
export const PAGE_DEFAULT_SEEDS = 20;
const TIMEOUT_MS = 600_000;

async function timePool(browser, url, { workers, seeds, steps }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${url}#playing=false&seeds=${seeds}&seedSteps=${steps}&seedWorkers=${workers}`);
    await page.waitForFunction(() => window.activationLabSeeds, null, { timeout: 30_000 });
    // The claims strip is measured in the lab's worker at load: wait for it, so that worker is idle.
    await page.waitForFunction(() => ['cost', 'vanishing', 'sparsity'].every(
      (c) => document.querySelector(`[data-claim="${c}"] [data-value]`)), null, { timeout: 60_000 }).catch(() => {});
    // Warm-up: every worker of the pool started and its module compiled, outside the timed run.
    await page.evaluate((n) => new Promise((resolve) => {
      let left = n;
      const one = () => { left -= 1; if (left === 0) resolve(); };
      window.activationLabSeeds.pool().run({ config: {}, members: ['relu'], steps: 100 },
        Array.from({ length: n }, (_, i) => i + 1), { done: one, failed: one });
    }), workers);
    const result = await page.evaluate(() => new Promise((resolve) => {
      const { controller } = window.activationLabSeeds;
      const root = document.querySelector('#seeds-view .al-seeds');
      const start = performance.now();
      const observer = new MutationObserver(() => {
        if (root.dataset.state !== 'done' && root.dataset.state !== 'cancelled') return;
        observer.disconnect();
        resolve({ ms: performance.now() - start, members: controller.settings.members.length, failed: Number(root.dataset.failed),
          cores: navigator.hardwareConcurrency, poolSize: window.activationLabSeeds.pool().size });
      });
      observer.observe(root, { attributes: true, attributeFilter: ['data-state'] });
      controller.run();
    }), null, { timeout: TIMEOUT_MS });
    return { workers: result.poolSize, cores: result.cores, failed: result.failed, seconds: result.ms / 1000,
      seedStepsPerSecond: (seeds * steps * result.members) / (result.ms / 1000) };
  } finally {
    await context.close();
  }
}

/**
 * 1 worker and N interleaved, `rounds` times each; each count's best round is kept (neighbours on a
 * shared machine only ever slow a round down).
 */
export async function measureSeedPool(browser, url, { seeds = THROUGHPUT_SEEDS, steps = 5000, rounds = 3 } = {}) {
  const best = new Map();
  let cores = 1;
  for (let round = 0; round < rounds; round += 1) {
    for (const workers of round === 0 ? [1] : [1, cores]) {
      const run = await timePool(browser, url, { workers, seeds, steps });
      cores = run.cores;
      if (!best.has(run.workers) || run.seedStepsPerSecond > best.get(run.workers).seedStepsPerSecond) best.set(run.workers, run);
    }
    if (round === 0 && cores > 1) best.set(cores, await timePool(browser, url, { workers: cores, seeds, steps }));
  }
  const runs = [...best.values()].sort((a, b) => a.workers - b.workers);
  const last = runs[runs.length - 1];
  return { cores, seeds, steps, rounds, runs, speedup: last.seedStepsPerSecond / runs[0].seedStepsPerSecond, workers: last.workers };
}

/** The throughput figure (judged against the goal), then the default run's ratio when measured. */
export function formatSeedPool(r, pageDefault = null) {
  const lines = [formatThroughput(r)];
  if (pageDefault && !pageDefault.error && pageDefault.runs.length > 1) {
    lines.push(`  the page's default run, ${pageDefault.seeds} seeds (${pageDefault.runs.at(-1).seconds.toFixed(2)} s with ` +
      `${pageDefault.workers} workers: its start and last report weigh more): ${pageDefault.speedup.toFixed(2)}x`);
  }
  return lines.join('\n');
}

function formatThroughput(r) {
  if (r.error) return `seed pool scaling: not measured (${r.error})`;
  const lines = [`seed pool scaling (across-seeds figure; ${r.seeds} seeds x ${r.steps.toLocaleString('en-US')} steps, ` +
    `live race paused, best of ${r.rounds} interleaved rounds; cores the browser saw: ${r.cores}):`];
  for (const run of r.runs) {
    lines.push(`  ${String(run.workers).padStart(2)} worker${run.workers === 1 ? ' ' : 's'}  ${run.seconds.toFixed(2)} s  ` +
      `${Math.round(run.seedStepsPerSecond).toLocaleString('en-US')} network-steps/s${run.failed ? `  (${run.failed} seeds failed)` : ''}`);
  }
  if (r.runs.length > 1) {
    const goal = 0.8 * r.workers;
    lines.push(`  ${r.workers} vs 1: ${r.speedup.toFixed(2)}x   goal >= ${goal.toFixed(1)}x (0.8 x ${r.workers}): ${r.speedup >= goal ? 'met' : 'NOT met'}`);
  } else {
    lines.push('  one core seen: nothing to scale');
  }
  return lines.join('\n');
}
