// Adding points by hand: the class toggle (which class a click adds, shown in its colour), the
// click handler, undo, "clear added points" (the dataset stays), "empty the plane" (the whole
// training set goes; only points clicked afterwards remain) and "back to the dataset".
// Clicked points live in the URL, so a shared address reproduces the same data. A click on a
// running race does not restart it: the page appends the point to the race's training set in the
// core (apply.add) and the step count keeps going; undo removes it the same way.
import { classColors } from '../views/palette.js';
import { englishTranslator } from '../i18n/i18n.js';

const DECIMALS = 100;  // clicked coordinates keep 2 decimals: short URLs, far finer than a cell

/**
 * @param state LabState
 * @param notify (level, text) => void
 * @param apply {add(point, added), undo(added)}: make the change (live or by a new run)
 * @param options {i18n}: the translator of its words
 * @returns {addPoint({x, y}), sync(values), setLanguage(i18n)}
 */
export function mountPointTools(state, notify, apply, { i18n: initial = englishTranslator } = {}) {
  let i18n = initial;
  const toggle = document.getElementById('class-toggle');
  const clear = document.getElementById('clear-points');
  const empty = document.getElementById('clear-dataset');
  const restore = document.getElementById('restore-points');
  const count = document.getElementById('point-count');
  const undo = document.getElementById('undo-point');
  let classes = 0;
  let chosen = 0;
  const { min, max, maxItems } = state.table.byKey.get('added');  // the plane and the core's limit

  undo.addEventListener('click', () => {
    const added = state.get('added');
    if (added.length > 0) apply.undo(added.slice(0, -1));
  });
  clear.addEventListener('click', () => state.set({ added: [] }, { byHand: true }));
  empty.addEventListener('click', () => state.set({ data: 'cleared', added: [] }, { byHand: true }));
  restore.addEventListener('click', () => state.set({ data: 'generated' }, { byHand: true }));

  function buildToggle(n) {
    classes = n;
    chosen = Math.min(chosen, n - 1);
    toggle.replaceChildren();
    for (let c = 0; c < n; c++) {
      const label = document.createElement('label');
      label.className = 'class-option';
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'point-class';
      radio.value = String(c);
      radio.checked = c === chosen;
      radio.addEventListener('change', () => { chosen = c; });
      const chip = document.createElement('span');
      chip.className = 'swatch';
      chip.style.backgroundColor = classColors[c].css;
      chip.setAttribute('aria-hidden', 'true');
      label.append(radio, chip, document.createTextNode(i18n.t('points.class', { index: String(c) })));
      toggle.append(label);
    }
  }

  function addPoint({ x, y }) {
    const added = state.get('added');
    if (added.length >= maxItems) {
      notify('warning', i18n.t('points.tooMany', { max: String(maxItems) }));
      return;
    }
    const round = (v) => Math.max(min, Math.min(max, Math.round(v * DECIMALS) / DECIMALS));
    const point = { x: round(x), y: round(y), label: chosen };
    apply.add(point, [...added, point]);
  }

  return {
    addPoint,
    setLanguage(next) {
      i18n = next;
      classes = 0;  // the class names are rebuilt by the page's sync() that follows
    },
    sync(values) {
      if (values.classes !== classes) buildToggle(values.classes);
      const cleared = values.data === 'cleared';
      restore.hidden = !cleared;
      const n = values.added.length;
      clear.disabled = n === 0;
      empty.hidden = cleared;
      undo.disabled = n === 0;
      count.textContent = cleared
        ? (n ? i18n.t('points.own', { count: n }) : i18n.t('points.ownNone'))
        : (n ? i18n.t('points.added', { count: n }) : '');
    },
  };
}
