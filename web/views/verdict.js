// The verdict: three to five plain sentences that answer "why does ReLU beat sigmoid and tanh?"
// from numbers measured in this browser, and say when it does not. Pure: numbers in, sentences
// out; every number in a sentence comes from the input (nothing is typed in here), and each
// sentence is a template with named placeholders (TEMPLATES), so it can be translated.
//
// composeVerdict(input) -> {sentences: [{key, text, values}]}; `values` holds the raw numbers
// (and names) the placeholders were filled from. Input, every part optional:
//   claims: {vanishing: {depth, width, items: [{name, init, ratio}]},
//            cost: {items: [{name, ratio}]}  (per element, forward + backward, x ReLU),
//            sparsity: {items: [{name, zeroShare, zeroMultiplyAddShare?}]}}
//   bounds: {name: max|f'|}                 (lab.activationCurves' maxDerivative)
//   stepCost: {name: multiple of ReLU's time per whole training step}  (the run's steps/s)
//   run: {learningRate, racers: [{name, testAccuracy, diverged, deadShare, saturatedShare, ratio}]}
//   depth: a depth-sweep result ({init, width, items: [{name, init, points: [{depth, median}]}]})
import { formatPercent } from './format.js';
import { formatRatio, formatTimes, twoDigits } from './ratio-text.js';

export const TEMPLATES = Object.freeze({
  vanishing: '{sigmoid}\u2019s slope is at most {sigmoidBound}, so in a fresh {depth}-layer net ({sigmoidInit} init) only '
    + '{sigmoidRatio} of the last layer\u2019s gradient reaches the first; {relu}\u2019s slope is {reluBound} wherever it is '
    + 'active, and it passes {reluRatio} ({reluInit} init).',
  vanishingNoBound: 'In a fresh {depth}-layer net only {sigmoidRatio} of the last layer\u2019s gradient reaches {sigmoid}\u2019s '
    + 'first layer ({sigmoidInit} init); {relu} passes {reluRatio} ({reluInit} init).',
  tanhCondition: '{tanh} passes more gradient than {relu} here ({tanhRatio} against {reluRatio}) because of its condition: '
    + '{tanhInit} init, {depth} layers of {width}, and only {tanhSaturated} of its units saturated.',
  tanhDepth: 'That condition is narrow: with {depthInit} init at {depthMax} layers, {tanh} passes {tanhDeep} and {relu} {reluDeep}.',
  tanhBehind: '{tanh} is zero-centred but saturates too: it passes {tanhRatio} against {relu}\u2019s {reluRatio} ({tanhInit} init, '
    + '{tanhSaturated} of its units saturated).',
  cost: 'Per element, {sigmoid} costs {sigmoidCost} and {tanh} {tanhCost} what {relu} does, but a whole training step of this '
    + 'net only {stepCost}: the multiply-adds, not the activation, take most of the time.',
  costNoStep: 'Per element, {sigmoid} costs {sigmoidCost} and {tanh} {tanhCost} what {relu} does.',
  // When this run's whole step is not cheaper than the kernels suggest, say so plainly (no "only").
  costStepMeasured: 'Per element, {sigmoid} costs {sigmoidCost} and {tanh} {tanhCost} what {relu} does; a whole training step '
    + 'of this net measured {stepCost} {relu}\u2019s in this run.',
  sparsity: '{relu} outputs exact zeros for {zeroShare} of its hidden values, {zeroMacShare} of the next layers\u2019 '
    + 'multiply-adds; dense kernels (this lab\u2019s and most libraries\u2019) still do every one of them.',
  sparsityNoMacs: '{relu} outputs exact zeros for {zeroShare} of its hidden values; dense kernels still multiply by them.',
  reluLosesRun: '{relu} does not win this run: {winner} reaches {winnerAccuracy} test accuracy against {relu}\u2019s '
    + '{reluAccuracy}, with {reluDead} of {relu}\u2019s units dead at learning rate {learningRate}.',
  reluDiverged: '{relu} does not win this run: at learning rate {learningRate} it diverged, while {winner} reaches {winnerAccuracy}.',
  reluLimits: '{relu} does not always win: at high learning rates its units can die ({reluDead} dead in this run), tanh with '
    + 'Xavier init holds up at moderate depth, and on small nets smooth activations can match it.',
});

const LABELS = { relu: 'ReLU', sigmoid: 'Sigmoid', tanh: 'Tanh' };

