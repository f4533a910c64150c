// "Embed this": a dialog that writes the <activation-lab> snippet and the iframe snippet for the
// settings in the address (the page keeps every setting there) and a chosen figure, with copy
// buttons. A snippet is short: a version key (`v=`) and only the settings that differ from that
// version's defaults (web/embed/snippet-versions.js keeps every version's defaults, so a pasted
// snippet keeps its meaning when the lab's defaults change). Each snippet carries a static fallback,
// a link around the figure's card image, for readers that strip scripts and iframes (feed readers,
// email); the iframe's carries the few lines of script that follow its height messages
// (web/embed/frame-resize.js, from the lab's origin, so a host's script-src allows it as it does
// the element's script).
// The page's language goes into every snippet (the iframe's #lang=, the element's lang=, the link's
// ?lang=, which servers see, for a link card in that language): English adds nothing, so such a
// figure follows its host page's language as every snippet before did. The dialog's own words
// are the page's language too, read from <html lang> each time it opens.
import { SNIPPET_VERSIONS, CURRENT_SNIPPET_VERSION } from '../embed/snippet-versions.js';
import { FIGURE_HEIGHTS } from '../embed/figure-heights.js';
import { BASE_LANGUAGE, englishTranslator, loadTranslator, resolveTag } from '../i18n/i18n.js';

// The figures and controls offered, in order; their words are embedDialog.figure.<name> and
// embedDialog.controls.<name>.
const FIGURES = ['race', 'card', 'why', 'cost', 'claims', 'curves', 'depth', 'seeds'];
const CONTROLS = ['play', 'full', 'none'];

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** The lab's root URL: this page's address without its file name and hash. */
export function labBase(href = location.href) {
  const url = new URL(href);
  url.hash = '';
  url.search = '';
  return new URL('./', url).href;
}

/**
 * 'key=value' parts of `hash` whose value differs from the snippet version's default text. The
 * page's lang= is not a setting of the run: the snippets carry it their own way.
 */
export function changedSettings(hash, version = CURRENT_SNIPPET_VERSION) {
  const defaults = new Map(SNIPPET_VERSIONS[version].split('&').map((part) => part.split(/=(.*)/s, 2)));
  return String(hash).replace(/^#/, '').split('&').filter((part) => {
    if (!part) return false;
    const [key, value = ''] = part.split(/=(.*)/s, 2);
    return key !== 'lang' && defaults.get(key) !== value;
  });
}

/**
 * The snippets for `hash` (the lab's settings, '#a=1&b=2'), {figure, controls, activation, lang, i18n}.
 *   lang: the page's language ('en', 'zh-CN'); i18n: a translator for it (the image's alt text)
 * @returns {iframe, element, embedUrl, link, oembedUrl, settings}
 *   settings: 'v=1&...' as both snippets carry it; link: the lab with these settings, its language
 *   in the query (servers never see the hash); oembedUrl: npm start's oEmbed answer for that link
 */
export function embedSnippets(base, hash, { figure = 'race', controls = 'play', activation = '', lang = BASE_LANGUAGE,
  i18n = englishTranslator } = {}) {
  const changed = changedSettings(hash);
  const settings = [`v=${CURRENT_SNIPPET_VERSION}`,
    ...(figure === 'card' && activation ? [`activation=${encodeURIComponent(activation)}`] : []), ...changed].join('&');
  const pinned = lang && lang !== BASE_LANGUAGE ? lang : null;  // English: the host page's language decides
  const controlsPart = controls === 'play' ? '' : `&controls=${controls}`;
  const embedUrl = `${base}embed.html#figure=${figure}${controlsPart}${pinned ? `&lang=${pinned}` : ''}&${settings}`;
  const labUrl = `${base}index.html${pinned ? `?lang=${pinned}` : ''}${changed.length ? `#${changed.join('&')}` : ''}`;
  const oembedUrl = `${base}oembed?url=${encodeURIComponent(labUrl)}&format=json`;
  const fallback = `<a href="${escapeHtml(labUrl)}"><img src="${escapeHtml(`${base}embed/card.png`)}" ` +
    `width="600" height="315" alt="${escapeHtml(i18n.t('embedDialog.fallbackAlt'))}"></a>`;
  const iframe = '<div class="activation-lab-embed">' +
    `<iframe src="${escapeHtml(embedUrl)}" width="720" height="${FIGURE_HEIGHTS[figure] ?? FIGURE_HEIGHTS.race}" ` +
    'style="border:0;width:100%;max-width:720px" loading="lazy" title="Activation Lab" ' +
    'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>' +
    `${fallback}</div>\n<script src="${escapeHtml(`${base}embed/frame-resize.js`)}" async></script>`;
  // The link inside shows only where the script never ran (blocked, offline, a feed reader):
  // the element's shadow root hides it otherwise.
  const element = `<script src="${escapeHtml(`${base}embed/activation-lab.js`)}" async></script>\n` +
    `<activation-lab figure="${escapeHtml(figure)}"${controls === 'play' ? '' : ` controls="${escapeHtml(controls)}"`} ` +
    `${pinned ? `lang="${escapeHtml(pinned)}" ` : ''}settings="${escapeHtml(settings)}">${fallback}</activation-lab>`;
  return { iframe, element, embedUrl, link: labUrl, oembedUrl, settings };
}

