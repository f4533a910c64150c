// The page's controls behave (issue 8, items 7-9): a click adds one training point without a
// restart, and undo takes it back; ArrowUp on the learning rate steps along a ladder, never by 1;
// a phone's first screen holds two boundaries below the claims strip; dark mode is dark; axe-core
// finds no accessibility violation in light or dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labSession, openLab, readSteps, poll, currentRun, readHashParams, readNotices, waitForPausedFrame, axeViolations, waitForReady } from './lab-page.mjs';
import { assertRaceMatchesCore, coreRace, pauseRace, settingsOfHash, LIGHT_BACKGROUND, DARK_BACKGROUND } from './core-oracle.mjs';

const TEST_TIMEOUT = 90000;
const lab = labSession();

const pointCount = (page) => page.evaluate(() => Number(document.getElementById('race-cards').dataset.points));

test('a click on a board adds one training point to the core\'s data; the race keeps its step count and run; undo removes it', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url);
  try {
    assert.ok(await poll(async () => Object.values(await readSteps(page)).every((v) => v > 50)), 'the race runs');
    const run = await currentRun(page);
    const before = await pointCount(page);
    const core = await coreRace(await settingsOfHash(await page.evaluate(() => location.hash)), 0);
    core.done();
    assert.equal(before, core.relu.points, 'the page shows the core\'s data for its settings');
    const stepBefore = (await readSteps(page)).relu;
    const board = page.locator('#race-cards [data-member="relu"] .al-card-points');
    await board.scrollIntoViewIfNeeded();  // the answer and the claims above the race may push it below the fold
    const box = await board.boundingBox();
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.2);
    assert.ok(await poll(async () => (await pointCount(page)) === before + 1), 'the worker sent the points with one more');
    assert.equal(await currentRun(page), run, 'no new run');
    assert.equal((await readHashParams(page)).added.split(',').length, 1, 'the point is in the address');
    const stepAfter = (await readSteps(page)).relu;
    assert.ok(stepAfter >= stepBefore, `the step count did not go back to 0 (${stepBefore} -> ${stepAfter})`);
    assert.ok(await poll(async () => (await readSteps(page)).relu > stepAfter), 'and it keeps going');

    await page.click('#undo-point');
    assert.ok(await poll(async () => (await pointCount(page)) === before), 'undo removed it');
    assert.equal(await currentRun(page), run, 'still the same run');
    assert.equal(await page.isDisabled('#undo-point'), true, 'nothing left to undo');
    assert.deepEqual(errors, []);
    // The default race is small: its why view stays live (only huge settings skip it).
    assert.deepEqual((await readNotices(page)).filter((n) => /why view is not updated/.test(n)), []);
  } finally {
    await context.close();
  }
});

test('ArrowUp and ArrowDown on the learning rate step along a 1-2-5 ladder, never by 1, and the race runs at the last rung', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context } = await openLab(lab.browser, lab.url);
  try {
    const field = page.locator('#controls input[name="learningRate"]');
    await field.focus();
    let value = Number(await field.inputValue());
    assert.ok(value > 0 && value < 1, `a small default learning rate (${value})`);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('ArrowUp');
      const next = Number(await field.inputValue());
      assert.ok(next > value, `ArrowUp raises ${value} (got ${next})`);
      assert.ok(next / value <= 2.5, `ArrowUp from ${value} to ${next} is one ladder step`);
      // The trap was 0.03 -> 1.03 (step="any" steps by 1); from 1 up, 1 -> 2 is a ladder step.
      if (value < 1) assert.notEqual(Math.round((next - value) * 1e9), 1e9, 'never a jump by 1');
      value = next;
    }
    assert.equal(Number((await readHashParams(page)).learningRate), value, 'each step is a setting');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowDown');
      const next = Number(await field.inputValue());
      assert.ok(next < value && next >= value / 2.5, `ArrowDown from ${value} to ${next}`);
      value = next;
    }
    // The log-scale slider moves along the same ladder.
    const slider = page.locator('#controls [data-key="learningRate"] input[type="range"]');
    assert.equal(await slider.count(), 1, 'a log-scale slider');
    assert.match(await slider.getAttribute('aria-valuetext'), new RegExp(`^${String(value).replace('.', '\\.')}$`));
    // The rung reached the core: the race shown is the core's at that learning rate.
    assert.equal(Number((await readHashParams(page)).learningRate), value);
    await poll(async () => Object.values(await readSteps(page)).every((v) => v > 0), { what: 'the last run to step' });
    await pauseRace(page);
    await assertRaceMatchesCore(page);
  } finally {
    await context.close();
  }
});

