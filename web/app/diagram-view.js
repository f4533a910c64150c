// The network diagram per racer (web/views/network-diagram.js): edges from the worker's EDGES
// (|dL/dW| of every weight, web/worker/edge-gradients.js) on one log scale shared by every racer,
// units drawn as their maps (UNIT_MAPS). Edges are asked for when new unit maps arrive (about every
// 600 ms while training) and only while the section is in sight: each costs a pass over the data.
import { mountNetworkDiagram, sharedGradientRange } from '../views/network-diagram.js';
import { requestDraw } from '../session/draw-loop.js';
import { englishTranslator } from '../i18n/i18n.js';

export class DiagramView {
  constructor(container, { session, labelOf, i18n = englishTranslator }) {
    this.container = container;
    this.i18n = i18n;
    this.session = session;
    this.labelOf = labelOf;
    this.diagrams = new Map();  // name -> diagram
    this.maps = new Map();      // name -> the latest unit maps
    this.asked = false;
    this.visible = typeof IntersectionObserver === 'undefined';
    if (!this.visible) {
      new IntersectionObserver((entries) => {
        this.visible = entries[entries.length - 1].isIntersecting;
        if (this.visible) this.ask();
      }).observe(container.closest('section') ?? container);
    }
  }

  start(names) {
    for (const d of this.diagrams.values()) d.destroy();
    this.diagrams.clear();
    this.maps.clear();
    this.asked = false;
    this.container.style.setProperty('--racers', String(Math.max(1, names.length)));
    for (const name of names) this.diagrams.set(name, mountNetworkDiagram(this.container, { name, label: this.labelOf(name), i18n: this.i18n }));
  }

  /** Each diagram's words in another language, from what it last drew. */
  setLanguage(i18n) {
    this.i18n = i18n;
    for (const diagram of this.diagrams.values()) diagram.setLanguage?.(i18n);
  }

  setMaps(message) {
    for (const { name, maps } of message.members) this.maps.set(name, maps);
    this.ask();
  }

  ask() {
    if (!this.visible || this.asked || !this.diagrams.size) return;
    this.asked = true;  // one request in flight at a time
    this.session.measureEdges();
  }

  setEdges(message) {
    this.asked = false;
    const sets = message.members.filter((m) => m.layers);
    const range = sharedGradientRange(sets);
    requestDraw('diagrams', () => {
      for (const gradients of sets) {
        this.diagrams.get(gradients.name)?.update({ gradients, maps: this.maps.get(gradients.name), range });
      }
      this.container.dataset.step = String(sets[0]?.step ?? 0);
    });
  }
}
