// The ONE table of the page's and the embeds' settings: every row says a setting's key, type,
// range and default, and parseValue() below is the one parser of their text, for the URL hash, the
// form and an embed's settings alike. The config rows ARE the core's field table
// (lab.configFields(), sent in the worker's READY): kinds, ranges, list lengths and defaults as
// data, nothing re-typed here. The page adds its own small table of page-only settings (which
// activations race, speed, play state, preset, clicked points), whose limits again come from the
// core's constants (READY's `constants`). A new core field appears everywhere at once.

import { englishTranslator } from '../i18n/i18n.js';
import { DEPTH_INITS } from './depth-inits.js';

// Config fields a race ignores (each member brings its own activation): not settings here.
const IGNORED_BY_RACE = new Set(['activation', 'layerActivations']);

/** Short labels and the control group of known fields; an unknown new field still works. */
const PRESENTATION = {
  seed: ['Seed', 'data'], dataset: ['Dataset', 'data'], points: ['Points', 'data'],
  noise: ['Noise', 'data'], testFraction: ['Test fraction', 'data'], classes: ['Classes', 'data'],
  hidden: ['Hidden layers', 'network'], init: ['Initialiser', 'network'], features: ['Input features', 'advanced'],
  optimizer: ['Optimizer', 'training'], learningRate: ['Learning rate', 'training'],
  batchSize: ['Batch size', 'training'], l1: ['L1 penalty', 'training'], l2: ['L2 penalty', 'training'],
  momentum: ['Momentum', 'advanced'], nesterov: ['Nesterov momentum', 'advanced'], beta1: ['Adam beta1', 'advanced'],
  beta2: ['Adam beta2', 'advanced'], epsilon: ['Adam epsilon', 'advanced'], clipNorm: ['Gradient clip norm', 'advanced'],
  members: ['Racing activations', 'race'], stepsPerFrame: ['Steps per frame', 'run'], playing: ['Playing', 'run'],
  preset: ['Preset', 'run'], data: ['Points', 'run'], added: ['Added points', 'run'],
};

/** Activations racing on the default page (issue item 1). */
export const DEFAULT_MEMBERS = ['sigmoid', 'tanh', 'relu', 'leaky_relu'];

/**
 * Longest text any one setting may be (issue 18): well above the longest valid value (500 added
 * points at full precision, ~50 characters each), far below what would make a value costly to read.
 */
export const MAX_VALUE_CHARS = 25000;

/**
 * @param ready the worker's READY message (fields, activations, constants)
 * @param options {presetNames: string[], reducedMotion: boolean}
 * @returns {rows: Row[], byKey: Map<string, Row>, configKeys: string[]}
 */
