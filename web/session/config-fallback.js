// What a session does when the core rejects its settings (CONFIG_ERROR): reset the one setting the
// error names, or the clicked points, or everything, and say so. One rule for the page and every
// embed. The error's `field` is the API Error's .field (the key at fault, as the field table spells
// it); `argument` is 'data' when the error is about the clicked points (custom data), whose
// `points` / `labels` are then not the point-count setting. `kind` is the API Error's .kind
// (lab.errorKinds()): a run that does not fit in the module's memory, which the figures of a page
// share, starts nothing and says so (the other figures keep running); a training set too full
// for the clicked points keeps the points and shrinks the generated set back to its default.
import { defaultValues, rowOfField, sameValue } from './param-table.js';

/**
 * @param table the settings table (param-table.js)
 * @param values the settings of the run that failed
 * @param error {message, field, argument, kind} from CONFIG_ERROR
 * @returns {changes, text}: the settings to apply (and start again with) and the notice's text;
 *   changes null: start nothing (the notice is an error)
 */
export function configFallback(table, values, { message, field, argument, kind = '' }) {
  if (kind === 'out_of_memory') {
    return { changes: null, text: `${message}. This figure does not fit in the memory the figures on this page share; ` +
      'the others keep running. Fewer points, narrower layers or fewer racers would fit.' };
  }
  const pointsRow = table.byKey.get('points');
  if ((kind === 'training_set_full' || kind === 'too_many_added') && pointsRow && values.points !== pointsRow.default) {
    return { changes: { points: pointsRow.default }, text: `${message}. The clicked points are kept; ${pointsRow.label} is back to its default.` };
  }
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
