// The claims strip on the lab page: asks the worker for the claims (web/worker/claims.js) whenever
// the data the probes train on changes, and shows them (web/views/claims-strip.js). A link in the
// strip applies its preset and brings its view into sight.
import { mountClaimsStrip } from '../views/claims-strip.js';
import { requestDraw } from '../session/draw-loop.js';

// The settings the probe networks depend on (the rest of a run's settings does not change a claim).
const DATA_KEYS = ['seed', 'dataset', 'points', 'noise', 'testFraction', 'classes', 'features'];

export class ClaimsView {
  /**
   * @param measure (config) => void: asks the worker for CLAIMS
   * @param open ({key, preset, view}) => void: a claim's link was followed
   * @param i18n the translator (setLanguage changes it)
   */
  constructor(container, { labels, measure, open, i18n }) {
    this.strip = mountClaimsStrip(container, { labels, onOpen: open, i18n });
    this.measure = measure;
    this.key = null;
    this.claims = null;
  }

  /** Asks for the claims of `config`'s data unless they are the ones already shown or asked for. */
  request(config) {
    const data = Object.fromEntries(DATA_KEYS.map((k) => [k, config[k]]));
    const key = JSON.stringify(data);
    if (key === this.key) return;
    this.key = key;
    this.measure(data);
  }

  /**
   * The current run's figures beside the fresh net's: each racer's first/last ratio and exact-zero
   * share (its diagnostics), and its time per whole training step as a multiple of ReLU's (the
   * race's steps/s), so the per-element cost multiple is never read as the whole step's.
   */
  setRun(diagnosticsByName, stepCost) {
    const ofRacers = (read) => Object.fromEntries([...diagnosticsByName].map(([name, d]) => [name, read(d)]));
    const run = {
      vanishing: ofRacers((d) => d.firstLastGradRatio),
      sparsity: ofRacers((d) => (d.hidden.units ? d.hidden.zeroFraction : NaN)),
      cost: stepCost,
    };
    requestDraw('claims-run', () => this.strip.updateRun(run));
  }

  /** How often each claim held across seeds (claim-tally.js tallyClaims), or null when none ran. */
  setTally(tally) {
    requestDraw('claims-tally', () => this.strip.updateTally(tally));
  }

  setLanguage(i18n) {
    this.strip.setLanguage(i18n);
  }

  /** A CLAIMS message: parts measured so far (the strip keeps the others). */
  setClaims({ claims, error }) {
    if (error) return;  // the settings were rejected: the page falls back and asks again
    this.claims = { ...this.claims, ...claims };
    const shown = this.claims;
    requestDraw('claims', () => this.strip.update(shown));
  }
}
