// One form control per parameter-table row, chosen by the row's type: a labelled select,
// number input, checkbox or checkbox group. Every value a control produces goes through the
// same parseValue as the URL, so the form can never hold what the URL would reject.
import { parseValue, formatValue, rowLabel } from '../session/param-table.js';
import { ladderOf, neighbour, nearestIndex } from './value-ladder.js';
import { uid, field, helpFor, errorSlot, numberInput } from './widget-parts.js';
import { englishTranslator } from '../i18n/i18n.js';

/**
 * @param row a parameter-table row
 * @param options {optionLabel(row, choice) -> string, swatch(row, choice) -> colour|null,
 *                 commit(value), i18n: the translator of its words}
 * @returns {element, set(value)}
 */
export function createWidget(row, options) {
  switch (row.type) {
    case 'choice': return selectWidget(row, options);
    case 'integer': return numberWidget(row, options);
    case 'number': return ladderWidget(row, options);
    case 'boolean': return checkboxWidget(row, options);
    case 'choiceList': return checkboxGroupWidget(row, options);
    case 'integerList': return layersWidget(row, options);
    default: return null;
  }
}

function selectWidget(row, { optionLabel, commit, i18n }) {
  const select = document.createElement('select');
  select.id = uid(row.key);
  select.name = row.key;
  for (const choice of row.choices) select.add(new Option(optionLabel(row, choice), choice));
  select.addEventListener('change', () => commit(select.value));
  return { element: field(row, select, [], i18n), set(value) { select.value = value; } };
}

function numberWidget(row, { commit, i18n }) {
  const input = document.createElement('input');
  input.type = 'number';
  input.id = uid(row.key);
  input.name = row.key;
  input.min = String(row.min);
  input.max = String(row.max);
  input.step = row.type === 'integer' ? '1' : 'any';
  input.inputMode = row.type === 'integer' ? 'numeric' : 'decimal';
  const error = errorSlot(input);
  // 'change' (enter, blur, arrow keys), not 'input': a new run per keystroke would be noise.
  input.addEventListener('change', () => {
    const parsed = parseValue(row, input.value, { i18n });
    if (parsed.error) return error.show(i18n.t('settings.fieldError', { label: rowLabel(row, i18n), error: parsed.error }));
    error.clear();
    commit(parsed.value);
  });
  return {
    element: field(row, input, [error.slot], i18n),
    set(value) { input.value = formatValue(row, value); error.clear(); },
  };
}

/**
 * A real number: a text field that is a spin button over a ladder of sensible values (1-2-5 per
 * decade on a log scale for rates and penalties; 0.05 apart for shares; 0.5, 0.9, 0.99... for
 * decays), so ArrowUp moves 0.03 to 0.05, never to 1.03 as a native number field's step of 1 did.
 * Log-scale values also get a slider over the same ladder. Typing any value in range still works.
 */
function ladderWidget(row, { commit, i18n }) {
  const ladder = ladderOf(row);
  const input = document.createElement('input');
  input.type = 'text';
  input.id = uid(row.key);
  input.name = row.key;
  input.inputMode = 'decimal';
  input.spellcheck = false;
  input.autocomplete = 'off';
  input.setAttribute('role', 'spinbutton');
  input.setAttribute('aria-valuemin', decimal(row.min));
  input.setAttribute('aria-valuemax', decimal(row.max));
  const error = errorSlot(input);
  let current = row.default;
  let slider = null;
  const show = (value) => {
    current = value;
    input.value = formatValue(row, value);
    input.setAttribute('aria-valuenow', decimal(value));
    if (slider) {
      slider.value = String(nearestIndex(ladder.values, value));
      slider.setAttribute('aria-valuetext', formatValue(row, value));
    }
  };
  const tryCommit = (text) => {
    const parsed = parseValue(row, text, { i18n });
    if (parsed.error) return error.show(i18n.t('settings.fieldError', { label: rowLabel(row, i18n), error: parsed.error }));
    error.clear();
    show(parsed.value);
    commit(parsed.value);
  };
  input.addEventListener('change', () => tryCommit(input.value));
  input.addEventListener('keydown', (event) => {
    const moves = { ArrowUp: 1, ArrowDown: -1, PageUp: 3, PageDown: -3 };
    let next;
    if (event.key in moves) {
      const parsed = parseValue(row, input.value, { i18n });
      next = neighbour(ladder.values, parsed.error ? current : parsed.value, moves[event.key]);
    } else if (event.key === 'Home') {
      next = ladder.values[0];
    } else if (event.key === 'End') {
      next = ladder.values[ladder.values.length - 1];
    } else {
      return;
    }
    event.preventDefault();
    tryCommit(String(next));
  });
  const extra = [error.slot];
  if (ladder.log) {
    slider = document.createElement('input');
    slider.type = 'range';
    slider.className = 'log-slider';
    slider.min = '0';
    slider.max = String(ladder.values.length - 1);
    slider.step = '1';
    slider.setAttribute('aria-label', i18n.t('settings.logScale', { label: rowLabel(row, i18n) }));
    slider.addEventListener('input', () => {
      const value = ladder.values[Number(slider.value)];
      input.value = formatValue(row, value);
      slider.setAttribute('aria-valuetext', formatValue(row, value));
    });
    slider.addEventListener('change', () => tryCommit(String(ladder.values[Number(slider.value)])));
    extra.unshift(slider);
  }
  return { element: field(row, input, extra, i18n), set(value) { show(value); error.clear(); } };
}

