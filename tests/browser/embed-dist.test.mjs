// dist/ from scripts/build-dist.mjs works as a plain static folder: the lab page, and the example
// blog post with its three figures, served with no CSP and no oEmbed (as a static host would); and
// its zh-CN/ stand-ins: a Chinese head for link cards, and a hop to the live figure in Chinese.
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
    const chinese = (await import('../../web/i18n/catalogs/zh-CN.js')).default;
    const zhEmbed = await fs.readFile(path.join(out, 'zh-CN', 'embed.html'), 'utf8');
    assert.ok(zhEmbed.includes(`<title data-i18n="meta.embed.title">${chinese['meta.embed.title']}</title>`));
    assert.match(zhEmbed, /<link rel="alternate" type="application\/json\+oembed" href="https:\/\/example\.github\.io\/lab\/oembed-zh-CN\.json"/);
    assert.equal(JSON.parse(await fs.readFile(path.join(out, 'oembed-zh-CN.json'), 'utf8')).title, chinese['embed.oembed.title.race']);
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

      // A shared dist/zh-CN/embed.html link: on to the live figure, in Chinese, its settings kept.
      const zh = await openPage(browser, `${url}zh-CN/embed.html#figure=card&activation=tanh&dataset=circle`);
      await zh.page.waitForFunction(() => document.querySelector('activation-lab')?.shadowRoot
        ?.querySelector('.alx-figure[data-ready="true"]'), null, { timeout: 3 * DRAW_TIMEOUT_MS });
      const shown = await zh.page.evaluate(() => {
        const root = document.querySelector('activation-lab').shadowRoot;
        return { url: location.href, lang: root.querySelector('.alx-figure').lang, link: root.querySelector('.alx-link').textContent,
          htmlLang: document.documentElement.lang, caption: root.querySelector('.alx-caption').textContent };
      });
      assert.equal(shown.url, `${url}embed.html?lang=zh-CN#figure=card&activation=tanh&dataset=circle`);
      assert.deepEqual([shown.lang, shown.htmlLang, shown.link], ['zh-CN', 'zh-CN', chinese['embed.open']]);
      assert.match(shown.caption, /^Tanh：圆环，/);
      assert.deepEqual(zh.errors, []);
      await zh.context.close();
    });
  } finally {
    await browser.close();
    await fs.rm(out, { recursive: true, force: true });
  }
});
