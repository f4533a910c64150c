// The cost view: nanoseconds per element of each activation, measured in this browser by the
// module (web/views/cost-chart.js draws them), next to each racing network's steps per second.
// Measuring blocks the worker (training pauses meanwhile: ~0.75 s with MEASURE_OPTIONS), so it
// happens when the view first comes into sight after the page is running (or on request), never
// while the first boundaries are being drawn.
import { mountCostChart } from '../views/cost-chart.js';
import { requestDraw } from '../session/draw-loop.js';
import { MEASURE_OPTIONS } from '../session/session.js';
import { englishTranslator } from '../i18n/i18n.js';
import { whenSeedPoolIdle } from '../session/seed-pool.js';

export class CostView {
  /** @param measure () => void: asks the worker for a measurement; i18n: the translator of its words */
  constructor(container, { section, button, status, labels, measure, i18n = englishTranslator }) {
    this.i18n = i18n;
    this.chart = mountCostChart(container, { labels, i18n });
    this.costs = null;
    this.stepsPerSecond = {};
    this.status = status;
    this.statusKey = 'waiting';  // waiting | measuring | measured: what the status line says
    if (i18n.lang !== 'en') this.showStatus();  // the HTML says it in English
    this.measure = () => {
      this.statusKey = 'measuring';
      this.showStatus();
      button.disabled = true;
      measure();
    };
    this.button = button;
    button.addEventListener('click', this.measure);
    this.section = section;
  }

  /** From now on, measure once the reader scrolls here (the Cost preset also asks directly). */
  watch() {
    if (this.observer) return;
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        this.observer.disconnect();
        this.measureOnce();
      }
    });
    this.observer.observe(this.section);
  }

  /**
   * The first measurement, when the view comes into sight: after the across-seeds pool (if it runs)
   * is idle. Its workers take every core but one, so costs timed meanwhile would time them too, and
   * the worker would hold the live race for seconds instead of ~0.75 s. A click measures at once.
   */
  measureOnce() {
    if (this.requested) return;
    this.requested = true;
    whenSeedPoolIdle().then(() => this.measure());
  }

  setCosts(costs) {
    this.costs = costs;
    this.button.disabled = false;
    this.statusKey = 'measured';
    this.showStatus();
    this.redraw();
  }

  /** The words in another language: the status line and the chart, from the last measurement. */
  setLanguage(i18n) {
    this.i18n = i18n;
    this.chart.setLanguage?.(i18n);
    this.showStatus();
  }

  showStatus() {
    const { i18n, costs } = this;
    if (this.statusKey !== 'measured') {
      this.status.textContent = i18n.t(`cost.status.${this.statusKey}`);
      return;
    }
    const spreads = costs.flatMap((c) => [c.forwardSpread, c.forwardBackwardSpread]).filter(Number.isFinite).sort((a, b) => a - b);
    const spread = spreads.length ? spreads[spreads.length >> 1] : NaN;
    const params = { activations: costs.length, elements: MEASURE_OPTIONS.elements, rounds: MEASURE_OPTIONS.repeats,
      spread: `${(100 * spread).toFixed(0)}%` };
    const key = !Number.isFinite(spread) ? 'done' : spread > 0.25 ? 'busy' : 'spread';
    this.status.textContent = i18n.t(`cost.status.${key}`, params) + timerNote(undefined, i18n);
  }

  setSpeeds(frame) {
    let changed = false;
    for (const m of frame.members) {
      if (m.stepsPerSecond > 0 && this.stepsPerSecond[m.name] !== m.stepsPerSecond) {
        this.stepsPerSecond[m.name] = m.stepsPerSecond;
        changed = true;
      }
    }
    if (changed && this.costs) this.redraw();
  }

  start(names) {
    this.stepsPerSecond = Object.fromEntries(names.map((n) => [n, 0]));
  }

  redraw() {
    requestDraw('cost', () => this.chart.update({ costs: this.costs ?? [], stepsPerSecond: { ...this.stepsPerSecond } }));
  }
}

// Browsers read performance.now() to 5 us only on cross-origin isolated pages, and to 0.1 ms on
// others: the cards time calls of ~20 us, so there identical networks can read up to ~25% apart.
export function timerNote(isolated = globalThis.crossOriginIsolated === true, i18n = englishTranslator) {
  // English puts a space between sentences; Chinese, after its full stop, none.
  return isolated ? '' : `${i18n.lang === 'en' ? ' ' : ''}${i18n.t('cost.timerNote')}`;
}
