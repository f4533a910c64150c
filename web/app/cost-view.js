// The cost view: nanoseconds per element of each activation, measured in this browser by the
// module (web/views/cost-chart.js draws them), next to each racing network's steps per second.
// Measuring blocks the worker (training pauses meanwhile: ~0.5 s with MEASURE_OPTIONS, ~0.8 s with
// the core's defaults), so it happens when the view first comes into sight after the page is
// running (or on request), never while the first boundaries are being drawn.
import { mountCostChart } from '../views/cost-chart.js';
import { requestDraw } from './draw-loop.js';

// 16,384 elements; each figure the fastest of 2 windows of 4 ms of repeated passes (the browser's
// timer is too coarse for one pass): 17 activations x 4 figures x 8 ms, about half a second of the
// worker's time, once.
export const MEASURE_OPTIONS = Object.freeze({ elements: 16384, repeats: 2, windowMs: 4 });

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
    this.status.textContent = `Measured ${costs.length} activations in this browser.`;
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
