// "Embed this": a dialog that writes the <activation-lab> snippet and the iframe snippet for the
// settings in the address (the page keeps every setting there) and a chosen figure, with copy
// buttons. A snippet is short: a version key (`v=`) and only the settings that differ from that
// version's defaults (web/embed/snippet-versions.js keeps every version's defaults, so a pasted
// snippet keeps its meaning when the lab's defaults change). Each snippet carries a static fallback,
// a link around the figure's card image, for readers that strip scripts and iframes (feed readers,
// email); the iframe's carries the few lines of script that follow its height messages
// (web/embed/frame-resize.js, from the lab's origin, so a host's script-src allows it as it does
// the element's script).
import { SNIPPET_VERSIONS, CURRENT_SNIPPET_VERSION } from '../embed/snippet-versions.js';

const FIGURES = [
  ['race', 'The race (every network)'],
  ['card', 'One network (card)'],
  ['why', 'Why: gradients and units'],
  ['cost', 'Cost per activation'],
  ['claims', 'The claims, measured'],
  ['curves', 'The activations and their slopes'],
  ['depth', 'The gradient by depth'],
  ['seeds', 'The race across seeds'],
];
const CONTROLS = [['play', 'Play / pause / reset'], ['full', 'Play, step, reset, new seed'], ['none', 'None']];
// First heights at 720 px, before the frame's first height message arrives.
const IFRAME_HEIGHTS = { race: 560, card: 640, why: 720, cost: 760, claims: 420, curves: 860, depth: 660, seeds: 820 };

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** The lab's root URL: this page's address without its file name and hash. */
export function labBase(href = location.href) {
  const url = new URL(href);
  url.hash = '';
  url.search = '';
  return new URL('./', url).href;
}

/** 'key=value' parts of `hash` whose value differs from the snippet version's default text. */
export function changedSettings(hash, version = CURRENT_SNIPPET_VERSION) {
  const defaults = new Map(SNIPPET_VERSIONS[version].split('&').map((part) => part.split(/=(.*)/s, 2)));
  return String(hash).replace(/^#/, '').split('&').filter((part) => {
    if (!part) return false;
    const [key, value = ''] = part.split(/=(.*)/s, 2);
    return defaults.get(key) !== value;
  });
}

/**
 * The two snippets for `hash` (the lab's settings, '#a=1&b=2'), {figure, controls, activation}.
 * @returns {iframe, element, embedUrl, settings}  settings: 'v=1&...' as both snippets carry it
 */
export function embedSnippets(base, hash, { figure = 'race', controls = 'play', activation = '' } = {}) {
  const changed = changedSettings(hash);
  const settings = [`v=${CURRENT_SNIPPET_VERSION}`,
    ...(figure === 'card' && activation ? [`activation=${encodeURIComponent(activation)}`] : []), ...changed].join('&');
  const controlsPart = controls === 'play' ? '' : `&controls=${controls}`;
  const embedUrl = `${base}embed.html#figure=${figure}${controlsPart}&${settings}`;
  const labUrl = `${base}index.html${changed.length ? `#${changed.join('&')}` : ''}`;
  const fallback = `<a href="${escapeHtml(labUrl)}"><img src="${escapeHtml(`${base}embed/card.png`)}" ` +
    'width="600" height="315" alt="Activation Lab: small networks racing, differing only in their activation. ' +
    'Open the live figure."></a>';
  const iframe = '<div class="activation-lab-embed">' +
    `<iframe src="${escapeHtml(embedUrl)}" width="720" height="${IFRAME_HEIGHTS[figure] ?? 560}" ` +
    'style="border:0;width:100%;max-width:720px" loading="lazy" title="Activation Lab" ' +
    'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>' +
    `${fallback}</div>\n<script src="${escapeHtml(`${base}embed/frame-resize.js`)}" async></script>`;
  // The link inside shows only where the script never ran (blocked, offline, a feed reader):
  // the element's shadow root hides it otherwise.
  const element = `<script src="${escapeHtml(`${base}embed/activation-lab.js`)}" async></script>\n` +
    `<activation-lab figure="${escapeHtml(figure)}"${controls === 'play' ? '' : ` controls="${escapeHtml(controls)}"`} ` +
    `settings="${escapeHtml(settings)}">${fallback}</activation-lab>`;
  return { iframe, element, embedUrl, settings };
}

