// One embedded figure inside an <activation-lab> element's shadow root: its settings (read and
// validated like the lab's URL), a view over its run session (web/session/session.js) in the
// page's shared worker, its controls, its notices and its "open in Activation Lab" link. It trains
// only while a reader can see it: scrolled out of view or in a hidden tab it pauses (the worker
// stops within one tick) and resumes where it was; destroy() frees its networks in the worker.
// Its words come from its own translator (one per figure: two figures of a page may read in two
// languages); setLanguage() says everything again in another language without restarting the run.
import { WorkerHub } from './worker-hub.js';
import { FIGURES } from './figures.js';
import { FIGURE_NAMES, CONTROLS, DEFAULT_FIGURE, DEFAULT_CONTROLS, pick, readEmbedSettings } from './embed-settings.js';
import { buildParamTable } from '../session/param-table.js';
import { FromWorker } from '../session/protocol.js';
import { formatHash, quote } from '../session/url-state.js';
import { configOf } from '../session/settings.js';
import { RunSession } from '../session/session.js';
import { PRESETS } from '../session/presets.js';
import { FigureFrame } from './figure-frame.js';
import { captionText } from './caption.js';

// What the element script (classic, no imports) needs to choose and load a figure's language.
export { chooseLanguage, loadTranslator } from '../i18n/i18n.js';
export { applyStaticText } from '../i18n/static-text.js';

// Cross-origin pages start the classic worker bundle (web/build/lab-worker.js, npm run build)
// from a blob: URL: a host CSP with `worker-src blob:` checks a module worker's imports against
// worker-src and blocks them, while importScripts is checked against script-src. See worker-hub.js.
let hub = null;
/** The page's one worker hub (this module is loaded once per page, so this is one per page). */
export function sharedHub(base) {
  hub ??= new WorkerHub(base);
  return hub;
}

/** Mounts a figure into `root` (a shadow root); returns its controller. */
export function mountFigure(host, root, options) {
  return new EmbeddedFigure(host, root, options);
}

class EmbeddedFigure {
  constructor(host, root, { base, figure, settings, controls, onLoaded, i18n, languageNotice = null }) {
    this.host = host;
    this.i18n = i18n;
    this.base = base;
    this.settingsText = settings;
    this.onLoaded = onLoaded;
    this.reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.session = null;
    this.drawnOnce = false;
    this.inView = false;
    this.sentPlaying = null;
    this.view = null;
    this.destroyed = false;

    const figurePick = pick('figure', figure, FIGURE_NAMES, DEFAULT_FIGURE);
    const controlsPick = pick('controls', controls, CONTROLS, DEFAULT_CONTROLS);
    this.figure = figurePick.value;
    // With reduced motion nothing trains before the reader presses play, so play is always offered.
    this.controls = this.reducedMotion && controlsPick.value === 'none' ? 'play' : controlsPick.value;
    this.frame = new FigureFrame(root, { base, figure: this.figure, sheets: FIGURES[this.figure].styles, i18n });
    if (languageNotice) this.notice('warning', languageNotice);
    for (const pickResult of [figurePick, controlsPick]) if (pickResult.notice) this.notice('warning', pickResult.notice);
    // The lab's front page until the settings are validated (ready()): never the raw text, which
    // may be anything a host page wrote (issue 18: a 100,000-digit seed was passed on as is).
    this.frame.link.href = this.labUrl('');

    this.channel = sharedHub(base).register({
      ready: (ready) => this.ready(ready),
      // Before READY there is no session yet: only the worker's notices can arrive, and are shown.
      message: (message) => (this.session ? this.session.receive(message)
        : message.type === FromWorker.NOTICE && this.notice(message.level, message.message)),
      failed: (reason) => this.fail(reason),
    });
    this.visibility = () => this.syncPlaying();
    document.addEventListener('visibilitychange', this.visibility);
    this.viewObserver = new IntersectionObserver((entries) => {
      this.inView = entries[entries.length - 1].isIntersecting;
      this.syncPlaying();
    });
    this.viewObserver.observe(host);
  }

