// The preset buttons and the note that explains the active preset. A preset replaces every
// setting (defaults, then the preset's own values), so one click always shows the same finding.
//
// Beside the preset's text, its stated outcome (preset-record.js) and, in that record's
// [data-preset-seeds] slot, the outcome checked over seeds 1..N in this browser's seed pool
// (preset-seeds.js). The check starts on a click, not on its own: it trains N seeds of the preset's
// race on every core but one, which a phone feels in its battery, and a reader who only wanted the
// preset's live race should not pay for it. Choosing another preset cancels a running check.
import { PRESETS, presetByName, presetValues } from '../session/presets.js';
import { sharedSeedPool } from '../session/seed-pool.js';
import { mountPresetOutcome } from '../session/preset-seeds.js';
import { englishTranslator } from '../i18n/i18n.js';
import { showPresetRecord } from './preset-record.js';

// The lab's root (the seed workers' scripts are under it): the page's own folder. Not import.meta.url:
// this module is bundled, and a bundle or its chunks live elsewhere.
const labRoot = () => new URL('.', document.baseURI);

/** @returns {sync(values), setLanguage(i18n)} */
export function mountPresetBar(state, table, { reducedMotion, labelOf = (name) => name, i18n = englishTranslator }) {
  const buttons = document.getElementById('preset-buttons');
  const note = document.getElementById('preset-note');
  const record = document.getElementById('preset-outcome');
  const byName = new Map();
  let words = i18n;
  const label = (preset) => (words.has(`preset.${preset.name}.label`) ? words.t(`preset.${preset.name}.label`) : preset.label);
  const text = (preset) => (words.has(`preset.${preset.name}.text`) ? words.t(`preset.${preset.name}.text`) : preset.text);
  for (const preset of PRESETS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'preset';
    button.dataset.preset = preset.name;
    button.setAttribute('aria-pressed', 'false');
    // No scrolling: the note below the buttons says where to look. A history entry: Back returns
    // to the run before the preset.
    button.addEventListener('click', () => state.set(presetValues(table, preset, { reducedMotion }), { historyEntry: true }));
    buttons.append(button);
    byName.set(preset.name, button);
  }

  let shownRecord = null;  // the preset and seed count the record was written for
  let check = null;        // the across-seeds check of the shown preset: {slot, button, cancel(), setLanguage()}
  let lastValues = null;

  // The record of `preset` with a button that starts its across-seeds check. With `keep`, the
  // record's words are rewritten around the check already shown (it keeps running).
  function showRecord(preset, seeds, keep = false) {
    if (!keep) {
      check?.cancel();
      check = null;
    }
    showPresetRecord(record, preset, labelOf, { i18n: words });
    const slot = record.querySelector('[data-preset-seeds]');
    if (!preset?.outcome || !slot) return;
    if (keep && check) {
      check.button.textContent = words.t('presetSeeds.check', { seeds });
      check.setLanguage(words);
      slot.replaceWith(check.button, check.slot);
      return;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'preset-seeds-check';
    button.dataset.field = 'preset-seeds-check';
    button.textContent = words.t('presetSeeds.check', { seeds });
    button.addEventListener('click', () => {
      button.hidden = true;
      slot.setAttribute('aria-live', 'polite');
      const pool = sharedSeedPool(labRoot(), state.get('seedWorkers'));
      check = { slot, button, ...mountPresetOutcome(slot, { pool, table, preset, seeds, i18n: words }) };
    });
    slot.before(button);
  }

  function sync(values, { relabel = false } = {}) {
    lastValues = values;
    for (const [name, button] of byName) button.setAttribute('aria-pressed', String(name === values.preset));
    const preset = presetByName(values.preset);
    note.textContent = preset ? words.t('presets.note', { label: label(preset), text: text(preset) }) : words.t('presets.none');
    // Rewritten only when the preset (or the seed count) changes, so a running check is kept.
    const key = `${preset?.name ?? ''}|${values.seeds}`;
    if (record && (key !== shownRecord || relabel)) {
      showRecord(preset, values.seeds, key === shownRecord);
      shownRecord = key;
    }
  }

  function setLanguage(next) {
    words = next ?? englishTranslator;
    for (const preset of PRESETS) byName.get(preset.name).textContent = label(preset);
    if (lastValues) sync(lastValues, { relabel: true });
  }

  setLanguage(words);
  return { sync, setLanguage };
}
