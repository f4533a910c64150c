// The one-line caption under an embedded figure, Distill-style: the settings a reader needs to
// reproduce what is drawn ("spiral, 5 x 8, SGD 0.03, seed 1"), written from the validated values
// (never the settings text), so it always names the run on screen. One template per language
// (embed.caption), the dataset and optimizer named in the reader's language.
import { englishTranslator } from '../i18n/i18n.js';

/** '5 x 8' for equal widths, '8, 4, 2' otherwise, 'no hidden layer' for none. */
export function shapeText(hidden, { i18n = englishTranslator } = {}) {
  if (!hidden.length) return i18n.t('embed.caption.noHidden');
  return hidden.every((w) => w === hidden[0]) ? `${hidden.length} x ${hidden[0]}` : hidden.join(', ');
}

/** Three significant digits at most: a float32 learning rate reads 0.03, not 0.029999999. */
const shortNumber = (v) => String(Number(Number(v).toPrecision(3)));

/** A value's words from `prefix.value`, or the value itself where the catalog has none (a name the core added). */
const named = (i18n, prefix, value) => (i18n.has(`${prefix}.${value}`) ? i18n.t(`${prefix}.${value}`) : String(value));

/**
 * @param values the figure's validated settings (param-table rows' values)
 * @param activationLabel for the card figure (one network), its activation's label; else null
 */
export function captionText(values, activationLabel = null, { i18n = englishTranslator } = {}) {
  const settings = i18n.t('embed.caption', {
    dataset: values.data === 'cleared' ? i18n.t('embed.caption.cleared') : named(i18n, 'embed.caption.dataset', values.dataset),
    shape: shapeText(values.hidden, { i18n }),
    optimizer: named(i18n, 'embed.caption.optimizer', values.optimizer),
    // Strings, not numbers: written as the URL writes them in every language (no "1,234").
    learningRate: shortNumber(values.learningRate),
    seed: String(values.seed),
  });
  return activationLabel ? i18n.t('embed.caption.card', { activation: activationLabel, settings }) : settings;
}
