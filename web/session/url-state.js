// Every setting in the URL hash, read and written through the parameter table. Reading never
// trusts the text: a value that does not parse, or is out of range, falls back to the default
// and produces a notice (plain text, shown with textContent by notices.js).
import { parseValue, formatValue, defaultValues, rowLabel } from './param-table.js';
import { englishTranslator } from '../i18n/i18n.js';

/**
 * The page's language in the address (#...&lang=zh-CN): not a run setting (no row of the table,
 * never restarts a run), read apart by the language chooser (web/app/language.js) and written
 * after the settings when the reader chose it (a shared link opens in the same language).
 */
export const LANG_KEY = 'lang';

const SHOWN_CHARS = 60;  // how much of a rejected value a notice repeats

/** Shortens and de-controls untrusted text for a message (it is still only ever set as text). */
export function quote(text) {
  // eslint-disable-next-line no-control-regex
  const clean = String(text).replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > SHOWN_CHARS ? `${clean.slice(0, SHOWN_CHARS)}...` : clean;
}

/** The raw `lang` of a hash ('#seed=2&lang=zh-CN' -> 'zh-CN'), or null when it names none. */
export function readLang(hash) {
  for (const part of String(hash).replace(/^[#?]/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && safeDecode(part.slice(0, eq)) === LANG_KEY) return safeDecode(part.slice(eq + 1));
  }
  return null;
}

/**
 * @param table from buildParamTable
 * @param hash location.hash ('#seed=2&dataset=xor' or '')
 * @param options.i18n the translator the notices are worded by
 * @returns {values, notices: string[], present: Set<string>} present: keys the hash set validly
 */
export function readHash(table, hash, { i18n = englishTranslator } = {}) {
  const values = defaultValues(table);
  const notices = [];
  const present = new Set();
  const text = String(hash).replace(/^#/, '');
  if (!text) return { values, notices, present };

  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const raw = safeDecode(eq < 0 ? '' : part.slice(eq + 1));
    if (key === LANG_KEY) continue;  // the language chooser's (readLang)
    const row = table.byKey.get(key ?? '');
    if (!row) {
      notices.push(i18n.t('url.unknownSetting', { key: quote(key ?? part) }));
      continue;
    }
    const parsed = raw === null ? { error: i18n.t('url.badEncoding') } : parseValue(row, raw, { i18n });
    if (parsed.error) {
      // English names the key as the address writes it; another language by the setting's label.
      notices.push(i18n.t('url.ignored', { key: i18n.lang === 'en' ? key : rowLabel(row, i18n), value: quote(raw ?? part), reason: parsed.error,
        default: quote(formatValue(row, row.default)) || i18n.t('url.defaultNone') }));
      continue;
    }
    values[key] = parsed.value;
    present.add(key);
  }
  checkAddedPoints(table, values, notices, i18n);
  return { values, notices, present };
}

/** Clicked points need a class the run has; otherwise they all go (one notice, not hundreds). */
function checkAddedPoints(table, values, notices, i18n) {
  const classes = values.classes ?? 2;
  if (values.added.some((p) => p.label >= classes)) {
    notices.push(i18n.t('url.addedClasses', { classes: String(classes) }));
    values.added = structuredClone(table.byKey.get('added').default);
  }
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * The hash for these values: every row, in table order, so a shared URL pins the whole run; then
 * the language when one is given (lang: the reader's choice, or null to leave it out).
 */
export function formatHash(table, values, { lang = null } = {}) {
  const parts = table.rows.map((row) => `${row.key}=${encodeText(formatValue(row, values[row.key]))}`);
  if (lang) parts.push(`${LANG_KEY}=${encodeText(lang)}`);
  return `#${parts.join('&')}`;
}

// Commas and colons are safe in a fragment; leaving them readable keeps lists legible.
const encodeText = (text) => encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%3A/gi, ':');

/** Writes the hash without adding a history entry (every slider move would otherwise be one). */
export function writeHash(table, values, { lang = null } = {}) {
  const hash = formatHash(table, values, { lang });
  if (location.hash !== hash) history.replaceState(null, '', hash);
  return hash;
}
