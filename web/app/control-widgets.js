// One form control per parameter-table row, chosen by the row's type: a labelled select,
// number input, checkbox or checkbox group. Every value a control produces goes through the
// same parseValue as the URL, so the form can never hold what the URL would reject.
import { parseValue, formatValue } from './param-table.js';

let nextId = 0;
const uid = (key) => `ctl-${key}-${++nextId}`;

/**
 * @param row a parameter-table row
 * @param options {optionLabel(row, choice) -> string, swatch(row, choice) -> colour|null,
 *                 commit(value), invalid(message)}
 * @returns {element, set(value)}
 */
export function createWidget(row, options) {
  switch (row.type) {
    case 'choice': return selectWidget(row, options);
    case 'integer': case 'number': return numberWidget(row, options);
    case 'boolean': return checkboxWidget(row, options);
    case 'choiceList': return checkboxGroupWidget(row, options);
    case 'integerList': return layersWidget(row, options);
    default: return null;
  }
}

function field(row, control, extra = []) {
  const wrap = document.createElement('div');
  wrap.className = 'field';
  wrap.dataset.key = row.key;
  const label = document.createElement('label');
  label.htmlFor = control.id;
  label.textContent = row.label;
  label.title = row.help;
  wrap.append(label, control, ...extra);
  return wrap;
}

/** Shows the reason next to the control (text only) and marks it invalid for assistive tech. */
function errorSlot(control) {
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

function selectWidget(row, { optionLabel, commit }) {
  const select = document.createElement('select');
  select.id = uid(row.key);
  select.name = row.key;
  for (const choice of row.choices) select.add(new Option(optionLabel(row, choice), choice));
  select.addEventListener('change', () => commit(select.value));
  return { element: field(row, select), set(value) { select.value = value; } };
}

function numberWidget(row, { commit }) {
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
    const parsed = parseValue(row, input.value);
    if (parsed.error) return error.show(`${row.label}: ${parsed.error}`);
    error.clear();
    commit(parsed.value);
  });
  return {
    element: field(row, input, [error.slot]),
    set(value) { input.value = formatValue(row, value); error.clear(); },
  };
}

function checkboxWidget(row, { commit }) {
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.id = uid(row.key);
  input.name = row.key;
  input.addEventListener('change', () => commit(input.checked));
  const element = field(row, input);
  element.classList.add('field-checkbox');
  return { element, set(value) { input.checked = Boolean(value); } };
}

function checkboxGroupWidget(row, { optionLabel, swatch, commit }) {
  const fieldset = document.createElement('fieldset');
  fieldset.id = uid(row.key);
  fieldset.className = 'field field-group';
  fieldset.dataset.key = row.key;
  const legend = document.createElement('legend');
  legend.textContent = row.label;
  legend.title = row.help;
  fieldset.append(legend);
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
  const error = errorSlot(fieldset);
  fieldset.append(error.slot);
  let current = [];
  fieldset.addEventListener('change', () => {
    // Keep the order the items already had, new ones at the end: cards do not jump around.
    const checked = row.choices.filter((c) => boxes.get(c).checked);
    const next = [...current.filter((c) => checked.includes(c)), ...checked.filter((c) => !current.includes(c))];
    const parsed = parseValue(row, next.join(','));
    if (parsed.error) {
      error.show(`${row.label}: choose ${row.minItems} to ${row.maxItems}.`);
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
function layersWidget(row, { commit }) {
  const fieldset = document.createElement('fieldset');
  fieldset.className = 'field field-group layers';
  fieldset.dataset.key = row.key;
  const legend = document.createElement('legend');
  legend.textContent = row.label;
  legend.title = row.help;
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
  fieldset.append(legend, labelled('Depth', depth), labelled('Width', width),
    labelled('Units per layer (input side first)', list), error.slot);

  const tryCommit = (text) => {
    const parsed = parseValue(row, text);
    if (parsed.error) return error.show(`${row.label}: ${parsed.error}`);
    error.clear();
    commit(parsed.value);
  };
  const fromDepthWidth = () => {
    const d = Number(depth.value);
    const w = Number(width.value);
    if (!Number.isInteger(d) || d < row.minItems || d > row.maxItems) return error.show(`Depth: ${row.minItems} to ${row.maxItems}`);
    if (!Number.isInteger(w) || w < row.min || w > row.max) return error.show(`Width: ${row.min} to ${row.max}`);
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

function numberInput(key, min, max) {
  const input = document.createElement('input');
  input.type = 'number';
  input.id = uid(key);
  input.min = String(min);
  input.max = String(max);
  input.step = '1';
  input.inputMode = 'numeric';
  return input;
}
