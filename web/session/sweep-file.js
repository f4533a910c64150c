// A sweep file (`actlab sweep` JSON lines, or its CSV with a header) read for the across-seeds
// figure. Pure: text in, rows and line-numbered problems out. A malformed line is reported with its
// number and skipped; every other line is kept. Rows are then grouped by their settings (every
// config field but seed and activation), so rows of different settings are never mixed, and each
// group is turned into the figure's per-seed results (seeds-results.js's shape).
import { REACH_ACCURACY } from '../worker/seed-run.js';
import { englishTranslator } from '../i18n/i18n.js';

/**
 * A line's problem: its catalog key (sweep.<key>) and params, for the figure to word in the reader's
 * language, and the English message (for tools, logs and tests).
 */
function problem(line, { key, params = {} }) {
  return { line, key: `sweep.${key}`, params, message: englishTranslator.t(`sweep.${key}`, params) };
}
const why = (key, params) => ({ key, params });
const shown = (v) => JSON.stringify(v);

// The CSV columns after the config fields (core/cli/sweep_rows.cpp's csv_header()).
const CSV_TAIL = ['steps_requested', 'steps', 'diverged', 'diverged_at', 'train_loss', 'test_loss', 'train_accuracy',
  'test_accuracy', 'last_batch_loss', 'train_points', 'test_points', 'batch', 'param_count', 'first_last_grad_ratio',
  'zero_fraction', 'dead_units', 'saturated_fraction'];
// Settings a row's group ignores: each seed is one dot, each activation one strip.
const NOT_SETTINGS = new Set(['seed', 'activation']);

/**
 * A setting's value as comparable text: numbers through float32 (the CLI writes its config's
 * numbers as float32, the page keeps doubles), lists item by item.
 */
export function settingText(value) {
  if (Array.isArray(value)) return value.map(settingText).join(',');
  if (typeof value === 'number') return String(Math.fround(value));
  return String(value);
}

/** @returns {format: 'json'|'csv'|null, rows: Row[], problems: [{line, message, key, params}]} */
export function parseSweepFile(text) {
  const lines = String(text).split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return { format: null, rows: [], problems: [problem(1, why('empty'))] };
  const format = lines[first].trim().startsWith('{') ? 'json' : 'csv';
  const read = format === 'json' ? readJsonLines(lines) : readCsv(lines, first);
  return { format, ...read };
}

function readJsonLines(lines) {
  const rows = [];
  const problems = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    let parsed;
    try {
      parsed = JSON.parse(raw);
    } catch (err) {
      problems.push(problem(i + 1, why('notJson', { detail: err.message })));
      return;
    }
    const row = checkRow(fromJson(parsed));
    if (row.error) problems.push(problem(i + 1, row.error));
    else rows.push({ ...row, line: i + 1 });
  });
  return { rows, problems };
}

function fromJson(o) {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return { error: why('notObject') };
  return {
    config: o.config, steps: o.steps_requested, diverged: o.diverged,
    trainAccuracy: o.metrics?.train_accuracy, testAccuracy: o.metrics?.test_accuracy,
    firstLastGradRatio: o.diagnostics?.first_last_grad_ratio, zeroFraction: o.diagnostics?.zero_fraction,
    deadUnits: o.diagnostics?.dead_units,
  };
}

function readCsv(lines, headerIndex) {
  const header = splitCsv(lines[headerIndex]);
  const tailAt = header.indexOf(CSV_TAIL[0]);
  if (header[0] !== 'row' || tailAt < 0 || header.slice(tailAt).join() !== CSV_TAIL.join()) {
    return { rows: [], problems: [problem(headerIndex + 1, why('badHeader', { command: 'actlab sweep', row: 'row', first: CSV_TAIL[0] }))] };
  }
  const configKeys = header.slice(1, tailAt);
  const rows = [];
  const problems = [];
  for (let i = headerIndex + 1; i < lines.length; i += 1) {
    if (lines[i].trim() === '') continue;
    const cells = splitCsv(lines[i]);
    if (cells === null || cells.length !== header.length) {
      const expected = String(header.length);
      problems.push(problem(i + 1, cells === null ? why('unclosedQuote', { expected }) : why('cellCount', { count: cells.length, expected })));
      continue;
    }
    const cell = Object.fromEntries(header.map((name, k) => [name, cells[k]]));
    const num = (name) => (cell[name] === '' ? null : Number(cell[name]));
    const row = checkRow({
      config: Object.fromEntries(configKeys.map((k) => [k, cell[k]])), steps: num('steps_requested'),
      diverged: cell.diverged === 'true' ? true : cell.diverged === 'false' ? false : cell.diverged,
      trainAccuracy: num('train_accuracy'), testAccuracy: num('test_accuracy'),
      firstLastGradRatio: num('first_last_grad_ratio'), zeroFraction: num('zero_fraction'), deadUnits: num('dead_units'),
    });
    if (row.error) problems.push(problem(i + 1, row.error));
    else rows.push({ ...row, line: i + 1 });
  }
  return { rows, problems };
}

