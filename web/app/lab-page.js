// The page once the module is ready: reads the settings from the URL, builds the controls and
// views over one run session (web/session/session.js), which keeps the run going in the worker.
// The run restarts (new runId) whenever a setting that changes what is trained changes; play,
// pause and speed only steer the current run.
import { buildParamTable } from '../session/param-table.js';
import { readSettings } from '../session/settings.js';
import { RunSession } from '../session/session.js';
import { LabState } from './lab-state.js';
import { PRESETS, presetByName, presetValues } from '../session/presets.js';
import { mountControls } from './controls.js';
import { mountRunBar } from './run-bar.js';
import { mountPointTools } from './point-tools.js';
import { mountPresetBar } from './preset-bar.js';
import { landOn } from './scroll-landing.js';
import { StepCostMeter } from './step-cost.js';
import { mountExports } from './page-exports.js';
import { mountFigures } from './page-views.js';
import { activationColor } from '../views/palette.js';
import { mountLanguageSwitch, applyPageLanguage, translatorFor } from './language.js';
import { englishTranslator, resolveTag } from '../i18n/i18n.js';
import { readLang } from '../session/url-state.js';
import { mountEmbedDialog } from './embed-dialog.js';
import { startSeedsSection } from './seeds-section.js';

export { loadPageLanguage } from './language.js';
// What main.js needs before the page exists, from this bundle rather than as source modules of
// their own: notices.js would pull i18n.js and the English catalog (six files, one after another)
// in front of the worker's first message, and the bundle already holds them.
export { WorkerClient } from './worker-client.js';
export { FromWorker } from '../session/protocol.js';
export { Notices } from '../views/notices.js';

/**
 * The parts of the page nobody needs for its first picture: the "Embed this" dialog and the
 * across-seeds section, mounted once the first boundary is drawn (LabPage.firstDrawn), so neither
 * their work nor their layout comes before the first picture. Their code is in this bundle, not
 * chunks of it: a chunk shares code with the bundle, and esbuild moves shared code into further
 * chunks that the bundle must fetch before it can run, one round trip more in front of the first
 * boundary (measured: the two shared chunks arrived ~90 ms after the bundle), for 17 KB saved.
 * labRoot: the lab's root URL (the seed workers' scripts are under it).
 */
export function loadPageExtras(labRoot, i18n) {
  const button = document.getElementById('embed-this');
  if (button) mountEmbedDialog(button, { i18n });
  startSeedsSection(labRoot);
}

export class LabPage {
  /** @param language {i18n, explicit, notice} from loadPageLanguage (language.js); English without */
  constructor(client, ready, notices, { reducedMotion, language = { i18n: englishTranslator, explicit: false, notice: null } }) {
    this.notices = notices;
    this.i18n = language.i18n;
    if (this.i18n.lang !== 'en') applyPageLanguage(this.i18n);  // the HTML is written in English
    if (language.notice) notices.show('warning', this.i18n.t(language.notice.key, language.notice.params));
    this.reducedMotion = reducedMotion;
    this.ready = false;
    // Resolves once the first boundary is drawn: what can wait (loadPageExtras) waits for it.
    this.firstDrawn = new Promise((resolve) => { this.resolveFirstDrawn = resolve; });
    this.labels = new Map(ready.activations.map((a) => [a.name, a.label]));
    // An activation's name as the reader reads it: the core's label, or the catalog's in another
    // language (asked anew each time, so a view redrawn after a switch gets the new one).
    const labelOf = (name) => {
      const key = `activation.${name}`;
      return this.i18n.lang !== 'en' && this.i18n.has(key) ? this.i18n.t(key) : this.labels.get(name) ?? name;
    };
    this.labelOf = labelOf;

    this.table = buildParamTable(ready, { presetNames: PRESETS.map((p) => p.name), reducedMotion });
    const { values, notices: rejected, present } = this.readAddress();
    for (const text of rejected) notices.show('warning', text);
    if (reducedMotion && !present.has('playing')) {
      values.playing = false;
      notices.show('info', this.i18n.t('run.reducedMotion'));
    }
    this.state = new LabState(this.table, values);
    if (language.explicit) this.state.lang = this.i18n.lang;
    this.state.writeAddress();
    this.session = new RunSession({
      post: (message, transfer) => client.post(message, transfer),
      table: this.table,
      reducedMotion,
      notice: (level, text) => notices.show(level, text),
      applySettings: (changes) => this.state.set(changes),  // a restart follows through changed()
      onFrameDrawn: () => this.drawn(),
      i18n: this.i18n,
    });
    // The worker builds the networks while this thread builds the page: the replies are handled
    // only after this constructor returns, when every view exists.
    this.startRun();

    this.runHasData = false;
    this.liveEdit = false;
    this.mountViews(labelOf);
    this.mountControls(ready, labelOf);
    this.state.addEventListener('change', (event) => this.changed(event.detail));
    window.addEventListener('hashchange', () => this.hashChanged());
    client.onOther((message) => this.session.receive(message));
    this.languageSwitch = mountLanguageSwitch(document.getElementById('lang-switch'), (lang) => this.chooseLanguage(lang));
    this.languageSwitch.show(this.i18n.lang);
    this.sync();
  }

