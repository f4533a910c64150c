// The page's settings, in one object, kept in step with the URL hash. Anything that changes a
// setting goes through set(); listeners learn which keys changed and whether the run (data,
// networks, training) must start again from step 0.
import { sameValue } from '../session/param-table.js';
import { formatHash, writeHash } from '../session/url-state.js';
import { configOf } from '../session/settings.js';

// Page rows that do not change what is trained: changing them never restarts the run (the seeds
// figure's own rows restart only that figure: web/app/seeds-section.js).
const NOT_RUN_KEYS = new Set(['playing', 'stepsPerFrame', 'preset', 'seeds', 'seedSteps', 'seedWorkers', 'depthInit']);

export class LabState extends EventTarget {
  constructor(table, values) {
    super();
    this.table = table;
    this.values = structuredClone(values);
    this.lang = null;  // the language the address names (not a setting: it never restarts a run)
  }

  /** Writes the address now (the reader chose a language). */
  writeAddress() {
    writeHash(this.table, this.values, { lang: this.lang });
  }

  get(key) {
    return this.values[key];
  }

  /** Settings as the worker's CONFIGURE wants them: the core's config keys only. */
  config() {
    return configOf(this.table, this.values);
  }

  /**
   * Applies changes (unknown keys are a programming error and throw). A change made by hand
   * (byHand) leaves the preset: its explanation no longer describes what is on screen. A new
   * history entry (historyEntry: a preset or a claim link) lets Back return to the previous run.
   */
  set(changes, { byHand = false, historyEntry = false } = {}) {
    const changed = new Set();
    for (const [key, value] of Object.entries(changes)) {
      if (!this.table.byKey.has(key)) throw new Error(`LabState: no setting '${key}'`);
      if (sameValue(this.values[key], value)) continue;
      this.values[key] = structuredClone(value);
      changed.add(key);
    }
    const restartsRun = [...changed].some((k) => !NOT_RUN_KEYS.has(k));
    if (byHand && restartsRun && this.values.preset !== 'none') {
      this.values.preset = 'none';
      changed.add('preset');
    }
    if (changed.size === 0) return;
    const hash = formatHash(this.table, this.values, { lang: this.lang });
    if (historyEntry && location.hash !== hash) history.pushState(null, '', hash);
    else this.writeAddress();
    this.dispatchEvent(new CustomEvent('change', { detail: { changed, restartsRun } }));
  }
}
