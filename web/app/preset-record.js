// A preset's across-seeds record beside its text: what the preset states will happen (its
// `outcome` data, web/session/presets.js), in words, as tests/node/preset-outcomes.test.mjs checks it
// over 20 seeds. The element carries data-preset-outcome="<name>" and holds an empty
// [data-preset-seeds] slot where a live across-seeds check of this browser can show its tally.
import { formatPercent } from '../views/format.js';
import { formatRatio } from '../views/ratio-text.js';

const METRIC_WORDS = {
  trainAccuracy: ['training accuracy', (v) => formatPercent(v, 0)],
  testAccuracy: ['test accuracy', (v) => formatPercent(v, 0)],
  trainLoss: ['training loss', String],
  testLoss: ['test loss', String],
  firstLastGradRatio: ['first/last gradient ratio', formatRatio],
  deadUnits: ['dead units', String],
  zeroFraction: ['share of exact zeros', (v) => formatPercent(v, 0)],
  saturatedFraction: ['saturated share', (v) => formatPercent(v, 0)],
};
const OP_WORDS = { '<': 'below', '<=': 'at most', '>': 'above', '>=': 'at least', '==': '' };

/** "Sigmoid's test accuracy below 60%": one expectation in words. */
export function expectationWords([activation, metric, op, value], labelOf) {
  const [words, show] = METRIC_WORDS[metric] ?? [metric, String];
  if (op === '==') return `${labelOf(activation)}: ${show(value)} ${words}`;
  return `${labelOf(activation)}\u2019s ${words} ${OP_WORDS[op] ?? op} ${show(value)}`;
}

/** Fills `element` with the preset's stated outcome (or empties it when no preset is active). */
export function showPresetRecord(element, preset, labelOf) {
  if (!preset?.outcome) {
    element.hidden = true;
    element.replaceChildren();
    delete element.dataset.presetOutcome;
    return;
  }
  element.hidden = false;
  element.dataset.presetOutcome = preset.name;
  const lead = document.createElement('strong');
  lead.textContent = `What this preset states, held in at least 18 of 20 seeds by the lab\u2019s tests, after ${
    preset.outcome.after.toLocaleString('en-US')} steps: `;
  const list = document.createElement('ul');
  for (const expectation of preset.outcome.expect) {
    const li = document.createElement('li');
    li.dataset.expect = expectation.join(' ');
    li.textContent = expectationWords(expectation, labelOf);
    list.append(li);
  }
  const seeds = document.createElement('div');
  seeds.dataset.presetSeeds = preset.name;  // the live across-seeds check's slot
  element.replaceChildren(lead, list, seeds);
}
