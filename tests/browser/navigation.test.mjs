// Navigation that lands (issue 16, item 5): a claim link applies its preset and its view's top is in
// the viewport once the preset's run has settled (its why panels and figures built), at 1366x768
// and 375x812; presets and claim links push a history entry, so Back restores the previous address
// and run. "The run" is checked against the core: paused, each race card shows the core's numbers
// and boundary for the settings then in the address (core-oracle.mjs), so a page that restored the
// address but kept (or rebuilt wrongly) the run fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labSession, openLab, currentRun, waitForNewRun, READY_TIMEOUT_MS } from './lab-page.mjs';
import { assertRaceMatchesCore, pauseRace } from './core-oracle.mjs';

const TEST_TIMEOUT = 120000;
const lab = labSession();

const SIZES = [{ width: 1366, height: 768 }, { width: 375, height: 812 }];
const CLAIMS = [['cost', 'cost-view'], ['vanishing', 'why-view'], ['sparsity', 'why-view']];

// The run's layout has settled: its why panels hold this run's first diagnostics and its depth
// figure has finished (both grow the page above or around the target).
const settled = (page, run) => page.waitForFunction((id) => document.documentElement.dataset.run === id
  && document.querySelectorAll('#why-panels .al-why[data-step]').length > 0
  && document.querySelector('.al-depth')?.dataset.done === 'true', run, { timeout: READY_TIMEOUT_MS * 4 });

const topOf = (page, id) => page.evaluate((target) => {
  const r = document.getElementById(target).getBoundingClientRect();
  return { top: r.top, height: innerHeight };
}, id);

for (const size of SIZES) {
  for (const [claim, view] of CLAIMS) {
    test(`${size.width}x${size.height}: the ${claim} claim's link lands on #${view} after its preset settles; Back restores the run`, { timeout: TEST_TIMEOUT }, async () => {
      const { page, context, errors } = await openLab(lab.browser, lab.url, size);
      try {
        const before = { url: page.url(), run: await currentRun(page) };
        const members = await page.evaluate(() => window.activationLab.state.get('members'));
        await page.click(`[data-claim=${claim}] .al-claim-link`);
        const run = await waitForNewRun(page, before.run);
        await settled(page, run);
        // The landing holds the view in place while the layout grows; read it once it has let go of
        // nothing yet (no reader input), after the layout stopped changing.
        await page.waitForFunction(() => document.documentElement.dataset.landing !== undefined);
        const { top, height } = await topOf(page, view);
        assert.ok(top >= -1 && top < height * 0.5, `#${view}'s top at ${top} of ${height}`);
        assert.equal(await page.evaluate(() => window.activationLab.state.get('preset')), claim);
        // Pausing rewrites this entry's address (playing=false), not the one Back returns to.
        await pauseRace(page);
        await assertRaceMatchesCore(page);

        await page.goBack();
        await page.waitForFunction((url) => location.href === url, before.url, { timeout: READY_TIMEOUT_MS });
        await waitForNewRun(page, run);
        assert.equal(page.url(), before.url, 'Back restores the address');
        assert.deepEqual(await page.evaluate(() => window.activationLab.state.get('members')), members, 'and the run\'s racers');
        assert.equal(await page.evaluate(() => window.activationLab.state.get('preset')), 'none');
        await pauseRace(page);
        await assertRaceMatchesCore(page);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
}

test('a preset pushes a history entry: Back returns to the run before it, Forward to the preset', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url, { width: 1366, height: 768 });
  try {
    const before = { url: page.url(), run: await currentRun(page) };
    await page.click('#preset-buttons [data-preset="dying"]');
    const run = await waitForNewRun(page, before.run);
    const presetUrl = page.url();
    assert.notEqual(presetUrl, before.url);
    assert.equal(await page.evaluate(() => document.querySelector('[data-preset-outcome]')?.dataset.presetOutcome), 'dying',
      'the preset\'s stated outcome is shown beside its text');

    await page.goBack();
    const back = await waitForNewRun(page, run);
    assert.equal(page.url(), before.url);
    assert.equal(await page.evaluate(() => window.activationLab.state.get('preset')), 'none');
    await pauseRace(page);
    await assertRaceMatchesCore(page);
    await page.goForward();
    await waitForNewRun(page, back);
    assert.equal(page.url(), presetUrl);
    assert.equal(await page.evaluate(() => window.activationLab.state.get('preset')), 'dying');
    await pauseRace(page);
    await assertRaceMatchesCore(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
