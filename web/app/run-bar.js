// The run's buttons: play/pause, step, reset, regenerate (a new seed) and steps per frame. They
// change settings through the state (so the URL follows) or ask the page for a step or reset.
import { parseValue } from '../session/param-table.js';
import { formatRate } from '../views/format.js';
import { englishTranslator } from '../i18n/i18n.js';

function median(values) {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  return finite.length ? finite[finite.length >> 1] : NaN;
}

function setIfChanged(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/**
 * @param state LabState; table: the parameter table
 * @param actions {step(), reset()}
 * @param options {i18n}: the translator of its words
 * @returns {sync(values), showSpeed(frame), setLanguage(i18n)}
 */
export function mountRunBar(state, table, { step, reset }, { i18n: initial = englishTranslator } = {}) {
  let i18n = initial;
  let lastFrame = null;
  const play = document.getElementById('play');
  const stepButton = document.getElementById('step');
  const resetButton = document.getElementById('reset');
  const regenerate = document.getElementById('regenerate');
  const speed = document.getElementById('steps-per-frame');
  const speedRow = table.byKey.get('stepsPerFrame');
  speed.min = String(speedRow.min);
  speed.max = String(speedRow.max);

  listenForRunButtons(state, table, { play, stepButton, resetButton, regenerate }, { step, reset });
  speed.addEventListener('change', () => {
    const parsed = parseValue(speedRow, speed.value, { i18n });
    if (parsed.error) {
      speed.setAttribute('aria-invalid', 'true');
      return;
    }
    speed.removeAttribute('aria-invalid');
    state.set({ stepsPerFrame: parsed.value });
  });

  const speedText = document.getElementById('speed-readout');
  const paceNote = document.getElementById('pace-note');
  let slowSince = NaN;

  const bar = {
    /**
     * The speed readout from a frame: steps each board advances per second (what the reader sees),
     * the worker's capacity second, and a note when the settings cannot reach the requested pace.
     */
    showSpeed(frame) {
      lastFrame = frame;
      const seen = median(frame.members.map((m) => m.advancedPerSecond));
      const capacity = median(frame.members.map((m) => m.stepsPerSecond));
      const requested = frame.requestedPerSecond;
      if (!frame.playing) {
        setIfChanged(speedText, Number.isFinite(capacity)
          ? i18n.t('run.speed.pausedCapacity', { capacity: formatRate(capacity) }) : i18n.t('run.speed.paused'));
        slowSince = NaN;
        paceNote.hidden = true;
        return;
      }
      const seenText = Number.isFinite(seen) ? i18n.t('run.speed.seen', { seen: formatRate(seen) }) : i18n.t('run.speed.measuring');
      setIfChanged(speedText, Number.isFinite(capacity)
        ? i18n.t('run.speed.withCapacity', { speed: seenText, capacity: formatRate(capacity) }) : seenText);
      speedText.dataset.value = Number.isFinite(seen) ? String(Math.round(seen)) : '';
      // Slow for a couple of seconds (not one hiccup): say which settings hold it back.
      const slow = Number.isFinite(seen) && Number.isFinite(requested) && seen < 0.8 * requested;
      const now = performance.now();
      if (!slow) slowSince = NaN; else if (Number.isNaN(slowSince)) slowSince = now;
      const show = slow && now - slowSince > 1500;
      paceNote.hidden = !show;
      if (show) {
        setIfChanged(paceNote, i18n.t('run.pace', { seen: formatRate(seen), requested: formatRate(requested) }));
      }
    },
    sync(values) {
      play.setAttribute('aria-pressed', String(Boolean(values.playing)));
      play.textContent = i18n.t(values.playing ? 'run.pause' : 'run.play');
      speed.value = String(values.stepsPerFrame);
      const steps = String(values.stepsPerFrame);
      stepButton.textContent = i18n.t('run.stepBy', { steps });
      stepButton.title = i18n.t('run.stepBy.title', { steps });
    },
    /** The words in another language; the page's sync() follows with the values. */
    setLanguage(next) {
      i18n = next;
      if (lastFrame) bar.showSpeed(lastFrame);
    },
  };
  return bar;
}

// Play (button and Space), Step, Reset and a new random seed.
function listenForRunButtons(state, table, { play, stepButton, resetButton, regenerate }, { step, reset }) {
  play.addEventListener('click', () => state.set({ playing: !state.get('playing') }));
  // Space toggles play, unless it is meant for what has focus (a button, a field, a board's cursor).
  document.addEventListener('keydown', (event) => {
    if (event.key !== ' ' || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target !== document.body && target.closest?.('input, select, textarea, button, a, summary, [tabindex]:not([tabindex="-1"]), [contenteditable]')) return;
    event.preventDefault();
    state.set({ playing: !state.get('playing') });
  });
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
}
