// A blog embed is a sandboxed iframe with an opaque origin ('null'): module scripts and the .wasm
// fetch are cross-origin requests there, which the server's Access-Control-Allow-Origin: * allows.
// The lab's ES module API must load there under the strict CSP, compile the separate .wasm and train.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../../scripts/serve.mjs';
import { collectErrors, launchChromium, withServer } from './chromium.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('the lab module trains inside a sandboxed (opaque-origin) iframe under the strict CSP', async () => {
  const browser = await launchChromium();
  try {
    await withServer({ root: FIXTURES, mounts: { '/build': path.join(REPO_ROOT, 'web', 'build'), '/lab': path.join(REPO_ROOT, 'web', 'lab') } }, async (url) => {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await page.goto(new URL('sandboxed-host.html', url).href);
      await page.locator('#result[data-done="true"]').waitFor({ timeout: 20000 });
      const report = JSON.parse(await page.textContent('#result'));
      assert.equal(report.failed, undefined, report.failed);
      assert.equal(report.origin, 'null');  // really sandboxed
      assert.equal(report.steps, 300);
      assert.ok(report.lossLast < report.lossFirst, `loss ${report.lossFirst} -> ${report.lossLast}`);
      assert.ok(report.trainAccuracy > 0.8, `accuracy ${report.trainAccuracy}`);
      assert.equal(report.cells, 2 * 32 * 32);
      assert.match(report.error, /^hidden\[0\]: 100 is out of range \[1, 64\]/);
      assert.deepEqual(errors, []);
    });
  } finally {
    await browser.close();
  }
});
