// <activation-lab>: one live figure of Activation Lab in any page, from one classic script.
//
//   <script src="https://LAB/embed/activation-lab.js"></script>
//   <activation-lab figure="race" settings="preset=vanishing&members=sigmoid,relu"></activation-lab>
//
// Attributes: figure (race|why|cost|claims|card|curves|depth), settings (the lab's URL-hash syntax; card also
// takes activation=NAME), controls (none|play|full), loading (lazy|eager), lang (en|zh-CN; default:
// the host page's <html lang>, then the reader's languages; changing it at run time says the figure
// again in that language without restarting its run). This file is classic
// (not a module) so that it loads from another origin under any CSP that allows the lab's origin,
// and stays small: the figure's code (web/embed/figure-host.js and the views it imports, bundled by
// npm run build into build/figure-host.js: one request) is loaded with import() only when an
// element nears the viewport. Every element on a
// page shares one worker and one compiled module (see stats()).
(() => {
  'use strict';
  if (customElements.get('activation-lab')) return;  // the script was included twice

  // The lab's root, from this script's own URL (.../embed/activation-lab.js -> .../).
  const SCRIPT_URL = document.currentScript?.src || new URL('embed/activation-lab.js', location.href).href;
  const BASE = new URL('../', SCRIPT_URL).href;
  const LAZY_MARGIN = '300px';   // start loading this far before the element scrolls into view
  const FIGURE_RATIOS = { race: '16 / 10', card: '3 / 4', why: '1 / 2', cost: '1 / 1', claims: '16 / 9', curves: '4 / 5', depth: '1 / 1', seeds: '3 / 1' };
  // Networks racing in each preset (web/session/presets.js), for the size estimate below.
  const PRESET_MEMBERS = { vanishing: 4, dying: 4, sparsity: 4, cost: 8, playground: 4 };
  // A host's text looks these tables up by own key only: `preset=constructor` or `figure=__proto__`
  // must read as unknown, not as Object.prototype's members (issue 18).
  const ownEntry = (table, key) => (key !== null && Object.hasOwn(table, key) ? table[key] : undefined);

  let hostModule = null;  // Promise of figure-host.js, imported once for every element
  let hub = null;         // its shared worker hub, once loaded (stats() must not load it to count zeros)
  const loadHost = () => (hostModule ??= import(new URL('build/figure-host.js', BASE).href).then((m) => {
    hub = m.sharedHub(BASE);
    return m;
  }));

  // Before anything loads, the element only reserves its box: aspect-ratio from the figure, so the
  // page does not jump when the figure arrives (a host page may override it, or set a height).
  const RESERVE_CSS = `
    :host { display: block; position: relative; box-sizing: border-box; min-width: 0; max-width: 100%;
      aspect-ratio: var(--activation-lab-aspect, ${FIGURE_RATIOS.race}); contain: layout; }
    ${Object.entries(FIGURE_RATIOS).map(([f, r]) => `:host([figure="${f}"]) { aspect-ratio: var(--activation-lab-aspect, ${r}); }`).join('\n')}
    :host(:state(estimated)) { aspect-ratio: var(--activation-lab-aspect, var(--reserve)); }
    :host(:state(loaded)) { aspect-ratio: auto; }
    :host([hidden]) { display: none; }
    .reserve { position: absolute; inset: 0; border-radius: 8px;
      background: var(--activation-lab-placeholder, color-mix(in srgb, currentColor 6%, transparent)); }
    :host(:state(loaded)) .reserve { display: none; }`;

  /**
   * The figure's height at `width`, estimated from its settings before anything loads. Race and
   * card: square boundaries plus ~165 px of numbers per card. The others were measured with their
   * usual settings at 360 and 720 px (2026-12-08; tests/browser/embed-reserve.test.mjs checks every
   * figure at both within 10%) and are interpolated between; why and cost grow with the racers.
   */
  function estimateHeight(figure, settings, controls, width) {
    const get = (key) => new RegExp(`(?:^|&)${key}=([^&]*)`).exec(settings)?.[1];
    const presetMembers = ownEntry(PRESET_MEMBERS, get('preset') ?? null) ?? 4;
    const members = get('members') ? get('members').split(/,|%2C/i).length : presetMembers;
    const n = figure === 'card' ? 1 : Math.max(1, members);
    const inner = width - 22;
    const chrome = controls === 'none' ? 80 : 120;  // footer and caption, and the toolbar
    const narrow = width < 420;
    const byWidth = (at360, at720) => at360 + (at720 - at360) * Math.min(1, Math.max(0, (width - 360) / 360));
    switch (figure) {
      // The compact why figure: chart, sentence and ratio row; its per-layer panels start closed.
      case 'why': return chrome + byWidth(460, 360) + Math.ceil((n * 150) / inner) * 40;
      case 'cost': return chrome + 20 + byWidth(125, 115) * n;
      case 'claims': return chrome + byWidth(260, 425);
      case 'curves': return chrome + byWidth(950, 605);
      case 'depth': return chrome + byWidth(485, 420);
      // The seeds figure arrives idle (it runs once seen, then grows by each finished seed's rows to
      // ~1,000 px): its box at arrival, so that it does not shrink out of view when it loads.
      case 'seeds': return chrome + byWidth(199, 112);
      default: {
        const columns = figure === 'card' ? 1 : narrow ? Math.min(n, 2) : Math.max(1, Math.min(n, Math.floor((inner + 8) / 158)));
        const cardWidth = figure === 'card' ? Math.min(380, inner) : (inner - 8 * (columns - 1)) / columns;
        const rows = Math.ceil(n / columns);
        const numbers = narrow || cardWidth < 200 ? 213 : 165;  // narrow cards wrap their numbers
        return chrome + rows * (cardWidth + numbers) + (rows - 1) * 8;
      }
    }
  }

  class ActivationLabElement extends HTMLElement {
    static get observedAttributes() { return ['figure', 'settings', 'controls', 'lang']; }

    /** {workers, modules, figures}: shared by every element of this page. */
    static stats() {
      return hub?.stats() ?? { workers: 0, modules: 0, figures: 0 };
    }

    /** The module's heap in use, from the shared worker: Promise<{heapBytesInUse, loops, modules}>. */
    static memory() {
      return loadHost().then(() => hub.memory());
    }

    #internals = this.attachInternals();
    #reserve = null;     // the shadow style rule that holds the estimated aspect ratio
    #sizeObserver = null;
    #figure = null;      // controller from figure-host.js, once mounted
    #mounting = false;
    #nearObserver = null;
    #languageAsked = 0;  // the latest language asked for: an older one that loads later is dropped

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = `${RESERVE_CSS}\n:host { --reserve: auto; }`;
      const reserve = document.createElement('div');
      reserve.className = 'reserve';
      reserve.setAttribute('part', 'placeholder');
      root.append(style, reserve);
      this.#reserve = style;
    }

    // The reserved box follows the element's width: aspect-ratio from the estimated height.
    #estimate(width) {
      if (!(width > 0)) return;
      const figure = ownEntry(FIGURE_RATIOS, this.getAttribute('figure')) ? this.getAttribute('figure') : 'race';
      const height = estimateHeight(figure, this.getAttribute('settings') ?? '', this.getAttribute('controls'), width);
      const rule = [...this.#reserve.sheet.cssRules].at(-1);
      rule.style.setProperty('--reserve', `${Math.round(width)} / ${Math.round(height)}`);
      try {
        this.#internals.states.add('estimated');
      } catch { /* no custom states: the per-figure ratio stays */ }
    }

    connectedCallback() {
      if (!this.#sizeObserver) {
        // The estimate changes this element's own height: done in the next frame, outside the
        // observer's delivery, and only for a new width, so the host window never gets a
        // "ResizeObserver loop completed with undelivered notifications" error event (issue 18).
        let lastWidth = -1;
        this.#sizeObserver = new ResizeObserver(([entry]) => {
          const width = Math.round(entry.contentRect.width);
          if (width === lastWidth) return;
          lastWidth = width;
          requestAnimationFrame(() => this.#estimate(width));
        });
        this.#sizeObserver.observe(this);
      }
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
        this.#sizeObserver?.disconnect();
        this.#sizeObserver = null;
      });
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (oldValue === newValue) return;
      if (name === 'lang' && this.#mounting) this.#languageAsked++;  // the mount reads it again (#mount)
      if (!this.#figure) return;
      if (name === 'lang') {
        this.#language().then((chosen) => chosen && this.#figure?.setLanguage(chosen.i18n, chosen.notice));
        return;
      }
      this.#figure.destroy();  // a new figure or new settings: a new run, as a new URL would give
      this.#figure = null;
      this.#mount();
    }

    #mount() {
      this.#nearObserver?.disconnect();
      this.#nearObserver = null;
      if (this.#mounting || this.#figure) return;
      this.#mounting = true;
      loadHost().then(async (host) => {
        let chosen = null;
        while (!chosen) chosen = await this.#language();  // null: lang changed meanwhile, read it again
        this.#mounting = false;
        if (!this.isConnected || this.#figure) return;
        this.#figure = host.mountFigure(this, this.shadowRoot, {
          base: BASE,
          figure: this.getAttribute('figure'),
          settings: this.getAttribute('settings') ?? '',
          controls: this.getAttribute('controls'),
          onLoaded: () => this.#setLoaded(true),
          i18n: chosen.i18n,
          languageNotice: chosen.notice,
        });
      }).catch((err) => {
        this.#mounting = false;
        this.#fail(err);
      });
    }

    /**
     * The figure's language (web/i18n/i18n.js chooseLanguage): its own lang attribute, else the host
     * page's <html lang>, else the reader's languages; its catalog loaded. Resolves to
     * {i18n, notice} (notice: lang.unknown for a language without a catalog), or null when a later
     * change has asked for another. Tells the page (embed.html sets its <html lang> and head from it).
     */
    async #language() {
      const asked = ++this.#languageAsked;
      const host = await loadHost();
      const choice = host.chooseLanguage({
        elementLang: this.getAttribute('lang'),
        htmlLang: document.documentElement.getAttribute('lang'),
        navigatorLanguages: navigator.languages,
      });
      const i18n = await host.loadTranslator(choice.lang);
      if (asked !== this.#languageAsked) return null;
      this.dispatchEvent(new CustomEvent('activation-lab-language', {
        detail: { lang: i18n.lang, source: choice.source, apply: (root) => host.applyStaticText(root, i18n) },
      }));
      return { i18n, notice: choice.notice };
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
      // The front page: the settings could not be validated, so their raw text is not passed on.
      link.href = new URL('index.html', BASE).href;
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
    /** Test hook: the worker draws this figure's boundaries at most side x side from now on. */
    limitGridSide(side) { this.#figure?.limitGridSide(side); }
  }

  Object.defineProperty(ActivationLabElement, 'base', { value: BASE });
  customElements.define('activation-lab', ActivationLabElement);
})();