export function buildParamTable(ready, { presetNames = [], reducedMotion = false } = {}) {
  const rows = [];
  for (const field of ready.fields) {
    const key = field.name;  // the core's JS key (configFields), the URL's key too
    if (IGNORED_BY_RACE.has(key)) continue;
    // Defaults live in the core (LabConfig), so the page, the CLI and the JS API agree.
    const copy = Array.isArray(field.default) ? field.default.slice() : field.default;
    rows.push(makeRow({ ...field, key, source: 'config', default: copy }));
  }
  const activationNames = ready.activations.map((a) => a.name);
  rows.push(makeRow({ key: 'members', type: 'choiceList', choices: activationNames, minItems: 2, maxItems: 8,
    unique: true, default: DEFAULT_MEMBERS.filter((n) => activationNames.includes(n)),
    help: 'the activations that race (2 to 8), each in its own network' }));
  rows.push(makeRow({ key: 'stepsPerFrame', type: 'integer', min: 1, max: 1000, default: 10,
    help: 'training steps per network per tick (about 60 ticks a second)' }));
  rows.push(makeRow({ key: 'playing', type: 'boolean', default: !reducedMotion,
    help: 'training runs' }));
  rows.push(makeRow({ key: 'preset', type: 'choice', choices: ['none', ...presetNames], default: 'none',
    help: 'the preset these settings came from (selects its explanation)' }));
  rows.push(makeRow({ key: 'data', type: 'choice', choices: ['generated', 'cleared'], default: 'generated',
    help: 'generated: the dataset plus clicked points; cleared: clicked points only' }));
  // Clicked points live in the plane the boundaries cover.
  const { domain, maxAddedPoints, maxClasses } = ready.constants;
  rows.push(makeRow({ key: 'added', type: 'pointList', min: Math.max(domain.xMin, domain.yMin), max: Math.min(domain.xMax, domain.yMax),
    minItems: 0, maxItems: maxAddedPoints, maxClass: maxClasses - 1, default: [],
    help: 'points added by clicking: x:y:class, comma separated' }));
  // The across-seeds figure (web/session/seeds-controller.js): URL settings, not in the form.
  rows.push(makeRow({ key: 'seeds', label: 'Seeds', type: 'integer', min: 1, max: 100, default: 20, group: 'seeds',
    help: 'seeds the across-seeds figure runs the race over (the seed setting and the next ones)' }));
  rows.push(makeRow({ key: 'seedSteps', label: 'Steps per seed', type: 'integer', min: 100, max: 100000, default: 5000, group: 'seeds',
    help: 'training steps per seed in the across-seeds figure' }));
  rows.push(makeRow({ key: 'seedWorkers', label: 'Seed workers', type: 'integer', min: 0, max: 64, default: 0, group: 'seeds',
    help: 'workers training the seeds; 0: one fewer than this machine\'s cores (at least one)' }));
  // The depth figure's init choice (web/views/depth-figure.js): a URL setting, not in the form.
  rows.push(makeRow({ key: 'depthInit', label: 'Depth figure init', type: 'choice', choices: [...DEPTH_INITS], default: 'usual',
    group: 'depth', help: 'the initialisation the depth figure draws: usual (each activation its own), xavier, he or normal' }));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return { rows, byKey, configKeys: rows.filter((r) => r.source === 'config').map((r) => r.key) };
}

function makeRow(spec) {
  const [label, group] = PRESENTATION[spec.key] ?? [spec.key, spec.source === 'config' ? 'advanced' : 'run'];
  return { source: 'page', min: 0, max: 0, minItems: 0, maxItems: 0, choices: [], help: '', label, group, ...spec };
}

/**
 * A row's label and help in the reader's language: the table's own English (the core's field
 * table, PRESENTATION above) for English, the catalog's field.<key>.label / .help for another
 * language (the table's English where the catalog has no such key: a field the core added later).
 */
export function rowLabel(row, i18n = englishTranslator) {
  const key = `field.${row.key}.label`;
  return i18n.lang === 'en' || !i18n.has(key) ? row.label : i18n.t(key);
}

export function rowHelp(row, i18n = englishTranslator) {
  const key = `field.${row.key}.help`;
  return i18n.lang === 'en' || !i18n.has(key) ? row.help : i18n.t(key);
}

/**
 * Parses URL or form text for a row: {value} or {error} (plain text naming what is wrong, in the
 * translator's language). Limits go in as strings: they read as the table writes them (1e-12, 1000).
 */
export function parseValue(row, text, { i18n = englishTranslator } = {}) {
  const full = String(text);
  if (full.length > MAX_VALUE_CHARS) return { error: i18n.t('parse.tooLong', { length: full.length, max: MAX_VALUE_CHARS }) };
  const raw = full.trim();
  switch (row.type) {
    case 'integer': case 'number': return parseNumber(row, raw, 'value', i18n);
    case 'boolean':
      if (raw === 'true' || raw === '1') return { value: true };
      if (raw === 'false' || raw === '0') return { value: false };
      return { error: i18n.t('parse.notBoolean') };
    case 'choice':
      return row.choices.includes(raw) ? { value: raw } : { error: i18n.t('parse.notOneOf', { allowed: row.choices.join(', ') }) };
    case 'integerList': case 'choiceList': case 'pointList': return parseList(row, raw, i18n);
    default: return { error: `unknown type ${row.type}` };  // a programming error, never a reader's
  }
}

