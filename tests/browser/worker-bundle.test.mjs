// The classic worker bundle (web/build/lab-worker.js) as an embed on another origin meets it: the
// host page may not start a Worker from the lab's URL, so it starts one from a blob: URL that
// importScripts the bundle, under the host CSP the README asks of embedding pages. The worker must
// find actlab.wasm next to itself (cross-origin, with CORS), compile it and train, and its results
// must be the ES module's (web/lab/actlab.js in Node) for the same race, bit for bit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectErrors, launchChromium, withServer } from './chromium.mjs';
import { coreRace } from './core-oracle.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('the classic worker bundle trains from a blob: worker on another origin, under the host CSP, as the ES module does', async () => {
  const browser = await launchChromium();
  try {
    await withServer({}, async (labUrl) => {
      const hostCsp = `script-src 'self' ${new URL(labUrl).origin} 'wasm-unsafe-eval'; worker-src blob:`;
      await withServer({ root: FIXTURES, csp: hostCsp }, async (hostUrl) => {
        assert.notEqual(new URL(hostUrl).origin, new URL(labUrl).origin, 'two origins');
        const page = await browser.newPage();
        const errors = collectErrors(page);
        await page.goto(`${hostUrl}blob-worker-host.html?lab=${encodeURIComponent(labUrl)}`);
        await page.locator('#result[data-done="true"]').waitFor({ timeout: 20000 });
        const report = JSON.parse(await page.textContent('#result'));
        assert.equal(report.failed, undefined, report.failed);
        assert.deepEqual(report.seen.slice(0, 2), ['ready', 'run-started']);
        assert.deepEqual(report.steps, [5, 5]);
        // The race the fixture configures (blob-worker-host.js), through the ES module here.
        const core = await coreRace({ config: { hidden: [4], seed: 2 }, members: ['sigmoid', 'relu'] }, 5);
        try {
          ['sigmoid', 'relu'].forEach((name, i) => {
            const want = core[name].metrics;
            assert.equal(report.metrics[i].trainAccuracy, want.trainAccuracy, `${name} train accuracy`);
            assert.equal(report.metrics[i].testAccuracy, want.testAccuracy, `${name} test accuracy`);
            for (const key of ['trainLoss', 'testLoss']) {
              assert.ok(Math.abs(report.metrics[i][key] - want[key]) <= 1e-12 * Math.max(1, want[key]), `${name} ${key}: ${report.metrics[i][key]}, the module ${want[key]}`);
            }
            const side = report.gridSides[i];
            assert.ok(side >= 16, `${name}: a grid of side ${side}`);
            const grid = Array.from(core[name].grid(side)).filter((_, k) => k % 61 === 0);
            assert.deepEqual(report.gridSamples[i], grid, `${name}: the grid, bit for bit`);
          });
        } finally {
          core.done();
        }
        assert.deepEqual(errors, []);
      });
    });
  } finally {
    await browser.close();
  }
});
