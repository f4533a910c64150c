// The ONE table of the page's and the embeds' settings: every row says a setting's key, type,
// range and default, and parseValue() below is the one parser of their text, for the URL hash, the
// form and an embed's settings alike. The config rows ARE the core's field table
// (lab.configFields(), sent in the worker's READY): kinds, ranges, list lengths and defaults as
// data, nothing re-typed here. The page adds its own small table of page-only settings (which
// activations race, speed, play state, preset, clicked points), whose limits again come from the
// core's constants (READY's `constants`). A new core field appears everywhere at once.

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
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return { rows, byKey, configKeys: rows.filter((r) => r.source === 'config').map((r) => r.key) };
}

function makeRow(spec) {
  const [label, group] = PRESENTATION[spec.key] ?? [spec.key, spec.source === 'config' ? 'advanced' : 'run'];
  return { source: 'page', min: 0, max: 0, minItems: 0, maxItems: 0, choices: [], help: '', label, group, ...spec };
}

/** Parses URL or form text for a row: {value} or {error} (plain text naming what is wrong). */
export function parseValue(row, text) {
  const full = String(text);
  if (full.length > MAX_VALUE_CHARS) {
    return { error: `${full.length.toLocaleString('en-US')} characters long, at most ${MAX_VALUE_CHARS.toLocaleString('en-US')}` };
  }
  const raw = full.trim();
  switch (row.type) {
    case 'integer': case 'number': return parseNumber(row, raw);
    case 'boolean':
      if (raw === 'true' || raw === '1') return { value: true };
      if (raw === 'false' || raw === '0') return { value: false };
      return { error: 'expected true or false' };
    case 'choice':
      return row.choices.includes(raw) ? { value: raw } : { error: `not one of ${row.choices.join(', ')}` };
    case 'integerList': case 'choiceList': case 'pointList': return parseList(row, raw);
    default: return { error: `unknown type ${row.type}` };
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

function parseNumber(row, raw, what = 'value') {
  if (!isDecimalText(raw)) return { error: `${what} is not a number` };
  const value = Number(raw);
  if (!Number.isFinite(value)) return { error: `${what} is not finite` };
  if (row.type === 'integer' || row.type === 'integerList') {
    if (!Number.isInteger(value)) return { error: `${what} is not a whole number` };
  }
  if (value < row.min || value > row.max) return { error: `${what} is out of range [${row.min}, ${row.max}]` };
  return { value };
}

function parseList(row, raw) {
  const items = raw === '' ? [] : raw.split(',');
  if (items.length < row.minItems || items.length > row.maxItems) {
    return { error: `${items.length} items, expected ${row.minItems} to ${row.maxItems}` };
  }
  const out = [];
  for (const item of items) {
    const parsed = parseItem(row, item.trim());
    if (parsed.error) return parsed;
    out.push(parsed.value);
  }
  if (row.unique && new Set(out).size !== out.length) return { error: 'a name appears twice' };
  return { value: out };
}

function parseItem(row, item) {
  if (row.type === 'integerList') return parseNumber(row, item, 'an item');
  if (row.type === 'choiceList') {
    return row.choices.includes(item) ? { value: item } : { error: `an item is not one of ${row.choices.join(', ')}` };
  }
  // pointList: x:y:class
  const parts = item.split(':');
  if (parts.length !== 3) return { error: 'a point is not x:y:class' };
  const x = parseNumber(row, parts[0], 'a coordinate');
  const y = parseNumber(row, parts[1], 'a coordinate');
  const c = parseNumber({ type: 'integer', min: 0, max: row.maxClass }, parts[2], 'a class');
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
