// The why view: first every racer's gradient norm by layer in one chart on one shared log axis,
// with the sentence that states this run's ratios (web/views/why-compare.js); then one why panel
// (web/views/why-panel.js) per racing activation, side by side, showing where its gradient goes
// (histograms and norms per layer on the same axis, the first/last ratio) and what its units do
// (exact zeros, dead units, saturation). The panels carry every figure as text with stable
// data-field attributes; the latest diagnostics are kept for the JSON export. Canvases are drawn
// only while the view is in sight (its ~50 histograms cost more than all the boundaries); the text
// always follows, so what a screen reader or a test reads is never stale.
import { mountWhyPanel } from '../views/why-panel.js';
import { mountWhyComparison } from '../views/why-compare.js';
import { mountSparsityWork } from '../views/sparsity-work.js';
import { requestDraw } from '../session/draw-loop.js';
import { englishTranslator } from '../i18n/i18n.js';

export class WhyView {
  constructor(container, { labelOf, i18n = englishTranslator }) {
    this.container = container;
    this.labelOf = labelOf;
    this.i18n = i18n;
    this.panels = new Map();  // name -> {slot, panel}
    this.latest = new Map();  // name -> Diagnostics
    this.pending = null;
    const slot = document.createElement('div');
    slot.className = 'why-compare-slot';
    container.before(slot);
    this.compare = mountWhyComparison(slot, { labelOf, i18n });
    // Sparsity's consequence beside its share: the multiply-adds by an exact zero, and dead units.
    const sparsitySlot = document.createElement('div');
    sparsitySlot.className = 'why-sparsity-slot';
    container.after(sparsitySlot);
    this.sparsity = mountSparsityWork(sparsitySlot, { labelOf, i18n });
    this.visible = typeof IntersectionObserver === 'undefined';
    if (!this.visible) {
      this.observer = new IntersectionObserver((entries) => {
        // One target; a batch may hold several of its changes (in, then out): the last one holds.
        const visible = entries[entries.length - 1].isIntersecting;
        if (visible === this.visible) return;
        this.visible = visible;
        if (visible) requestDraw('why', () => this.draw());
      });
      this.observer.observe(container.closest('section') ?? container);
    }
  }

  // Panels are rebuilt for every run, even with the same members: figures from the previous run
  // must not stay on screen (or be read by a test) until the new run's first diagnostics arrive.
  start(names) {
    this.latest.clear();
    this.pending = null;
    for (const { slot, panel } of this.panels.values()) {
      panel.destroy();
      slot.remove();
    }
    this.panels.clear();
    // One column per racer on a wide screen (page.css reads --racers).
    this.container.style.setProperty('--racers', String(Math.max(1, names.length)));
    for (const name of names) {
      const slot = document.createElement('div');
      slot.className = 'why-slot';
      slot.dataset.member = name;
      this.container.append(slot);
      this.panels.set(name, { slot, panel: mountWhyPanel(slot, { name, label: this.labelOf(name), i18n: this.i18n }) });
    }
  }

  /** Every figure's words in another language, from the data they last drew (nothing restarts). */
  setLanguage(i18n) {
    this.i18n = i18n;
    this.compare.setLanguage?.(i18n);
    this.sparsity.setLanguage?.(i18n);
    for (const { panel } of this.panels.values()) panel.setLanguage?.(i18n);
  }

  setDiagnostics(message) {
    for (const { name, diagnostics } of message.members) this.latest.set(name, diagnostics);
    this.pending = message;
    requestDraw('why', () => this.draw());
  }

  draw() {
    const message = this.pending;
    this.pending = null;
    const draw = this.visible;
    if (!message) {  // back in sight with nothing new: draw what the text already shows
      if (draw) {
        this.compare.redraw();
        for (const { panel } of this.panels.values()) panel.redraw();
      }
      return;
    }
    const normRange = this.compare.update(message.members, { draw });
    this.sparsity.update(message.members);
    for (const { name, diagnostics } of message.members) this.panels.get(name)?.panel.update(diagnostics, { normRange, draw });
  }
}

/** Headline figures over the hidden layers (the core's totals), for the JSON export. */
export function summarise(diagnostics) {
  const { units, zeroFraction, saturatedFraction, deadUnits } = diagnostics.hidden;
  return {
    step: diagnostics.step,
    firstLastGradRatio: diagnostics.firstLastGradRatio,
    zeroFraction: units ? zeroFraction : null,
    saturatedFraction: units ? saturatedFraction : null,
    deadUnits,
    hiddenUnits: units,
    gradNormByLayer: diagnostics.layers.map((l) => l.weightGradNorm),
  };
}