function membersOf(hash) {
  const match = /(?:^#?|&)members=([^&]*)/.exec(hash);
  return match ? decodeURIComponent(match[1]).split(',').filter(Boolean) : [];
}

function field(labelText, control) {
  const label = document.createElement('label');
  label.className = 'embed-field';
  label.append(labelText, control);
  return label;
}

function select(options) {
  const s = document.createElement('select');
  for (const [value, text] of options) s.append(new Option(text, value));
  return s;
}

function snippetBlock(title, id) {
  const box = document.createElement('div');
  box.className = 'embed-snippet';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = title;
  const area = document.createElement('textarea');
  area.id = id;
  area.readOnly = true;
  area.rows = 4;
  area.spellcheck = false;
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.textContent = 'Copy';
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
    status.textContent = 'Copied';
    setTimeout(() => { status.textContent = ''; }, 2000);
  });
  box.append(label, area, copy, status);
  return { box, area };
}

/** Builds the dialog once and opens it from `button`. */
export function mountEmbedDialog(button) {
  const dialog = document.createElement('dialog');
  dialog.id = 'embed-dialog';
  dialog.className = 'embed-dialog';
  dialog.setAttribute('aria-labelledby', 'embed-title');
  const title = document.createElement('h2');
  title.id = 'embed-title';
  title.textContent = 'Embed this run in a blog post';
  const note = document.createElement('p');
  note.textContent = 'The snippets carry the settings in the address that differ from the defaults, so the ' +
    'figure runs exactly this race (same data, same initial weights). The element sizes itself and pauses when ' +
    'out of view; the iframe works almost anywhere. Readers that strip both see a linked image.';
  const figure = select(FIGURES);
  figure.id = 'embed-figure';
  const activation = select([]);
  activation.id = 'embed-activation';
  const controls = select(CONTROLS);
  controls.id = 'embed-controls';
  const activationField = field('Network ', activation);
  const choices = document.createElement('div');
  choices.className = 'embed-choices';
  choices.append(field('Figure ', figure), activationField, field('Controls ', controls));
  const element = snippetBlock('Element (your own pages: one script, any number of figures)', 'embed-element');
  const iframe = snippetBlock('iframe (WordPress, Ghost, Hugo, any HTML block)', 'embed-iframe');
  const preview = document.createElement('a');
  preview.id = 'embed-preview';
  preview.target = '_blank';
  preview.rel = 'noopener';
  preview.textContent = 'Preview the embed page';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Close';
  close.addEventListener('click', () => dialog.close());
  dialog.append(title, note, choices, element.box, iframe.box, preview, close);
  document.body.append(dialog);

  const update = () => {
    activationField.hidden = figure.value !== 'card';
    const snippets = embedSnippets(labBase(), location.hash, {
      figure: figure.value, controls: controls.value, activation: activation.value,
    });
    iframe.area.value = snippets.iframe;
    element.area.value = snippets.element;
    preview.href = snippets.embedUrl;
  };
  for (const control of [figure, activation, controls]) control.addEventListener('change', update);
  button.addEventListener('click', () => {
    const members = membersOf(location.hash);
    activation.replaceChildren(...members.map((m) => new Option(m, m)));
    update();
    dialog.showModal();
  });
  return { dialog, update };
}

// On the lab page only: the tests import embedSnippets() in Node, where there is no document.
const button = globalThis.document?.getElementById('embed-this');
if (button) mountEmbedDialog(button);
