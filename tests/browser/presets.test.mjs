// The presets reproduce their findings; the vanishing-gradient one is checked by number, read
// from the why view's text as a reader would read it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  labSession, openLab, readHashParams, readNotices, readWhy, currentRun, waitForNewRun, poll, screenshot, readSteps,
} from './lab-page.mjs';
import { assertRaceMatchesCore, assertWhyMatchesCore, pauseRace } from './core-oracle.mjs';

const TEST_TIMEOUT = 60000;
// One server and one browser for the file; each test opens its own context.
const lab = labSession();

async function applyPreset(page, name) {
  const run = await currentRun(page);
  await page.click(`#preset-buttons [data-preset="${name}"]`);
  await waitForNewRun(page, run);
}

test('"Vanishing gradients": sigmoid\'s first/last gradient ratio < 1e-3, ReLU\'s > 1e-2, as the core computes them', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url);
  try {
    await applyPreset(page, 'vanishing');
    assert.equal((await readHashParams(page)).preset, 'vanishing');
    assert.equal(await page.getAttribute('#preset-buttons [data-preset="vanishing"]', 'aria-pressed'), 'true');
    const ratios = await poll(async () => {
      const sigmoid = await readWhy(page, 'sigmoid', 'grad-ratio');
      const relu = await readWhy(page, 'relu', 'grad-ratio');
      return sigmoid !== null && relu !== null && { sigmoid, relu };
    });
    assert.ok(ratios, 'the why view shows both ratios');
    assert.ok(ratios.sigmoid < 1e-3, `sigmoid ratio ${ratios.sigmoid}`);
    assert.ok(ratios.relu > 1e-2, `relu ratio ${ratios.relu}`);
    // Still true after some training, not only at step 0: every network has trained 300 steps and
    // the why view shows newer figures than the first ones read.
    const later = await poll(async () => {
      const steps = Object.values(await readSteps(page));
      const now = { sigmoid: await readWhy(page, 'sigmoid', 'grad-ratio'), relu: await readWhy(page, 'relu', 'grad-ratio') };
      return steps.every((s) => s >= 300) && now.sigmoid !== ratios.sigmoid && now.relu !== ratios.relu && now;
    }, { timeout: 30000, what: 'the why view updated after 300 steps' });
    assert.ok(later.sigmoid < 1e-3, `sigmoid ratio later ${later.sigmoid}`);
    assert.ok(later.relu > 1e-2, `relu ratio later ${later.relu}`);
    // They are the core's ratios for the preset's seed at the step the panels show.
    await assertWhyMatchesCore(page, ['sigmoid', 'tanh', 'relu', 'leaky_relu']);
    // The text a reader sees says the same.
    const shown = await page.textContent('#why-panels [data-member="sigmoid"] [data-field="grad-ratio"]');
    assert.match(shown, /^(1 \/ [\d,]+|10\^-\d+(\.\d)?)$/, 'written for people: "1 / 4,200" or "10^-6.3"');
    await screenshot(page, 'lab-preset-vanishing.png');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('every preset starts a run without errors, explains itself and shows the core\'s figures', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url);
  try {
    const names = await page.evaluate(() => [...document.querySelectorAll('#preset-buttons [data-preset]')].map((b) => b.dataset.preset));
    assert.deepEqual(names, ['vanishing', 'dying', 'sparsity', 'cost', 'playground']);
    for (const name of names) {
      await applyPreset(page, name);
      assert.equal((await readHashParams(page)).preset, name);
      const note = await page.textContent('#preset-note');
      assert.ok(note.length > 80, `${name} has an explanation`);
      const members = (await readHashParams(page)).members.split(',');
      await poll(async () => (await readWhy(page, members[0], 'grad-ratio')) !== null, { what: `the why view of preset ${name}` });
      await assertWhyMatchesCore(page, [members[0]]);
    }
    assert.deepEqual(await readNotices(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a short link naming a preset opens that preset, other values in it override', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url, { hash: '#preset=dying&seed=7' });
  try {
    const params = await readHashParams(page);
    assert.equal(params.preset, 'dying');
    assert.equal(params.members, 'relu,leaky_relu,prelu,elu');
    assert.equal(params.seed, '7');
    assert.match(await page.textContent('#preset-note'), /^Dying ReLU:/);
    // The race is the core's for the preset with seed 7.
    await pauseRace(page);
    await assertRaceMatchesCore(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
