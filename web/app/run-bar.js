// The run's buttons: play/pause, step, reset, regenerate (a new seed) and steps per frame. They
// change settings through the state (so the URL follows) or ask the page for a step or reset.
import { parseValue } from './param-table.js';

/**
 * @param state LabState; table: the parameter table
 * @param actions {step(), reset()}
 * @returns {sync(values)}
 */
export function mountRunBar(state, table, { step, reset }) {
  const play = document.getElementById('play');
  const stepButton = document.getElementById('step');
  const resetButton = document.getElementById('reset');
  const regenerate = document.getElementById('regenerate');
  const speed = document.getElementById('steps-per-frame');
  const speedRow = table.byKey.get('stepsPerFrame');
  speed.min = String(speedRow.min);
  speed.max = String(speedRow.max);

  play.addEventListener('click', () => state.set({ playing: !state.get('playing') }));
  stepButton.addEventListener('click', () => {
    if (state.get('playing')) state.set({ playing: false });  // a step is only visible while paused
    step();
  });
  resetButton.addEventListener('click', reset);
  regenerate.addEventListener('click', () => {
    const seedRow = table.byKey.get('seed');
    const [random] = crypto.getRandomValues(new Uint32Array(1));
    const seed = Math.min(seedRow.max, seedRow.min + (random % (seedRow.max - seedRow.min + 1)));
    state.set({ seed }, { byHand: true });
  });
  speed.addEventListener('change', () => {
    const parsed = parseValue(speedRow, speed.value);
    if (parsed.error) {
      speed.setAttribute('aria-invalid', 'true');
      return;
    }
    speed.removeAttribute('aria-invalid');
    state.set({ stepsPerFrame: parsed.value });
  });

  return {
    sync(values) {
      play.textContent = values.playing ? 'Pause' : 'Play';
      speed.value = String(values.stepsPerFrame);
      stepButton.textContent = `Step +${values.stepsPerFrame}`;
      stepButton.title = `Train every network ${values.stepsPerFrame} steps, then pause`;
    },
  };
}