  /**
   * Says everything again in `i18n`'s language: the frame, the notices, the caption and the view.
   * languageNotice: {key, params} when the language asked for has no catalog (lang.unknown).
   */
  setLanguage(i18n, languageNotice = null) {
    if (this.destroyed) return;
    this.i18n = i18n;
    this.frame.setLanguage(i18n, languageNotice);
    if (this.table) this.showSettings();
    this.view?.setLanguage?.(i18n);
  }

  notice(level, message) {
    this.frame.notice(level, message);
  }

  buildControls() {
    const buttons = [{ key: 'embed.play', action: () => (this.intent ? this.pause() : this.play()) }];
    if (this.controls === 'full') buttons.push({ key: 'embed.step', action: () => this.step() });
    buttons.push({ key: 'embed.reset', action: () => this.reset() });
    if (this.controls === 'full') buttons.push({ key: 'embed.newSeed', action: () => this.regenerate() });
    this.frame.setButtons(buttons, this.controls === 'none' || !this.view?.needsRun);
  }

  ready(ready) {
    if (this.destroyed || this.table) return;
    this.labels = Object.fromEntries(ready.activations.map((a) => [a.name, a.label]));
    this.table = buildParamTable(ready, { presetNames: PRESETS.map((p) => p.name), reducedMotion: this.reducedMotion });
    const read = readEmbedSettings(this.table, this.settingsText, { reducedMotion: this.reducedMotion });
    for (const message of read.notices) this.notice('warning', message);
    this.values = read.values;
    this.activation = this.checkActivation(read.activation);
    // Reduced motion: wait for the reader's play, whatever the settings say.
    this.intent = this.values.playing && !this.reducedMotion;
    if (this.reducedMotion && this.values.playing) this.frame.setStatus({ key: 'embed.reducedMotion' });
    this.session = new RunSession({
      post: (message, transfer) => this.channel.post(message, transfer),
      table: this.table,
      reducedMotion: this.reducedMotion,
      notice: (level, text) => this.notice(level, text),
      applySettings: (changes) => {
        Object.assign(this.values, structuredClone(changes));
        this.startRun();
      },
      onFrameDrawn: () => this.drawn(),
      what: 'This figure',
    });
    this.view = FIGURES[this.figure].mount(this.frame.body, {
      session: this.session,
      labelOf: (name) => this.labels[name] ?? name,
      labels: this.labels,
      importView: (path) => import(new URL(path, this.base).href),
      labRoot: this.base,  // the lab's root URL (a bundled module's own URL says nothing about it)
      config: () => ({ ...configOf(this.table, this.values), members: this.members() }),
      values: () => structuredClone(this.values),  // every setting, the page-only ones too (the seeds figure's)
      notice: (level, message) => this.notice(level, message),
      labLink: (hash) => this.labUrl(hash),
      // Without cross-origin isolation the browser coarsens performance.now() (to 100 us in Chromium).
      coarseTimer: !globalThis.crossOriginIsolated,
      i18n: this.i18n,
    });
    this.session.subscribe(this.view);
    // The claims figure is ready once its first claims are drawn, not before the strip exists.
    if (this.view.readyOnMessage) this.session.subscribe({ claims: () => this.loaded() });
    this.buildControls();
    if (this.view.needsRun) this.startRun();
    else this.showSettings();
    if (!this.view.needsRun && !this.view.readyOnMessage) this.loaded();
  }

  /** The card figure's activation: a known name, else the first racing one, with a notice. */
  checkActivation(name) {
    if (this.figure !== 'card') return null;
    const fallback = this.values.members[0];
    if (name === null || name === '') return fallback;
    if (Object.hasOwn(this.labels, name)) return name;  // own keys only: activation=constructor is unknown
    this.notice('warning', { key: 'embed.unknown.activation',
      params: { value: quote(name), fallback, allowed: Object.keys(this.labels).join(', ') } });
    return fallback;
  }

