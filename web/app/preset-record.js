// A preset's across-seeds record beside its text: what the preset states will happen (its
// `outcome` data, web/session/presets.js), in words, as tests/node/preset-outcomes.test.mjs checks it
// over 20 seeds. The element carries data-preset-outcome="<name>" and holds an empty
// [data-preset-seeds] slot where a live across-seeds check of this browser can show its tally.
import { formatPercent } from '../views/format.js';
import { formatRatio } from '../views/ratio-text.js';
import { englishTranslator } from '../i18n/i18n.js';

// Each metric's value as text (its words: presetRecord.metric.<metric>).
const METRIC_VALUES = {
  trainAccuracy: (v, i18n) => formatPercent(v, 0, { i18n }),
  testAccuracy: (v, i18n) => formatPercent(v, 0, { i18n }),
  trainLoss: String,
  testLoss: String,
  firstLastGradRatio: (v, i18n) => formatRatio(v, { i18n }),
  deadUnits: String,
  zeroFraction: (v, i18n) => formatPercent(v, 0, { i18n }),
  saturatedFraction: (v, i18n) => formatPercent(v, 0, { i18n }),
};
// The comparisons' words: presetRecord.op.<name>.
const OPS = { '<': 'below', '<=': 'atMost', '>': 'above', '>=': 'atLeast' };

/** "Sigmoid's test accuracy below 60%": one expectation in words. */
export function expectationWords([activation, metric, op, value], labelOf, { i18n = englishTranslator } = {}) {
  const show = METRIC_VALUES[metric] ?? String;
  const metricKey = `presetRecord.metric.${metric}`;
  const params = { name: labelOf(activation), metric: i18n.has(metricKey) ? i18n.t(metricKey) : metric, value: show(value, i18n) };
  if (op === '==') return i18n.t('presetRecord.equals', params);
  return i18n.t('presetRecord.compare', { ...params, op: OPS[op] ? i18n.t(`presetRecord.op.${OPS[op]}`) : op });
}

/** Fills `element` with the preset's stated outcome (or empties it when no preset is active). */
export function showPresetRecord(element, preset, labelOf, { i18n = englishTranslator } = {}) {
  if (!preset?.outcome) {
    element.hidden = true;
    element.replaceChildren();
    delete element.dataset.presetOutcome;
    return;
  }
  element.hidden = false;
  element.dataset.presetOutcome = preset.name;
  const lead = document.createElement('strong');
  lead.textContent = i18n.t('presetRecord.lead', { steps: preset.outcome.after });
  const list = document.createElement('ul');
  for (const expectation of preset.outcome.expect) {
    const li = document.createElement('li');
    li.dataset.expect = expectation.join(' ');
    li.textContent = expectationWords(expectation, labelOf, { i18n });
    list.append(li);
  }
  const seeds = document.createElement('div');
  seeds.dataset.presetSeeds = preset.name;  // the live across-seeds check's slot
  element.replaceChildren(lead, list, seeds);
}
