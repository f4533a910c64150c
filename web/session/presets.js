// One-click presets that reproduce a finding. Each is a set of settings laid over the defaults,
// plus the few plain sentences shown while it is active, saying what to look at and why. They state
// mechanisms, not results: the results of the run on screen are stated by the figures and by the
// sentences written from them (the why view's sentence, the claims strip), so no text can
// contradict a figure. The native checks below are how each preset was chosen
// (tests/browser/presets.test.mjs checks the vanishing-gradient one in the page).
export const PRESETS = [
  {
    name: 'vanishing',
    label: 'Vanishing gradients',
    values: {
      dataset: 'spiral', hidden: [8, 8, 8, 8, 8, 8, 8, 8, 8, 8], init: 'xavier', optimizer: 'sgd', learningRate: 0.03,
      members: ['sigmoid', 'tanh', 'relu', 'leaky_relu'], stepsPerFrame: 20,
    },
    // Native check (seed 1, 20,000 steps, read every 10): sigmoid's ratio stayed below 1e-3 in 2,000 of
    // 2,001 readings (about 1e-6 typically), ReLU's above 1e-2 in all; ReLU reached 99% by ~12,000 steps,
    // tanh ~72%, sigmoid stayed at chance.
    text: 'Ten hidden layers, plain SGD. Sigmoid\'s slope is at most 0.25, so every layer can shrink the gradient ' +
      'on its way back to the first layer; ReLU\'s slope is 1 wherever a unit is on. Compare the first/last ratios ' +
      'in the why view (its sentence quotes this run\'s numbers) and watch which boundaries leave 50/50. Tanh, slope 1 ' +
      'at zero but flat far from it, sits in between.',
  },
  {
    name: 'dying',
    label: 'Dying ReLU',
    values: {
      seed: 3, dataset: 'spiral', hidden: [8, 8, 8, 8, 8], init: 'he', optimizer: 'adam', learningRate: 0.03,
      members: ['relu', 'leaky_relu', 'prelu', 'elu'],
    },
    // Native check (seed 3, 6,000 steps): ReLU 55% dead units, stuck at 65% accuracy; Leaky ReLU 98%,
    // PReLU 97%, ELU 87%, none with a dead unit.
    text: 'Where ReLU can lose. With Adam at a high learning rate, large updates can push a ReLU unit below zero ' +
      'for every point: its output and its gradient are then exactly zero and it never comes back. Watch ' +
      '"dead units" in the why view and whether ReLU\'s boundary freezes part-way. Leaky ReLU, PReLU and ELU keep a ' +
      'slope below zero, so their units cannot die that way.',
  },
  {
    name: 'sparsity',
    label: 'Sparsity',
    values: {
      dataset: 'circle', hidden: [16, 16], init: 'he', optimizer: 'adam', learningRate: 0.01,
      members: ['relu', 'leaky_relu', 'gelu', 'tanh'],
    },
    // Native check (seed 1, 3,000 steps): ReLU ~53% exact zeros and no dead unit, GELU ~2%, the others 0;
    // all four near 100% accuracy.
    text: 'A problem all four can solve. Look at "exact zeros" in the why view: ReLU outputs exactly zero for ' +
      'every negative input, so for any one point many of its units are simply off, which is cheap to store and ' +
      'makes each unit an on/off feature, without the unit being dead. Leaky ReLU, GELU and tanh output an exact ' +
      'zero only by accident, so every unit costs a multiply for every point.',
  },
  {
    name: 'cost',
    label: 'Cost',
    values: {
      dataset: 'spiral', hidden: [16, 16, 16], init: 'he',
      members: ['relu', 'leaky_relu', 'sigmoid', 'tanh', 'elu', 'gelu', 'swish', 'mish'],
    },
    text: 'Eight networks, one per activation: see the cost view, measured in this browser. ReLU is a comparison; ' +
      'sigmoid, tanh, GELU and Mish need an exponential or more, and the textbook libm versions (striped) do more ' +
      'work still. In networks this small the activation is only part of a training step, so compare the steps per ' +
      'second with the kernels\' multiples of ReLU.',
  },
  {
    name: 'playground',
    label: 'Playground classic',
    values: {
      dataset: 'circle', noise: 0, testFraction: 0.5, hidden: [4, 2], init: 'playground', optimizer: 'sgd',
      learningRate: 0.03, batchSize: 10, members: ['tanh', 'relu', 'sigmoid', 'identity'],
    },
    // Native check (seed 1): ReLU 96% at step 1,000, tanh 87%; both ~100% by 1,500; sigmoid and identity at chance.
    text: 'TensorFlow Playground\'s opening screen: a circle, two small layers, the four activations it offers. ' +
      'On a net this shallow there is no gradient problem for ReLU to solve, so tanh can do as well. Sigmoid ' +
      'starts from Playground\'s small initial weights with a slope of at most 0.25; identity (no activation) can ' +
      'only draw a straight line, which no circle fits.',
  },
];

export const presetByName = (name) => PRESETS.find((p) => p.name === name) ?? null;

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