function fill(key, values, shown) {
  const text = TEMPLATES[key].replace(/\{(\w+)\}/g, (_, name) => {
    if (!(name in shown)) throw new Error(`verdict: template ${key} needs ${name}`);
    return shown[name];
  });
  return { key, text, values };
}

const byName = (items) => new Map((items ?? []).map((it) => [it.name, it]));
const has = (v) => typeof v === 'number' && Number.isFinite(v);

export function composeVerdict(input = {}, { labelOf = (n) => LABELS[n] ?? n } = {}) {
  const names = { sigmoid: labelOf('sigmoid'), tanh: labelOf('tanh'), relu: labelOf('relu') };
  const sentences = [vanishingSentence(input, names), tanhSentence(input, names), ...tanhDepthSentence(input, names),
    costSentence(input, names), sparsitySentence(input, names), reluLimitSentence(input, names, labelOf)].filter(Boolean);
  // At most five: the sparsity sentence gives way first (the claims strip shows it), then tanh's depth.
  for (const key of ['sparsity', 'sparsityNoMacs', 'tanhDepth']) {
    const i = sentences.findIndex((s) => s.key === key);
    if (sentences.length > MAX_SENTENCES && i >= 0) sentences.splice(i, 1);
  }
  return { sentences };
}

const MAX_SENTENCES = 5;

function vanishingSentence({ claims, bounds }, names) {
  const v = byName(claims?.vanishing?.items);
  const s = v.get('sigmoid'), r = v.get('relu');
  if (!s || !r || !has(s.ratio) || !has(r.ratio)) return null;
  const values = { depth: claims.vanishing.depth, sigmoidRatio: s.ratio, sigmoidInit: s.init, reluRatio: r.ratio, reluInit: r.init };
  const shown = { ...names, depth: String(values.depth), sigmoidRatio: formatRatio(s.ratio), sigmoidInit: s.init,
    reluRatio: formatRatio(r.ratio), reluInit: r.init };
  if (has(bounds?.sigmoid) && has(bounds?.relu)) {
    return fill('vanishing', { ...values, sigmoidBound: bounds.sigmoid, reluBound: bounds.relu },
      { ...shown, sigmoidBound: twoDigits(bounds.sigmoid), reluBound: twoDigits(bounds.relu) });
  }
  return fill('vanishingNoBound', values, shown);
}

// Tanh's figures from the claim's fresh net (its saturation too, when measured; else the run's tanh racer's).
function tanhFigures({ claims, run }) {
  const v = byName(claims?.vanishing?.items);
  const t = v.get('tanh'), r = v.get('relu');
  if (!t || !r || !has(t.ratio) || !has(r.ratio)) return null;
  const racer = byName(run?.racers).get('tanh');
  const saturated = t.saturatedShare ?? racer?.saturatedShare;  // the claim's own net first: the card quotes the same
  return { t, r, saturated };
}

function tanhSentence(input, names) {
  const figures = tanhFigures(input);
  if (!figures) return null;
  const { t, r, saturated } = figures;
  const { depth, width } = input.claims.vanishing;
  const values = { tanhRatio: t.ratio, reluRatio: r.ratio, tanhInit: t.init, depth, width, tanhSaturated: saturated };
  const shown = { ...names, tanhRatio: formatRatio(t.ratio), reluRatio: formatRatio(r.ratio), tanhInit: t.init,
    depth: String(depth), width: String(width), tanhSaturated: has(saturated) ? formatPercent(saturated, 0) : 'an unmeasured share' };
  return fill(t.ratio > r.ratio ? 'tanhCondition' : 'tanhBehind', values, shown);
}

// When tanh wins the claim's net, the depth figure (if measured) names where its condition fails:
// the deepest depth measured under the sweep's init, when ReLU passes more there.
function tanhDepthSentence(input, names) {
  const figures = tanhFigures(input);
  const d = byName(input.depth?.items);
  if (!figures || figures.t.ratio <= figures.r.ratio || !d.get('tanh') || !d.get('relu')) return [];
  const deepest = (it) => it.points[it.points.length - 1];
  const t = deepest(d.get('tanh')), r = deepest(d.get('relu'));
  if (!t || !r || t.depth !== r.depth || !(r.median > t.median)) return [];
  const values = { depthInit: d.get('tanh').init, depthMax: t.depth, tanhDeep: t.median, reluDeep: r.median };
  return [fill('tanhDepth', values, { ...names, depthInit: values.depthInit, depthMax: String(t.depth),
    tanhDeep: formatRatio(t.median), reluDeep: formatRatio(r.median) })];
}

