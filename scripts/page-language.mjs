// The language of a lab URL as a server sees it (servers never see the #hash): `?lang=zh-CN` or a
// leading `/zh-CN/` path, and the lab's pages' head tags (title, description, Open Graph, oEmbed
// discovery title, <html lang>) in that language, worded by the catalogs' meta.* keys. Shared by
// the dev server (scripts/serve.mjs), its oEmbed answers (scripts/oembed.mjs) and the static
// dist/zh-CN/ pages (scripts/build-dist.mjs). Link unfurlers read these tags without running the page.
import { BASE_LANGUAGE, LANGUAGES, createTranslator, resolveTag } from '../web/i18n/i18n.js';
import english from '../web/i18n/catalogs/en.js';
import chinese from '../web/i18n/catalogs/zh-CN.js';

const CATALOGS = { en: english, 'zh-CN': chinese };

/** Languages with a path of their own (/zh-CN/): every catalog but the base. */
export const PATH_LANGUAGES = LANGUAGES.filter((lang) => lang !== BASE_LANGUAGE);

/** A translator over the catalog of `lang` (English for any other). */
export function translatorFor(lang) {
  return createTranslator(CATALOGS[lang] ? lang : BASE_LANGUAGE, CATALOGS[lang] ?? english);
}

/**
 * {lang, rest}: the language a path below the lab's root names, and the path without it.
 * 'zh-CN/embed.html' -> {lang: 'zh-CN', rest: 'embed.html'}; 'index.html' -> {lang: null, rest}.
 */
export function pathLanguage(rest) {
  for (const lang of PATH_LANGUAGES) {
    if (rest === lang || rest.startsWith(`${lang}/`)) return { lang, rest: rest.slice(lang.length + 1) };
  }
  return { lang: null, rest };
}

/** The catalog a `lang=` value reads in (zh, zh-Hans... -> zh-CN), null for none or an unknown one. */
export function queryLanguage(value) {
  return value === null || value === undefined || value === '' ? null : resolveTag(value);
}

// Which catalog keys word each page's head tags.
const HEAD_KEYS = {
  'index.html': { title: 'meta.page.title', description: 'meta.page.description', ogTitle: 'meta.page.title',
    ogDescription: 'meta.page.ogDescription', oembedTitle: null },
  'embed.html': { title: 'meta.embed.title', description: 'meta.embed.description', ogTitle: 'meta.page.title',
    ogDescription: 'meta.embed.ogDescription', oembedTitle: 'meta.embed.title' },
};
// og:locale values (Open Graph writes language_TERRITORY).
const OG_LOCALES = { en: 'en_US', 'zh-CN': 'zh_CN' };

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** Sets `attr` of the first tag matching `tagPattern` (a regex source matching one whole tag). */
function setAttribute(html, tagPattern, attr, value) {
  return html.replace(new RegExp(tagPattern), (tag) =>
    tag.replace(new RegExp(`\\b${attr}="[^"]*"`), `${attr}="${escapeHtml(value)}"`));
}

/**
 * `html` (index.html or embed.html, named by `page`) with its head in `lang`: <html lang>, <title>,
 * the description, og:title, og:description, og:locale and the oEmbed link's title. English, an
 * unknown language or another page: returned unchanged, byte for byte.
 */
export function localiseHead(html, page, lang) {
  const keys = HEAD_KEYS[page];
  if (!keys || !lang || lang === BASE_LANGUAGE || !CATALOGS[lang]) return html;
  const { t } = translatorFor(lang);
  let out = html.replace(/<html\b[^>]*>/, (tag) => tag.replace(/\blang="[^"]*"/, `lang="${lang}"`));
  out = out.replace(/<title\b([^>]*)>[^<]*<\/title>/, (_, attrs) => `<title${attrs}>${escapeHtml(t(keys.title))}</title>`);
  out = setAttribute(out, '<meta\\b[^>]*\\bname="description"[^>]*>', 'content', t(keys.description));
  out = setAttribute(out, '<meta\\b[^>]*\\bproperty="og:title"[^>]*>', 'content', t(keys.ogTitle));
  out = setAttribute(out, '<meta\\b[^>]*\\bproperty="og:description"[^>]*>', 'content', t(keys.ogDescription));
  if (keys.oembedTitle) {
    out = setAttribute(out, '<link\\b[^>]*\\btype="application/json\\+oembed"[^>]*>', 'title', t(keys.oembedTitle));
  }
  // embed.html's few marked words in its body (its noscript text and link), for readers without scripts.
  if (page === 'embed.html') {
    out = out.replace(/(<(\w+)\b[^>]*\bdata-i18n="([^"]+)"[^>]*>)[^<]*(<\/\2>)/g,
      (_, open, _tag, key, close) => `${open}${escapeHtml(t(key))}${close}`);
  }
  if (out.includes('property="og:locale"')) return out;  // already in its language (dist's stand-ins)
  return out.replace(/(<meta\b[^>]*\bproperty="og:type"[^>]*>)/, `$1\n  <meta property="og:locale" content="${OG_LOCALES[lang]}">`);
}
