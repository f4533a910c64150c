// The preset buttons and the note that explains the active preset. A preset replaces every
// setting (defaults, then the preset's own values), so one click always shows the same finding.
import { PRESETS, presetByName, presetValues } from '../session/presets.js';
import { showPresetRecord } from './preset-record.js';

export function mountPresetBar(state, table, { reducedMotion, labelOf = (name) => name }) {
  const buttons = document.getElementById('preset-buttons');
  const note = document.getElementById('preset-note');
  const record = document.getElementById('preset-outcome');
  const byName = new Map();
  for (const preset of PRESETS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'preset';
    button.dataset.preset = preset.name;
    button.textContent = preset.label;
    button.setAttribute('aria-pressed', 'false');
    // No scrolling: the note below the buttons says where to look. A history entry: Back returns
    // to the run before the preset.
    button.addEventListener('click', () => state.set(presetValues(table, preset, { reducedMotion }), { historyEntry: true }));
    buttons.append(button);
    byName.set(preset.name, button);
  }
  return {
    sync(values) {
      for (const [name, button] of byName) button.setAttribute('aria-pressed', String(name === values.preset));
      const preset = presetByName(values.preset);
      note.textContent = preset ? `${preset.label}: ${preset.text}` : 'Pick a preset to reproduce a finding, or change any setting below.';
      if (record) showPresetRecord(record, preset, labelOf);
    },
  };
}
