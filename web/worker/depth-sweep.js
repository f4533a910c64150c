// The depth figure's numbers: the first/last layer gradient ratio at initialisation (the core's
// diagnose(), as `actlab probe` reports it) of fresh nets of depth 1..the core's most hidden layers
// (depthLimit(lab): the `hidden` field's maxItems) x DEPTH_WIDTH, for
// each activation, under one init choice, over DEPTH_SEEDS seeds (seed, seed + 1, ...: each seed
// draws the data and the weights, as the CLI's --seed does), with their median and spread.
//
// Pure over the `lab` API, no messaging: the worker calls step() once per slice, so it never
// blocks for more than one (activation, depth, seed) cell (one small net built and diagnosed), and
// drops a sweep to cancel it. DepthSweepCache keeps sweeps per setting, finished or not.

import { DEPTH_INITS } from '../session/depth-inits.js';

/** The deepest net the figure shows: the core's limit on hidden layers, from its field table. */
export const depthLimit = (lab) => lab.configFields().find((f) => f.name === 'hidden').maxItems;
export const DEPTH_WIDTH = 16;
export const DEPTH_SEEDS = 5;
// The inits it runs (web/session/depth-inits.js); 'usual': each activation's own pairing (the
// core's usualInit column of lab.activations()).
export { DEPTH_INITS };

// Settings the probe owns; every other setting (the data, the features) is the page's.
const PROBE_OWNED = ['hidden', 'layerActivations', 'activation', 'init', 'seed'];

/** One key per setting that changes the figure: the sweep cache's key. */
export function depthSettingKey({ activations, init, config = {}, seeds = DEPTH_SEEDS }) {
  const shared = Object.entries(config).filter(([k]) => !PROBE_OWNED.includes(k)).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify({ activations, init, seed: config.seed ?? null, seeds, shared });
}

function median(sorted) {
  const n = sorted.length;
  return n % 2 ? sorted[n >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

export class DepthSweep {
  #lab;
  #cells;
  #results;  // name -> [{depth, ratios: []}]
  #total;
  #doneCells = 0;

  /**
   * @param lab the loaded module
   * @param settings {activations: names, init: one of DEPTH_INITS, config: the page's settings
   *   (its seed is the first seed), seeds: how many}
   */
  constructor(lab, { activations, init = 'usual', config = {}, seeds = DEPTH_SEEDS }) {
    if (!DEPTH_INITS.includes(init)) throw new Error(`init: '${init}' is not one of ${DEPTH_INITS.join(', ')}`);
    if (!Number.isInteger(seeds) || seeds < 1 || seeds > 20) throw new Error(`seeds: ${seeds} is out of range [1, 20]`);
    this.#lab = lab;
    this.depthMax = depthLimit(lab);
    const usual = new Map(lab.activations().map((a) => [a.name, a.usualInit]));
    const unknown = activations.filter((name) => !usual.has(name));
    if (unknown.length) throw new Error(`activations: '${unknown[0]}' is not one of ${[...usual.keys()].join(', ')}`);
    this.settings = { activations: [...activations], init, config: { ...config }, seeds };
    this.key = depthSettingKey(this.settings);
    this.inits = new Map(activations.map((name) => [name, init === 'usual' ? usual.get(name) : init]));
    this.#results = new Map(activations.map((name) => [name,
      Array.from({ length: this.depthMax }, (_, i) => ({ depth: i + 1, ratios: [] }))]));
    this.#total = activations.length * this.depthMax * seeds;
    this.#cells = this.#enumerate();
  }

  * #enumerate() {
    const first = this.settings.config.seed ?? 1;
    // Seed-major, so that a partial sweep already shows every line at every depth for one seed.
    for (let s = 0; s < this.settings.seeds; s += 1) {
      for (let depth = 1; depth <= this.depthMax; depth += 1) {
        for (const name of this.settings.activations) yield { name, depth, seed: (first + s) >>> 0 };
      }
    }
  }

  /** The network settings of one cell, as `actlab probe --depth D --width 16` builds it. */
  cellConfig({ name, depth, seed }) {
    const base = Object.fromEntries(Object.entries(this.settings.config).filter(([k]) => !PROBE_OWNED.includes(k)));
    return { ...base, seed, activation: name, init: this.inits.get(name), hidden: Array(depth).fill(DEPTH_WIDTH), layerActivations: [] };
  }

  get done() { return this.#doneCells === this.#total; }
  get progress() { return { cells: this.#doneCells, total: this.#total }; }

  /** Computes one cell; returns false once every cell is done. Throws the module's Error on bad settings. */
  step() {
    const next = this.#cells.next();
    if (next.done) return false;
    const cell = next.value;
    const net = this.#lab.createNetwork(this.cellConfig(cell));
    try {
      this.#results.get(cell.name)[cell.depth - 1].ratios.push(net.diagnostics().firstLastGradRatio);
    } finally {
      net.delete();
    }
    this.#doneCells += 1;
    return !this.done;
  }

  /** {key, width, seeds, init, done, progress, items: [{name, init, points: [{depth, ratios, median, min, max}]}]}; depths with no cell yet are left out. */
  result() {
    const items = this.settings.activations.map((name) => ({
      name,
      init: this.inits.get(name),
      points: this.#results.get(name).filter((p) => p.ratios.length).map((p) => {
        const sorted = p.ratios.slice().sort((a, b) => a - b);
        return { depth: p.depth, ratios: p.ratios.slice(), median: median(sorted), min: sorted[0], max: sorted[sorted.length - 1] };
      }),
    }));
    return { key: this.key, width: DEPTH_WIDTH, seeds: this.settings.seeds, init: this.settings.init, done: this.done, progress: this.progress, items };
  }
}

/** Sweeps per setting: asking again for a setting seen before resumes (or returns) its sweep. */
export class DepthSweepCache {
  #lab;
  #sweeps = new Map();  // key -> DepthSweep, oldest first
  #limit;

  constructor(lab, { limit = 8 } = {}) {
    this.#lab = lab;
    this.#limit = limit;
  }

  sweepFor(settings) {
    const key = depthSettingKey({ init: 'usual', seeds: DEPTH_SEEDS, ...settings });
    let sweep = this.#sweeps.get(key);
    if (sweep === undefined) {
      sweep = new DepthSweep(this.#lab, settings);
      if (this.#sweeps.size >= this.#limit) this.#sweeps.delete(this.#sweeps.keys().next().value);
    } else {
      this.#sweeps.delete(key);  // re-inserted below as the newest
    }
    this.#sweeps.set(key, sweep);
    return sweep;
  }
}
