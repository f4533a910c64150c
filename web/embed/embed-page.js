// embed.html: one <activation-lab> figure from the URL hash, for iframes. The hash is the lab's
// (same keys, same validation, done by the element) plus figure=, controls=, lang= and, for the
// card, activation=. lang= becomes the element's lang attribute; without it the figure follows the
// reader's languages (a frame cannot read its host page's <html lang>), so this page's own
// lang="en" is taken away before the element chooses, and set to the language it chose, with the
// page's title and head in that language (data-i18n markup, applyStaticText). The frame tells its parent its height whenever it changes, in the three formats
// blog platforms listen for: WordPress {message: 'height', value, secret} (secret from the
// '#?secret=' WordPress appends), Embedly's JSON string {context: 'iframe.resize', height}, and
// {type: 'activation-lab:resize', height}.
(() => {
  'use strict';
  const slot = document.getElementById('figure-slot');
  let secret = '';
  let lastHeight = -1;
  let shown = null;  // {figure, controls, settings} of the element on the page

  // The language a server saw (?lang=zh-CN, /zh-CN/embed.html: it sent this page's head in it),
  // for a hash without lang=.
  const servedLang = new URLSearchParams(location.search).get('lang') ||
    /\/(zh-CN)\/[^/]*$/.exec(location.pathname)?.[1] || null;

  /** {figure, controls, lang, settings, secret} from '#figure=race&preset=vanishing#?secret=abc'. */
  function readEmbedHash(hash) {
    const out = { figure: null, controls: null, lang: null, settings: [], secret: '' };
    for (const part of hash.replace(/^#/, '').split(/[&#]/)) {
      const clean = part.replace(/^\?/, '');
      const eq = clean.indexOf('=');
      const key = eq < 0 ? clean : clean.slice(0, eq);
      const value = eq < 0 ? '' : clean.slice(eq + 1);
      if (key === 'secret') out.secret = /^[A-Za-z0-9]{1,64}$/.test(value) ? value : '';
      else if (key === 'figure') out.figure = safeDecode(value);
      else if (key === 'controls') out.controls = safeDecode(value);
      else if (key === 'lang') out.lang = safeDecode(value);
      else if (clean) out.settings.push(clean);
    }
    return { ...out, lang: out.lang ?? servedLang, settings: out.settings.join('&') };
  }

  function safeDecode(text) {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;  // the element reports it as an unknown value
    }
  }

  function show() {
    const read = readEmbedHash(location.hash);
    secret = read.secret || secret;  // WordPress sets it once; later hash edits keep it
    const current = slot.querySelector('activation-lab');
    if (current && shown && shown.figure === read.figure && shown.controls === read.controls && shown.settings === read.settings) {
      if (current.getAttribute('lang') === read.lang) return;
      document.documentElement.removeAttribute('lang');  // see the top: the element must not read it
      setLang(current, read.lang);  // only the language changed: said again, the run goes on
      return;
    }
    document.documentElement.removeAttribute('lang');
    shown = { figure: read.figure, controls: read.controls, settings: read.settings };
    const figure = document.createElement('activation-lab');
    figure.addEventListener('activation-lab-language', (event) => {
      event.detail.apply(document);  // <html lang>, <title>, the description and the card's tags
    });
    setLang(figure, read.lang);
    // Attribute values are text: the element validates them and never treats them as markup.
    if (read.figure !== null) figure.setAttribute('figure', read.figure);
    if (read.controls !== null) figure.setAttribute('controls', read.controls);
    figure.setAttribute('settings', read.settings);
    figure.setAttribute('loading', 'eager');  // the frame itself is what the host lazy-loads
    slot.replaceChildren(figure);
  }

  function setLang(figure, lang) {
    if (lang === null) figure.removeAttribute('lang');
    else figure.setAttribute('lang', lang);
  }

  function sendHeight() {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === lastHeight || height <= 0 || window.parent === window) return;
    lastHeight = height;
    window.parent.postMessage({ message: 'height', value: height, secret }, '*');
    window.parent.postMessage(JSON.stringify({ context: 'iframe.resize', height }), '*');
    window.parent.postMessage({ type: 'activation-lab:resize', height }, '*');
  }

  show();
  new ResizeObserver(sendHeight).observe(document.body);
  window.addEventListener('hashchange', show);
})();
