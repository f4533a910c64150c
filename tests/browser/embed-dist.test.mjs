// dist/ from scripts/build-dist.mjs works as a plain static folder: the lab page, and the example
// blog post with its three figures, served with no CSP and no oEmbed (as a static host would).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildDist } from '../../scripts/build-dist.mjs';
import { launchChromium, withServer } from './chromium.mjs';
import { openPage, DRAW_TIMEOUT_MS } from './embed-session.mjs';
import { waitForReady } from './lab-page.mjs';

test('dist/ serves the lab and a blog post with three live figures from a static folder', async () => {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'actlab-dist-'));
  const browser = await launchChromium();
  try {
    await buildDist({ out, baseUrl: 'https://example.github.io/lab/' });
    const embed = await fs.readFile(path.join(out, 'embed.html'), 'utf8');
    assert.match(embed, /<meta property="og:image" content="https:\/\/example\.github\.io\/lab\/embed\/card\.png">/);
    assert.equal(JSON.parse(await fs.readFile(path.join(out, 'oembed.json'), 'utf8')).type, 'rich');
    await withServer({ root: out, csp: null }, async (url) => {
      const lab = await openPage(browser, url, { viewport: { width: 1280, height: 900 } });
      await waitForReady(lab.page);
      assert.deepEqual(lab.errors, []);
      await lab.context.close();

      const blog = await openPage(browser, `${url}examples/blog-post.html`, { viewport: { width: 800, height: 6000 } });
      await Promise.all([0, 1, 2].map((i) => blog.page.locator('activation-lab').nth(i).locator('[data-drawn="true"], .al-why-ratio, [data-field="forward-ns"]')
        .filter({ hasNotText: '–' }).first().waitFor({ timeout: 3 * DRAW_TIMEOUT_MS })));
      assert.deepEqual(await blog.page.evaluate(() => customElements.get('activation-lab').stats()), { workers: 1, modules: 1, figures: 3 });
      // The figure code is one bundled module in dist/: no request for the separate views.
      assert.equal(blog.requests.filter((r) => r.includes('/views/') || r.includes('/app/')).length, 0, blog.requests.join('\n'));
      assert.deepEqual(blog.errors, []);
      await blog.context.close();
    });
  } finally {
    await browser.close();
    await fs.rm(out, { recursive: true, force: true });
  }
});
