// The page once the module is ready: reads the settings from the URL, builds the controls and
// views, and keeps one run going in the worker. The run restarts (new runId) whenever a setting
// that changes what is trained changes; play, pause and speed only steer the current run.
import { ToWorker, FromWorker } from './protocol.js';
import { buildParamTable, defaultValues, rowOfField, sameValue } from './param-table.js';
import { readHash, writeHash } from './url-state.js';
import { LabState } from './lab-state.js';
import { PRESETS, presetByName, presetValues } from './presets.js';
import { RaceView } from './race-view.js';
import { WhyView, summarise } from './why-view.js';
import { CostView, MEASURE_OPTIONS } from './cost-view.js';
import { ClaimsView } from './claims-view.js';
import { mountControls } from './controls.js';
import { mountRunBar } from './run-bar.js';
import { mountPointTools } from './point-tools.js';
import { mountPresetBar } from './preset-bar.js';
import { raceToPng, saveBlob, jsonBlob, stampedName } from './export.js';
import { activationColor } from '../views/palette.js';

const MAX_FALLBACKS = 4;  // settings the core rejects are reset at most this often in a row

export class LabPage {
  constructor(client, ready, notices, { reducedMotion }) {
    this.client = client;
    this.notices = notices;
    this.reducedMotion = reducedMotion;
    this.runId = 0;
    this.fallbacks = 0;
    this.lastFrame = null;
    this.ready = false;
    this.labels = new Map(ready.activations.map((a) => [a.name, a.label]));
    const labelOf = (name) => this.labels.get(name) ?? name;

    this.table = buildParamTable(ready, { presetNames: PRESETS.map((p) => p.name), reducedMotion });
    const { values, notices: rejected, present } = this.readAddress();
    for (const text of rejected) notices.show('warning', text);
    if (reducedMotion && !present.has('playing')) {
      values.playing = false;
      notices.show('info', 'Paused because your system asks for reduced motion: press Play to start training.');
    }
    this.state = new LabState(this.table, values);
    writeHash(this.table, this.state.values);
    // The worker builds the networks while this thread builds the page: the replies are handled
    // only after this constructor returns, when every view exists.
    this.startRun();

    this.race = new RaceView(document.getElementById('race-cards'), {
      labelOf,
      onPointClick: (point) => this.points.addPoint(point),
      onDrawn: (frame) => this.drawn(frame),
    });
    this.claims = new ClaimsView(document.getElementById('claims-strip'), {
      labels: Object.fromEntries(this.labels),
      measure: (config) => client.post({ type: ToWorker.MEASURE_CLAIMS, config }),
      open: (claim) => this.openClaim(claim),
    });
    this.claims.request(this.state.config());
    this.why = new WhyView(document.getElementById('why-panels'), { labelOf });
    this.cost = new CostView(document.getElementById('cost-chart'), {
      section: document.getElementById('cost-view'),
      button: document.getElementById('measure-costs'),
      status: document.getElementById('cost-status'),
      labels: Object.fromEntries(this.labels),
      measure: () => client.post({ type: ToWorker.MEASURE_COSTS, ...MEASURE_OPTIONS }),
    });
    this.controls = mountControls(document.getElementById('controls'), this.table, ready, {
      commit: (key, value) => this.commit(key, value),
      swatch: activationColor,
    });
    this.runBar = mountRunBar(this.state, this.table, {
      step: () => client.post({ type: ToWorker.STEP }),
      reset: () => this.startRun(),
    });
    this.points = mountPointTools(this.state, (level, text) => notices.show(level, text));
    this.presets = mountPresetBar(this.state, this.table, { reducedMotion });
    document.getElementById('export-png').addEventListener('click', () => this.exportPng());
    document.getElementById('export-json').addEventListener('click', () => this.exportJson());

    this.state.addEventListener('change', (event) => this.changed(event.detail));
    window.addEventListener('hashchange', () => this.hashChanged());
    client
      .on(FromWorker.RUN_STARTED, (m) => this.runStarted(m))
      .on(FromWorker.CONFIG_ERROR, (m) => this.configError(m))
      .on(FromWorker.POINTS, (m) => m.runId === this.runId && this.race.setPoints(m))
      .on(FromWorker.FRAME, (m) => this.frame(m))
      .on(FromWorker.DIAGNOSTICS, (m) => m.runId === this.runId && this.why.setDiagnostics(m))
      .on(FromWorker.COSTS, (m) => this.cost.setCosts(m.costs))
      .on(FromWorker.CLAIMS, (m) => this.claims.setClaims(m));
    this.sync();
  }

  /** A control changed one setting by hand. */
  commit(key, value) {
    const changes = { [key]: value };
    if (key === 'classes') {
      // Clicked points of a class that no longer exists go, with a word about it.
      const kept = this.state.get('added').filter((p) => p.label < value);
      if (kept.length !== this.state.get('added').length) {
        changes.added = kept;
        this.notices.show('info', `Removed the clicked points of classes beyond ${value}.`);
      }
    }
    this.state.set(changes, { byHand: true });
  }

