// The across-seeds figure's runs: the current settings' race over N seeds in the page's seed pool
// (seed-pool.js), and the groups of a loaded sweep file (sweep-file.js), drawn by the figure
// (web/views/seeds-figure.js). Changing the settings or cancelling stops the pool's work for this
// figure at once (its busy workers are terminated); the page and the embed each make one of these.
import { parseSweepFile, groupSweepRows } from './sweep-file.js';

/** The seeds of a run: the settings' seed, then the next ones (as the depth figure's seeds). */
export const seedList = (first, count) => Array.from({ length: count }, (_, i) => (first + i) >>> 0);

// While seeds finish, the figure and the claim tally redraw at most this often: seeds can finish
// every few tens of milliseconds, and a redraw per seed (layout and paint of the figure, the claims
// strip and the verdict) takes main-thread time from the pool's workers on a machine with few cores.
// The first seed of a run draws at once (so a short run still shows a live count), later ones at
// most once per interval; starting, finishing and cancelling always draw at once.
export const SEEDS_DRAW_EVERY_MS = 250;

export class SeedsController {
  #pool;
  #figure;
  #job = null;        // the pool's handle of the running seeds
  #settings = null;   // {config, members, seeds, seedSteps}
  #live = null;       // the current settings' group
  #files = [];        // groups of the loaded file
  #problems = [];
  #state = 'idle';
  #listeners = new Set();  // onUpdate: readers of the live results besides the figure (the claim tally)
  #cooldown = null;        // the interval after a seed's draw, during which finished seeds wait
  #dirty = false;          // seeds finished during the cooldown and not drawn yet

  /** @param options {pool: () => SeedPool, figure: mountSeedsFigure(...)'s controller} */
  constructor({ pool, figure }) {
    this.#pool = pool;
    this.#figure = figure;
  }

  get state() { return this.#state; }
  get settings() { return this.#settings; }

  /**
   * New settings ({config, members, seeds, seedSteps}). If they differ from the last ones the
   * pool's work stops at once and the results go; returns true when they differed.
   */
  setSettings(settings) {
    if (this.#settings && JSON.stringify(settings) === JSON.stringify(this.#settings)) return false;
    this.#stop();
    this.#settings = structuredClone(settings);
    this.#live = null;
    this.#state = 'idle';
    this.#draw();
    return true;
  }

  /**
   * Calls `listener({state, total, classes, group})` with the current settings' results (group:
   * {members, budget, seeds} or null) at once and whenever they change; returns the unsubscribe.
   */
  onUpdate(listener) {
    this.#listeners.add(listener);
    listener(this.#liveResults());
    return () => this.#listeners.delete(listener);
  }

  #liveResults() {
    return { state: this.#state, total: this.#live ? this.#settings.seeds : 0, classes: this.#settings?.config.classes, group: this.#live };
  }

  /** Runs the current settings over their seeds (again, from nothing). */
  run() {
    if (!this.#settings) return;
    this.#stop();
    const { config, members, seeds, seedSteps } = this.#settings;
    // title: English, for the CSV export (a data file); titleWords: the figure words it in the reader's language.
    const group = { title: 'This page\'s settings', titleWords: { key: 'seeds.group.page' }, differs: [], budget: seedSteps,
      members: [...members], seeds: [] };
    this.#live = group;
    this.#state = 'running';
    clearTimeout(this.#cooldown);  // a new run's first seed draws at once
    this.#cooldown = null;
    const finish = (entry) => {
      if (this.#live !== group) return;
      group.seeds.push(entry);
      group.seeds.sort((a, b) => a.seed - b.seed);
      if (group.seeds.length === seeds) {
        this.#state = 'done';
        this.#job = null;
        this.#draw();
      } else {
        this.#drawSoon();
      }
    };
    this.#job = this.#pool().run({ config, members, steps: seedSteps }, seedList(config.seed ?? 1, seeds), {
      done: (seed, result) => finish({ seed, members: Object.fromEntries(result.members.map((m) => [m.name, m])) }),
      failed: (seed, error) => finish({ seed, failed: error, members: {} }),
    });
    this.#draw();
  }

  /** Stops the running seeds at once (their workers are terminated); finished seeds stay. */
  cancel() {
    if (this.#state !== 'running') return;
    this.#stop();
    this.#state = 'cancelled';
    this.#draw();
  }

  /** Reads a sweep file (a File or Blob); its rows join the figure grouped by settings. */
  async loadFile(file) {
    const parsed = parseSweepFile(await file.text());
    this.#problems = parsed.problems;
    const page = this.#settings?.config ?? {};
    this.#files = groupSweepRows(parsed.rows, page).map((group) => ({
      ...group,
      title: `${file.name ?? 'sweep file'}: ${group.differs.length === 0 ? 'this page\'s settings' : 'other settings'}`,
      titleWords: file.name
        ? { key: group.differs.length === 0 ? 'seeds.group.filePage' : 'seeds.group.fileOther', params: { file: file.name } }
        : { key: group.differs.length === 0 ? 'seeds.group.unnamedPage' : 'seeds.group.unnamedOther' },
    }));
    this.#draw();
    return parsed;
  }

  #stop() {
    this.#job?.cancel();
    this.#job = null;
  }

  /** A seed finished: draw now, unless a seed drew less than SEEDS_DRAW_EVERY_MS ago. */
  #drawSoon() {
    if (this.#cooldown) {
      this.#dirty = true;
      return;
    }
    this.#draw();
    this.#cooldown = setTimeout(() => {
      this.#cooldown = null;
      if (this.#dirty) this.#drawSoon();
    }, SEEDS_DRAW_EVERY_MS);
  }

  #draw() {
    this.#dirty = false;
    const live = this.#live;
    this.#figure.update({
      state: this.#state,
      done: live?.seeds.length ?? 0,
      failed: live?.seeds.filter((s) => s.failed).length ?? 0,
      total: live ? this.#settings.seeds : 0,
      steps: live?.budget,
      groups: [...(live ? [live] : []), ...this.#files],
      problems: this.#problems,
    });
    for (const listener of this.#listeners) listener(this.#liveResults());
  }

  destroy() {
    this.#stop();
    clearTimeout(this.#cooldown);
  }
}
