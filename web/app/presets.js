// One-click presets that reproduce a finding. Each is a set of settings laid over the defaults,
// plus the few plain sentences shown while it is active, saying what to look at.
// The numbers in the sentences were read off these very settings (tests/browser/presets.test.mjs
// checks the vanishing-gradient one).
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
    text: 'Ten hidden layers, plain SGD. Sigmoid\'s slope is at most 0.25, so every layer shrinks the gradient on ' +
      'its way back: in the why view sigmoid\'s first layer gets around a millionth of what its last layer gets ' +
      '(first/last ratio far below 1e-3), and its boundary never moves from 50/50. ReLU\'s slope is 1 wherever a ' +
      'unit is on, so its ratio stays near 1 and it learns the spiral, slowly at this learning rate. Tanh, slope 1 ' +
      'at zero, gets part of the way.',
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
    text: 'Here ReLU loses. At three times the default learning rate, large updates push some ReLU units below ' +
      'zero for every point: their output and their gradient are then exactly zero and they never come back. ' +
      'Watch "dead units" climb to about half the network and ReLU\'s boundary freeze part-way. Leaky ReLU, PReLU ' +
      'and ELU keep a slope below zero, so no unit dies and they go on to learn the spiral.',
  },
  {
    name: 'sparsity',
    label: 'Sparsity',
    values: {
      dataset: 'circle', hidden: [16, 16], init: 'he', members: ['relu', 'leaky_relu', 'gelu', 'tanh'],
    },
    // Native check (seed 1, 3,000 steps): ReLU ~53% exact zeros and no dead unit, GELU ~2%, the others 0;
    // all four near 100% accuracy.
    text: 'All four solve the circle. But about half of ReLU\'s outputs are exactly zero ("exact zeros"): for any ' +
      'one point, many units are simply off, which is cheap to store and makes each unit an on/off feature; yet ' +
      'no unit is dead. Leaky ReLU, GELU and tanh almost never output an exact zero, so every unit costs ' +
      'a multiply for every point.',
  },
  {
    name: 'cost',
    label: 'Cost',
    values: {
      dataset: 'spiral', hidden: [16, 16, 16], init: 'he',
      members: ['relu', 'leaky_relu', 'sigmoid', 'tanh', 'elu', 'gelu', 'swish', 'mish'],
    },
    text: 'Eight networks, one per activation: see the cost view. ReLU is a comparison, far below a nanosecond ' +
      'per element when the loop is vectorised; sigmoid, tanh, GELU and Mish need an exponential or more, and the ' +
      'libm versions (striped) cost more still. In networks this small the activation is only part of a training ' +
      'step, so steps per second differ less than the kernels do.',
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
      'ReLU and tanh both solve it within about 1,500 steps, so on a shallow net ReLU has no gradient problem to ' +
      'solve. Sigmoid, with Playground\'s small initial weights and a slope of at most 0.25, has hardly started; ' +
      'identity (no activation) can only draw a straight line, which no circle fits.',
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
