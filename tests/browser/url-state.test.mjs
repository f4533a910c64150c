// Every setting lives in the address: a URL round-trips to the same settings and the same run
// (same seed, same bits), and hostile values fall back to the defaults with a notice, as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterFrames } from './chromium.mjs';
import {
  labSession, openLab, readHashParams, readNotices, readSteps, cspViolations, poll, screenshot,
} from './lab-page.mjs';
import { assertRaceMatchesCore, coreRace, pauseRace } from './core-oracle.mjs';

const TEST_TIMEOUT = 60000;
// One server and one browser for the file; each test opens its own context.
const lab = labSession();

const CHOSEN = {
  seed: '42', dataset: 'xor', noise: '0.25', hidden: '6,5', learningRate: '0.1', batchSize: '16',
  init: 'he', optimizer: 'adam', members: 'relu,tanh,elu', stepsPerFrame: '3', playing: 'false',
  added: '1.5:-2:1,0.25:3:0',
};
// CHOSEN as the core takes it, written out here (not through the page's parser): the run the
// address names, independently of how the page reads it.
const CHOSEN_CORE = {
  config: { seed: 42, dataset: 'xor', noise: 0.25, hidden: [6, 5], learningRate: 0.1, batchSize: 16, init: 'he', optimizer: 'adam' },
  members: ['relu', 'tanh', 'elu'],
  added: [{ x: 1.5, y: -2, label: 1 }, { x: 0.25, y: 3, label: 0 }],
};
const hashOf = (params) => `#${Object.entries(params).map(([k, v]) => `${k}=${v}`).join('&')}`;

/** Steps once while paused and returns what each card shows: the run's numbers, exactly. */
async function stepAndRead(page) {
  await page.click('#step');
  await poll(async () => Object.values(await readSteps(page)).every((s) => s === 3), { what: 'every network at step 3' });
  return page.evaluate(() => [...document.querySelectorAll('#race-cards [data-member]')].map((card) => ({
    name: card.dataset.member,
    step: card.querySelector('[data-field="step"]').dataset.value,
    trainLoss: card.querySelector('[data-field="train-loss"]').dataset.value,
    testLoss: card.querySelector('[data-field="test-loss"]').dataset.value,
  })));
}

test('a URL round-trips to the same settings and the same run, the core\'s for those settings', { timeout: TEST_TIMEOUT }, async () => {
  const first = await openLab(lab.browser, lab.url, { hash: hashOf(CHOSEN) });
  let fullHash;
  let numbers;
  try {
    const params = await readHashParams(first.page);
    for (const [key, value] of Object.entries(CHOSEN)) assert.equal(params[key], value, key);
    assert.deepEqual(await readNotices(first.page), []);
    // The controls show the same settings.
    assert.equal(await first.page.inputValue('#controls [data-key="dataset"] select'), 'xor');
    assert.equal(await first.page.inputValue('#steps-per-frame'), '3');
    assert.equal(await first.page.textContent('#play'), 'Play');
    const members = await first.page.evaluate(() => [...document.querySelectorAll('#race-cards [data-member]')].map((e) => e.dataset.member));
    assert.deepEqual(members, ['relu', 'tanh', 'elu']);
    numbers = await stepAndRead(first.page);
    // The numbers are the core's for the chosen settings at step 3, and so are the boundaries.
    const core = await coreRace(CHOSEN_CORE, 3);
    try {
      for (const shown of numbers) {
        const want = core[shown.name].metrics;
        for (const key of ['trainLoss', 'testLoss']) {
          assert.ok(Math.abs(Number(shown[key]) - want[key]) <= 1e-12 * Math.max(1, want[key]), `${shown.name} ${key}: ${shown[key]}, the core ${want[key]}`);
        }
      }
    } finally {
      core.done();
    }
    await afterFrames(first.page, 3);
    await assertRaceMatchesCore(first.page);
    fullHash = await first.page.evaluate(() => location.hash);
    assert.deepEqual(first.errors, []);
  } finally {
    await first.context.close();
  }

  // The full address the page wrote reproduces the same settings and the same bits.
  const second = await openLab(lab.browser, lab.url, { hash: fullHash });
  try {
    assert.equal(await second.page.evaluate(() => location.hash), fullHash);
    assert.deepEqual(await stepAndRead(second.page), numbers);
    assert.deepEqual(second.errors, []);
  } finally {
    await second.context.close();
  }
});

