// Dead and saturated units as the core judges them: the page is opened paused on a preset where
// units die or saturate, stepped with its Step button, and each network's unit maps (their count
// text and data-dead / data-saturated) and the why panel's per-layer dead units must equal the
// core's for the same address at the same step, trained here in Node (core-oracle.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labSession, openLab, readSteps, poll } from './lab-page.mjs';
import { coreRace, settingsOfHash } from './core-oracle.mjs';

const TEST_TIMEOUT = 90000;
const STEPS = 400;  // two presses of Step at 200 steps per frame
const UNIT_MAP_SIDE = 16;  // the page's unit maps (web/worker/run.js); the states do not depend on it
const lab = labSession();

/** Each network's unit-map figure: {name: {step, dead, saturated, text}}. */
function readUnitMaps(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#unit-maps .al-units[data-activation]')].map((u) => {
    const text = u.querySelector('[data-field="unit-counts"]');
    return [u.dataset.activation, { dead: Number(text.dataset.dead), saturated: Number(text.dataset.saturated), text: text.textContent }];
  })));
}

/** Each network's why panel: its step and per-layer dead units. */
function readWhyDead(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#why-panels [data-member]')].map((wrap) => {
    const panel = wrap.querySelector('.al-why');
    return [wrap.dataset.member, { step: Number(panel?.dataset.step),
      dead: [...wrap.querySelectorAll('[data-field="dead-units"][data-layer]:not([data-layer="all"])')].map((d) => Number(d.dataset.value)) }];
  })));
}

for (const preset of ['dying', 'vanishing', 'sparsity']) {
  test(`the "${preset}" preset: the unit maps and the why view count the core's dead and saturated units`, { timeout: TEST_TIMEOUT }, async () => {
    const hash = `#preset=${preset}&playing=false&stepsPerFrame=${STEPS / 2}`;
    const { page, context, errors } = await openLab(lab.browser, lab.url, { hash });
    try {
      for (const target of [STEPS / 2, STEPS]) {
        await page.click('#step');
        await poll(async () => Object.values(await readSteps(page)).every((s) => s === target), { what: `every network at step ${target}` });
      }
      // The figures of the last step: unit maps and why panels are posted after the frame.
      await page.waitForFunction((n) => document.getElementById('unit-maps')?.dataset.step === String(n)
        && [...document.querySelectorAll('#why-panels .al-why')].every((p) => p.dataset.step === String(n)), STEPS, { timeout: 20000 });
      const units = await readUnitMaps(page);
      const why = await readWhyDead(page);
      const settings = await settingsOfHash(await page.evaluate(() => location.hash));
      const core = await coreRace(settings, STEPS);
      try {
        let judged = 0;
        settings.members.forEach((name) => {
          const net = core[name];
          const maps = net.unitMaps(UNIT_MAP_SIDE);
          const dead = maps.states.filter((s) => s === 1).length;
          const saturated = maps.states.filter((s) => s === 2).length;
          judged += dead + saturated;
          assert.equal(units[name].dead, dead, `${name}: dead units at step ${STEPS}`);
          assert.equal(units[name].saturated, saturated, `${name}: saturated units at step ${STEPS}`);
          assert.match(units[name].text, new RegExp(`^${maps.states.length} hidden units at step ${STEPS}: ${dead} dead, ${saturated} saturated\\.$`));
          assert.deepEqual(why[name].dead, net.diagnostics.layers.slice(0, -1).map((l) => l.deadUnits), `${name}: the why panel's dead units per layer`);
        });
        if (preset !== 'sparsity') assert.ok(judged > 0, 'the preset has units to judge: the test is not vacuous');
      } finally {
        core.done();
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
