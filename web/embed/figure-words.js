// The embed's words as data until they are shown: a notice or a status is kept as a message
// ({key, params}, a param may itself be a message) or as text that arrived already worded (the
// session's and the worker's English), so a figure can say it again in another language
// (setLanguage) without asking anyone to repeat it.
import { englishTranslator } from '../i18n/i18n.js';

/**
 * The text of `message` in the translator's language.
 *   string: shown as it is (the session's, the worker's or the browser's words)
 *   {key, params}: the catalog's template, each param that is itself a message worded first
 *   {kind, params, message}: an error of the lab's API (error.kind beside its English message):
 *     worded from the `error.<kind>` key where the catalog has one, else its English message
 */
export function say(message, i18n = englishTranslator) {
  if (message === null || message === undefined) return '';
  if (typeof message !== 'object') return String(message);
  if (message.key) {
    const params = Object.fromEntries(Object.entries(message.params ?? {})
      .map(([name, value]) => [name, value !== null && typeof value === 'object' ? say(value, i18n) : value]));
    return i18n.t(message.key, params);
  }
  if (message.kind && i18n.has(`error.${message.kind}`)) return i18n.t(`error.${message.kind}`, stringParams(message.params));
  return String(message.message ?? '');
}

// An error's params are the core's values: shown as it wrote them ("0.5", "[1, 64]"), not reformatted.
const stringParams = (params = {}) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
