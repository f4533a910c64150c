// How often each claim held across seeds, on the lab page (issue 17 items 1 and 2):
// - once the seeds section has run, every tally the claims strip and the verdict show ("in k of N
//   seeds") equals claim-tally.js's rules applied, in this test, to the seeds figure's per-seed
//   data-* hooks, and to the wasm core's own runs of the same config and seeds (a second oracle,
//   outside the page's pool); while the seeds run the strip says "so far";
// - a preset's across-seeds check, started by its button, fills the record's slot with a count equal
//   to the preset's stated outcome judged on the core's runs of seeds 1..N.
// Few seeds and steps keep it short; nothing waits on time, only on the page's data-* hooks.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { labSession, openLab } from './lab-page.mjs';
import { loadLabOrFail } from '../node/lab-fixture.mjs';
import { tallyClaims } from '../../web/session/claim-tally.js';
import { judgeOutcome, outcomeMembers, outcomeMetrics } from '../../web/session/preset-outcome.js';
import { presetByName } from '../../web/session/presets.js';
import { strayLatin } from '../allowed-latin.mjs';

const SEEDS = 6;
const STEPS = 1500;
const SEEDS_TIMEOUT_MS = 240_000;
const lab = labSession();
let core;
before(async () => { core = await loadLabOrFail(); });

/** One seed of `config`'s race in the wasm core: {name: point} as the seed pool reports them. */
function coreSeed(config, members, seed, steps) {
  const race = core.createRace({ ...config, seed, members });
  try {
    for (let done = 0; done < steps; done += 500) race.train(Math.min(500, steps - done));
    return Object.fromEntries(members.map((name, i) => [name, {
      ...outcomeMetrics(race.member(i).diagnostics()), diverged: race.member(i).diverged(),
    }]));
  } finally {
    race.delete();
  }
}

/** The seeds figure's per-seed rows (data-* hooks) as a tally's group. */
const readFigureGroup = (page) => page.evaluate(() => {
  const rows = [...document.querySelectorAll('#seeds-view .al-seeds-group[data-group="0"] tr[data-seed]')];
  const seeds = new Map();
  for (const tr of rows) {
    const entry = seeds.get(tr.dataset.seed) ?? { seed: Number(tr.dataset.seed), members: {} };
    if (tr.dataset.failed) entry.failed = tr.dataset.failed;
    else {
      entry.members[tr.dataset.activation] = { testAccuracy: Number(tr.dataset.testAccuracy), firstLastGradRatio: Number(tr.dataset.ratio),
        zeroFraction: Number(tr.dataset.zeroFraction), diverged: tr.dataset.diverged === 'true' };
    }
    seeds.set(tr.dataset.seed, entry);
  }
  return [...seeds.values()];
});

/** Every tally line shown: {where|key|rival: {held, done, total, text}}. */
const readShownTallies = (page) => page.evaluate(() => Object.fromEntries([
  ...[...document.querySelectorAll('[data-claim] [data-field=tally] [data-tally]')].map((line) => [`strip:${line.closest('[data-claim]').dataset.claim}`, line]),
  ...[...document.querySelectorAll('#verdict [data-field=verdict-tally] [data-tally]')].map((line) => ['verdict', line]),
].map(([where, line]) => [`${where}|${line.dataset.tally}|${line.dataset.rival ?? ''}`,
  { held: Number(line.dataset.held), done: Number(line.dataset.done), total: Number(line.dataset.total), text: line.textContent }])));

/** What a tally should show, by the same keys (strip lines for claims with a card, every claim in the verdict). */
function expectedLines(tally) {
  const lines = {};
  for (const item of tally.items) {
    const shown = { held: item.held, done: tally.done, total: tally.total };
    if (item.card) lines[`strip:${item.card}|${item.key}|${item.rival ?? ''}`] = shown;
    lines[`verdict|${item.key}|${item.rival ?? ''}`] = shown;
  }
  return lines;
}

const numbersOnly = (lines) => Object.fromEntries(Object.entries(lines).map(([k, { held, done, total }]) => [k, { held, done, total }]));

