// The race view: one race card (web/views/race-card.js) per racing activation, fed from the
// worker's frames on the animation frame. A frame carries a grid only for networks that moved;
// the last finite grid of each network is kept, so a diverged network shows its last sane
// boundary under its "diverged at step N" label, never NaN garbage.
import { mountRaceCard } from '../views/race-card.js';
import { mountLossChart } from '../views/loss-chart.js';
import { mountProbabilityLegend } from '../views/legend.js';
import { requestDraw } from './draw-loop.js';

const darkScheme = matchMedia('(prefers-color-scheme: dark)');

export class RaceView {
  /**
   * @param container element the cards go in
   * @param options {labelOf(name) -> string, onPointClick({x, y}), onDrawn(frame),
   *                 lossContainer, legendContainer: where the loss chart and the colour key go}
   */
  constructor(container, { labelOf, onPointClick, onDrawn, lossContainer, legendContainer }) {
    this.container = container;
    this.display = { showTest: true, discretize: false, dark: darkScheme.matches };
    this.loss = lossContainer ? mountLossChart(lossContainer, { labelOf }) : null;
    this.legend = legendContainer ? mountProbabilityLegend(legendContainer) : null;
    darkScheme.addEventListener('change', () => this.setDisplay({ dark: darkScheme.matches }));
    this.labelOf = labelOf;
    this.onPointClick = onPointClick;
    this.onDrawn = onDrawn;
    this.cards = new Map();  // name -> {slot, card}
    this.grids = new Map();  // name -> {probs, width, height}: the last finite grid
    this.points = null;
    this.frame = null;
  }

  /** A new run: cards for these members (kept when the members are the same), grids forgotten. */
  start(names) {
    const same = names.length === this.cards.size && names.every((n) => this.cards.has(n));
    if (!same) {
      this.destroyCards();
      for (const name of names) this.mount(name);
    }
    this.grids.clear();
    this.frame = null;
  }

  mount(name) {
    const slot = document.createElement('article');
    slot.className = 'race-slot';
    slot.dataset.member = name;
    slot.setAttribute('aria-label', `${this.labelOf(name)} network`);
    this.container.append(slot);
    slot.addEventListener('point-click', (event) => this.onPointClick(event.detail));
    const card = mountRaceCard(slot, { name, label: this.labelOf(name) });
    this.cards.set(name, { slot, card });
  }

  setPoints(message) {
    this.points = { train: message.train, test: message.test };
    this.container.dataset.points = String(message.train.label.length + message.test.label.length);
  }

  /** {showTest, discretize, dark}: how the boards draw; redraws at once. */
  setDisplay(changes) {
    Object.assign(this.display, changes);
    this.container.dataset.showTest = String(this.display.showTest);
    this.container.dataset.discretize = String(this.display.discretize);
    requestDraw('race', () => this.draw());
  }

  setFrame(frame) {
    for (const m of frame.members) {
      if (!m.probs) continue;
      const side = m.gridSide ?? frame.grid.width;
      this.grids.set(m.name, { probs: m.probs, width: side, height: side });
    }
    this.frame = frame;
    requestDraw('race', () => this.draw());
  }

  draw() {
    const frame = this.frame;
    if (!frame) return;
    const { width, height, classes, domain } = frame.grid;
    for (const m of frame.members) {
      const entry = this.cards.get(m.name);
      if (!entry) continue;
      const cached = this.grids.get(m.name);
      const grid = cached ? { ...cached, classes } : { probs: uniformGrid(classes, width, height), width, height, classes };
      entry.slot.dataset.step = String(m.step);
      entry.slot.dataset.diverged = String(m.diverged);
      entry.card.update({
        step: m.step,
        metrics: m.metrics ?? { trainLoss: NaN, testLoss: NaN, trainAccuracy: NaN, testAccuracy: NaN },
        losses: m.losses,
        grid,
        points: this.points ?? emptyPoints(),
        domain,
        diverged: m.diverged,
        divergedAt: m.divergedAt,
        stepsPerSecond: m.stepsPerSecond,
        advancedPerSecond: m.advancedPerSecond,
        ...this.display,
      });
    }
    this.loss?.update(frame.members, { showTest: this.display.showTest });
    this.legend?.update({ classes, discretize: this.display.discretize });
    this.onDrawn(frame);
  }

  /** The cards' heatmap canvases with their names, for the PNG export. */
  canvases() {
    return [...this.cards.entries()].map(([name, { slot }]) => ({
      name, label: this.labelOf(name), canvas: slot.querySelector('canvas'), step: Number(slot.dataset.step ?? 0),
    }));
  }

  destroyCards() {
    for (const { slot, card } of this.cards.values()) {
      card.destroy();
      slot.remove();
    }
    this.cards.clear();
  }
}

const uniformCache = new Map();
/** Equal probabilities everywhere: what an untrained or data-less network "predicts". */
function uniformGrid(classes, width, height) {
  const key = `${classes}x${width}x${height}`;
  if (!uniformCache.has(key)) uniformCache.set(key, new Float32Array(classes * width * height).fill(1 / classes));
  return uniformCache.get(key);
}

function emptyPoints() {
  const none = { x: new Float32Array(0), y: new Float32Array(0), label: new Int32Array(0) };
  return { train: none, test: none };
}
