// The across-seeds section in the page (issue 17 items 1 and 4): for the default settings it
// completes 20 seeds in a pool of two workers, every per-seed point (read from the figure's data-*
// hooks) equals what the native CLI's `actlab sweep` writes for the same config and seed, the live
// race's step count keeps growing meanwhile, and a malformed sweep file, dropped or picked, is
// reported line by line while its good rows are drawn. Small step budgets (seedSteps) keep it short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/serve.mjs';
import { labSession, openLab, readHashParams } from './lab-page.mjs';

const CLI = path.join(REPO_ROOT, 'build-native/actlab');
const SEEDS = 20;
const STEPS = 3000;  // long enough that the live race's progress during the seeds shows under load
const SEEDS_TIMEOUT_MS = 240_000;
const lab = labSession();

/** The CLI's rows for the page's config (the hash's values of the config fields), per activation and seed. */
function cliSweep(params, members, firstSeed) {
  if (!existsSync(CLI)) throw new Error(`${path.relative(REPO_ROOT, CLI)} is missing: run 'bash scripts/build-native.sh'`);
  const fields = JSON.parse(execFileSync(CLI, ['train', '--json', '--steps', '1'], { encoding: 'utf8' })).config;
  const flags = Object.keys(fields).filter((k) => k !== 'seed' && k !== 'activation' && k in params && params[k] !== '')
    .flatMap((k) => [`--${k}`, params[k]]);
  const out = execFileSync(CLI, ['sweep', '--set', `activation=${members.join(';')}`, '--seeds', `${firstSeed}-${firstSeed + SEEDS - 1}`,
    '--steps', String(STEPS), '--every', '100', '--threads', '2', ...flags], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return out.trim().split('\n').map((line) => JSON.parse(line));
}

/** {seed|activation: {trainAccuracy, ..., stepsToReach}} from the CLI's checkpoint rows. */
function cliPoints(rows) {
  const points = {};
  for (const row of rows) {
    const key = `${row.config.seed}|${row.config.activation}`;
    const p = points[key] ??= { stepsToReach: 'never' };
    if (p.stepsToReach === 'never' && row.metrics.train_accuracy >= 0.9) p.stepsToReach = String(row.steps_requested);
    if (row.steps_requested === STEPS) {
      Object.assign(p, {
        trainAccuracy: row.metrics.train_accuracy, testAccuracy: row.metrics.test_accuracy,
        ratio: row.diagnostics.first_last_grad_ratio, zeroFraction: row.diagnostics.zero_fraction, deadUnits: row.diagnostics.dead_units,
      });
    }
  }
  return points;
}

const readPagePoints = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll(
  '#seeds-view .al-seeds-group[data-group="0"] tr[data-seed]')].map((tr) => [`${tr.dataset.seed}|${tr.dataset.activation}`, { ...tr.dataset }])));

const seedsState = (page) => page.evaluate(() => ({ ...document.querySelector('#seeds-view .al-seeds')?.dataset }));

