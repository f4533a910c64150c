// The cost view: nanoseconds per element of each activation, measured in this browser by the
// module (web/views/cost-chart.js draws them), next to each racing network's steps per second.
// Measuring blocks the worker (training pauses meanwhile: ~0.75 s with MEASURE_OPTIONS), so it
// happens when the view first comes into sight after the page is running (or on request), never
// while the first boundaries are being drawn.
import { mountCostChart } from '../views/cost-chart.js';
import { requestDraw } from '../session/draw-loop.js';
import { MEASURE_OPTIONS } from '../session/session.js';

export class CostView {
  /** @param measure () => void: asks the worker for a measurement */
  constructor(container, { section, button, status, labels, measure }) {
    this.chart = mountCostChart(container, { labels });
    this.costs = null;
    this.stepsPerSecond = {};
    this.status = status;
    this.measure = () => {
      status.textContent = 'Measuring in this browser...';
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

  measureOnce() {
    if (this.requested) return;
    this.requested = true;
    this.measure();
  }

  setCosts(costs) {
    this.costs = costs;
    this.button.disabled = false;
    const spreads = costs.flatMap((c) => [c.forwardSpread, c.forwardBackwardSpread]).filter(Number.isFinite).sort((a, b) => a - b);
    const spread = spreads.length ? spreads[spreads.length >> 1] : NaN;
    this.status.textContent = `Nanoseconds per element, measured just now in this browser on this computer's CPU: ` +
      `${costs.length} activations over ${MEASURE_OPTIONS.elements.toLocaleString('en-US')} elements, each figure the ` +
      `median of ${MEASURE_OPTIONS.repeats} interleaved rounds` +
      (Number.isFinite(spread) ? ` (rounds typically within ${(100 * spread).toFixed(0)}% of each other` +
        `${spread > 0.25 ? ': the computer was busy, measure again for steadier figures' : ''}).` : '.') + timerNote();
    this.redraw();
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
export function timerNote(isolated = globalThis.crossOriginIsolated === true) {
  return isolated ? '' : ' This page is not cross-origin isolated, so the browser times it to 0.1 ms instead of 5 \u00b5s ' +
    'and the cards\' steps/s are rough; a host that sends the COOP and COEP headers (npm start does) gives steady figures.';
}
