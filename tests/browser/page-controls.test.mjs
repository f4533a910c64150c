// Issue 16's smaller controls on the lab page: Space toggles play (but not while a control has
// focus); "Clear added points" keeps the dataset and removes only the clicked points, "Empty the
// plane" removes the dataset too; the racer limits are said beside the control.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labSession, openLab, readHashParams, poll, currentRun, waitForNewRun } from './lab-page.mjs';

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
      await page.click('#clear-points');
      assert.ok(await poll(async () => (await readHashParams(page)).added === ''), 'the clicked points are gone');
      assert.equal((await readHashParams(page)).data, 'generated', 'the dataset stays');
      assert.equal(await page.isDisabled('#clear-points'), true, 'nothing left to clear');

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