test('the strip\'s and the verdict\'s "k of N seeds" are the tally of the seeds figure\'s results and of the core\'s', { timeout: 300_000 }, async () => {
  const { context, page, errors } = await openLab(lab.browser, lab.url, { hash: `#seeds=${SEEDS}&seedSteps=${STEPS}&seedWorkers=2` });
  try {
    // No seeds run yet: no count anywhere.
    assert.deepEqual(await readShownTallies(page), {});
    await page.evaluate(() => {
      window.__tallyTexts = [];
      new MutationObserver(() => {
        const line = document.querySelector('[data-claim=vanishing] [data-tally], [data-claim=sparsity] [data-tally]');
        if (line) window.__tallyTexts.push({ text: line.textContent, done: line.dataset.done });
      }).observe(document.getElementById('claims-strip'), { subtree: true, childList: true, characterData: true });
    });
    await page.locator('#seeds-view').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('#seeds-view .al-seeds')?.dataset.state === 'done', null, { timeout: SEEDS_TIMEOUT_MS });
    await page.waitForFunction((n) => [...document.querySelectorAll('[data-field=tally] [data-tally], [data-field=verdict-tally] [data-tally]')]
      .some((line) => line.dataset.done === String(n)), SEEDS);

    const { config, members } = await page.evaluate(() => window.activationLabSeeds.controller.settings);
    const figureGroup = { members, budget: STEPS, seeds: await readFigureGroup(page) };
    assert.equal(figureGroup.seeds.length, SEEDS);
    const fromFigure = tallyClaims(figureGroup, { total: SEEDS, classes: config.classes });
    assert.ok(fromFigure.items.length >= 3, `claims tallied: ${fromFigure.items.map((i) => i.key)}`);

    // The core's own runs of the same settings and seeds (config.seed, the next ones).
    const coreSeeds = Array.from({ length: SEEDS }, (_, i) => config.seed + i).map((seed) => ({ seed, members: coreSeed(config, members, seed, STEPS) }));
    const fromCore = tallyClaims({ members, budget: STEPS, seeds: coreSeeds }, { total: SEEDS, classes: config.classes });
    assert.deepEqual(fromCore, fromFigure, 'the page\'s per-seed results are the core\'s');

    const shown = await readShownTallies(page);
    assert.deepEqual(numbersOnly(shown), expectedLines(fromFigure));
    for (const [key, line] of Object.entries(shown)) {
      assert.match(line.text, new RegExp(`in ${line.held} of ${SEEDS} seeds, after 1,500 steps`), key);
    }
    // While the pool ran, the strip counted live.
    const live = await page.evaluate(() => window.__tallyTexts);
    assert.ok(live.some((l) => Number(l.done) < SEEDS && / seeds so far \(of 6, /.test(l.text)), JSON.stringify(live.slice(0, 3)));

    // In Chinese (the views' setLanguage, as the page's switch calls it): the same counts, no stray
    // English in the strip or the verdict, and the race goes on (same run, more steps).
    const before = await page.evaluate(() => ({ run: window.activationLab.session.runId, step: window.activationLab.lastFrame.members[0].step }));
    await page.evaluate(async () => {
      const { loadTranslator } = await import(new URL('i18n/i18n.js', location.href).href);
      const zh = await loadTranslator('zh-CN');
      for (const view of [window.activationLab.claims, window.activationLab.answer, window.activationLab.presets]) view.setLanguage(zh);
    });
    await page.waitForFunction(() => /个种子/.test(document.querySelector('#verdict [data-field=verdict-tally]')?.textContent ?? '')
      && /个种子/.test(document.querySelector('[data-claim=vanishing] [data-field=tally]')?.textContent ?? ''));
    const zhShown = await readShownTallies(page);
    assert.deepEqual(numbersOnly(zhShown), expectedLines(fromFigure));
    const texts = await page.evaluate(() => [...document.querySelectorAll('#claims-strip, #verdict')].flatMap((root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const out = [root.querySelector('[aria-label]')?.getAttribute('aria-label') ?? ''];
      while (walker.nextNode()) out.push(walker.currentNode.textContent);
      return out;
    }));
    assert.deepEqual(texts.flatMap(strayLatin), [], texts.filter((t) => strayLatin(t).length).join('\n'));
    await page.waitForFunction((b) => window.activationLab.session.runId === b.run && window.activationLab.lastFrame.members[0].step > b.step, before);

    // New settings cancel the seeds: the counts go with them. The section is in view, so the new
    // settings' seeds start at once and may all finish before a poll could look: the strip's lines
    // are recorded by a MutationObserver from the change on, and one record must have no count of 6.
    await page.evaluate(() => {
      window.__tallyAfterChange = [];
      new MutationObserver(() => window.__tallyAfterChange.push(
        [...document.querySelectorAll('[data-field=tally] [data-tally]')].map((l) => l.dataset.done),
      )).observe(document.getElementById('claims-strip'), { subtree: true, childList: true, characterData: true, attributes: true });
      window.activationLab.state.set({ learningRate: 0.02 });
    });
    await page.waitForFunction(() => window.__tallyAfterChange.some((dones) => dones.every((d) => d !== '6')));
    assert.equal(await page.evaluate(() => window.activationLabSeeds.controller.settings.config.learningRate), 0.02);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a preset\'s across-seeds check fills its slot with the count of seeds where its stated outcome holds in the core', { timeout: 300_000 }, async () => {
  const seeds = 4;
  const preset = presetByName('sparsity');
  const { context, page, errors } = await openLab(lab.browser, lab.url, { hash: `#preset=sparsity&seeds=${seeds}&seedWorkers=2` });
  try {
    const slot = page.locator('#preset-outcome [data-preset-seeds="sparsity"]');
    assert.equal(await slot.textContent(), '', 'nothing is checked before the reader asks');
    await page.locator('#preset-outcome [data-field=preset-seeds-check]').click();
    await page.waitForFunction((n) => document.querySelector('#preset-outcome [data-preset-seeds]')?.dataset.done === String(n), seeds, { timeout: SEEDS_TIMEOUT_MS });
    const shown = await slot.evaluate((el) => ({ ...el.dataset, text: el.textContent }));

    const config = await page.evaluate(() => window.activationLabSeeds.controller.settings.config);
    const members = outcomeMembers(preset.outcome);
    let held = 0;
    for (let seed = 1; seed <= seeds; seed += 1) {
      if (judgeOutcome(preset.outcome, coreSeed(config, members, seed, preset.outcome.after)).held) held += 1;
    }
    assert.deepEqual({ held: shown.held, done: shown.done, total: shown.total }, { held: String(held), done: String(seeds), total: String(seeds) });
    assert.equal(shown.text, `Held in ${held} of ${seeds} seeds (after 1,000 steps).`);

    // The preset holds in every one of these seeds, so a check that always said "held" would pass
    // the above: the same check, through the page's hook and pool, of an outcome that holds in about
    // half of them (ReLU's exact-zero share above its median over these seeds), must count as the core.
    const zeros = [];
    for (let seed = 1; seed <= seeds; seed += 1) zeros.push(coreSeed(config, ['relu'], seed, preset.outcome.after).relu.zeroFraction);
    const median = [...zeros].sort((a, b) => a - b)[seeds / 2];
    const outcome = { after: preset.outcome.after, expect: [['relu', 'zeroFraction', '>=', median]] };
    const want = zeros.filter((z) => z >= median).length;
    assert.ok(want > 0 && want < seeds, `the halved outcome holds in ${want} of ${seeds}`);
    const halved = await page.evaluate(({ halvedPreset, seeds }) => window.activationLabSeeds.presetOutcome(halvedPreset.name,
      { seeds, preset: halvedPreset }).promise.then((r) => r.held), { halvedPreset: { ...preset, outcome }, seeds });
    assert.equal(halved, want);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('choosing another preset cancels the previous preset\'s check at once', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openLab(lab.browser, lab.url, { hash: '#preset=dying&seeds=5&seedWorkers=1' });
  try {
    await page.locator('#preset-outcome [data-field=preset-seeds-check]').click();
    // The page's one pool (the seeds section's): the preset check starts no pool of its own.
    await page.waitForFunction(() => window.activationLabSeeds?.pool().stats().busy === 1);
    assert.match(await page.textContent('#preset-outcome [data-preset-seeds="dying"]'), /^Checking across seeds: held in 0 of 0 so far \(5 seeds, after 6,000 steps\)\.$/);
    await page.click('.preset[data-preset="sparsity"]');
    const stats = await page.evaluate(() => window.activationLabSeeds.pool().stats());
    assert.deepEqual({ busy: stats.busy, queued: stats.queued, workers: stats.workers }, { busy: 0, queued: 0, workers: 0 });
    // The new preset's record offers its own check, not started.
    assert.equal(await page.textContent('#preset-outcome [data-preset-seeds="sparsity"]'), '');
    assert.equal(await page.isVisible('#preset-outcome [data-field=preset-seeds-check]'), true);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
