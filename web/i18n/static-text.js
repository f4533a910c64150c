// The words written into the HTML pages themselves (index.html, embed.html), translated in place,
// so their markup stays in the HTML and their words in the catalogs. Marked up as:
//   <h2 data-i18n="race.title">The race</h2>                        text from a key
//   <nav data-i18n-attrs="aria-label=nav.label">                    attributes (';' between pairs)
//   <p data-i18n="boards.help.reset"><strong data-i18n-param="term"
//      data-i18n="run.reset">Reset</strong> goes back ...</p>      a bold term as a {term} node
//   <title data-i18n="meta.page.title">, <meta data-i18n-attrs="content=meta.page.description">
// The English stays in the HTML as written, so the page reads right before any script runs (and
// where none does); applyStaticText is called again on a language switch, nothing is restarted.

/**
 * Writes the translator's words into every marked element under `root` (a Document or an
 * Element), and sets `lang` on the root element of a document.
 * @param i18n a translator from web/i18n/i18n.js
 */
export function applyStaticText(root, i18n) {
  for (const element of root.querySelectorAll('[data-i18n-attrs]')) {
    for (const pair of element.getAttribute('data-i18n-attrs').split(';')) {
      const [name, key] = pair.split('=').map((s) => s.trim());
      if (name && key) element.setAttribute(name, i18n.t(key));
    }
  }
  // A {term} child is kept as the same node (translated in its own turn, before or after).
  for (const element of root.querySelectorAll('[data-i18n]')) {
    const params = {};
    for (const child of element.children) {
      const name = child.getAttribute('data-i18n-param');
      if (name) params[name] = child;
    }
    element.replaceChildren(...i18n.parts(element.getAttribute('data-i18n'), params));
  }
  if (root.documentElement) root.documentElement.lang = i18n.lang;
}
