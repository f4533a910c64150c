// Smoke test of the browser test setup itself: Chromium starts, the server sends the strict CSP,
// a same-origin module runs under it, and the page logs no errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CSP, REPO_ROOT } from '../../scripts/serve.mjs';
import { collectErrors, launchChromium, withServer } from './chromium.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const RESULTS = path.join(REPO_ROOT, 'test-results');

test('Chromium loads a static page under the strict CSP without errors', async () => {
  const browser = await launchChromium();
  try {
    await withServer({ root: FIXTURES }, async (url) => {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      const response = await page.goto(new URL('smoke.html', url).href);
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-security-policy'], DEFAULT_CSP);
      // Proves the module executed, so "no errors" is not vacuous.
      await page.locator('#status.ok').waitFor({ timeout: 5000 });
      assert.equal(await page.textContent('#status'), 'module ran');
      await mkdir(RESULTS, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS, 'browser-smoke.png') });
      assert.deepEqual(errors, []);
    });
  } finally {
    await browser.close();
  }
});
