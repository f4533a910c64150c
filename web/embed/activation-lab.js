// <activation-lab>: one live figure of Activation Lab in any page, from one classic script.
//
//   <script src="https://LAB/embed/activation-lab.js"></script>
//   <activation-lab figure="race" settings="preset=vanishing&members=sigmoid,relu"></activation-lab>
//
// Attributes: figure (race|why|cost|claims|card), settings (the lab's URL-hash syntax; card also
// takes activation=NAME), controls (none|play|full), loading (lazy|eager). This file is classic
// (not a module) so that it loads from another origin under any CSP that allows the lab's origin,
// and stays small: the figure's code is the lab's own ES modules (web/embed/figure-host.js and
// web/views/), loaded with import() only when an element nears the viewport. Every element on a
// page shares one worker and one compiled module (see stats()).
(() => {
  'use strict';
  if (customElements.get('activation-lab')) return;  // the script was included twice

  // The lab's root, from this script's own URL (.../embed/activation-lab.js -> .../).
  const SCRIPT_URL = document.currentScript?.src || new URL('embed/activation-lab.js', location.href).href;
  const BASE = new URL('../', SCRIPT_URL).href;
  const LAZY_MARGIN = '300px';   // start loading this far before the element scrolls into view
  const FIGURE_RATIOS = { race: '16 / 10', card: '3 / 4', why: '4 / 5', cost: '4 / 3', claims: '16 / 9' };

  let hostModule = null;  // Promise of figure-host.js, imported once for every element
  let hub = null;         // its shared worker hub, once loaded (stats() must not load it to count zeros)
  const loadHost = () => (hostModule ??= import(new URL('embed/figure-host.js', BASE).href).then((m) => {
    hub = m.sharedHub(BASE);
    return m;
  }));

  // Before anything loads, the element only reserves its box: aspect-ratio from the figure, so the
  // page does not jump when the figure arrives (a host page may override it, or set a height).
  const RESERVE_CSS = `
    :host { display: block; position: relative; box-sizing: border-box; min-width: 0; max-width: 100%;
      aspect-ratio: ${FIGURE_RATIOS.race}; contain: layout; }
    ${Object.entries(FIGURE_RATIOS).map(([f, r]) => `:host([figure="${f}"]) { aspect-ratio: ${r}; }`).join('\n')}
    :host(:state(loaded)) { aspect-ratio: auto; }
    :host([hidden]) { display: none; }
    .reserve { position: absolute; inset: 0; border-radius: 8px;
      background: var(--activation-lab-placeholder, color-mix(in srgb, currentColor 6%, transparent)); }
    :host(:state(loaded)) .reserve { display: none; }`;

  class ActivationLabElement extends HTMLElement {
    static get observedAttributes() { return ['figure', 'settings', 'controls']; }

    /** {workers, modules, figures}: shared by every element of this page. */
    static stats() {
      return hub?.stats() ?? { workers: 0, modules: 0, figures: 0 };
    }

    /** The module's heap in use, from the shared worker: Promise<{heapBytesInUse, loops, modules}>. */
    static memory() {
      return loadHost().then(() => hub.memory());
    }

    #internals = this.attachInternals();
    #figure = null;      // controller from figure-host.js, once mounted
    #mounting = false;
    #nearObserver = null;

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = RESERVE_CSS;
      const reserve = document.createElement('div');
      reserve.className = 'reserve';
      reserve.setAttribute('part', 'placeholder');
      root.append(style, reserve);
    }

    connectedCallback() {
      if (this.#figure || this.#mounting) return;
      if (this.getAttribute('loading') === 'eager') {
        this.#mount();
        return;
      }
      this.#nearObserver = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) this.#mount();
      }, { rootMargin: LAZY_MARGIN });
      this.#nearObserver.observe(this);
    }

    disconnectedCallback() {
      this.#nearObserver?.disconnect();
      this.#nearObserver = null;
      // A move within the page (remove then append in one task) keeps the figure running.
      queueMicrotask(() => {
        if (this.isConnected) {
          if (!this.#figure && !this.#mounting) this.connectedCallback();
          return;
        }
        this.#figure?.destroy();
        this.#figure = null;
        this.#setLoaded(false);
      });
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (oldValue === newValue || !this.#figure) return;
      this.#figure.destroy();  // a new figure or new settings: a new run, as a new URL would give
      this.#figure = null;
      this.#mount();
    }

    #mount() {
      this.#nearObserver?.disconnect();
      this.#nearObserver = null;
      if (this.#mounting || this.#figure) return;
      this.#mounting = true;
      loadHost().then((host) => {
        this.#mounting = false;
        if (!this.isConnected) return;
        this.#figure = host.mountFigure(this, this.shadowRoot, {
          base: BASE,
          figure: this.getAttribute('figure'),
          settings: this.getAttribute('settings') ?? '',
          controls: this.getAttribute('controls'),
          onLoaded: () => this.#setLoaded(true),
        });
      }, (err) => {
        this.#mounting = false;
        this.#fail(err);
      });
    }

    #setLoaded(on) {
      try {
        if (on) this.#internals.states.add('loaded');
        else this.#internals.states.delete('loaded');
      } catch {
        this.style.aspectRatio = on ? 'auto' : '';  // browsers without custom states
      }
    }

    // The figure's code could not load (offline, blocked by a CSP): say so, never a blank box.
    #fail(err) {
      const box = document.createElement('p');
      box.setAttribute('part', 'notice');
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:relative;margin:0;padding:1em;font:14px/1.4 system-ui,sans-serif';
      box.textContent = `This Activation Lab figure could not load (${err?.message ?? err}). `;
      const link = document.createElement('a');
      link.setAttribute('part', 'link');
      link.href = new URL(`index.html#${this.getAttribute('settings') ?? ''}`, BASE).href;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = 'Open it in Activation Lab';
      box.append(link);
      this.shadowRoot.append(box);
      this.#setLoaded(true);
    }

    // Public controls, for a host page's own buttons (and the tests).
    play() { this.#figure?.play(); }
    pause() { this.#figure?.pause(); }
    step() { this.#figure?.step(); }
    reset() { this.#figure?.reset(); }
    /** What the worker last reported: {figure, runId, playing, running, members: [{name, step, metrics}]}. */
    snapshot() { return this.#figure?.snapshot() ?? null; }
  }

  Object.defineProperty(ActivationLabElement, 'base', { value: BASE });
  customElements.define('activation-lab', ActivationLabElement);
})();
