// The lab page as a reader meets it: the default run in real Chromium, under the strict CSP,
// served by the project's own server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  labSession, openLab, readSteps, boundaryFingerprints, readHashParams, cspViolations, screenshot, poll,
  currentRun, waitForPausedFrame, waitForReady,
} from './lab-page.mjs';
import { afterFrames } from './chromium.mjs';
import { assertRaceMatchesCore, coreRace, pauseRace, settingsOfHash } from './core-oracle.mjs';

const TEST_TIMEOUT = 60000;
// One server and one browser for the file; each test opens its own context.
const lab = labSession();
const CLICK_STEPS = 25;  // steps per press of Step in the click test

test('the default page loads clean: no console error, no CSP violation, only its own origin', { timeout: TEST_TIMEOUT }, async () => {
  const { page, errors, requests, context } = await openLab(lab.browser, lab.url);
  try {
    const members = await page.evaluate(() => [...document.querySelectorAll('#race-cards [data-member]')].map((e) => e.dataset.member));
    assert.deepEqual(members, ['sigmoid', 'tanh', 'relu', 'leaky_relu']);
    const params = await readHashParams(page);
    assert.equal(params.dataset, 'spiral');
    assert.equal(params.playing, 'true');
    // Training runs (so "no errors" is not vacuous) ...
    const steps = await poll(async () => {
      const s = await readSteps(page);
      return Object.values(s).every((v) => v > 0) && s;
    });
    assert.ok(steps, 'every network takes steps');
    // ... in a cross-origin isolated page (serve.mjs's headers), whose worker times to 5 us, not 0.1 ms.
    assert.equal(await page.evaluate(() => self.crossOriginIsolated), true, 'the lab page is cross-origin isolated');
    await afterFrames(page, 30);  // a few more frames drawn, so a late error has its chance to show
    // What it shows is the core's race for the default settings, at the step each card shows.
    await pauseRace(page);
    await assertRaceMatchesCore(page);
    assert.deepEqual(errors, []);
    assert.deepEqual(await cspViolations(page), []);
    const origin = new URL(lab.url).origin;
    const foreign = requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'));
    assert.deepEqual(foreign, []);
    await screenshot(page, 'lab-default-1440.png');
  } finally {
    await context.close();
  }
});

test('boundaries change as training runs, to the core\'s boundary at the step shown', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context } = await openLab(lab.browser, lab.url);
  try {
    const first = await boundaryFingerprints(page);
    const changed = await poll(async () => {
      const now = await boundaryFingerprints(page);
      return now.every((h, i) => h !== first[i]);
    }, { timeout: 10000 });
    assert.ok(changed, 'every boundary was redrawn with different pixels');
    // Changed to the right pixels: the palette's colours for the core's probabilities at that step.
    await pauseRace(page);
    await assertRaceMatchesCore(page);
  } finally {
    await context.close();
  }
});