  /** The switch: the catalog loaded, then every word redrawn; the race runs on, settings kept. */
  async chooseLanguage(lang) {
    const i18n = await translatorFor(lang);
    this.state.lang = i18n.lang;
    this.state.writeAddress();
    this.setLanguage(i18n);
  }

  setLanguage(i18n) {
    this.i18n = i18n;
    applyPageLanguage(i18n);
    this.languageSwitch.show(i18n.lang);
    this.notices.setLanguage?.(i18n);
    this.session.setLanguage(i18n);
    for (const view of [this.race, this.claims, this.units, this.why, this.cost, this.answer, this.diagrams,
      this.controls, this.runBar, this.points, this.presets]) view.setLanguage?.(i18n);
    this.sync();
  }

  /** The figures, each a view of the session. */
  mountViews(labelOf) {
    Object.assign(this, mountFigures(this, labelOf));
    this.stepCost = new StepCostMeter();
    this.session.subscribe(this.race);
    this.session.subscribe({
      start: (started) => this.runStarted(started),
      points: (message) => this.pointsArrived(message),
      unitMaps: (message) => { this.units.setMaps(message); this.diagrams.setMaps(message); },
      frame: (frame) => this.frame(frame),
      diagnostics: (message) => this.diagnosticsArrived(message),
      costs: (costs) => this.cost.setCosts(costs),
      claims: (message) => { this.claims.setClaims(message); this.answer.setClaims(this.claims.claims); },
      curves: (message) => this.answer.setCurves(message),
      depth: (message) => this.answer.setDepth(message),
      edges: (message) => this.diagrams.setEdges(message),
    });
  }

  /** The settings form, the run bar, the point tools, the presets and the exports. */
  mountControls(ready, labelOf) {
    this.controls = mountControls(document.getElementById('controls'), this.table, ready, {
      commit: (key, value) => this.commit(key, value),
      swatch: activationColor,
      i18n: this.i18n,
    });
    this.runBar = mountRunBar(this.state, this.table, {
      step: () => this.session.step(),
      reset: () => this.startRun(),
    }, { i18n: this.i18n });
    this.points = mountPointTools(this.state, (level, text) => this.notices.show(level, text), {
      add: (point, added) => this.editPoints(added, () => this.session.addPoint(point)),
      undo: (added) => this.editPoints(added, () => this.session.removePoint()),
    }, { i18n: this.i18n });
    this.presets = mountPresetBar(this.state, this.table, { reducedMotion: this.reducedMotion,
      labelOf, i18n: this.i18n });
    mountExports(this);
  }

  /** The run's latest frame (the session keeps it; tests and the JSON export read it). */
  get lastFrame() {
    return this.session.lastFrame;
  }

  /** A control changed one setting by hand. */
  commit(key, value) {
    const changes = { [key]: value };
    if (key === 'classes') {
      // Clicked points of a class that no longer exists go, with a word about it.
      const kept = this.state.get('added').filter((p) => p.label < value);
      if (kept.length !== this.state.get('added').length) {
        changes.added = kept;
        this.notices.show('info', this.i18n.t('points.classesRemoved', { classes: String(value) }));
      }
    }
    this.state.set(changes, { byHand: true });
  }