function costSentence({ claims, stepCost }, names) {
  const c = byName(claims?.cost?.items);
  const s = c.get('sigmoid'), t = c.get('tanh');
  if (!s || !t || !has(s.ratio) || !has(t.ratio)) return null;
  const values = { sigmoidCost: s.ratio, tanhCost: t.ratio };
  const shown = { ...names, sigmoidCost: formatTimes(s.ratio), tanhCost: formatTimes(t.ratio) };
  const steps = [stepCost?.sigmoid, stepCost?.tanh].filter(has);
  if (!steps.length) return fill('costNoStep', values, shown);
  const step = Math.max(...steps);
  const key = step < Math.min(s.ratio, t.ratio) ? 'cost' : 'costStepMeasured';
  return fill(key, { ...values, stepCost: step }, { ...shown, stepCost: formatTimes(step) });
}

function sparsitySentence({ claims }, names) {
  const r = byName(claims?.sparsity?.items).get('relu');
  if (!r || !has(r.zeroShare)) return null;
  const shown = { ...names, zeroShare: formatPercent(r.zeroShare, 0) };
  if (!has(r.zeroMultiplyAddShare)) return fill('sparsityNoMacs', { zeroShare: r.zeroShare }, shown);
  return fill('sparsity', { zeroShare: r.zeroShare, zeroMacShare: r.zeroMultiplyAddShare },
    { ...shown, zeroMacShare: formatPercent(r.zeroMultiplyAddShare, 0) });
}

// Always one sentence on when ReLU does not win: this run's loss if it lost, else its limits.
function reluLimitSentence({ run }, names, labelOf) {
  const racers = run?.racers ?? [];
  const relu = racers.find((r) => r.name === 'relu');
  if (!relu) return null;
  const others = racers.filter((r) => r.name !== 'relu' && !r.diverged && has(r.testAccuracy));
  const best = others.sort((a, b) => b.testAccuracy - a.testAccuracy)[0];
  const lr = run.learningRate;
  const dead = relu.deadShare;
  const shownDead = has(dead) ? formatPercent(dead, 0) : 'some';
  if (relu.diverged && best) {
    return fill('reluDiverged', { learningRate: lr, winner: best.name, winnerAccuracy: best.testAccuracy },
      { ...names, learningRate: String(lr), winner: labelOf(best.name), winnerAccuracy: formatPercent(best.testAccuracy) });
  }
  if (best && has(relu.testAccuracy) && best.testAccuracy > relu.testAccuracy) {
    return fill('reluLosesRun', { winner: best.name, winnerAccuracy: best.testAccuracy, reluAccuracy: relu.testAccuracy,
      reluDead: dead, learningRate: lr }, { ...names, winner: labelOf(best.name), winnerAccuracy: formatPercent(best.testAccuracy),
      reluAccuracy: formatPercent(relu.testAccuracy), reluDead: shownDead, learningRate: String(lr) });
  }
  return fill('reluLimits', { reluDead: dead }, { ...names, reluDead: shownDead });
}

/**
 * The verdict's `run` part from what a run reports per racer: [{name, metrics: {testAccuracy},
 * diverged, diagnostics}] (diagnostics as Network.diagnostics() gives them). Dead and saturated
 * shares are over all hidden units (dead) and all hidden outputs (saturated), weighted by width.
 */
export function verdictRun(members, learningRate) {
  return {
    learningRate,
    racers: members.map(({ name, metrics, diverged, diagnostics }) => {
      const hidden = diagnostics?.layers?.slice(0, -1) ?? [];
      const units = hidden.reduce((s, l) => s + l.units, 0);
      const weighted = (key) => (units ? hidden.reduce((s, l) => s + l[key] * l.units, 0) / units : undefined);
      return { name, testAccuracy: metrics?.testAccuracy, diverged: Boolean(diverged),
        deadShare: units ? hidden.reduce((s, l) => s + l.deadUnits, 0) / units : undefined,
        saturatedShare: weighted('saturatedFraction'), ratio: diagnostics?.firstLastGradRatio };
    }),
  };
}

/** The verdict's `stepCost` from training steps per second by name: each racer's time per step as a multiple of ReLU's. */
export function verdictStepCost(stepsPerSecond) {
  const relu = stepsPerSecond.relu;
  if (!(relu > 0)) return {};
  return Object.fromEntries(Object.entries(stepsPerSecond).filter(([, rate]) => rate > 0).map(([name, rate]) => [name, relu / rate]));
}
