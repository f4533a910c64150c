// dist/zh-CN/index.html and dist/zh-CN/embed.html (scripts/build-dist.mjs): a static host cannot
// change a page's head for ?lang=, so these two small pages carry the head tags in their language
// for link cards and oEmbed discovery, and send a reader on to the live page in that language,
// its #hash (the settings) kept. Classic, from the lab's origin: allowed by the pages' CSP.
(() => {
  'use strict';
  const page = /embed\.html$/.test(location.pathname) ? 'embed.html' : 'index.html';
  const lang = encodeURIComponent(document.documentElement.lang);
  location.replace(`../${page}?lang=${lang}${location.hash}`);
})();
