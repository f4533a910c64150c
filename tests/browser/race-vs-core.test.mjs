// The race as the core computes it: for settings that take different paths through the core (each
// dataset, three optimizers, four initialisers, 2-8 classes, every preset, clicked points on the
// generated data and alone), the page is opened paused, stepped with its own Step button, and every
// card's step, losses, accuracies and boundary colours must equal the core's for the same address,
// trained here in Node by the same module to the same step (core-oracle.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labSession, openLab, readSteps, poll } from './lab-page.mjs';
import { afterFrames } from './chromium.mjs';
import { assertRaceMatchesCore } from './core-oracle.mjs';

const TEST_TIMEOUT = 60000;
const STEPS = 60;  // one press of Step at this many steps per frame
const lab = labSession();

const CASES = [
  ['the default race', ''],
  ['xor, Adam, He init', 'dataset=xor&optimizer=adam&init=he&seed=3'],
  ['circle, momentum with Nesterov, batch 1', 'dataset=circle&optimizer=momentum&momentum=0.9&nesterov=true&batchSize=1&seed=11'],
  ['moons, L2 and clipping', 'dataset=moons&l2=0.001&clipNorm=1&members=relu,elu&seed=5'],
  ['checkerboard, wide layers', 'dataset=checkerboard&hidden=32,32&members=tanh,gelu,swish&seed=9'],
  ['gauss with 5 classes', 'dataset=gauss&classes=5&members=relu,softplus&seed=2'],
  ['spiral with 3 classes, normal init', 'dataset=spiral&classes=3&init=normal&members=sigmoid,relu,mish&seed=8'],
  ['clicked points on the generated data', 'dataset=circle&added=1.5:-2:1,0.25:3:0,-3:-3:1&seed=4'],
  ['only clicked points', 'data=cleared&added=-3:-3:0,-2:-3:0,-3:-2:0,3:3:1,2:3:1,3:2:1,0:3:1,3:0:1,-3:0:0,0:-3:0&members=relu,tanh'],
  ...['vanishing', 'dying', 'sparsity', 'cost', 'playground'].map((name) => [`the "${name}" preset`, `preset=${name}`]),
];

for (const [name, settings] of CASES) {
  test(`${name}: every card shows the core's step, losses, accuracies and boundary`, { timeout: TEST_TIMEOUT }, async () => {
    const hash = `#${settings}${settings ? '&' : ''}playing=false&stepsPerFrame=${STEPS}`;
    const { page, context, errors } = await openLab(lab.browser, lab.url, { hash });
    try {
      await page.click('#step');
      await poll(async () => Object.values(await readSteps(page)).every((s) => s === STEPS), { what: `every network at step ${STEPS}` });
      await afterFrames(page, 3);  // the cards draw the stepped frame's boundaries
      const cards = await assertRaceMatchesCore(page);
      assert.ok(cards.length >= 2);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