  changed({ changed, restartsRun }) {
    this.sync();
    if (changed.has('preset') && this.state.get('preset') === 'cost') this.cost.measureOnce();
    if (restartsRun) {
      this.startRun();
      this.claims.request(this.state.config());  // after the run: its first boundaries come first
      return undefined;
    }
    if (changed.has('playing')) this.client.post({ type: this.state.get('playing') ? ToWorker.PLAY : ToWorker.PAUSE });
    if (changed.has('stepsPerFrame')) this.client.post({ type: ToWorker.SET_SPEED, ...this.speed() });
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
    const read = readHash(this.table, location.hash);
    const preset = presetByName(read.values.preset);
    if (!preset) return read;
    const values = presetValues(this.table, preset, { reducedMotion: this.reducedMotion });
    for (const key of read.present) values[key] = read.values[key];
    return { ...read, values };
  }

  /** A claim's link: its preset, then its view in sight. */
  openClaim({ preset, view }) {
    const found = presetByName(preset);
    if (found) this.state.set(presetValues(this.table, found, { reducedMotion: this.reducedMotion }));
    const section = document.getElementById(view);
    section?.scrollIntoView({ behavior: this.reducedMotion ? 'auto' : 'smooth' });
    section?.focus({ preventScroll: true });
  }

  /** The reader edited the address (or went back): apply it like any other change. */
  hashChanged() {
    const { values, notices } = this.readAddress();
    for (const text of notices) this.notices.show('warning', text);
    this.state.set(values);
    writeHash(this.table, this.state.values);  // drop what was rejected from the address too
  }

  speed() {
    return { stepsPerFrame: this.state.get('stepsPerFrame'), frameIntervalMs: this.reducedMotion ? 250 : 33 };
  }

  startRun() {
    this.runId += 1;
    const added = this.state.get('added');
    const xy = new Float32Array(added.flatMap((p) => [p.x, p.y]));
    const labels = new Int32Array(added.map((p) => p.label));
    this.client.post({
      type: ToWorker.CONFIGURE,
      runId: this.runId,
      config: this.state.config(),
      members: this.state.get('members'),
      data: { base: this.state.get('data') === 'cleared' ? 'none' : 'dataset', xy, labels },
      playing: this.state.get('playing'),
      ...this.speed(),
    }, [xy.buffer, labels.buffer]);
  }

  runStarted({ runId, members }) {
    if (runId !== this.runId) return;
    this.fallbacks = 0;
    document.documentElement.dataset.run = String(runId);
    this.race.start(members);
    this.why.start(members);
    this.cost.start(members);
  }

  /** The core rejected the settings: reset the field it named (or everything) and try again. */
  configError({ runId, message, field, argument }) {
    if (runId !== this.runId) return;
    // error.field of the API: the key at fault; argument 'data' marks the clicked points, whose
    // `points` is not the point-count setting.
    const clicked = argument === 'data' && (field === 'points' || field === 'labels');
    const row = clicked ? null : rowOfField(this.table, field);
    const defaults = defaultValues(this.table);
    if (++this.fallbacks > MAX_FALLBACKS) {
      this.notices.show('error', `The lab could not start: ${message}`);
    } else if (row && !sameValue(this.state.get(row.key), row.default)) {
      this.notices.show('warning', `${message}. ${row.label} is back to its default.`);
      this.state.set({ [row.key]: defaults[row.key] });
    } else if (clicked) {
      this.notices.show('warning', `${message}. The clicked points were removed.`);
      this.state.set({ added: [] });
    } else {
      this.notices.show('warning', `${message}. Back to the default settings.`);
      this.state.set({ ...defaults, playing: this.state.get('playing') });
    }
  }

  frame(frame) {
    if (frame.runId !== this.runId) return;
    this.lastFrame = frame;
    this.race.setFrame(frame);
    this.cost.setSpeeds(frame);
  }

  /** The race view drew a frame: let the worker send the next one; mark the page ready once. */
  drawn(frame) {
    this.client.post({ type: ToWorker.FRAME_DRAWN, runId: frame.runId });
    if (!this.ready) {
      this.ready = true;
      document.documentElement.dataset.ready = 'true';
      // The cost measurement pauses training briefly: not before the race is under way.
      setTimeout(() => this.cost.watch(), 1500);
    }
  }

  exportPng() {
    raceToPng(document.getElementById('race-cards'), `Activation Lab: ${this.state.get('dataset')}, ` +
      `hidden ${this.state.get('hidden').join('-') || 'none'}, seed ${this.state.get('seed')}`)
      .then((blob) => saveBlob(blob, stampedName('png')))
      .catch((err) => this.notices.show('error', `Export failed: ${err.message}`));
  }

  exportJson() {
    const frame = this.lastFrame;
    const data = {
      url: location.href,
      settings: this.state.values,
      members: (frame?.members ?? []).map((m) => ({
        name: m.name, label: this.labels.get(m.name), step: m.step, metrics: m.metrics,
        diverged: m.diverged, divergedAt: m.divergedAt, stepsPerSecond: m.stepsPerSecond,
        lossHistory: { stride: m.lossStride, values: m.losses },
        why: this.why.latest.has(m.name) ? summarise(this.why.latest.get(m.name)) : null,
      })),
      costs: this.cost.costs,
    };
    saveBlob(jsonBlob(data), stampedName('json'));
  }
}
