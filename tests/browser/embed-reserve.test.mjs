// The element reserves its figure's box before anything loads (web/embed/activation-lab.js:
// estimateHeight), so a reader who scrolls a post never sees the text jump when a figure arrives:
// every figure, at a phone's and a blog column's width, drawn within 10% of the height it reserved.
// The seeds figure is checked as it arrives: idle, loaded just below the viewport (it runs only
// once seen, and then grows by each finished seed: a reserve of its final height made it shrink
// out of view when it loaded after a jump to it, and it never ran).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedSession, openPage, DRAW_TIMEOUT_MS } from './embed-session.mjs';
import { afterFrames } from './chromium.mjs';
import { poll } from './lab-page.mjs';

const session = embedSession();
const FIGURES = ['race', 'card', 'why', 'cost', 'claims', 'curves', 'depth', 'seeds'];
const WIDTHS = [360, 720];
// A bound, not a goal: the seeds figure trains its seeds first, slowly on a busy two-core machine.
const COMPLETE_TIMEOUT_MS = 120000;

/**
 * The figure is complete: its frame is ready and what fills it in has come (the same signals as
 * embed-fit.test.mjs, and the depth sweep's and the seeds run's end). Runs in the blog page.
 */
function complete() {
  const root = document.querySelector('#fig')?.shadowRoot;
  const frame = root?.querySelector('.alx-figure');
  if (frame?.dataset.ready !== 'true') return false;
  const done = {
    race: () => root.querySelectorAll('.al-card[data-drawn="true"]').length === root.querySelectorAll('.al-card').length,
    card: () => root.querySelector('.al-card[data-drawn="true"]'),
    why: () => root.querySelector('[data-field="why-sentence"][data-step]') && root.querySelector('.alx-ratios li'),
    cost: () => root.querySelector('.al-cost-row [data-field="forward-ns"][data-value]'),
    claims: () => root.querySelector('.al-claims[data-state="measured"]'),
    curves: () => Number(root.querySelector('[data-points]')?.dataset.points) > 0,
    depth: () => root.querySelector('.al-depth[data-done="true"]'),
    seeds: () => root.querySelector('.al-seeds[data-state="idle"]'),
  }[frame.dataset.figure];
  return Boolean(done?.());
}

/** The element's height once complete and unchanged over 30 frames (late text can still wrap). */
async function settledHeight(page) {
  await page.waitForFunction(complete, null, { timeout: COMPLETE_TIMEOUT_MS, polling: 100 });
  return poll(async () => {
    const height = await page.evaluate(() => document.querySelector('#fig').getBoundingClientRect().height);
    await afterFrames(page, 30);
    const again = await page.evaluate(() => document.querySelector('#fig').getBoundingClientRect().height);
    return height === again && height;
  }, { timeout: DRAW_TIMEOUT_MS, what: 'a settled height' });
}

for (const width of WIDTHS) {
  test(`${width} px: every figure is drawn within 10% of the box its element reserved`, { timeout: 600000 }, async () => {
    const failures = [];
    for (const figure of FIGURES) {
      const url = await session.writePost(`reserve-${figure}-${width}.html`,
        `<script src="${session.lab}embed/activation-lab.js"></script><p>Intro.</p><div style="height:3000px"></div>
        <activation-lab id="fig" figure="${figure}"></activation-lab><div style="height:3000px"></div>`);
      const { context, page, errors } = await openPage(session.browser, url, { viewport: { width, height: 900 } });
      try {
        await afterFrames(page, 5);
        const reserved = await page.evaluate(() => document.querySelector('#fig').getBoundingClientRect().height);
        if (figure === 'seeds') {
          // Within the element's lazy-loading margin, not yet in view.
          await page.evaluate(() => scrollTo(0, document.querySelector('#fig').getBoundingClientRect().top + scrollY - innerHeight - 150));
        } else {
          await page.locator('#fig').scrollIntoViewIfNeeded();
        }
        const drawn = await settledHeight(page);
        const shift = Math.abs(drawn - reserved) / drawn;
        if (!(shift < 0.1)) failures.push(`${figure}: reserved ${reserved.toFixed(0)} px, drawn ${drawn.toFixed(0)} px`);
        if (figure === 'seeds') {
          // A jump to the figure (scrolled to its middle) starts its run.
          await page.locator('#fig').scrollIntoViewIfNeeded();
          await page.waitForFunction(() => document.querySelector('#fig').shadowRoot
            .querySelector('.al-seeds:not([data-state="idle"])'), null, { timeout: DRAW_TIMEOUT_MS });
        }
        assert.deepEqual(errors, [], figure);
      } finally {
        await context.close();
      }
    }
    assert.deepEqual(failures, []);
  });
}
