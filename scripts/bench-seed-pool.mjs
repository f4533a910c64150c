// The across-seeds pool's scaling (issue 17, "Speed"), for `npm run bench:page`: the same seeds
// trained by the page's seed pool with 1 worker and with N (the cores the browser reports), the
// live race paused (#playing=false), timed in the page from the pool's start to its last seed.
// Goal: N workers give at least 0.8 x N the throughput of one. A benchmark: it never fails.
//   measureSeedPool(browser, url, {seeds, steps}) -> {cores, runs: [{workers, seconds, seedStepsPerSecond}], speedup}
const TIMEOUT_MS = 600_000;

async function timePool(browser, url, { workers, seeds, steps }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${url}#playing=false&seeds=${seeds}&seedSteps=${steps}&seedWorkers=${workers}`);
    await page.waitForFunction(() => window.activationLabSeeds, null, { timeout: 30_000 });
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

export async function measureSeedPool(browser, url, { seeds = 8, steps = 2000 } = {}) {
  const one = await timePool(browser, url, { workers: 1, seeds, steps });
  const cores = one.cores;
  const runs = [one];
  if (cores > 1) runs.push(await timePool(browser, url, { workers: cores, seeds, steps }));
  const last = runs[runs.length - 1];
  return { cores, seeds, steps, runs, speedup: last.seedStepsPerSecond / one.seedStepsPerSecond, workers: last.workers };
}

export function formatSeedPool(r) {
  if (r.error) return `seed pool scaling: not measured (${r.error})`;
  const lines = [`seed pool scaling (across-seeds figure; ${r.seeds} seeds x ${r.steps.toLocaleString('en-US')} steps, ` +
    `live race paused; cores the browser saw: ${r.cores}):`];
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
