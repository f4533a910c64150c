// The hidden-units view: one unit-maps figure (web/views/unit-maps.js) per racing network, fed by
// the worker's UNIT_MAPS messages (a few a second at most), drawn on the animation frame.
import { mountUnitMaps } from '../views/unit-maps.js';
import { requestDraw } from '../session/draw-loop.js';
import { englishTranslator } from '../i18n/i18n.js';

export class UnitsView {
  constructor(container, { labelOf, i18n = englishTranslator }) {
    this.container = container;
    this.labelOf = labelOf;
    this.i18n = i18n;
    this.figures = new Map();  // name -> figure
    this.pending = null;
  }

  /** A new run: one figure per member, empty until its first maps arrive. */
  start(names) {
    const same = names.length === this.figures.size && names.every((n) => this.figures.has(n));
    if (same) return;
    for (const figure of this.figures.values()) figure.destroy();
    this.figures.clear();
    for (const name of names) this.figures.set(name, mountUnitMaps(this.container, { name, label: this.labelOf(name), i18n: this.i18n }));
  }

  /** Each figure's words in another language, from the maps it last drew. */
  setLanguage(i18n) {
    this.i18n = i18n;
    for (const figure of this.figures.values()) figure.setLanguage?.(i18n);
  }

  setMaps(message) {
    this.pending = message;
    requestDraw('units', () => this.draw());
  }

  draw() {
    const message = this.pending;
    if (!message) return;
    for (const entry of message.members) this.figures.get(entry.name)?.update(entry);
    this.container.dataset.step = String(message.members[0]?.step ?? 0);
  }
}
