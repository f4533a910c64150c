// Sparsity's consequence, not only its share: per racer, the share of hidden outputs that are
// exactly 0, the share of the forward pass's multiply-adds by such a zero (work a sparse kernel
// could skip: the core's zeroMultiplyAddFraction), and the dead units that are its downside, with
// the plain note that dense kernels skip none of it.
import { el } from './dom.js';
import { formatPercent } from './format.js';
import { activationColor } from './palette.js';
import { englishTranslator } from '../i18n/i18n.js';

/** The plain note under the table, in the translator's words. */
export const denseNote = (i18n = englishTranslator) => i18n.t('sparsity.note');

/** Unit-weighted share of exact zeros over the hidden layers of one diagnostics result. */
export function hiddenZeroShare(diagnostics) {
  const hidden = diagnostics.layers.slice(0, -1);
  const units = hidden.reduce((s, l) => s + l.units, 0);
  return units ? hidden.reduce((s, l) => s + l.zeroFraction * l.units, 0) / units : 0;
}

/**
 * mountSparsityWork(container, {labelOf, headingLevel = 3, i18n = englishTranslator})
 *   -> {update([{name, diagnostics}]), setLanguage(i18n), destroy(), element}
 * Hooks: tr[data-activation] with td[data-field=zero-share|zero-multiply-adds|dead-units][data-value].
 */
export function mountSparsityWork(container, { labelOf = (n) => n, headingLevel = 3, i18n = englishTranslator } = {}) {
  let words = i18n;
  const root = el('section', 'al-sparsity al-figure');
  const title = el(`h${headingLevel}`, 'al-figure-title');
  const table = el('table', 'al-sparsity-table');
  const head = el('tr');
  const columns = ['activation', 'zeros', 'multiplyAdds', 'dead'].map((key) => {
    const th = el('th', null, { scope: 'col', 'data-key': `sparsity.col.${key}` });
    head.append(th);
    return th;
  });
  const body = el('tbody');
  table.append(el('thead'), body);
  table.firstChild.append(head);
  const note = el('p', 'al-sparsity-note');
  root.append(title, table, note);
  container.append(root);
  const writeWords = () => {
    title.textContent = words.t('sparsity.title');
    for (const th of columns) th.textContent = words.t(th.dataset.key);
    note.textContent = denseNote(words);
  };
  writeWords();
  let last = null;
  const view = {
    element: root,
    setLanguage(next) {
      words = next;
      writeWords();
      if (last) view.update(last);
    },
    update(entries) {
      last = entries;
      body.replaceChildren(...entries.map(({ name, diagnostics }) => {
        const tr = el('tr', null, { 'data-activation': name });
        const th = el('th', null, { scope: 'row' });
        th.textContent = labelOf(name);
        th.style.borderLeft = `4px solid ${activationColor(name)}`;
        const dead = diagnostics.layers.slice(0, -1).reduce((s, l) => s + l.deadUnits, 0);
        const units = diagnostics.layers.slice(0, -1).reduce((s, l) => s + l.units, 0);
        const cell = (field, value, text) => {
          const td = el('td', null, { 'data-field': field, 'data-value': String(value) });
          td.textContent = text;
          return td;
        };
        const zero = hiddenZeroShare(diagnostics), macs = diagnostics.zeroMultiplyAddFraction;
        tr.append(th, cell('zero-share', zero, formatPercent(zero, 0, { i18n: words })),
          cell('zero-multiply-adds', macs, formatPercent(macs, 0, { i18n: words })),
          cell('dead-units', dead, words.t('sparsity.deadOf', { dead: String(dead), units: String(units) })));
        return tr;
      }));
    },
    destroy() { root.remove(); },
  };
  return view;
}
