// Sparsity's consequence, not only its share: per racer, the share of hidden outputs that are
// exactly 0, the share of the forward pass's multiply-adds by such a zero (work a sparse kernel
// could skip: the core's zeroMultiplyAddFraction), and the dead units that are its downside, with
// the plain note that dense kernels skip none of it.
import { el } from './dom.js';
import { formatPercent } from './format.js';
import { activationColor } from './palette.js';

export const DENSE_NOTE = 'Dense kernels (this lab\u2019s and most libraries\u2019) do not skip them: a multiply by 0 costs '
  + 'as much as any other. Dead units, whose output is 0 for every point, are the price: they no longer learn.';

/** Unit-weighted share of exact zeros over the hidden layers of one diagnostics result. */
export function hiddenZeroShare(diagnostics) {
  const hidden = diagnostics.layers.slice(0, -1);
  const units = hidden.reduce((s, l) => s + l.units, 0);
  return units ? hidden.reduce((s, l) => s + l.zeroFraction * l.units, 0) / units : 0;
}

/**
 * mountSparsityWork(container, {labelOf, headingLevel = 3}) -> {update([{name, diagnostics}]), destroy(), element}
 * Hooks: tr[data-activation] with td[data-field=zero-share|zero-multiply-adds|dead-units][data-value].
 */
export function mountSparsityWork(container, { labelOf = (n) => n, headingLevel = 3 } = {}) {
  const root = el('section', 'al-sparsity al-figure');
  const title = el(`h${headingLevel}`, 'al-figure-title');
  title.textContent = 'Exact zeros, and the work they could save';
  const table = el('table', 'al-sparsity-table');
  const head = el('tr');
  for (const text of ['activation', 'hidden outputs exactly 0', 'multiply-adds by an exact 0', 'dead units']) {
    const th = el('th', null, { scope: 'col' });
    th.textContent = text;
    head.append(th);
  }
  const body = el('tbody');
  table.append(el('thead'), body);
  table.firstChild.append(head);
  const note = el('p', 'al-sparsity-note');
  note.textContent = DENSE_NOTE;
  root.append(title, table, note);
  container.append(root);
  return {
    element: root,
    update(entries) {
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
        tr.append(th, cell('zero-share', zero, formatPercent(zero, 0)), cell('zero-multiply-adds', macs, formatPercent(macs, 0)),
          cell('dead-units', dead, `${dead} of ${units}`));
        return tr;
      }));
    },
    destroy() { root.remove(); },
  };
}