  members() {
    return this.figure === 'card' ? [this.activation] : this.values.members;
  }

  startRun() {
    this.sentPlaying = this.shouldPlay();
    this.session.start(this.values, { members: this.members(), playing: this.sentPlaying });
    this.showSettings();
    this.syncButtons();
  }

  /** The session drew a frame (and told the worker): the first one makes the figure ready. */
  drawn() {
    if (this.destroyed) return;
    if (!this.drawnOnce) {
      this.drawnOnce = true;
      this.view.firstDraw?.();
    }
    this.loaded();
  }

  loaded() {
    if (this.isLoaded) return;
    this.isLoaded = true;
    this.frame.element.dataset.ready = 'true';
    this.onLoaded();
  }

  fail(reason) {
    this.notice('error', { key: 'embed.failed', params: { message: reason } });
    this.loaded();
  }

  /** Trains only if the reader wants it, can see it, and the tab is visible. */
  shouldPlay() {
    return Boolean(this.intent && this.inView && document.visibilityState !== 'hidden');
  }

  syncPlaying() {
    if (!this.view?.needsRun || this.destroyed) return;
    const playing = this.shouldPlay();
    if (playing !== this.sentPlaying) {
      this.sentPlaying = playing;
      if (playing) this.session.play();
      else this.session.pause();
    }
    this.syncButtons();
  }

  syncButtons() {
    this.frame.setPlaying(Boolean(this.intent));
  }

  /** The lab link and the caption, from the validated values. */
  showSettings() {
    this.frame.link.href = this.labUrl(formatHash(this.table, this.values));
    this.frame.caption.textContent = captionText(this.values, this.figure === 'card' ? this.labels[this.activation] : null, { i18n: this.i18n });
  }

  labUrl(hash) {
    return new URL(`index.html${hash}`, this.base).href;
  }

  play() {
    if (!this.values) return;
    this.intent = true;
    this.frame.setStatus(null);
    this.syncPlaying();
  }

  pause() {
    if (!this.values) return;
    this.intent = false;
    this.syncPlaying();
  }

  step() {
    if (!this.values) return;
    this.pause();
    this.session.step();
  }

  reset() {
    if (this.values && this.view.needsRun) this.startRun();
  }

  regenerate() {
    const row = this.table.byKey.get('seed');
    const [random] = crypto.getRandomValues(new Uint32Array(1));
    this.values.seed = Math.min(row.max, row.min + (random % (row.max - row.min + 1)));
    this.values.preset = 'none';
    this.startRun();
  }

  /** Test hook: boundary grids at most side x side, as a slow machine or a deep net would get. */
  limitGridSide(side) {
    this.session?.limitGridSide(side);
  }

  /** The figure's state for tests and hosts: settings, run and each network's step and metrics. */
  snapshot() {
    const frame = this.session?.lastFrame;
    return {
      figure: this.figure,
      id: this.channel.id,
      runId: this.session?.runId ?? 0,
      playing: Boolean(this.sentPlaying),
      // The last frame's own flag: false once the worker's paused frame is in, after which no step follows.
      framePlaying: frame ? Boolean(frame.playing) : null,
      intent: Boolean(this.intent),
      settings: this.table ? formatHash(this.table, this.values) : null,
      members: (frame?.members ?? []).map((m) => ({ name: m.name, step: m.step, metrics: m.metrics })),
    };
  }

  destroy() {
    this.destroyed = true;
    this.session?.close();
    document.removeEventListener('visibilitychange', this.visibility);
    this.viewObserver.disconnect();
    this.channel.unregister();
    this.view?.destroy();
    this.host.shadowRoot?.querySelectorAll('.alx-figure, link').forEach((node) => node.remove());
  }
}
