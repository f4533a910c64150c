// The page's answer: the verdict at the top (composeVerdict over this browser's numbers: the claims,
// the curves' bounds, the current run, the depth figure; never typed in), the curves figure and
// the depth figure. The curves come once from the worker (CURVES: the core's kernels); the depth
// sweep is asked for whenever the racers, the init choice or the data change (DEPTH fills in
// slices; a new request cancels the old one in the worker, which caches per setting).
import { mountVerdict } from '../views/verdict-panel.js';
import { composeVerdict, verdictRun } from '../views/verdict.js';
import { mountCurves } from '../views/curves-figure.js';
import { mountDepth } from '../views/depth-figure.js';
import { requestDraw } from '../session/draw-loop.js';
import { englishTranslator } from '../i18n/i18n.js';

// The settings a fresh net at initialisation depends on (as the claims' probes).
const DATA_KEYS = ['seed', 'dataset', 'points', 'noise', 'testFraction', 'classes', 'features'];

export class AnswerView {
  /**
   * @param containers {verdict, curves, depth}: elements to mount into
   * @param session the RunSession (measureCurves / measureDepth)
   * @param i18n the translator the verdict is written in (setLanguage changes it)
   * @param depthInit the depth figure's first init; onDepthInit(init) when the reader picks another
   *   (the page keeps it in its address and calls setDepthInit back)
   */
  constructor({ verdict, curves, depth }, { session, labelOf, i18n = englishTranslator, depthInit = 'usual',
    onDepthInit = (init) => this.setDepthInit(init) }) {
    this.session = session;
    this.labelOf = labelOf;
    this.i18n = i18n;
    this.verdict = mountVerdict(verdict, { headingLevel: 2, labelOf, i18n });
    this.curves = mountCurves(curves, { labelOf, headingLevel: 3, i18n });
    this.depth = mountDepth(depth, { labelOf, headingLevel: 3, i18n, init: depthInit, onInit: onDepthInit });
    this.inputs = { claims: null, bounds: null, run: null, stepCost: null, depth: undefined };
    this.allCurves = null;
    this.members = [];
    this.depthInit = depthInit;
    this.depthKey = null;
    this.config = {};
    session.measureCurves();
    // On a phone the answer starts folded (one line), so the race is on the first screen.
    const details = verdict.closest('details');
    if (details && matchMedia('(max-width: 480px)').matches) details.open = false;
  }

  /** A new run: its racers' curves, and their depth sweep on its data. */
  start(members, config) {
    this.members = members;
    this.config = Object.fromEntries(DATA_KEYS.filter((k) => config[k] !== undefined).map((k) => [k, config[k]]));
    this.inputs.run = null;
    this.showCurves();
    this.askDepth(this.depthInit);
  }

  /** The depth figure's init, chosen in it or in the address: shown at once, its sweep asked for. */
  setDepthInit(init) {
    this.depth.setInit(init);
    this.askDepth(init);
  }

  askDepth(init) {
    this.depthInit = init;
    const key = JSON.stringify([this.members, init, this.config]);
    if (key === this.depthKey) return;
    this.depthKey = key;
    this.inputs.depth = undefined;
    this.session.measureDepth({ activations: this.members, init, config: this.config });
  }

  setCurves({ items }) {
    this.allCurves = items;
    this.inputs.bounds = Object.fromEntries(items.map((it) => [it.name, it.maxDerivative]));
    this.showCurves();
    this.compose();
  }

  showCurves() {
    if (!this.allCurves || !this.members.length) return;
    const racing = this.allCurves.filter((it) => this.members.includes(it.name));
    this.curves.update({ items: racing.length ? racing : this.allCurves });
  }

  setDepth({ result, error }) {
    if (error || !result) return;
    if (result.init !== this.depthInit) return;  // an answer to a setting already left
    this.depth.update(result);
    if (result.done) this.inputs.depth = result;
    this.compose();
  }

  setClaims(claims) {
    this.inputs.claims = claims;
    this.compose();
  }

  /**
   * The run's racers as the verdict reads them: metrics from the frame, the rest from the
   * diagnostics; stepCost: each racer's time per whole step over ReLU's (step-cost.js).
   */
  setRun(frame, diagnosticsByName, learningRate, stepCost) {
    const members = frame.members.map((m) => ({ name: m.name, metrics: m.metrics, diverged: m.diverged,
      diagnostics: diagnosticsByName.get(m.name) }));
    this.inputs.run = verdictRun(members, learningRate);
    this.inputs.stepCost = stepCost;
    this.compose();
  }

  /** How often each claim held across seeds (claim-tally.js tallyClaims), or null when none ran. */
  setTally(tally) {
    requestDraw('verdict-tally', () => this.verdict.updateTally(tally));
  }

  /** The verdict's, the curves' and the depth figure's words in another language, from the numbers they have (nothing is measured again). */
  setLanguage(i18n) {
    this.i18n = i18n;
    this.verdict.setLanguage(i18n);
    this.curves.setLanguage(i18n);
    this.depth.setLanguage(i18n);
    this.compose();
  }

  // Rewritten only when a sentence's text changes, so a screen reader is not flooded while training.
  compose() {
    requestDraw('verdict', () => {
      const verdict = composeVerdict(this.inputs, { labelOf: this.labelOf, i18n: this.i18n });
      const text = verdict.sentences.map((s) => s.text).join('\n');
      if (text === this.shownText) return;
      this.shownText = text;
      this.verdict.update(verdict);
    });
  }
}
