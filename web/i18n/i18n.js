// The page's and the figures' words, in the reader's language: a message catalog per language
// (web/i18n/catalogs/<lang>.js, a flat object of keys grouped by component, "claims.cost.title")
// and a translator over it.
//
// Hand-written on Intl rather than a library (i18next, FormatJS, Fluent): the three things this
// lab needs are in every browser it runs in (Intl.NumberFormat for numbers, Intl.PluralRules for
// "1 point / 2 points", Intl.ListFormat for "a, b and c" / "a、b和c"); a library would add 10-40 KB
// to every embed for the same, and several compile messages with `new Function`, which the strict
// CSP the lab and its embeds run under (no 'unsafe-eval') forbids.
//
// English is the base: its catalog is imported here, so any key a translation lacks reads in
// English (that one string only, never an exception, nothing logged to the reader). Other catalogs
// are imported only when chosen: a reader downloads English plus at most their own language.
import english from './catalogs/en.js';

export const BASE_LANGUAGE = 'en';

/** Languages with a catalog: the id used in URLs, `lang` attributes and `<html lang>`. */
export const LANGUAGES = ['en', 'zh-CN'];

// Explicit imports (not a computed path): a bundler or a static analyser sees every catalog.
const LOADERS = {
  'zh-CN': () => import('./catalogs/zh-CN.js'),
};

// ---- choosing the language ---------------------------------------------------------------------

/**
 * The catalog a BCP 47 tag reads in, or null when there is none for it (fr, de, ...).
 * Simplified Chinese (zh, zh-CN, zh-SG, zh-Hans-*) gets zh-CN. Traditional Chinese (zh-TW, zh-HK,
 * zh-MO, zh-Hant-*) gets English until a Traditional catalog exists: showing Simplified characters
 * to a Traditional reader is the worse choice. Case-insensitive, '_' accepted for '-'.
 */
export function resolveTag(tag) {
  const parts = String(tag ?? '').trim().replace(/_/g, '-').toLowerCase().split('-').filter(Boolean);
  if (parts.length === 0) return null;
  if (parts[0] === 'en') return 'en';
  if (parts[0] !== 'zh') return null;
  const script = parts.find((p, i) => i > 0 && p.length === 4);  // zh-Hans-CN, zh-Hant-HK
  if (script === 'hant') return 'en';
  if (script === 'hans') return 'zh-CN';
  const region = parts.find((p, i) => i > 0 && (p.length === 2 || /^\d{3}$/.test(p)));
  if (region === 'tw' || region === 'hk' || region === 'mo') return 'en';
  return 'zh-CN';  // zh, zh-CN, zh-SG, zh-MY, zh-cmn ...
}

const isTraditional = (tag) => resolveTag(tag) === 'en' && /^zh\b/i.test(String(tag).trim());

/**
 * Which catalog a reader gets, first match wins:
 *   1. urlLang: the page's or embed page's `lang=` (`en` or `zh-CN`; zh, zh-SG, zh-Hans-* read as
 *      zh-CN). Anything else falls back to English with a notice.
 *   2. elementLang: an embedded figure's own `lang` attribute, same rules as urlLang.
 *   3. htmlLang: the host page's `<html lang>`, for an embed (a page passes nothing here: its own
 *      `<html lang>` is what this function decides). It decides when it names English or Chinese.
 *   4. navigatorLanguages: the first entry that has a catalog (Traditional entries are skipped, so
 *      ['zh-TW', 'zh-CN'] reads zh-CN and ['zh-TW'] English).
 *   5. English.
 * @returns {{lang: string, source: 'url'|'element'|'host'|'reader'|'default',
 *            notice: null | {key: string, params: {value: string, lang: string}}}}
 *   notice: a catalog key (lang.unknown) and its params, for the page's usual visible notice.
 */
export function chooseLanguage({ urlLang = null, elementLang = null, htmlLang = null, navigatorLanguages = [] } = {}) {
  for (const [value, source] of [[urlLang, 'url'], [elementLang, 'element']]) {
    if (value === null || value === undefined || String(value).trim() === '') continue;
    const lang = resolveTag(value);
    if (lang) return { lang, source, notice: null };
    return { lang: BASE_LANGUAGE, source, notice: { key: 'lang.unknown', params: { value: String(value), lang: BASE_LANGUAGE } } };
  }
  const host = resolveTag(htmlLang);
  if (host) return { lang: host, source: 'host', notice: null };
  for (const tag of navigatorLanguages ?? []) {
    const lang = resolveTag(tag);
    if (lang && !isTraditional(tag)) return { lang, source: 'reader', notice: null };
  }
  return { lang: BASE_LANGUAGE, source: 'default', notice: null };
}

