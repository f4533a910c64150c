// "Embed this": the snippets the lab page gives, pasted into a blog on another origin, reproduce
// the lab's run: the same metrics after the same steps, bit for bit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedSession, openPage, DRAW_TIMEOUT_MS } from './embed-session.mjs';
import { waitForReady } from './lab-page.mjs';

const session = embedSession();
const STEPS = 3;            // presses of Step
const STEPS_PER_PRESS = 40;

/** The first element's networks (name, step, metrics) in `target` (a page or a frame), once all reached `step`. */
async function metricsAt(target, step) {
  const handle = await target.waitForFunction((s) => {
    const members = document.querySelector('activation-lab')?.snapshot()?.members ?? [];
    return members.length > 0 && members.every((m) => m.step === s) && members;
  }, step, { timeout: 15000 });
  return handle.jsonValue();
}

test('a snippet from "Embed this", pasted into the blog, gives the lab\'s metrics after the same steps', async () => {
  const hash = `#preset=vanishing&members=sigmoid,relu&playing=false&stepsPerFrame=${STEPS_PER_PRESS}`;
  const lab = await openPage(session.browser, `${session.lab}${hash}`, { viewport: { width: 1280, height: 900 } });
  let snippets;
  let labMetrics;
  try {
    await waitForReady(lab.page);
    for (let i = 0; i < STEPS; i++) await lab.page.click('#step');
    labMetrics = await lab.page.waitForFunction(([s]) => {
      const members = window.activationLab.lastFrame?.members ?? [];
      return members.length === 2 && members.every((m) => m.step === s) && members;
    }, [STEPS * STEPS_PER_PRESS], { timeout: 15000 }).then((h) => h.jsonValue());
    await lab.page.click('#embed-this');
    await lab.page.selectOption('#embed-figure', 'race');
    await lab.page.selectOption('#embed-controls', 'full');
    snippets = {
      element: await lab.page.inputValue('#embed-element'),
      iframe: await lab.page.inputValue('#embed-iframe'),
    };
    // Short: the version key and what differs from its defaults (the lab writes every setting).
    assert.match(snippets.element, /^<script src="[^"]+\/embed\/activation-lab\.js" async><\/script>\n<activation-lab figure="race" controls="full" settings="v=2&amp;[^"<>]+"><a href="[^"<>]+\/index\.html#[^"<>]+"><img src="[^"<>]+\/embed\/card\.png" [^<>]+><\/a><\/activation-lab>$/);
    assert.match(snippets.iframe, /^<div class="activation-lab-embed"><iframe src="[^"<>]+\/embed\.html#figure=race&amp;controls=full&amp;v=2&amp;[^"<>]+"/);
    assert.ok(!/seed=|dataset=|optimizer=/.test(snippets.element), `defaults are left out: ${snippets.element}`);
    assert.deepEqual(lab.errors, []);
  } finally {
    await lab.context.close();
  }
  const expected = labMetrics.map((m) => ({ name: m.name, step: m.step, metrics: m.metrics }));

  const url = await session.writePost('pasted.html', `<p>My post.</p>\n${snippets.element}\n<p>And as an iframe:</p>\n${snippets.iframe.replace('<iframe ', '<iframe id="framed" ')}`);
  const blog = await openPage(session.browser, url, { viewport: { width: 800, height: 3000 } });
  try {
    // The element: its public step().
    await blog.page.locator('activation-lab .al-card[data-drawn="true"]').first().waitFor({ timeout: DRAW_TIMEOUT_MS });
    for (let i = 0; i < STEPS; i++) await blog.page.evaluate(() => document.querySelector('activation-lab').step());
    assert.deepEqual(await metricsAt(blog.page, STEPS * STEPS_PER_PRESS), expected);

    // The iframe: its Step button, as a reader would press it.
    const frame = blog.page.frameLocator('#framed');
    await frame.locator('.al-card[data-drawn="true"]').first().waitFor({ timeout: DRAW_TIMEOUT_MS });
    for (let i = 0; i < STEPS; i++) await frame.locator('button', { hasText: 'Step' }).click();
    const inner = blog.page.frames().find((f) => f.url().includes('/embed.html'));
    assert.deepEqual(await metricsAt(inner, STEPS * STEPS_PER_PRESS), expected);
    assert.deepEqual(blog.errors, []);
  } finally {
    await blog.context.close();
  }
});
