// What a session does when the core rejects its settings (CONFIG_ERROR): reset the one setting the
// error names, or the clicked points, or everything, and say so. One rule for the page and every
// embed. The error's `field` is the API Error's .field (the key at fault, as the field table spells
// it); `argument` is 'data' when the error is about the clicked points (custom data), whose
// `points` / `labels` are then not the point-count setting.
import { defaultValues, rowOfField, sameValue } from './param-table.js';

/**
 * @param table the settings table (param-table.js)
 * @param values the settings of the run that failed
 * @param error {message, field, argument} from CONFIG_ERROR
 * @returns {changes, text}: the settings to apply (and start again with) and the notice's text
 */
export function configFallback(table, values, { message, field, argument }) {
  const clicked = argument === 'data';
  const row = clicked ? null : rowOfField(table, field);
  const defaults = defaultValues(table);
  if (row && !sameValue(values[row.key], row.default)) {
    return { changes: { [row.key]: defaults[row.key] }, text: `${message}. ${row.label} is back to its default.` };
  }
  if (clicked && values.added?.length > 0) {
    return { changes: { added: [] }, text: `${message}. The clicked points were removed.` };
  }
  return { changes: { ...defaults, playing: values.playing }, text: `${message}. Back to the default settings.` };
}
