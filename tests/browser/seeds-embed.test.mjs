// figure=seeds on a blog of another origin under the host CSP: two seeds figures on one page
// share one seed pool (its workers started from blob: URLs that load build/seed-worker.js, as the
// lab's worker is), and both finish their seeds with the same numbers for the same settings: the
// core's, trained here in Node for each seed (core-oracle.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedSession, openPage } from './embed-session.mjs';
import { coreRace, settingsOfHash } from './core-oracle.mjs';

const session = embedSession();
const SETTINGS = 'dataset=circle&amp;hidden=8,8&amp;members=tanh,relu&amp;seeds=3&amp;seedSteps=200&amp;seedWorkers=1';

const readFigure = (page, nth) => page.evaluate((i) => {
  const root = document.querySelectorAll('activation-lab')[i].shadowRoot.querySelector('.al-seeds');
  return { ...root.dataset, rows: [...root.querySelectorAll('tr[data-seed]')].map((tr) => [tr.dataset.seed, tr.dataset.activation,
    tr.dataset.trainAccuracy, tr.dataset.testAccuracy, tr.dataset.ratio]) };
}, nth);

/**
 * Each row (seed, activation, train and test accuracy, first/last gradient ratio) is the core's:
 * the settings' race with that seed, trained for seedSteps steps (web/worker/seed-run.js).
 */
async function assertRowsMatchCore(rows) {
  const settings = await settingsOfHash(SETTINGS.replaceAll('&amp;', '&'));
  const { seedSteps } = Object.fromEntries(new URLSearchParams(SETTINGS.replaceAll('&amp;', '&')));
  for (const seed of new Set(rows.map(([s]) => Number(s)))) {
    const core = await coreRace({ ...settings, config: { ...settings.config, seed } }, Number(seedSteps));
    try {
      for (const [, name, train, test, ratio] of rows.filter(([s]) => Number(s) === seed)) {
        const { metrics, firstLastGradRatio } = core[name].diagnostics;
        const what = `seed ${seed}, ${name} after ${seedSteps} steps`;
        assert.equal(Number(train), metrics.trainAccuracy, `${what}: train accuracy`);
        assert.equal(Number(test), metrics.testAccuracy, `${what}: test accuracy`);
        assert.equal(Number(ratio), firstLastGradRatio, `${what}: first/last gradient ratio`);
      }
    } finally {
      core.done();
    }
  }
}

test('two seeds figures on another origin share one pool of blob: workers and both finish', { timeout: 120_000 }, async () => {
  const url = await session.writePost('seeds.html', `<script src="${session.lab}embed/activation-lab.js"></script>
    <activation-lab figure="seeds" settings="${SETTINGS}"></activation-lab>
    <activation-lab figure="seeds" settings="${SETTINGS}"></activation-lab>`);
  const { context, page, errors, requests } = await openPage(session.browser, url, { viewport: { width: 800, height: 6000 } });
  try {
    await page.waitForFunction(() => [...document.querySelectorAll('activation-lab')].every(
      (el) => el.shadowRoot?.querySelector('.al-seeds')?.dataset.state === 'done'), null, { timeout: 90_000 });
    const [a, b] = [await readFigure(page, 0), await readFigure(page, 1)];
    assert.equal(a.done, '3');
    assert.equal(a.failed, '0');
    assert.equal(a.rows.length, 6);
    assert.deepEqual(b.rows, a.rows);
    await assertRowsMatchCore(a.rows);
    // One pool of one worker (seedWorkers=1): the bundle was fetched once, by that one worker.
    assert.equal(requests.filter((r) => r === `${session.lab}build/seed-worker.js`).length, 1);
    // One compile for the page: the lab's worker and the pool's worker share the hub's module.
    assert.equal(requests.filter((r) => r === `${session.lab}build/actlab.wasm`).length, 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