/**
 * Is `text` a decimal number: [+-] digits [. digits] [e [+-] digits], at least one mantissa digit?
 * One left-to-right pass reading each character once (issue 18: the regular expression it replaces
 * backtracked quadratically on a long run of digits followed by a non-digit). `text` needs only
 * `length` and `charCodeAt`, so a test can count the reads.
 */
export function isDecimalText(text) {
  const n = text.length;
  let i = 0;
  const code = () => (i < n ? text.charCodeAt(i) : -1);
  const digits = () => {
    const start = i;
    for (let c = code(); c >= 48 && c <= 57; c = code()) i += 1;
    return i - start;
  };
  let c = code();
  if (c === 43 || c === 45) i += 1;             // + -
  let mantissa = digits();
  if (code() === 46) { i += 1; mantissa += digits(); }  // .
  if (mantissa === 0) return false;
  c = code();
  if (c === 101 || c === 69) {                  // e E
    i += 1;
    c = code();
    if (c === 43 || c === 45) i += 1;
    if (digits() === 0) return false;
  }
  return i === n;
}

// what: parse.what.<what> (value, item, coordinate, class): the part of the text at fault.
function parseNumber(row, raw, what, i18n) {
  const params = { what: i18n.t(`parse.what.${what}`) };
  if (!isDecimalText(raw)) return { error: i18n.t('parse.notNumber', params) };
  const value = Number(raw);
  if (!Number.isFinite(value)) return { error: i18n.t('parse.notFinite', params) };
  if (row.type === 'integer' || row.type === 'integerList') {
    if (!Number.isInteger(value)) return { error: i18n.t('parse.notInteger', params) };
  }
  if (value < row.min || value > row.max) return { error: i18n.t('parse.outOfRange', { ...params, min: String(row.min), max: String(row.max) }) };
  return { value };
}

function parseList(row, raw, i18n) {
  const items = raw === '' ? [] : raw.split(',');
  if (items.length < row.minItems || items.length > row.maxItems) {
    return { error: i18n.t('parse.itemCount', { count: String(items.length), min: String(row.minItems), max: String(row.maxItems) }) };
  }
  const out = [];
  for (const item of items) {
    const parsed = parseItem(row, item.trim(), i18n);
    if (parsed.error) return parsed;
    out.push(parsed.value);
  }
  if (row.unique && new Set(out).size !== out.length) return { error: i18n.t('parse.duplicate') };
  return { value: out };
}

function parseItem(row, item, i18n) {
  if (row.type === 'integerList') return parseNumber(row, item, 'item', i18n);
  if (row.type === 'choiceList') {
    return row.choices.includes(item) ? { value: item } : { error: i18n.t('parse.itemNotOneOf', { allowed: row.choices.join(', ') }) };
  }
  // pointList: x:y:class
  const parts = item.split(':');
  if (parts.length !== 3) return { error: i18n.t('parse.badPoint') };
  const x = parseNumber(row, parts[0], 'coordinate', i18n);
  const y = parseNumber(row, parts[1], 'coordinate', i18n);
  const c = parseNumber({ type: 'integer', min: 0, max: row.maxClass }, parts[2], 'class', i18n);
  const bad = [x, y, c].find((p) => p.error);
  return bad ?? { value: { x: x.value, y: y.value, label: c.value } };
}

/** Formats a value for the URL and the form; parseValue(row, formatValue(row, v)) gives v back. */
export function formatValue(row, value) {
  switch (row.type) {
    case 'boolean': return value ? 'true' : 'false';
    case 'integerList': case 'choiceList': return value.map(String).join(',');
    case 'pointList': return value.map((p) => `${p.x}:${p.y}:${p.label}`).join(',');
    default: return String(value);
  }
}

/** Deep equality for the value shapes above. */
export function sameValue(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** All defaults, keyed by row key. */
export function defaultValues(table) {
  return Object.fromEntries(table.rows.map((r) => [r.key, structuredClone(r.default)]));
}

/** The row of the key an Error from the module names (error.field, e.g. "testFraction"). */
export function rowOfField(table, key) {
  return key ? table.byKey.get(key) ?? null : null;
}
