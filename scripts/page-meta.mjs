// Link cards and oEmbed discovery need absolute URLs, which a static HTML file cannot know: the
// pages carry relative ones in tags marked data-absolute, and the server (scripts/serve.mjs, from
// the request) or scripts/build-dist.mjs (from --base-url) makes them absolute.
const MARKED = /<(meta|link)\b([^>]*?)\bdata-absolute\b([^>]*)>/g;
const ATTR = /\b(content|href)="([^"]*)"/;

/**
 * @param html a page of the lab
 * @param pageUrl the page's absolute URL (og:url)
 * @param oembedUrl the absolute URL of the oEmbed answer for this page
 */
export function absolutiseMeta(html, pageUrl, oembedUrl) {
  return html.replace(MARKED, (tag, name, before, after) => {
    const attrs = `${before}${after}`;
    const match = ATTR.exec(attrs);
    if (!match) return tag;
    const [, attr, value] = match;
    let absolute;
    if (value === '{page}') absolute = pageUrl;
    else if (value === '{oembed}') absolute = oembedUrl;
    else absolute = new URL(value, pageUrl).href;
    return `<${name}${attrs.replace(ATTR, `${attr}="${escapeAttr(absolute)}"`).replace(/\s+$/, '')}>`;
  });
}

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeAttr = (text) => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