// ARIA number values are plain decimals in every language: 1e-12 must read 0.000000000001. The
// English translator's number() keeps its formatter (a new Intl.NumberFormat per call cost ~100 ms
// at start).
const DECIMAL = { useGrouping: false, maximumFractionDigits: 20 };
const decimal = (value) => englishTranslator.number(value, DECIMAL);

function checkboxWidget(row, { commit, i18n }) {
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.id = uid(row.key);
  input.name = row.key;
  input.addEventListener('change', () => commit(input.checked));
  const element = field(row, input, [], i18n);
  element.classList.add('field-checkbox');
  return { element, set(value) { input.checked = Boolean(value); } };
}

function checkboxGroupWidget(row, { optionLabel, swatch, commit, i18n }) {
  const fieldset = document.createElement('fieldset');
  fieldset.id = uid(row.key);
  fieldset.className = 'field field-group';
  fieldset.dataset.key = row.key;
  const legend = document.createElement('legend');
  legend.textContent = rowLabel(row, i18n);
  // The limits beside the control, and the refusal right under them, where the reader looks.
  const limits = document.createElement('p');
  limits.className = 'field-limits';
  const bounds = { min: String(row.minItems), max: String(row.maxItems) };
  limits.textContent = i18n.t(row.minItems === row.maxItems ? 'settings.limits.exact' : 'settings.limits.range', bounds);
  const error = errorSlot(fieldset);
  fieldset.append(legend, limits, error.slot, helpFor(row, i18n));
  const boxes = new Map();
  for (const choice of row.choices) {
    const label = document.createElement('label');
    label.className = 'check';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = choice;
    box.name = row.key;
    const colour = swatch(row, choice);
    label.append(box);
    if (colour) {
      const chip = document.createElement('span');
      chip.className = 'swatch';
      chip.style.backgroundColor = colour;
      chip.setAttribute('aria-hidden', 'true');
      label.append(chip);
    }
    label.append(document.createTextNode(optionLabel(row, choice)));
    fieldset.append(label);
    boxes.set(choice, box);
  }
  let current = [];
  fieldset.addEventListener('change', () => {
    // Keep the order the items already had, new ones at the end: cards do not jump around.
    const checked = row.choices.filter((c) => boxes.get(c).checked);
    const next = [...current.filter((c) => checked.includes(c)), ...checked.filter((c) => !current.includes(c))];
    const parsed = parseValue(row, next.join(','), { i18n });
    if (parsed.error) {
      error.show(i18n.t('settings.chooseItems', { label: rowLabel(row, i18n), ...bounds }));
      for (const [c, box] of boxes) box.checked = current.includes(c);  // undo the click
      return;
    }
    error.clear();
    current = parsed.value;
    commit(parsed.value);
  });
  return {
    element: fieldset,
    set(value) {
      current = value.slice();
      for (const [c, box] of boxes) box.checked = value.includes(c);
    },
  };
}

/** Hidden layers: depth and width for the usual case, or the list of widths itself. */
function layersWidget(row, { commit, i18n }) {
  const fieldset = document.createElement('fieldset');
  fieldset.className = 'field field-group layers';
  fieldset.dataset.key = row.key;
  const legend = document.createElement('legend');
  legend.textContent = rowLabel(row, i18n);
  const depth = numberInput(`${row.key}-depth`, row.minItems, row.maxItems);
  const width = numberInput(`${row.key}-width`, row.min, row.max);
  const list = document.createElement('input');
  list.type = 'text';
  list.id = uid(`${row.key}-list`);
  list.inputMode = 'numeric';
  list.spellcheck = false;
  const error = errorSlot(list);
  const labelled = (text, control) => {
    const label = document.createElement('label');
    label.htmlFor = control.id;
    label.textContent = text;
    const wrap = document.createElement('div');
    wrap.className = 'field';
    wrap.append(label, control);
    return wrap;
  };
  fieldset.append(legend, labelled(i18n.t('settings.depth'), depth), labelled(i18n.t('settings.width'), width),
    labelled(i18n.t('settings.unitsPerLayer'), list), error.slot, helpFor(row, i18n));

  const tryCommit = (text) => {
    const parsed = parseValue(row, text, { i18n });
    if (parsed.error) return error.show(i18n.t('settings.fieldError', { label: rowLabel(row, i18n), error: parsed.error }));
    error.clear();
    commit(parsed.value);
  };
  const fromDepthWidth = () => {
    const d = Number(depth.value);
    const w = Number(width.value);
    if (!Number.isInteger(d) || d < row.minItems || d > row.maxItems) {
      return error.show(i18n.t('settings.depthRange', { min: String(row.minItems), max: String(row.maxItems) }));
    }
    if (!Number.isInteger(w) || w < row.min || w > row.max) return error.show(i18n.t('settings.widthRange', { min: String(row.min), max: String(row.max) }));
    tryCommit(Array(d).fill(w).join(','));
  };
  depth.addEventListener('change', fromDepthWidth);
  width.addEventListener('change', fromDepthWidth);
  list.addEventListener('change', () => tryCommit(list.value));
  return {
    element: fieldset,
    set(value) {
      depth.value = String(value.length);
      width.value = String(value.length ? Math.max(...value) : 8);
      list.value = value.join(',');
      error.clear();
    },
  };
}