// ---- the translator ------------------------------------------------------------------------------

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

// How a language joins the clauses of a sentence ("sigmoid's 1 / 42,000, tanh's 1 / 30 and ReLU's
// 0.8"): English with "and"; Chinese with 、 alone, since its 和 would sit unspaced against a Latin
// name ("1 / 30和ReLU") and a list of clauses reads as a parallel enumeration anyway.
const LIST_STYLE = { 'zh-CN': 'narrow' };

/**
 * A translator for `lang` over `catalog` (English fills any gap).
 *   t(key, params): the message with each {name} replaced. Numbers are formatted for the language
 *     (Intl.NumberFormat); strings are inserted as given, so preformatted values ("1 / 42,000",
 *     "10^-6.2", "52%", a label) pass through unchanged. A plural message ({one, other, ...}) is
 *     chosen by params.count. A key missing everywhere reads as the key; a missing param stays
 *     "{name}" (both visible in tests, neither throws).
 *   parts(key, params): the same as an array of strings and the param values that are not strings
 *     or numbers (DOM nodes stay nodes: `el.replaceChildren(...parts(...))`).
 *   number(v, options), percent(share, digits), list(items), listParts(items): Intl for the language.
 *   missing: the keys that fell back to English (or to the key), for tests; never shown.
 */
export function createTranslator(lang, catalog = {}) {
  const locale = lang || BASE_LANGUAGE;
  const numberFormats = new Map();
  const numberFormat = (options = {}) => {
    const id = JSON.stringify(options);
    if (!numberFormats.has(id)) numberFormats.set(id, new Intl.NumberFormat(locale, options));
    return numberFormats.get(id);
  };
  const plurals = new Intl.PluralRules(locale);
  const lists = new Intl.ListFormat(locale, { style: LIST_STYLE[locale] ?? 'long', type: 'conjunction' });
  const missing = new Set();

  const number = (v, options) => (Number.isFinite(v) ? numberFormat(options).format(v) : '–');
  const percent = (share, digits = 0) => number(share, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });

  function message(key, params) {
    let value = Object.hasOwn(catalog, key) ? catalog[key] : undefined;
    if (value === undefined || value === '') {
      missing.add(key);
      value = Object.hasOwn(english, key) ? english[key] : key;
    }
    if (value !== null && typeof value === 'object') {
      const count = Number(params?.count);
      const form = Number.isFinite(count) ? plurals.select(count) : 'other';
      value = value[form] ?? value.other ?? key;
    }
    return String(value);
  }

  function fill(text, params, keepNodes) {
    const out = [];
    let last = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
      out.push(text.slice(last, match.index));
      last = match.index + match[0].length;
      const has = params && Object.hasOwn(params, match[1]);
      const v = has ? params[match[1]] : match[0];
      if (typeof v === 'number') out.push(number(v));
      else if (typeof v === 'string' || v === null || v === undefined || !keepNodes) out.push(String(v ?? ''));
      else out.push(v);
    }
    out.push(text.slice(last));
    return out;
  }

  const t = (key, params) => fill(message(key, params), params, false).join('');
  // Adjacent strings joined, so a node sits between whole runs of text.
  const parts = (key, params) => fill(message(key, params), params, true).reduce((out, p) => {
    if (typeof p === 'string' && typeof out.at(-1) === 'string') out[out.length - 1] += p;
    else if (p !== '') out.push(p);
    return out;
  }, []);
  const list = (items) => lists.format(items.map(String));
  function listParts(items) {
    let k = 0;
    return lists.formatToParts(items.map((_, i) => String(i))).map((p) => (p.type === 'element' ? items[k++] : p.value));
  }
  const has = (key) => Object.hasOwn(catalog, key) || Object.hasOwn(english, key);
  return { lang: locale, t, parts, number, percent, list, listParts, has, missing };
}

/** The English translator: what every view uses until it is given another. */
export const englishTranslator = createTranslator(BASE_LANGUAGE, english);

/**
 * The translator for `lang`: English at once, another language once its catalog has loaded.
 * A catalog that cannot load (offline, blocked) gives English, never a rejected promise.
 * @returns Promise<translator & {loaded: boolean}>
 */
export async function loadTranslator(lang) {
  const load = LOADERS[lang];
  if (!load) return { ...englishTranslator, loaded: lang === BASE_LANGUAGE };
  try {
    const module = await load();
    return { ...createTranslator(lang, module.default), loaded: true };
  } catch {
    return { ...englishTranslator, loaded: false };
  }
}