  /**
   * A click or an undo. On a running race over the generated dataset the worker appends (or removes)
   * the point in the core: no restart, no reshuffle, the step count keeps going. Otherwise (only
   * clicked points, or no data yet) the change starts a new run, as any setting does.
   */
  editPoints(added, send) {
    const live = this.runHasData && this.state.get('data') === 'generated';
    const most = this.table.byKey.get('points')?.max ?? Infinity;
    if (live && added.length > this.state.get('added').length && this.trainPoints >= most) {
      this.notices.show('warning', this.i18n.t('points.full', { count: this.trainPoints }));
      return;
    }
    if (!live) {
      this.state.set({ added }, { byHand: true });
      return;
    }
    this.liveEdit = true;
    try {
      this.state.set({ added });
    } finally {
      this.liveEdit = false;
    }
    send();
  }

  pointsArrived(message) {
    this.trainPoints = message.train.label.length;
    this.runHasData = this.trainPoints > 0;
  }

  changed({ changed, restartsRun }) {
    this.sync();
    if (this.liveEdit && [...changed].every((key) => key === 'added')) return undefined;
    if (changed.has('preset') && this.state.get('preset') === 'cost') this.cost.measureOnce();
    if (restartsRun) {
      this.startRun();
      this.claims.request(this.state.config());  // after the run: its first boundaries come first
      return undefined;
    }
    if (changed.has('playing')) (this.state.get('playing') ? this.session.play() : this.session.pause());
    if (changed.has('stepsPerFrame')) this.session.setSpeed(this.state.get('stepsPerFrame'));
    if (changed.has('depthInit')) this.answer.setDepthInit(this.state.get('depthInit'));
    return undefined;
  }

  sync() {
    const values = this.state.values;
    this.controls.sync(values);
    this.runBar.sync(values);
    this.points.sync(values);
    this.presets.sync(values);
  }

  /**
   * The settings in the address. A preset named there is the base the other values override, so
   * a short link (#preset=dying) shows the preset; the page always writes every value anyway.
   */
  readAddress() {
    return readSettings(this.table, location.hash, { reducedMotion: this.reducedMotion, i18n: this.i18n });
  }

  /**
   * A claim's link: its preset (a history entry, so Back returns to the run before), then its view
   * in sight, held there while the preset's run rebuilds the layout above it (scroll-landing.js).
   */
  openClaim({ preset, view }) {
    const found = presetByName(preset);
    if (found) this.state.set(presetValues(this.table, found, { reducedMotion: this.reducedMotion }), { historyEntry: true });
    landOn(document.getElementById(view));
  }

  /** The reader edited the address (or went back): apply it like any other change. */
  hashChanged() {
    const asked = resolveTag(readLang(location.hash));  // a language typed into the address
    if (asked) this.state.lang = asked;  // before the address is written back
    const { values, notices } = this.readAddress();
    for (const text of notices) this.notices.show('warning', text);
    this.state.set(values);
    this.state.writeAddress();  // drop what was rejected from the address too
    if (asked && asked !== this.i18n.lang) this.chooseLanguage(asked);
  }

  startRun() {
    this.runHasData = false;
    this.session.start(this.state.values);
  }

  runStarted({ runId, members }) {
    document.documentElement.dataset.run = String(runId);
    // Columns that leave no orphan row: 4 racers in 4 (or 2 x 2), 5-6 in 3, 7-8 in 4.
    // (the race, the unit maps and the network diagrams alike).
    const views = document.querySelector('.views');
    const n = members.length;
    views.style.setProperty('--race-columns', String(n <= 4 ? n : Math.ceil(n / 2)));
    views.toggleAttribute('data-even-rows', n % 2 === 0);
    this.units.start(members);
    this.why.start(members);
    this.cost.start(members);
    this.diagrams.start(members);
    this.stepCost.reset();
    this.answer.start(members, this.state.config());
  }

  /** DIAGNOSTICS: the why view, and the run's figures beside the claims' and in the verdict. */
  diagnosticsArrived(message) {
    this.why.setDiagnostics(message);
    const frame = this.lastFrame;
    if (!frame) return;
    const stepCost = this.stepCost.add(frame);
    this.answer.setRun(frame, this.why.latest, this.state.get('learningRate'), stepCost);
    this.claims.setRun(this.why.latest, stepCost);
  }

  frame(frame) {
    this.runBar.showSpeed(frame);
    this.cost.setSpeeds(frame);
  }

  /** A frame was drawn: mark the page ready once. */
  drawn() {
    if (this.ready) return;
    this.ready = true;
    document.documentElement.dataset.ready = 'true';
    this.resolveFirstDrawn();
    // The cost measurement pauses training briefly: not before the race is under way.
    setTimeout(() => this.cost.watch(), 1500);
  }
}
