// Settings text (the URL hash, an embed's settings attribute) to values, through the ONE table
// (param-table.js: the core's field rows plus the page's own few) and url-state.js's parser. A preset
// named in the text is the base the other values override, so a short link (#preset=dying) shows
// the preset; the lab page always writes every value back anyway.
import { readHash } from './url-state.js';
import { presetByName, presetValues } from './presets.js';
import { defaultValues } from './param-table.js';

/**
 * @param base settings text whose values stand in for the table's defaults (an embed snippet's
 *   version: the defaults of the release that wrote it), under the preset and the text's own values
 * @returns {values, notices: string[], present: Set<string>} as readHash, with the preset laid under.
 */
export function readSettings(table, text, { reducedMotion = false, base = '', i18n } = {}) {
  const read = readHash(table, String(text ?? '').replace(/^[#?]+/, ''), { i18n });
  const preset = presetByName(read.values.preset);
  if (!preset && !base) return read;
  const values = base ? readHash(table, base).values : defaultValues(table);
  if (preset) {
    const overlay = presetValues(table, preset, { reducedMotion });
    for (const key of [...Object.keys(preset.values), 'preset', 'playing']) if (key in overlay) values[key] = overlay[key];
  }
  for (const key of read.present) values[key] = read.values[key];
  return { ...read, values };
}

/** The settings the core's config takes (the table's config rows), as CONFIGURE sends them. */
export function configOf(table, values) {
  return Object.fromEntries(table.configKeys.map((key) => [key, structuredClone(values[key])]));
}