test('a phone (375 x 812) shows two boundaries under a claims-sized strip; settings open from a button; a preset changes the boards to the core\'s', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context } = await openLab(lab.browser, lab.url, { width: 375, height: 812 });
  try {
    // The claims strip (another part of issue 8) sits at the top: reserve its ~160 px if it is absent.
    await page.evaluate(() => {
      if (document.querySelector('[data-claim]')) return;
      const strip = document.createElement('div');
      strip.id = 'claims-placeholder';
      strip.style.height = '160px';
      document.body.prepend(strip);
    });
    const boardsOnFirstScreen = () => page.evaluate(() => [...document.querySelectorAll('#race-cards .al-card-boundary')]
      .filter((c) => { const r = c.getBoundingClientRect(); return r.width > 100 && r.top >= 0 && r.bottom <= innerHeight; }).length);
    assert.ok((await boardsOnFirstScreen()) >= 2, `two boundary canvases on the first screen (got ${await boardsOnFirstScreen()})`);
    assert.equal(await page.evaluate(() => scrollY), 0);

    assert.equal(await page.isVisible('#controls'), false, 'settings start closed on a phone');
    await page.click('#open-settings');
    assert.equal(await page.isVisible('#controls input[name="learningRate"]'), true, 'the button opens them');
    assert.equal(await page.getAttribute('#open-settings', 'aria-expanded'), 'true');
    await page.keyboard.press('Escape');
    assert.equal(await page.isVisible('#controls'), false, 'Escape closes them');

    const run = await currentRun(page);
    await page.click('#preset-buttons [data-preset="dying"]');
    assert.ok(await poll(async () => (await currentRun(page)) !== run), 'the preset started a new run');
    const first = await page.evaluate(() => document.querySelector('#race-cards [data-member]')?.dataset.member);
    assert.equal(first, 'relu', 'the boards now race the preset\'s activations');
    assert.ok((await boardsOnFirstScreen()) >= 2, 'still two boundaries on the first screen');
    // The phone's boards show the core's race for the preset.
    await pauseRace(page);
    await assertRaceMatchesCore(page);
  } finally {
    await context.close();
  }
});

for (const scheme of ['light', 'dark']) {
  test(`${scheme} mode: the page follows the colour scheme, its boundaries are the core's in that scheme's palette, and axe-core finds no violation`, { timeout: TEST_TIMEOUT }, async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: scheme,
      bypassCSP: true });  // axe is injected as an inline script; the page's own CSP is tested elsewhere
    const page = await context.newPage();
    try {
      await page.goto(lab.url);
      await waitForReady(page);
      // Let every figure get its first data (why view, unit maps) so axe sees them filled.
      assert.ok(await poll(() => page.evaluate(() => document.querySelector('#unit-maps [data-field="unit-counts"]')?.textContent)),
        'the unit maps arrived');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = background.match(/\d+/g).map(Number);
      const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      if (scheme === 'dark') assert.ok(luminance < 0.2, `a dark background (${background})`);
      else assert.ok(luminance > 0.8, `a light background (${background})`);
      // Open the disclosures so their text is checked too.
      await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], violations.join('\n'));
      // Chance level shows the scheme's background; the cells are the core's probabilities in it.
      await pauseRace(page);
      await assertRaceMatchesCore(page, { background: scheme === 'dark' ? DARK_BACKGROUND : LIGHT_BACKGROUND });
    } finally {
      await context.close();
    }
  });
}

test('the loss chart and its table cover every racer; "show test data" and "discretize output" redraw the boards from the core\'s probabilities', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url);
  try {
    assert.ok(await poll(async () => Object.values(await readSteps(page)).every((v) => v > 100)), 'the race runs');
    await page.click('#play');  // paused: the boards only change when a toggle redraws them
    await waitForPausedFrame(page);
    const rows = await page.evaluate(() => [...document.querySelectorAll('#loss-chart tbody tr th')].map((th) => th.textContent));
    assert.deepEqual(rows, ['Sigmoid', 'Tanh', 'ReLU', 'Leaky ReLU']);
    const inked = await page.evaluate(() => {
      const canvas = document.querySelector('#loss-chart canvas');
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) n += data[i] > 0;
      return n;
    });
    assert.ok(inked > 1000, `the loss chart has lines (${inked} pixels)`);
    assert.match(await page.textContent('#boundary-legend'), /50\/50/);

    const fingerprint = (selector) => page.evaluate((sel) => {
      const canvas = document.querySelector(sel);
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let hash = 2166136261;
      for (let i = 0; i < data.length; i += 4) hash = Math.imul(hash ^ (data[i] | (data[i + 1] << 8) | (data[i + 3] << 16)), 16777619) >>> 0;
      return hash;
    }, selector);
    const points = '#race-cards [data-member="relu"] .al-card-points';
    const boundary = '#race-cards [data-member="relu"] .al-card-boundary';
    const [p0, b0] = [await fingerprint(points), await fingerprint(boundary)];
    await page.uncheck('#show-test');
    assert.ok(await poll(async () => (await fingerprint(points)) !== p0), 'hiding the test points redraws the points');
    await page.check('#discretize');
    assert.ok(await poll(async () => (await fingerprint(boundary)) !== b0), 'discretizing redraws the boundary');
    assert.match(await page.textContent('#boundary-legend'), /class the network predicts/);
    await assertRaceMatchesCore(page, { discretize: true });
    await page.check('#show-test');
    await page.uncheck('#discretize');
    assert.ok(await poll(async () => (await fingerprint(points)) === p0 && (await fingerprint(boundary)) === b0),
      'and back to what it was');
    await assertRaceMatchesCore(page);
    assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false', 'Play\'s aria-pressed tracks the pause');
    assert.match(await page.getAttribute(points, 'aria-label'), /^ReLU decision boundary: training accuracy \d+%/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