test('pause stops the step counts on the core\'s numbers for that step, play resumes them', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url);
  try {
    await poll(async () => Object.values(await readSteps(page)).every((v) => v > 0), { what: 'every network to step' });
    await page.click('#play');  // shows "Pause" while playing
    assert.equal((await readHashParams(page)).playing, 'false');
    await waitForPausedFrame(page);
    const paused = await readSteps(page);
    await afterFrames(page, 40);
    assert.deepEqual(await readSteps(page), paused, 'no step is taken while paused');
    await assertRaceMatchesCore(page);
    assert.equal(await page.textContent('#play'), 'Play');

    await page.click('#play');
    const resumed = await poll(async () => {
      const now = await readSteps(page);
      return Object.keys(paused).every((name) => now[name] > paused[name]) && now;
    });
    assert.ok(resumed, 'every network steps again after play');
    assert.equal((await readHashParams(page)).playing, 'true');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a click on a boundary adds a point of the chosen class, which the core then trains on', { timeout: TEST_TIMEOUT }, async () => {
  // Paused and stepped with the Step button, so the step the point joined at is known.
  const { page, context, errors } = await openLab(lab.browser, lab.url, { hash: `#playing=false&stepsPerFrame=${CLICK_STEPS}` });
  try {
    await page.click('#step');
    await poll(async () => Object.values(await readSteps(page)).every((v) => v === CLICK_STEPS), { what: 'every network at the first step' });
    const before = await page.evaluate(() => Number(document.getElementById('race-cards').dataset.points));
    assert.ok(before > 0);
    await page.check('#class-toggle input[value="1"]');
    const run = await currentRun(page);
    const board = page.locator('#race-cards [data-member="relu"] .al-card-points');
    const box = await board.boundingBox();
    await board.click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });  // about (3, 3)
    // The point joins the running race (issue 8 item 7): no new run.
    const added = await poll(async () => (await readHashParams(page)).added);
    assert.equal(await currentRun(page), run);
    const [x, y, label] = added.split(':').map(Number);
    assert.ok(Math.abs(x - 3) < 0.2 && Math.abs(y - 3) < 0.2, `added at ${added}`);
    assert.equal(label, 1);
    const after = await poll(() => page.evaluate(() => Number(document.getElementById('race-cards').dataset.points)));
    assert.equal(after, before + 1);
    assert.match(await page.textContent('#point-count'), /1 point added/);
    const core = await coreRace(await settingsOfHash(await page.evaluate(() => location.hash)), 0);
    assert.equal(after, core.relu.points, 'the points shown are the core\'s data with the clicked point');
    core.done();
    // The next steps train on it: the core, given the point after the same first steps, agrees.
    await page.click('#step');
    await poll(async () => Object.values(await readSteps(page)).every((v) => v === 2 * CLICK_STEPS), { what: 'every network at the second step' });
    await afterFrames(page, 3);
    await assertRaceMatchesCore(page, { addedAt: CLICK_STEPS });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('at 375 px wide there is no horizontal scrolling', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context } = await openLab(lab.browser, lab.url, { width: 375, height: 812 });
  try {
    await afterFrames(page, 5);  // the views laid out for the first frames' figures
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(scrollWidth <= clientWidth, `scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`);
    await screenshot(page, 'lab-default-375.png');
    // The narrow cards still show the core's numbers and boundaries.
    await pauseRace(page);
    await assertRaceMatchesCore(page);
  } finally {
    await context.close();
  }
});

test('the race exports as a PNG and the core\'s metrics as JSON, without leaving the page', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url);
  try {
    await poll(async () => Object.values(await readSteps(page)).every((v) => v > 0), { what: 'every network to step' });
    await pauseRace(page);  // so the export and the core are compared at one step
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    assert.match(png.suggestedFilename(), /^activation-lab-.*\.png$/);
    const pngBytes = await readAll(await png.createReadStream());
    assert.deepEqual([...pngBytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);  // "\x89PNG"
    assert.ok(pngBytes.length > 10000, 'the picture has content');

    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const data = JSON.parse((await readAll(await json.createReadStream())).toString('utf8'));
    assert.deepEqual(data.members.map((m) => m.name), ['sigmoid', 'tanh', 'relu', 'leaky_relu']);
    for (const m of data.members) {
      assert.ok(m.step > 0 && Number.isFinite(m.metrics.trainLoss), m.name);
      assert.ok(Array.isArray(m.lossHistory.values) && m.lossHistory.values.length > 0, m.name);
    }
    assert.equal(data.settings.dataset, 'spiral');
    // The exported figures are the core's for those settings at each network's exported step.
    const settings = await settingsOfHash(await page.evaluate(() => location.hash));
    const core = await coreRace(settings, Object.fromEntries(data.members.map((m) => [m.name, m.step])));
    try {
      for (const m of data.members) {
        const want = core[m.name].metrics;
        assert.equal(m.metrics.trainAccuracy, want.trainAccuracy, `${m.name} train accuracy at step ${m.step}`);
        assert.equal(m.metrics.testAccuracy, want.testAccuracy, `${m.name} test accuracy at step ${m.step}`);
        for (const key of ['trainLoss', 'testLoss']) {
          assert.ok(Math.abs(m.metrics[key] - want[key]) <= 1e-12 * Math.max(1, want[key]), `${m.name} ${key}: ${m.metrics[key]}, the core ${want[key]}`);
        }
      }
    } finally {
      core.done();
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('with prefers-reduced-motion the page waits for Play', { timeout: TEST_TIMEOUT }, async () => {
  const context = await lab.browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1024, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(lab.url);
    await waitForReady(page);
    assert.equal((await readHashParams(page)).playing, 'false');
    assert.equal(await page.textContent('#play'), 'Play');
    await afterFrames(page, 30);
    assert.ok(Object.values(await readSteps(page)).every((v) => v === 0), 'no training before Play');
    await assertRaceMatchesCore(page);  // the untrained networks, as the core makes them from the seed
    await page.click('#play');
    assert.ok(await poll(async () => Object.values(await readSteps(page)).every((v) => v > 0)));
  } finally {
    await context.close();
  }
});

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
