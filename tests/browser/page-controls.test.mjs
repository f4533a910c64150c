// Issue 16's smaller controls on the lab page: Space toggles play (but not while a control has
// focus); "Clear added points" keeps the dataset and removes only the clicked points, "Empty the
// plane" removes the dataset too; the racer limits are said beside the control. Each run these
// controls leave on screen is, paused, the core's for the settings then in the address
// (core-oracle.mjs): a control that updates the address but not the run fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labSession, openLab, readHashParams, readSteps, poll, currentRun, waitForNewRun } from './lab-page.mjs';
import { assertRaceMatchesCore, pauseRace } from './core-oracle.mjs';

const TEST_TIMEOUT = 90000;
const lab = labSession();

test('Space toggles play from the page, and is left to a focused button', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url, { width: 1366, height: 768 });
  try {
    assert.equal((await readHashParams(page)).playing, 'true');
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('Space');
    assert.ok(await poll(async () => (await readHashParams(page)).playing === 'false'), 'Space paused');
    assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
    await page.keyboard.press('Space');
    assert.ok(await poll(async () => (await readHashParams(page)).playing === 'true'), 'Space played again');
    // On a focused button Space is the button's: Reset restarts the run, play is untouched.
    await page.focus('#reset');
    const run = await currentRun(page);
    await page.keyboard.press('Space');
    await waitForNewRun(page, run);
    assert.equal((await readHashParams(page)).playing, 'true');
    // The restarted run is the address's from step 0: the same as a fresh core race.
    await pauseRace(page);
    await assertRaceMatchesCore(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('Clear added points keeps the dataset; Empty the plane removes it; the racer limits are beside the control', { timeout: TEST_TIMEOUT },
  async () => {
    const { page, context, errors } = await openLab(lab.browser, lab.url, { hash: '#added=0.5:0.5:1,-1:1:0', width: 1366, height: 768 });
    try {
      assert.equal((await readHashParams(page)).added.split(',').length, 2);
      assert.equal(await page.isDisabled('#clear-points'), false);
      await pauseRace(page);
      await assertRaceMatchesCore(page);  // the dataset and the two clicked points
      const run = await currentRun(page);
      await page.click('#clear-points');
      assert.ok(await poll(async () => (await readHashParams(page)).added === ''), 'the clicked points are gone');
      assert.equal((await readHashParams(page)).data, 'generated', 'the dataset stays');
      assert.equal(await page.isDisabled('#clear-points'), true, 'nothing left to clear');
      // ... from the run too: it restarted on the dataset alone, paused at step 0 (as the address says).
      await waitForNewRun(page, run);
      await poll(async () => Object.values(await readSteps(page)).every((step) => step === 0), { what: 'the new run at step 0' });
      await pauseRace(page);
      await assertRaceMatchesCore(page);

      await page.click('#clear-dataset');
      assert.ok(await poll(async () => (await readHashParams(page)).data === 'cleared'), 'the plane is empty');
      assert.equal(await page.isVisible('#restore-points'), true);

      const limits = await page.textContent('#controls [data-key="members"] .field-limits');
      assert.equal(limits, 'Choose 2 to 8.');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
