// oEmbed for the lab (https://oembed.com): a lab or embed URL becomes a "rich" answer whose html is
// an iframe of embed.html with the same settings. Shared by the dev server (/oembed) and
// scripts/build-dist.mjs (a static oembed.json for hosts without a server). The URL's language
// (#lang=, ?lang= or a /zh-CN/ path) gives the answer's title from the catalogs and goes into the
// iframe as #lang=, so a Chinese link unfurls into a Chinese figure.
import { pathLanguage, queryLanguage, translatorFor } from './page-language.mjs';
import { FIGURE_HEIGHTS } from '../web/embed/figure-heights.js';

export const PROVIDER_NAME = 'Activation Lab';
export const DEFAULT_WIDTH = 720;
export const MIN_WIDTH = 320;
const MAX_WIDTH = 800;
// Heights the embed page reaches at 720 px for each figure (web/embed/figure-heights.js, the same
// table the "Embed this" snippets use): the frame's first height, and the least a consumer's
// maxheight must allow (the frame then sizes itself from its height messages: WordPress, Embedly
// and our own format). The figures have no shorter layout.
const THUMBNAIL = { width: 1200, height: 630 };  // web/embed/card.png
export const HEIGHTS = FIGURE_HEIGHTS;

/** Attribute-safe text: every character that could end or open markup is escaped. */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * @param pageUrl the lab or embed URL the consumer asked about (its #hash carries the settings)
 * @param labBase the lab's root URL ('https://host/lab/')
 * @param options {maxwidth, maxheight}: the consumer's query text; each absent, or a positive integer
 * @returns {status, body} body: the oEmbed object (status 200) or an error text: 400 for a size that
 *   is not a positive integer, 501 when the figure cannot fit the sizes asked for (as oEmbed allows)
 */
export function oembedFor(pageUrl, labBase, { maxwidth, maxheight } = {}) {
  let url;
  try {
    url = new URL(pageUrl);
  } catch {
    return { status: 400, body: 'url: not a URL' };
  }
  const base = new URL(labBase);
  const below = url.pathname.startsWith(base.pathname) ? pathLanguage(url.pathname.slice(base.pathname.length)) : null;
  const rest = below?.rest ?? null;
  if (url.origin !== base.origin || !['', 'index.html', 'embed.html'].includes(rest)) {
    return { status: 404, body: `url: ${url.href} is not a page of this lab` };
  }
  // The hash is kept as the reader wrote it, re-encoded so it cannot leave the attribute.
  const hash = encodeURI(decodeURISafe(url.hash.replace(/^#/, ''))).replace(/#/g, '%23');
  const figure = /(?:^|&)figure=(race|card|why|cost|claims|curves|depth|seeds)(?:&|$)/.exec(hash)?.[1] ?? 'race';
  const hashLang = /(?:^|&)lang=([^&]*)/.exec(hash)?.[1];
  const lang = queryLanguage(hashLang === undefined ? url.searchParams.get('lang') : decodeURISafe(hashLang)) ?? below.lang;
  const named = rest === 'embed.html' || hash.includes('figure=') ? hash : `figure=race${hash ? `&${hash}` : ''}`;
  // A language the server saw (query, path) goes into the frame's hash, which is all it reads.
  const settings = lang && lang !== 'en' && hashLang === undefined ? `lang=${lang}${named ? `&${named}` : ''}` : named;
  const limits = {};
  for (const [name, text] of [['maxwidth', maxwidth], ['maxheight', maxheight]]) {
    if (text === undefined || text === null) continue;
    limits[name] = positiveInteger(text);
    if (limits[name] === null) {
      // The value is named, cut short and stripped of markup characters (the text may be shown as-is).
      const shown = JSON.stringify(String(text).slice(0, 40)).replace(/[<>&]/g, '?');
      return { status: 400, body: `${name}: ${shown} is not a positive integer (1, 2, 3 ...)` };
    }
  }
  const width = Math.min(MAX_WIDTH, limits.maxwidth ?? DEFAULT_WIDTH);
  const height = HEIGHTS[figure];
  if (width < MIN_WIDTH || height > (limits.maxheight ?? Infinity)) {
    return { status: 501, body: `the ${figure} figure needs at least ${MIN_WIDTH} x ${height} px; ` +
      `asked for at most ${limits.maxwidth ?? 'any'} x ${limits.maxheight ?? 'any'}` };
  }
  const src = new URL(`embed.html#${settings}`, base).href;
  const title = translatorFor(lang ?? 'en').t(`embed.oembed.title.${figure}`);
  const html = `<iframe src="${escapeHtml(src)}" width="${width}" height="${height}" title="${escapeHtml(title)}" ` +
    `loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" ` +
    `style="border:0;width:100%;max-width:${width}px"></iframe>`;
  // oEmbed: the thumbnail, too, must respect maxwidth and maxheight; there is only the one size.
  const thumbnailFits = THUMBNAIL.width <= (limits.maxwidth ?? Infinity) && THUMBNAIL.height <= (limits.maxheight ?? Infinity);
  const thumbnail = thumbnailFits ? { thumbnail_url: new URL('embed/card.png', base).href,
    thumbnail_width: THUMBNAIL.width, thumbnail_height: THUMBNAIL.height } : {};
  return {
    status: 200,
    body: { version: '1.0', type: 'rich', provider_name: PROVIDER_NAME, provider_url: base.href, title, html, width, height,
            ...thumbnail },
  };
}

/** A positive integer in plain decimal digits, or null ('-5', '199.5', '1e3', '' and 'Infinity' are not). */
function positiveInteger(text) {
  const digits = String(text);
  return /^[0-9]+$/.test(digits) && Number(digits) > 0 ? Number(digits) : null;  // a huge one is above every size
}

function decodeURISafe(text) {
  try {
    return decodeURI(text);
  } catch {
    return '';
  }
}