const HOSTILE = [
  ['dataset', encodeURIComponent('<img src=x onerror="window.__pwned=1">')],
  ['learningRate', 'NaN'],
  ['noise', '1e309'],
  ['hidden', Array(1000).fill(8).join(',')],
  ['members', 'relu,no_such_activation'],
  ['init', encodeURIComponent('<script>window.__pwned=2</script>')],
  ['seed', '-1'],
  [encodeURIComponent('<b>unknown</b>'), '1'],
];

test('hostile URL values fall back to the defaults with a notice and run no script', { timeout: TEST_TIMEOUT }, async () => {
  const hash = `#${HOSTILE.map(([k, v]) => `${k}=${v}`).join('&')}`;
  const { page, context, errors } = await openLab(lab.browser, lab.url, { hash });
  try {
    const params = await readHashParams(page);
    assert.equal(params.dataset, 'spiral');
    assert.equal(params.init, 'xavier');
    assert.equal(params.hidden, '8,8,8,8,8');
    assert.equal(params.members, 'sigmoid,tanh,relu,leaky_relu');
    assert.ok(!('<b>unknown</b>' in params), 'unknown keys are dropped from the address');
    for (const key of ['learningRate', 'noise', 'seed']) assert.match(params[key], /^[0-9.e-]+$/, key);

    const notices = await readNotices(page);
    assert.equal(notices.length >= 6, true, `one notice per bad value: ${notices.join(' | ')}`);
    assert.ok(notices.some((n) => n.includes('<img src=x onerror=')), 'the markup is shown as text');
    assert.ok(notices.some((n) => n.includes('<b>unknown</b>')));
    // Shown as text, never parsed: no element came from the URL, no script ran.
    assert.equal(await page.evaluate(() => document.querySelectorAll('#notices img, #notices script, #notices b').length), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    // The page still runs on the defaults.
    await poll(async () => Object.values(await readSteps(page)).every((v) => v > 0), { what: 'every network to step' });
    assert.deepEqual(errors, []);
    assert.deepEqual(await cspViolations(page), []);
    await screenshot(page, 'lab-hostile-url.png');
    // And what it shows is the core's race for the settings it fell back to.
    await pauseRace(page);
    await assertRaceMatchesCore(page);

    // The same holds for an address edited after load.
    await page.evaluate(() => { location.hash = `${location.hash}&batchSize=${encodeURIComponent('<svg onload=window.__pwned=3>')}`; });
    await poll(async () => (await readNotices(page)).some((n) => n.includes('<svg onload')), { what: 'a notice quoting the markup as text' });
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.match((await readHashParams(page)).batchSize, /^\d+$/);
  } finally {
    await context.close();
  }
});

test('a combination the core rejects falls back for the field it names', { timeout: TEST_TIMEOUT }, async () => {
  // Each value is in range on its own, but the circle has exactly two classes.
  const { page, context, errors } = await openLab(lab.browser, lab.url, { hash: '#dataset=circle&classes=5' });
  try {
    await poll(async () => (await readHashParams(page)).classes === '2', { what: 'classes reset to 2 in the hash' });
    assert.equal((await readHashParams(page)).dataset, 'circle');
    assert.ok((await readNotices(page)).some((n) => /classes/.test(n)));
    // The run after the fallback is the core's for the circle with two classes.
    await poll(async () => Object.values(await readSteps(page)).every((v) => v > 0), { what: 'every network to step' });
    await pauseRace(page);
    await assertRaceMatchesCore(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
