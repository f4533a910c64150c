// The race renderer, the one the page and every embedded race or card use: one race card
// (web/views/race-card.js) per racing activation, drawn from the session's frames on the
// animation frame. Each network's board is its last finite grid (kept by the session, at the side
// the worker sent it), so a diverged network shows its last sane boundary under its "diverged at
// step N" label, never NaN garbage, and a grid the worker shrank draws like any other.
import { mountRaceCard } from '../views/race-card.js';
import { mountLossChart } from '../views/loss-chart.js';
import { mountProbabilityLegend } from '../views/legend.js';
import { requestDraw } from './draw-loop.js';
import { englishTranslator } from '../i18n/i18n.js';

const darkScheme = matchMedia('(prefers-color-scheme: dark)');

/** The page's card slot: an <article> a click on the board adds a point through. */
export function pageSlot(name, label, i18n = englishTranslator) {
  const slot = document.createElement('article');
  slot.className = 'race-slot';
  slot.dataset.member = name;
  slot.dataset.label = label;
  slot.setAttribute('aria-label', i18n.t('card.network', { name: label }));
  return slot;
}

export class RaceView {
  /**
   * @param container element the cards go in
   * @param options {session (session.js), labelOf(name) -> string, slot(name, label) -> element
   *   (default pageSlot), onPointClick({x, y})?, lossContainer?, legendContainer?: where the loss
   *   chart and the colour key go, afterMount(card, name)?, followDarkScheme = true: boards on a
   *   dark background when the reader's scheme is dark (embeds keep a light surface, figure.css),
   *   i18n = englishTranslator: the words of the cards, the loss chart and the key (setLanguage changes it)}
   */
  constructor(container, { session, labelOf, slot = pageSlot, onPointClick = null, lossContainer, legendContainer, afterMount,
    followDarkScheme = true, i18n = englishTranslator }) {
    this.container = container;
    this.i18n = i18n;
    this.session = session;
    this.display = { showTest: true, discretize: false, dark: followDarkScheme && darkScheme.matches };
    this.loss = lossContainer ? mountLossChart(lossContainer, { labelOf, i18n }) : null;
    this.legend = legendContainer ? mountProbabilityLegend(legendContainer, { i18n }) : null;
    this.followScheme = () => this.setDisplay({ dark: darkScheme.matches });
    if (followDarkScheme) darkScheme.addEventListener('change', this.followScheme);
    this.labelOf = labelOf;
    this.makeSlot = slot;
    this.onPointClick = onPointClick;
    this.afterMount = afterMount;
    this.cards = new Map();  // name -> {slot, card}
    this.pointSets = null;
    this.lastFrame = null;
  }

  /** A new run: cards for these members (kept when the members are the same). */
  start({ members }) {
    const same = members.length === this.cards.size && members.every((n) => this.cards.has(n));
    if (!same) {
      this.destroyCards();
      for (const name of members) this.mount(name);
    }
    this.container.dataset.count = String(members.length);
    this.lastFrame = null;
  }

  mount(name) {
    const slot = this.makeSlot(name, this.labelOf(name), this.i18n);
    this.container.append(slot);
    if (this.onPointClick) slot.addEventListener('point-click', (event) => this.onPointClick(event.detail));
    const card = mountRaceCard(slot, { name, label: this.labelOf(name), i18n: this.i18n });
    this.afterMount?.(card, name);
    this.cards.set(name, { slot, card });
  }

  points(message) {
    this.pointSets = { train: message.train, test: message.test };
    this.container.dataset.points = String(message.train.label.length + message.test.label.length);
  }

  /** {showTest, discretize, dark}: how the boards draw; redraws at once. */
  setDisplay(changes) {
    Object.assign(this.display, changes);
    this.container.dataset.showTest = String(this.display.showTest);
    this.container.dataset.discretize = String(this.display.discretize);
    requestDraw(this, () => this.draw());
  }

  /**
   * Every card, the loss chart and the key in another language, at once, from what they last showed
   * (the race goes on: nothing is restarted or recomputed). A page slot's aria-label follows too.
   */
  setLanguage(i18n) {
    this.i18n = i18n;
    for (const [name, { slot, card }] of this.cards) {
      if (slot.dataset.label !== undefined) slot.setAttribute('aria-label', i18n.t('card.network', { name: this.labelOf(name) }));
      card.setLanguage(i18n);
    }
    this.loss?.setLanguage(i18n);
    this.legend?.setLanguage(i18n);
  }

  /** The session's latest frame, in an animation frame. */
  frame(frame) {
    this.lastFrame = frame;
    this.draw();
  }

  draw() {
    const frame = this.lastFrame;
    if (!frame) return;
    const { width, height, classes, domain } = frame.grid;
    for (const m of frame.members) {
      const entry = this.cards.get(m.name);
      if (!entry) continue;
      const grid = this.session.gridOf(m.name) ?? { probs: uniformGrid(classes, width, height), width, height, classes };
      entry.slot.dataset.step = String(m.step);
      entry.slot.dataset.diverged = String(m.diverged);
      entry.slot.dataset.gridSide = String(grid.width);
      entry.card.update({
        step: m.step,
        metrics: m.metrics ?? { trainLoss: NaN, testLoss: NaN, trainAccuracy: NaN, testAccuracy: NaN },
        losses: m.losses,
        grid,
        points: this.pointSets ?? emptyPoints(),
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

  destroy() {
    darkScheme.removeEventListener('change', this.followScheme);
    this.destroyCards();
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
