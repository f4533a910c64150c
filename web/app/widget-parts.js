// The parts every form control is built from: a unique id, the labelled field with its help, the
// error slot that says why a value was refused, a whole-number input.
import { rowLabel, rowHelp } from '../session/param-table.js';
import { englishTranslator } from '../i18n/i18n.js';

let nextId = 0;
export const uid = (key) => `ctl-${key}-${++nextId}`;


export function field(row, control, extra = [], i18n = englishTranslator) {
  const wrap = document.createElement('div');
  wrap.className = 'field';
  wrap.dataset.key = row.key;
  const label = document.createElement('label');
  label.htmlFor = control.id;
  label.textContent = rowLabel(row, i18n);
  wrap.append(label, control, ...extra, helpFor(row, i18n));
  return wrap;
}

/** The row's help as visible text under a disclosure (a tooltip alone reaches neither touch nor keyboard). */
export function helpFor(row, i18n = englishTranslator) {
  const details = document.createElement('details');
  details.className = 'field-help';
  const summary = document.createElement('summary');
  summary.textContent = i18n.t('settings.help');
  const which = document.createElement('span');
  which.className = 'visually-hidden';
  which.textContent = i18n.t('settings.helpFor', { label: rowLabel(row, i18n) });
  summary.append(which);
  const text = document.createElement('p');
  text.textContent = rowHelp(row, i18n) || rowLabel(row, i18n);
  details.append(summary, text);
  return details;
}

/** Shows the reason next to the control (text only) and marks it invalid for assistive tech. */
export function errorSlot(control) {
  const slot = document.createElement('span');
  slot.className = 'field-error';
  slot.id = `${control.id}-error`;
  slot.setAttribute('role', 'alert');
  control.setAttribute('aria-describedby', slot.id);
  return {
    slot,
    show(message) { slot.textContent = message; control.setAttribute('aria-invalid', 'true'); },
    clear() { slot.textContent = ''; control.removeAttribute('aria-invalid'); },
  };
}

export function numberInput(key, min, max) {
  const input = document.createElement('input');
  input.type = 'number';
  input.id = uid(key);
  input.min = String(min);
  input.max = String(max);
  input.step = '1';
  input.inputMode = 'numeric';
  return input;
}
