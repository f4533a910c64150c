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
import english from '../i18n/catalogs/en.js';
import { englishTranslator } from '../i18n/i18n.js';

// Each sentence's template is the catalog's verdict.sentence.<key> (web/i18n/catalogs/*/answer.js);
// TEMPLATES holds the English ones, the placeholders every language's template must be filled from.
export const TEMPLATE_KEYS = ['vanishing', 'vanishingNoBound', 'tanhCondition', 'tanhDepth', 'tanhBehind', 'cost', 'costNoStep',
  'costStepMeasured', 'sparsity', 'sparsityNoMacs', 'reluLosesRun', 'reluDiverged', 'reluLimits'];
export const TEMPLATES = Object.freeze(Object.fromEntries(TEMPLATE_KEYS.map((key) => [key, english[`verdict.sentence.${key}`]])));

const LABELS = { relu: 'ReLU', sigmoid: 'Sigmoid', tanh: 'Tanh' };

// A sentence from its template, every placeholder filled from `shown` (strings as shown); a
// placeholder the code does not fill is a mistake here and throws, naming it.
function fill(key, values, shown) {
  for (const [, name] of TEMPLATES[key].matchAll(/\{(\w+)\}/g)) {
    if (!(name in shown)) throw new Error(`verdict: template ${key} needs ${name}`);
  }
  return { key, text: shown.i18n.t(`verdict.sentence.${key}`, shown), values };
}

// An init as the sentences name it (verdict.init.<name>; the core's name where the catalog has none).
const initName = (init, i18n) => (i18n.has(`verdict.init.${init}`) ? i18n.t(`verdict.init.${init}`) : init);

const byName = (items) => new Map((items ?? []).map((it) => [it.name, it]));
const has = (v) => typeof v === 'number' && Number.isFinite(v);

export function composeVerdict(input = {}, { labelOf = (n) => LABELS[n] ?? n, i18n = englishTranslator } = {}) {
  // `names` travels with every sentence's shown values: the labels and the translator that words them;
  // holding `i18n`, it is also the options every number format takes (formatRatio(v, names)), so a
  // number reads in the sentence's language (zh-CN: '6.1 倍', not '6.1×').
  const names = { sigmoid: labelOf('sigmoid'), tanh: labelOf('tanh'), relu: labelOf('relu'), i18n };
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
  const shown = { ...names, depth: String(values.depth), sigmoidRatio: formatRatio(s.ratio, names), sigmoidInit: initName(s.init, names.i18n),
    reluRatio: formatRatio(r.ratio, names), reluInit: initName(r.init, names.i18n) };
  if (has(bounds?.sigmoid) && has(bounds?.relu)) {
    return fill('vanishing', { ...values, sigmoidBound: bounds.sigmoid, reluBound: bounds.relu },
      { ...shown, sigmoidBound: twoDigits(bounds.sigmoid, names), reluBound: twoDigits(bounds.relu, names) });
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
  const shown = { ...names, tanhRatio: formatRatio(t.ratio, names), reluRatio: formatRatio(r.ratio, names), tanhInit: initName(t.init, names.i18n),
    depth: String(depth), width: String(width),
    tanhSaturated: has(saturated) ? formatPercent(saturated, 0, names) : names.i18n.t('verdict.unmeasuredShare') };
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
  return [fill('tanhDepth', values, { ...names, depthInit: initName(values.depthInit, names.i18n), depthMax: String(t.depth),
    tanhDeep: formatRatio(t.median, names), reluDeep: formatRatio(r.median, names) })];
}

function costSentence({ claims, stepCost }, names) {
  const c = byName(claims?.cost?.items);
  const s = c.get('sigmoid'), t = c.get('tanh');
  if (!s || !t || !has(s.ratio) || !has(t.ratio)) return null;
  const values = { sigmoidCost: s.ratio, tanhCost: t.ratio };
  const shown = { ...names, sigmoidCost: formatTimes(s.ratio, names), tanhCost: formatTimes(t.ratio, names) };
  const steps = [stepCost?.sigmoid, stepCost?.tanh].filter(has);
  if (!steps.length) return fill('costNoStep', values, shown);
  const step = Math.max(...steps);
  const key = step < Math.min(s.ratio, t.ratio) ? 'cost' : 'costStepMeasured';
  return fill(key, { ...values, stepCost: step }, { ...shown, stepCost: formatTimes(step, names) });
}

function sparsitySentence({ claims }, names) {
  const r = byName(claims?.sparsity?.items).get('relu');
  if (!r || !has(r.zeroShare)) return null;
  const shown = { ...names, zeroShare: formatPercent(r.zeroShare, 0, names) };
  if (!has(r.zeroMultiplyAddShare)) return fill('sparsityNoMacs', { zeroShare: r.zeroShare }, shown);
  return fill('sparsity', { zeroShare: r.zeroShare, zeroMacShare: r.zeroMultiplyAddShare },
    { ...shown, zeroMacShare: formatPercent(r.zeroMultiplyAddShare, 0, names) });
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
  const shownDead = has(dead) ? formatPercent(dead, 0, names) : names.i18n.t('verdict.someDead');
  if (relu.diverged && best) {
    return fill('reluDiverged', { learningRate: lr, winner: best.name, winnerAccuracy: best.testAccuracy },
      { ...names, learningRate: String(lr), winner: labelOf(best.name), winnerAccuracy: formatPercent(best.testAccuracy, 1, names) });
  }
  if (best && has(relu.testAccuracy) && best.testAccuracy > relu.testAccuracy) {
    return fill('reluLosesRun', { winner: best.name, winnerAccuracy: best.testAccuracy, reluAccuracy: relu.testAccuracy,
      reluDead: dead, learningRate: lr }, { ...names, winner: labelOf(best.name), winnerAccuracy: formatPercent(best.testAccuracy, 1, names),
      reluAccuracy: formatPercent(relu.testAccuracy, 1, names), reluDead: shownDead, learningRate: String(lr) });
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
