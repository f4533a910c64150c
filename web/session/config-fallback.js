// What a session does when the core rejects its settings (CONFIG_ERROR): reset the one setting the
// error names, or the clicked points, or everything, and say so. One rule for the page and every
// embed. The error's `field` is the API Error's .field (the key at fault, as the field table spells
// it); `argument` is 'data' when the error is about the clicked points (custom data), whose
// `points` / `labels` are then not the point-count setting. `kind` is the API Error's .kind
// (lab.errorKinds()): a run that does not fit in the module's memory, which the figures of a page
// share, starts nothing and says so (the other figures keep running); a training set too full
// for the clicked points keeps the points and shrinks the generated set back to its default.
import { defaultValues, rowOfField, sameValue, rowLabel } from './param-table.js';
import { englishTranslator } from '../i18n/i18n.js';

/**
 * The core's error in the reader's language: error.<kind> worded from the error's params (field,
 * value, bounds), the field named by its label. English keeps the core's own message (its words are
 * the catalog's source), and so does an unknown kind or an error without params.
 * @param error {message, kind, params, field}: an API Error or a CONFIG_ERROR message
 */
export function errorText(table, error, i18n = englishTranslator) {
  const key = `error.${error.kind}`;
  if (i18n.lang === 'en' || !error.kind || !error.params || !i18n.has(key)) return String(error.message);
  const row = rowOfField(table, error.field || error.params.field);
  const text = (v) => (Array.isArray(v) ? i18n.list(v.map(String)) : String(v));
  const params = Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, text(v)]));
  if (i18n.has(`error.unit.${params.unit}`)) params.unit = i18n.t(`error.unit.${params.unit}`);  // 'items'
  return i18n.t(key, { ...params, field: row ? rowLabel(row, i18n) : String(error.field || error.params.field || '') });
}

/**
 * @param table the settings table (param-table.js)
 * @param values the settings of the run that failed
 * @param error {message, field, argument, kind} from CONFIG_ERROR
 * @returns {changes, text}: the settings to apply (and start again with) and the notice's text;
 *   changes null: start nothing (the notice is an error)
 */
export function configFallback(table, values, error, { i18n = englishTranslator } = {}) {
  const { field, argument, kind = '' } = error;
  const message = errorText(table, error, i18n);
  if (kind === 'out_of_memory') return { changes: null, text: i18n.t('config.outOfMemory', { message }) };
  const pointsRow = table.byKey.get('points');
  if ((kind === 'training_set_full' || kind === 'too_many_added') && pointsRow && values.points !== pointsRow.default) {
    return { changes: { points: pointsRow.default }, text: i18n.t('config.pointsKept', { message, field: rowLabel(pointsRow, i18n) }) };
  }
  const clicked = argument === 'data';
  const row = clicked ? null : rowOfField(table, field);
  const defaults = defaultValues(table);
  if (row && !sameValue(values[row.key], row.default)) {
    return { changes: { [row.key]: defaults[row.key] }, text: i18n.t('config.fieldReset', { message, field: rowLabel(row, i18n) }) };
  }
  if (clicked && values.added?.length > 0) {
    return { changes: { added: [] }, text: i18n.t('config.pointsRemoved', { message }) };
  }
  return { changes: { ...defaults, playing: values.playing }, text: i18n.t('config.defaults', { message }) };
}