/** One CSV line's cells (quotes doubled inside quoted cells, as the CLI writes them); null if a quote is unclosed. */
export function splitCsv(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { cells.push(cell); cell = ''; } else cell += c;
  }
  if (quoted) return null;
  cells.push(cell);
  return cells;
}

const isFraction = (v) => typeof v === 'number' && v >= 0 && v <= 1;

/** A row's fields checked: {config, seed, activation, steps, ...} or {error: {key, params}} naming the field and value. */
function checkRow(row) {
  if (row.error) return row;
  const { config } = row;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return { error: why('missing', { field: 'config' }) };
  const seed = Number(config.seed);
  if (!Number.isInteger(seed) || seed < 0) return { error: why('notSeed', { field: 'config.seed', value: shown(config.seed) }) };
  if (typeof config.activation !== 'string' || config.activation === '') return { error: why('missing', { field: 'config.activation' }) };
  if (!Number.isInteger(row.steps) || row.steps < 1) return { error: why('notStepCount', { field: 'steps_requested', value: shown(row.steps) }) };
  if (typeof row.diverged !== 'boolean') return { error: why('notBoolean', { field: 'diverged', value: shown(row.diverged) }) };
  for (const key of ['trainAccuracy', 'zeroFraction']) {
    if (!isFraction(row[key])) return { error: why('notFraction', { field: key, value: shown(row[key]) }) };
  }
  if (row.testAccuracy !== null && !isFraction(row.testAccuracy)) return { error: why('notFraction', { field: 'testAccuracy', value: shown(row.testAccuracy) }) };
  if (row.firstLastGradRatio !== null && !(typeof row.firstLastGradRatio === 'number' && row.firstLastGradRatio >= 0)) {
    return { error: why('notRatio', { field: 'firstLastGradRatio', value: shown(row.firstLastGradRatio) }) };
  }
  if (!Number.isInteger(row.deadUnits) || row.deadUnits < 0) return { error: why('notCount', { field: 'deadUnits', value: shown(row.deadUnits) }) };
  const settings = Object.fromEntries(Object.entries(config).filter(([k]) => !NOT_SETTINGS.has(k)).map(([k, v]) => [k, settingText(v)]));
  return { ...row, config: undefined, settings, seed, activation: config.activation };
}

/**
 * Rows grouped by settings, each group as the figure's results. `page`: the page's settings
 * (config values); a group's `differs` lists the settings where it is not the page's.
 * @returns [{key, settings, differs: [{key, file, page}], budget, members, seeds: [{seed, members: {name: point}}]}]
 */
export function groupSweepRows(rows, page = {}) {
  const groups = new Map();
  for (const row of rows) {
    const key = JSON.stringify(Object.entries(row.settings).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (!groups.has(key)) groups.set(key, { key, settings: row.settings, runs: new Map() });
    const runs = groups.get(key).runs;
    const run = `${row.seed}\u0000${row.activation}`;
    if (!runs.has(run)) runs.set(run, []);
    runs.get(run).push(row);
  }
  return [...groups.values()].map((group) => groupResults(group, page));
}

function groupResults({ key, settings, runs }, page) {
  const differs = Object.entries(settings).filter(([k, v]) => k in page && settingText(page[k]) !== v)
    .map(([k, v]) => ({ key: k, file: v, page: settingText(page[k]) }));
  const seeds = new Map();
  const members = [];
  let budget = 0;
  for (const checkpoints of runs.values()) {
    checkpoints.sort((a, b) => a.steps - b.steps);
    const last = checkpoints[checkpoints.length - 1];
    const reached = checkpoints.find((c) => c.trainAccuracy >= REACH_ACCURACY);
    budget = Math.max(budget, last.steps);
    if (!members.includes(last.activation)) members.push(last.activation);
    if (!seeds.has(last.seed)) seeds.set(last.seed, { seed: last.seed, members: {} });
    seeds.get(last.seed).members[last.activation] = {
      name: last.activation, trainAccuracy: last.trainAccuracy, testAccuracy: last.testAccuracy,
      stepsToReach: reached ? reached.steps : null, firstLastGradRatio: last.firstLastGradRatio,
      zeroFraction: last.zeroFraction, deadUnits: last.deadUnits, diverged: last.diverged, steps: last.steps,
    };
  }
  return { key, settings, differs, budget, members, seeds: [...seeds.values()].sort((a, b) => a.seed - b.seed) };
}
