// An embedded figure's settings: the lab's URL-hash syntax, read by the session's one parser
// (web/session/settings.js: same keys, same validation, same notices, a preset as the base the
// other values override), plus the embed's own keys (figure, controls, the card's activation).
import { quote } from '../session/url-state.js';
import { readSettings } from '../session/settings.js';
import { SNIPPET_VERSIONS } from './snippet-versions.js';

export const FIGURE_NAMES = ['race', 'why', 'cost', 'claims', 'card', 'seeds', 'curves', 'depth'];
export const CONTROLS = ['none', 'play', 'full'];
export const DEFAULT_FIGURE = 'race';
export const DEFAULT_CONTROLS = 'play';

/**
 * {value, notice?}: an attribute value from a list, or the default with a notice naming both.
 * notice: {key, params}, worded by the figure's translator (embed.unknown.figure|controls).
 */
export function pick(what, raw, allowed, fallback) {
  if (raw === null || raw === undefined || raw === '') return { value: fallback };
  const text = String(raw).trim();
  if (allowed.includes(text)) return { value: text };
  return { value: fallback, notice: { key: `embed.unknown.${what}`, params: { value: quote(text), fallback, allowed: allowed.join(', ') } } };
}

/**
 * @param table the lab's parameter table (web/session/param-table.js)
 * @param text 'v=1&preset=vanishing&members=sigmoid,relu' (a leading # or ? is allowed). `v=` names
 *   the release whose defaults the snippet assumed (the dialog writes only what differs from them),
 *   so a pasted snippet keeps its meaning when the lab's defaults change; without it (snippets that
 *   list every setting) today's defaults fill the gaps.
 * @returns {values, notices: (string|{key, params})[], present: Set<string>, activation: string|null}
 *   activation: the card figure's `activation=` (checked by the caller against the activations).
 *   notices: the session's (English text) and the embed's own ({key, params} for the translator).
 *   A `lang=` is dropped without a notice: the figure's language is its element's `lang` attribute
 *   (or the embed page's #lang=), chosen before the settings are read.
 */
export function readEmbedSettings(table, text, { reducedMotion = false } = {}) {
  let activation = null;
  let version = null;
  const parts = [];
  for (const part of String(text ?? '').replace(/^[#?]+/, '').split('&')) {
    if (part.startsWith('activation=')) activation = decodeText(part.slice('activation='.length));
    else if (part.startsWith('v=')) version = decodeText(part.slice(2));
    else if (part.startsWith('lang=')) continue;
    else if (part) parts.push(part);
  }
  const notices = [];
  if (version !== null && !Object.hasOwn(SNIPPET_VERSIONS, version)) {
    notices.push({ key: 'embed.unknown.version', params: { value: quote(version), allowed: Object.keys(SNIPPET_VERSIONS).join(', ') } });
  }
  const base = version !== null && Object.hasOwn(SNIPPET_VERSIONS, version) ? SNIPPET_VERSIONS[version] : '';
  const read = readSettings(table, parts.join('&'), { reducedMotion, base });
  return { ...read, notices: [...notices, ...read.notices], activation };
}

function decodeText(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
