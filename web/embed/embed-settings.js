// An embedded figure's settings: the lab's URL-hash syntax, read by the session's one parser
// (web/session/settings.js: same keys, same validation, same notices, a preset as the base the
// other values override), plus the embed's own keys (figure, controls, the card's activation).
import { quote } from '../session/url-state.js';
import { readSettings } from '../session/settings.js';

export const FIGURE_NAMES = ['race', 'why', 'cost', 'claims', 'card', 'curves', 'depth'];
export const CONTROLS = ['none', 'play', 'full'];
export const DEFAULT_FIGURE = 'race';
export const DEFAULT_CONTROLS = 'play';

/** {value, notice?}: an attribute value from a list, or the default with a notice naming both. */
export function pick(what, raw, allowed, fallback) {
  if (raw === null || raw === undefined || raw === '') return { value: fallback };
  const text = String(raw).trim();
  if (allowed.includes(text)) return { value: text };
  return { value: fallback, notice: `Unknown ${what} "${quote(text)}": showing ${fallback} (${what}s: ${allowed.join(', ')}).` };
}

/**
 * @param table the lab's parameter table (web/session/param-table.js)
 * @param text 'preset=vanishing&members=sigmoid,relu' (a leading # or ? is allowed)
 * @returns {values, notices: string[], present: Set<string>, activation: string|null}
 *   activation: the card figure's `activation=` (checked by the caller against the activations)
 */
export function readEmbedSettings(table, text, { reducedMotion = false } = {}) {
  let activation = null;
  const parts = [];
  for (const part of String(text ?? '').replace(/^[#?]+/, '').split('&')) {
    if (part.startsWith('activation=')) activation = decodeText(part.slice('activation='.length));
    else if (part) parts.push(part);
  }
  return { ...readSettings(table, parts.join('&'), { reducedMotion }), activation };
}

function decodeText(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
