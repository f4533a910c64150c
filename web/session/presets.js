// One-click presets that reproduce a finding. Each is a set of settings laid over the defaults,
// plus the few plain sentences shown while it is active, saying what to look at and why. Whatever a
// text says will happen is also stated as data, `outcome: {after: steps, expect: [[activation,
// metric, op, value], ...]}` (judged by preset-outcome.js), and tests/node/preset-outcomes.test.mjs
// requires it in at least 18 of 20 seeds, so a text holds beyond the one seed on screen. The
// numbers of the run on screen are stated by the figures and the sentences written from them. The
// comments give the across-seeds figures each preset was chosen from
// (tests/browser/presets.test.mjs checks the vanishing-gradient one in the page).
import { englishTranslator } from '../i18n/i18n.js';

export const PRESETS = [
  {
    name: 'vanishing',
    label: 'Vanishing gradients',
    values: {
      dataset: 'spiral', hidden: [8, 8, 8, 8, 8, 8, 8, 8, 8, 8], init: 'xavier', optimizer: 'sgd', learningRate: 0.03,
      members: ['sigmoid', 'tanh', 'relu', 'leaky_relu'], stepsPerFrame: 20,
    },
    // Seeds 1-20 at step 3,000 (actlab sweep): sigmoid's ratio 1e-6 to 3e-5, its test accuracy 44-53%;
    // ReLU's ratio 0.2 to 20, tanh's 0.5 to 10. By 12,000 steps ReLU's median test accuracy is 94%,
    // tanh's 75%, sigmoid's 48%.
    outcome: {
      after: 3000,
      expect: [['sigmoid', 'firstLastGradRatio', '<', 1e-3], ['sigmoid', 'testAccuracy', '<', 0.6],
        ['relu', 'firstLastGradRatio', '>', 1e-2], ['tanh', 'firstLastGradRatio', '>', 1e-2]],
    },
    text: 'Ten hidden layers, plain SGD. Sigmoid\'s slope is at most 0.25, so every layer can shrink the gradient ' +
      'on its way back to the first layer; ReLU\'s slope is 1 wherever a unit is on. Compare the first/last ratios ' +
      'in the why view (its sentence quotes this run\'s numbers) and watch which boundaries leave 50/50: sigmoid\'s ' +
      'does not. Tanh\'s slope is 1 at zero and Xavier\'s initial weights keep its units near zero, so its gradient ' +
      'reaches the first layer too; it learns, more slowly than ReLU in most runs.',
  },
  {
    name: 'dying',
    label: 'Dying ReLU',
    values: {
      seed: 6, dataset: 'spiral', hidden: [6, 6, 6, 6, 6, 6], init: 'he', optimizer: 'adam', learningRate: 0.01,
      members: ['relu', 'leaky_relu', 'prelu', 'elu'],
    },
    // Seeds 1-20 at step 6,000 (actlab sweep): ReLU lost 1-20 of its 36 units in every seed and ended
    // below 80% test accuracy in 8 (seed 6: 17 dead, 47%); Leaky ReLU, PReLU and ELU lost none and
    // reached 84-100%. At Adam's 0.03 (this preset's earlier setting) ELU and Leaky ReLU stalled
    // too, in half the seeds: the learning rate was too high for every activation, not only ReLU.
    outcome: {
      after: 6000,
      expect: [['relu', 'deadUnits', '>', 0], ['leaky_relu', 'deadUnits', '==', 0], ['prelu', 'deadUnits', '==', 0],
        ['elu', 'deadUnits', '==', 0], ['leaky_relu', 'testAccuracy', '>', 0.8], ['prelu', 'testAccuracy', '>', 0.8],
        ['elu', 'testAccuracy', '>', 0.8]],
    },
    text: 'Where ReLU can lose. Six narrow layers and Adam\'s large early steps can push a ReLU unit below zero ' +
      'for every point: its output and its gradient are then exactly zero and it never comes back. Watch ' +
      '"dead units" in the why view: ReLU loses some in every run, and when it loses many (as with this seed) its ' +
      'boundary freezes part-way. Leaky ReLU, PReLU and ELU keep a slope below zero, so their units cannot die that ' +
      'way, and they keep learning.',
  },
  {
    name: 'sparsity',
    label: 'Sparsity',
    values: {
      dataset: 'circle', hidden: [16, 16], init: 'he', optimizer: 'adam', learningRate: 0.01,
      members: ['relu', 'leaky_relu', 'gelu', 'tanh'],
    },
    // Seeds 1-20 at step 1,000 (actlab sweep): all four at 98-100% test accuracy; ReLU 40-60% exact
    // zeros (with a dead unit in about half the seeds), GELU 2-8%, Leaky ReLU and tanh 0.
    outcome: {
      after: 1000,
      expect: [['relu', 'testAccuracy', '>', 0.95], ['leaky_relu', 'testAccuracy', '>', 0.95],
        ['gelu', 'testAccuracy', '>', 0.95], ['tanh', 'testAccuracy', '>', 0.95], ['relu', 'zeroFraction', '>', 0.3],
        ['gelu', 'zeroFraction', '<', 0.2], ['leaky_relu', 'zeroFraction', '<', 0.01], ['tanh', 'zeroFraction', '<', 0.01]],
    },
    text: 'A problem all four can solve. Look at "exact zeros" in the why view: ReLU outputs exactly zero for ' +
      'every negative input, so for any one point many of its units are simply off, which is cheap to store and ' +
      'makes each unit an on/off feature; most of those units are on for other points (the few that are off for ' +
      'every point are counted apart, as dead). Leaky ReLU and tanh output an exact zero only by accident, GELU ' +
      'rarely, so their units cost a multiply for every point.',
  },
  {
    name: 'cost',
    label: 'Cost',
    values: {
      dataset: 'spiral', hidden: [16, 16, 16], init: 'he',
      members: ['relu', 'leaky_relu', 'sigmoid', 'tanh', 'elu', 'gelu', 'swish', 'mish'],
    },
    // Seeds 1-20 at step 3,000 (actlab sweep): ELU, Mish and Swish 91-100% test accuracy, sigmoid
    // 53-64%; ReLU, Leaky ReLU and tanh between (59-100%, seed-dependent).
    outcome: {
      after: 3000,
      expect: [['elu', 'testAccuracy', '>', 0.9], ['mish', 'testAccuracy', '>', 0.9], ['swish', 'testAccuracy', '>', 0.9],
        ['sigmoid', 'testAccuracy', '<', 0.7]],
    },
    text: 'Eight networks, one per activation: see the cost view, measured in this browser. ReLU is a comparison; ' +
      'sigmoid, tanh, GELU and Mish need an exponential or more, and the textbook libm versions (striped) do more ' +
      'work still. In networks this small the activation is only part of a training step, so compare the steps per ' +
      'second with the kernels\' multiples of ReLU. Cost is not the whole bill: with plain SGD on this spiral the ' +
      'smooth ELU, Mish and Swish pass 90% within 3,000 steps, while sigmoid is still below 70%.',
  },
  {
    name: 'playground',
    label: 'Playground classic',
    values: {
      dataset: 'circle', noise: 0, testFraction: 0.5, hidden: [4, 2], init: 'playground', optimizer: 'sgd',
      learningRate: 0.03, batchSize: 10, members: ['tanh', 'relu', 'sigmoid', 'identity'],
    },
    // Seeds 1-20 at step 2,000 (actlab sweep): tanh 97-100% test accuracy, ReLU 99-100% (one seed 86%);
    // sigmoid 38-68%, identity 29-65% (median 48%).
    outcome: {
      after: 2000,
      expect: [['tanh', 'testAccuracy', '>', 0.9], ['relu', 'testAccuracy', '>', 0.9], ['sigmoid', 'testAccuracy', '<', 0.7],
        ['identity', 'testAccuracy', '<', 0.7]],
    },
    text: 'TensorFlow Playground\'s opening screen: a circle, two small layers, the four activations it offers. ' +
      'On a net this shallow there is no gradient problem for ReLU to solve, so tanh does as well. Sigmoid ' +
      'starts from Playground\'s small initial weights with a slope of at most 0.25 and is still near chance. ' +
      'Identity (no activation) makes the whole network one linear function, so its boundary is a straight line, ' +
      'and no line separates a circle from the ring around it: the best a line can do is about half right, and the ' +
      'line it settles on can score well below half on the test points (it splits the ring unevenly).',
  },
];

export const presetByName = (name) => PRESETS.find((p) => p.name === name) ?? null;

/**
 * A preset's label and text in the reader's language: its own English above for English (the
 * catalog's preset.<name>.label / .text are written from it), the catalog's for another language.
 */
export function presetWords(preset, i18n = englishTranslator) {
  if (i18n.lang === 'en') return { label: preset.label, text: preset.text };
  const word = (part) => (i18n.has(`preset.${preset.name}.${part}`) ? i18n.t(`preset.${preset.name}.${part}`) : preset[part]);
  return { label: word('label'), text: word('text') };
}

/** The full settings of a preset: defaults, then its values, clicked points cleared, playing. */
export function presetValues(table, preset, { reducedMotion = false } = {}) {
  const values = {};
  for (const row of table.rows) values[row.key] = structuredClone(row.default);
  for (const [key, value] of Object.entries(preset.values)) {
    if (table.byKey.has(key)) values[key] = structuredClone(value);
  }
  values.preset = preset.name;
  values.playing = !reducedMotion;
  return values;
}