function membersOf(hash) {
  const match = /(?:^#?|&)members=([^&]*)/.exec(hash);
  return match ? decodeURIComponent(match[1]).split(',').filter(Boolean) : [];
}

// Every element the dialog words carries its catalog key (data-key), so setLanguage can say it again.
const worded = (element, key) => {
  element.dataset.key = key;
  return element;
};

function field(key, control) {
  const label = document.createElement('label');
  label.className = 'embed-field';
  label.append(worded(document.createElement('span'), key), ' ', control);
  return label;
}

function select(keyPrefix, values) {
  const s = document.createElement('select');
  for (const value of values) s.append(worded(new Option(value, value), `${keyPrefix}.${value}`));
  return s;
}

function snippetBlock(titleKey, id, copiedText) {
  const box = document.createElement('div');
  box.className = 'embed-snippet';
  const label = worded(document.createElement('label'), titleKey);
  label.htmlFor = id;
  const area = document.createElement('textarea');
  area.id = id;
  area.readOnly = true;
  area.rows = 4;
  area.spellcheck = false;
  const copy = worded(document.createElement('button'), 'embedDialog.copy');
  copy.type = 'button';
  const status = document.createElement('span');
  status.className = 'embed-copied';
  status.setAttribute('aria-live', 'polite');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(area.value);
    } catch {
      area.select();
      document.execCommand?.('copy');  // clipboard API refused (permissions): the old way
    }
    status.textContent = copiedText();
    setTimeout(() => { status.textContent = ''; }, 2000);
  });
  box.append(label, area, copy, status);
  return { box, area };
}

/**
 * Builds the dialog once and opens it from `button`, in `i18n`'s language; each time it opens it
 * follows the page's <html lang> (the page's language switch sets it).
 * @returns {dialog, update(), setLanguage(i18n)}
 */
export function mountEmbedDialog(button, { i18n: firstI18n = englishTranslator } = {}) {
  let i18n = firstI18n;
  const dialog = document.createElement('dialog');
  dialog.id = 'embed-dialog';
  dialog.className = 'embed-dialog';
  dialog.setAttribute('aria-labelledby', 'embed-title');
  const title = worded(document.createElement('h2'), 'embedDialog.title');
  title.id = 'embed-title';
  const note = worded(document.createElement('p'), 'embedDialog.note');
  const figure = select('embedDialog.figure', FIGURES);
  figure.id = 'embed-figure';
  const activation = document.createElement('select');
  activation.id = 'embed-activation';
  const controls = select('embedDialog.controls', CONTROLS);
  controls.id = 'embed-controls';
  const activationField = field('embedDialog.network', activation);
  const choices = document.createElement('div');
  choices.className = 'embed-choices';
  choices.append(field('embedDialog.figure', figure), activationField, field('embedDialog.controls', controls));
  const copied = () => i18n.t('embedDialog.copied');
  const element = snippetBlock('embedDialog.element', 'embed-element', copied);
  const iframe = snippetBlock('embedDialog.iframe', 'embed-iframe', copied);
  const link = snippetBlock('embedDialog.link', 'embed-link', copied);
  link.area.rows = 2;
  const preview = worded(document.createElement('a'), 'embedDialog.preview');
  preview.id = 'embed-preview';
  preview.target = '_blank';
  preview.rel = 'noopener';
  const close = worded(document.createElement('button'), 'embedDialog.close');
  close.type = 'button';
  close.addEventListener('click', () => dialog.close());
  dialog.append(title, note, choices, element.box, iframe.box, link.box, preview, close);
  document.body.append(dialog);

  const update = () => {
    activationField.hidden = figure.value !== 'card';
    const snippets = embedSnippets(labBase(), location.hash, {
      figure: figure.value, controls: controls.value, activation: activation.value, lang: i18n.lang, i18n,
    });
    iframe.area.value = snippets.iframe;
    element.area.value = snippets.element;
    link.area.value = snippets.link;
    preview.href = snippets.embedUrl;
  };
  const setLanguage = (next) => {
    i18n = next;
    for (const node of dialog.querySelectorAll('[data-key]')) node.textContent = i18n.t(node.dataset.key);
    update();
  };
  for (const control of [figure, activation, controls]) control.addEventListener('change', update);
  button.addEventListener('click', async () => {
    const members = membersOf(location.hash);
    activation.replaceChildren(...members.map((m) => new Option(m, m)));
    const pageLang = resolveTag(document.documentElement.lang) ?? BASE_LANGUAGE;
    setLanguage(pageLang === i18n.lang ? i18n : await loadTranslator(pageLang));
    dialog.showModal();
  });
  setLanguage(i18n);
  return { dialog, update, setLanguage };
}