test('20 seeds in two workers equal the CLI\'s sweep, and the live race keeps training meanwhile', { timeout: 300_000 }, async () => {
  const { context, page, errors } = await openLab(lab.browser, lab.url,
    { hash: `#seeds=${SEEDS}&seedSteps=${STEPS}&seedWorkers=2` });
  try {
    // The live race under way first; then its step count at every seed the pool finishes.
    await page.waitForFunction(() => window.activationLab.lastFrame?.members.every((m) => m.step > 0));
    // Sampled on every animation frame while the seeds run (the figure itself redraws only every
    // 250 ms, web/session/seeds-controller.js).
    await page.evaluate(() => {
      const root = document.querySelector('#seeds-view .al-seeds');
      window.__liveStepAtSeed = [];
      const sample = () => {
        if (root.dataset.state === 'running') window.__liveStepAtSeed.push(Math.min(...window.activationLab.lastFrame.members.map((m) => m.step)));
        if (root.dataset.state !== 'done') requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await page.locator('#seeds-view').scrollIntoViewIfNeeded();
    // A live count while it runs, then every seed done.
    await page.waitForFunction((n) => document.querySelector('#seeds-view [data-field=count]')?.textContent.includes(`of ${n} seeds done`), SEEDS);
    await page.waitForFunction(() => document.querySelector('#seeds-view .al-seeds')?.dataset.state === 'done', null, { timeout: SEEDS_TIMEOUT_MS });
    const liveSteps = await page.evaluate(() => window.__liveStepAtSeed);
    assert.ok(liveSteps.at(-1) > liveSteps[0], `the live race advanced while the seeds trained (${liveSteps.join(' ')})`);
    assert.deepEqual(await seedsState(page), { state: 'done', done: String(SEEDS), total: String(SEEDS), failed: '0' });
    assert.equal(await page.evaluate(() => window.activationLabSeeds.pool().size), 2);
    // The workers instantiate the page's one compiled module (web/worker/wasm-handoff.js) and compile none.
    assert.deepEqual(await page.evaluate(() => { const { workers, compiles } = window.activationLabSeeds.pool().stats(); return { workers, compiles }; }),
      { workers: 2, compiles: 0 });

    const params = await readHashParams(page);
    const members = params.members.split(',');
    const pagePoints = await readPagePoints(page);
    const cli = cliPoints(cliSweep(params, members, Number(params.seed)));
    assert.equal(Object.keys(pagePoints).length, SEEDS * members.length);
    assert.deepEqual(Object.keys(pagePoints).sort(), Object.keys(cli).sort());
    for (const [key, want] of Object.entries(cli)) {
      const got = pagePoints[key];
      const f = (v) => Math.fround(Number(v));
      assert.equal(Number(got.trainAccuracy), want.trainAccuracy, `${key} train accuracy`);
      assert.equal(Number(got.testAccuracy), want.testAccuracy, `${key} test accuracy`);
      assert.equal(got.stepsToReach, want.stepsToReach, `${key} steps to 90%`);
      assert.equal(f(got.ratio), f(want.ratio), `${key} first/last ratio`);
      assert.equal(f(got.zeroFraction), f(want.zeroFraction), `${key} zero share`);
      assert.equal(Number(got.deadUnits), want.deadUnits, `${key} dead units`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

const GOOD = (seed, steps, train) => JSON.stringify({
  row: seed, config: { seed, activation: 'relu', learningRate: 0.5 }, steps_requested: steps, steps, diverged: false,
  metrics: { train_loss: 0.1, test_loss: 0.1, train_accuracy: train, test_accuracy: 0.8 },
  diagnostics: { first_last_grad_ratio: 0.5, zero_fraction: 0.3, dead_units: 1, saturated_fraction: 0 },
});
const SWEEP = [GOOD(1, 100, 0.5), 'this is not json', GOOD(1, 200, 0.95), '{"row": 9}', GOOD(2, 200, 0.7)].join('\n');

for (const way of ['file picker', 'drop']) {
  test(`a malformed sweep file by ${way}: bad lines reported by number, the good rows grouped apart from the page's`, { timeout: 60_000 }, async () => {
    const { context, page, errors } = await openLab(lab.browser, lab.url, { hash: '#seeds=1&seedSteps=100&seedWorkers=1' });
    try {
      await page.waitForFunction(() => window.activationLabSeeds);
      if (way === 'file picker') {
        await page.locator('#seeds-view [data-field=file]').setInputFiles({ name: 'sweep.jsonl', mimeType: 'application/json', buffer: Buffer.from(SWEEP) });
      } else {
        await page.evaluate((text) => {
          const data = new DataTransfer();
          data.items.add(new File([text], 'sweep.jsonl'));
          document.querySelector('#seeds-view .al-seeds').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        }, SWEEP);
      }
      await page.waitForFunction(() => document.querySelectorAll('#seeds-view [data-field=problems] li').length > 0);
      const problems = await page.evaluate(() => [...document.querySelectorAll('#seeds-view [data-field=problems] li')].map((li) => li.dataset.line));
      assert.deepEqual(problems, ['2', '4']);
      const group = await page.evaluate(() => {
        const box = [...document.querySelectorAll('#seeds-view .al-seeds-group')].at(-1);
        return { matches: box.dataset.matches, differs: box.querySelector('.al-seeds-differs').textContent,
          rows: [...box.querySelectorAll('tr[data-seed]')].map((tr) => [tr.dataset.seed, tr.dataset.stepsToReach, tr.dataset.trainAccuracy]) };
      });
      assert.equal(group.matches, 'false');
      assert.match(group.differs, /learningRate 0\.5/);
      assert.deepEqual(group.rows, [['1', '200', '0.95'], ['2', 'never', '0.7']]);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('cancelling, or changing a setting, terminates the busy seed workers at once', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openLab(lab.browser, lab.url, { hash: '#seeds=5&seedSteps=100000&seedWorkers=1' });
  try {
    await page.locator('#seeds-view').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.activationLabSeeds?.pool().stats().busy === 1);
    // A setting changes: the busy worker is terminated and a new one starts on the new settings.
    await page.evaluate(() => window.activationLab.state.set({ learningRate: 0.1 }, { byHand: true }));
    const afterChange = await page.evaluate(() => window.activationLabSeeds.pool().stats());
    assert.deepEqual(afterChange, { workers: 1, busy: 1, queued: 4, started: 2, compiles: 0 });
    assert.equal(await page.evaluate(() => window.activationLabSeeds.controller.settings.config.learningRate), 0.1);
    await page.click('#seeds-view [data-field=cancel]');
    assert.deepEqual(await page.evaluate(() => window.activationLabSeeds.pool().stats()), { workers: 0, busy: 0, queued: 0, started: 2, compiles: 0 });
    assert.equal(await page.evaluate(() => document.querySelector('#seeds-view .al-seeds').dataset.state), 'cancelled');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the figure\'s results export as CSV (every point) and PNG', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openLab(lab.browser, lab.url, { hash: '#seeds=1&seedSteps=100&seedWorkers=1' });
  try {
    await page.waitForFunction(() => window.activationLabSeeds);
    await page.locator('#seeds-view [data-field=file]').setInputFiles({ name: 'sweep.jsonl', mimeType: 'application/json', buffer: Buffer.from(SWEEP) });
    await page.waitForFunction(() => document.querySelectorAll('#seeds-view tr[data-seed]').length === 2);
    const download = async (field) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`#seeds-view [data-field=${field}]`)]);
      const chunks = [];
      for await (const chunk of await file.createReadStream()) chunks.push(chunk);
      return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
    };
    const csv = await download('export-csv');
    assert.equal(csv.name, 'activation-lab-seeds.csv');
    const lines = csv.bytes.toString('utf8').trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[1], /^sweep\.jsonl: other settings,1,relu,200,0\.95,0\.8,200,0\.5,0\.3,1,false,$/);
    assert.match(lines[2], /,2,relu,200,0\.7,0\.8,never,/);
    const png = await download('export-png');
    assert.equal(png.name, 'activation-lab-seeds.png');
    assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
