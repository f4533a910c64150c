// The edge of the JS API: every argument is type-checked here and read exactly once into a
// snapshot of plain values (numbers, strings, booleans, plain arrays, fresh typed arrays of this
// realm) before anything reaches the wasm module. So a getter, a Proxy trap or a typed-array
// subclass runs user code only here, never while C++ holds a reference, and whatever it does
// (throw, lie about its length, delete the network) cannot reach the core's memory.
//
// Every problem becomes an Error whose `field` is the JS key of the argument at fault
// ('learningRate', 'hidden', 'points', 'steps'...). Ranges and names are the core's to check
// (through its field table), not this file's.

// Intrinsics captured once, so that neither a subclass nor a page that patches globals changes
// how arguments are read. %TypedArray%'s own getters read internal slots: they work for arrays
// of another realm (an iframe, node:vm) and ignore a subclass's `length` or toStringTag.
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const typedArrayLength = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'length').get;
const typedArraySet = TypedArrayPrototype.set;
const { isView } = ArrayBuffer;
const { isArray } = Array;
const { getPrototypeOf, keys: ownKeys } = Object;
const { apply } = Reflect;
const isInteger = Number.isInteger;

/** Longest plain array whose items are read: longer ones cross as their length only (the core rejects them). */
const MAX_LIST_ITEMS = 1024;
/** Longest string passed on: no name in the core's tables is longer. */
const MAX_NAME_LENGTH = 64;
const MAX_KEYS = 100;

/**
 * An Error about one argument; error.field is its JS key. error.argument is set ('data') where
 * the key alone is ambiguous: custom data's `points` and `classes` are not the config's.
 */
export function inputError(field, message, cause = undefined, argument = '') {
  const error = cause === undefined ? new Error(message) : new Error(message, { cause });
  if (field) error.field = field;
  if (argument) error.argument = argument;
  return error;
}

/** The %TypedArray% name ('Float32Array') of a typed array of any realm, else undefined. */
function typedArrayName(value) {
  return isView(value) ? apply(typedArrayTag, value, []) : undefined;
}

/** 'a Float32Array', 'an Int32Array', 'a Uint8Array'. */
const withArticle = (name) => `${/^[AEIO]/.test(name) ? 'an' : 'a'} ${name}`;

const numberText = (n) => (Number.isNaN(n) ? 'nan' : n === Infinity ? 'inf' : n === -Infinity ? '-inf' : String(n));

/** What the caller passed, for messages. Runs no user code: no getter, no toString, no trap. */
export function describe(value) {
  switch (typeof value) {
    case 'string': return value.length > 40 ? `a string of ${value.length} characters` : `'${value}'`;
    case 'number': return numberText(value);
    case 'boolean': case 'undefined': return String(value);
    case 'function': case 'symbol': case 'bigint': return `a ${typeof value}`;
    default: break;
  }
  if (value === null) return 'null';
  const name = typedArrayName(value);
  if (name !== undefined) return withArticle(name);
  try {
    return isArray(value) ? 'an array' : 'an object';
  } catch {
    return 'a revoked Proxy';  // the only object Array.isArray throws for
  }
}

function thrownText(thrown) {
  try {
    if (thrown instanceof Error) return String(thrown.message);
  } catch { /* a Proxy whose getPrototypeOf trap throws: described below */ }
  return describe(thrown);
}

/** Reads value[key] once; a getter or trap that throws becomes an Error naming `field`. */
function readOnce(value, key, where, field) {
  try {
    return value[key];
  } catch (thrown) {
    throw inputError(field, `${where}: reading it threw: ${thrownText(thrown)}`, thrown);
  }
}

function wrongType(field, where, expected, value) {
  return inputError(field, `${where}: expected ${expected}, got ${describe(value)}`);
}

function isPlainObject(value) {
  try {
    if (typeof value !== 'object' || value === null || isArray(value) || isView(value)) return false;
    const proto = getPrototypeOf(value);
    return proto === null || getPrototypeOf(proto) === null;  // {} or Object.create(null), of any realm
  } catch {
    return false;  // a revoked Proxy, or a trap that throws
  }
}

/**
 * The own enumerable keys of a plain object and their values, each read once: [[key, value]...].
 * `fieldOf(key)` names the field an error about that key is reported under.
 */
export function readObject(value, where, fieldOf) {
  if (!isPlainObject(value)) throw wrongType(where, where, 'a plain object', value);
  let keys;
  try {
    keys = ownKeys(value);
  } catch (thrown) {
    throw inputError(where, `${where}: could not be read: ${thrownText(thrown)}`, thrown);
  }
  if (keys.length > MAX_KEYS) throw inputError(where, `${where}: ${keys.length} keys is too many`);
  const entries = [];
  for (let i = 0; i < keys.length; i++) {
    const key = String(keys[i]).slice(0, MAX_NAME_LENGTH);
    entries[i] = [key, readOnce(value, keys[i], key, fieldOf(key))];
  }
  return entries;
}

/** Throws for keys outside `known`: "unknown config key 'lr'; known keys are seed, ...". */
export function rejectUnknownKeys(entries, what, known) {
  const unknown = entries.map(([key]) => key).filter((key) => !known.includes(key));
  if (unknown.length === 0) return;
  const list = unknown.map((key) => `'${key}'`).join(', ');
  throw inputError(unknown[0], `unknown ${what} key${unknown.length > 1 ? 's' : ''} ${list}; known keys are ${known.join(', ')}`);
}

/** A number argument (its range is the core's to check). */
export function number(value, field, expected = 'a number', where = field) {
  if (typeof value !== 'number') throw wrongType(field, where, expected, value);
  return value;
}

/** A string argument, cut to MAX_NAME_LENGTH (longer text cannot be a name the core knows). */
export function name(value, field, expected, where = field) {
  if (typeof value !== 'string') throw wrongType(field, where, expected, value);
  return value.length > MAX_NAME_LENGTH ? `${value.slice(0, MAX_NAME_LENGTH)}...` : value;
}

/**
 * A plain array (of any realm) read once, item by item through `item(value, where)`. An array
 * longer than MAX_LIST_ITEMS crosses as an empty array of its length: the core rejects it by
 * length without its items ever being read.
 */
export function list(value, field, expected, item) {
  let isList = false;
  try {
    isList = isArray(value);
  } catch { /* a revoked Proxy: not a list */ }
  if (!isList) throw wrongType(field, field, expected, value);
  const length = readOnce(value, 'length', field, field);
  if (!isInteger(length) || length < 0 || length > 2 ** 32 - 1) {
    throw inputError(field, `${field}: an array whose length is ${describe(length)}`);
  }
  if (length > MAX_LIST_ITEMS) return new Array(length);
  const out = [];
  for (let i = 0; i < length; i++) {
    const where = `${field}[${i}]`;
    out[i] = item(readOnce(value, i, where, field), where);
  }
  return out;
}

/** A fresh copy of a typed array of exactly type `Type` (of any realm, or a subclass of it). */
export function typedCopy(value, Type, field) {
  if (typedArrayName(value) !== Type.name) throw wrongType(field, field, withArticle(Type.name), value);
  try {
    const copy = new Type(apply(typedArrayLength, value, []));
    apply(typedArraySet, copy, [value]);  // copies by internal slots: no getter, no species
    return copy;
  } catch (thrown) {
    throw inputError(field, `${field}: could not be copied: ${thrownText(thrown)}`, thrown);  // detached, too large
  }
}

/** A config object as the core's field table describes it (fields: Map of JS key -> configFields() row). */
export function configSnapshot(config, fields, extraKeys = []) {
  const snapshot = {};
  const extras = {};
  if (config === undefined || config === null) return { snapshot: undefined, extras };
  const entries = readObject(config, 'config', (key) => key);
  rejectUnknownKeys(entries, 'config', [...fields.keys(), ...extraKeys]);
  for (const [key, value] of entries) {
    if (extraKeys.includes(key)) extras[key] = value;
    else if (value !== undefined) snapshot[key] = fieldValue(fields.get(key), key, value);
  }
  return { snapshot, extras };
}

function fieldValue(field, key, value) {
  const range = `[${field.min}, ${field.max}]`;
  switch (field.type) {
    case 'integer': return number(value, key, `a whole number in ${range}`);
    case 'number': return number(value, key, `a number in ${range}`);
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType(key, key, 'true or false', value);
      return value;
    case 'choice': return name(value, key, `one of ${field.choices.join(', ')}`);
    case 'integerList':
      return list(value, key, `an array of whole numbers in ${range}`, (item, where) => number(item, key, 'a whole number', where));
    case 'choiceList': return list(value, key, 'an array of names', (item, where) => name(item, key, 'a name', where));
    default: throw inputError(key, `${key}: unsupported field type ${field.type}`);
  }
}

/** Race members: ['relu', {activation: 'tanh', init: 'he'}]. */
export function membersSnapshot(members) {
  return list(members, 'members', 'an array of activation names or {activation, init} objects', (item, where) => {
    if (typeof item === 'string') return name(item, 'members', 'an activation name', where);
    if (!isPlainObject(item)) throw wrongType('members', where, 'an activation name or {activation, init}', item);
    const entries = readObject(item, where, () => 'members');
    rejectUnknownKeys(entries, where, ['activation', 'init']);
    const fields = Object.fromEntries(entries);
    const member = { activation: name(fields.activation, 'members', 'an activation name', `${where}.activation`) };
    if (fields.init !== undefined) member.init = name(fields.init, 'members', 'an initialiser name', `${where}.init`);
    return member;
  });
}

/** Custom data {points: Float32Array(2n), labels: Int32Array(n), classes, testFraction?}. */
export function dataSnapshot(data) {
  if (data === undefined || data === null) return undefined;
  try {
    return readData(data);
  } catch (error) {
    if (error instanceof Error) error.argument = 'data';
    throw error;
  }
}

function readData(data) {
  const entries = readObject(data, 'data', (key) => key);
  rejectUnknownKeys(entries, 'data', ['points', 'labels', 'classes', 'testFraction']);
  const fields = Object.fromEntries(entries);
  const snapshot = {
    labels: typedCopy(fields.labels, Int32Array, 'labels'),
    points: typedCopy(fields.points, Float32Array, 'points'),
    classes: number(fields.classes, 'classes', 'a whole number'),
  };
  if (fields.testFraction !== undefined) snapshot.testFraction = number(fields.testFraction, 'testFraction');
  return snapshot;
}

/** An options object whose keys are all numbers ({width, height, xMin...}, {elements, repeats, windowMs}). */
export function numbersSnapshot(options, what, known) {
  if (options === undefined || options === null) return undefined;
  const entries = readObject(options, what, (key) => key);
  rejectUnknownKeys(entries, what, known);
  const snapshot = {};
  for (const [key, value] of entries) if (value !== undefined) snapshot[key] = number(value, key);
  return snapshot;
}

/** Cost options {elements, repeats, windowMs, activations}: numbers, and the names to time (default all). */
/** activationCurves' options: {activations, xMin, xMax, points}, all optional. */
export function curveOptionsSnapshot(options) {
  if (options === undefined || options === null) return undefined;
  const entries = readObject(options, 'options', (key) => key);
  rejectUnknownKeys(entries, 'options', ['activations', 'xMin', 'xMax', 'points']);
  const snapshot = {};
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    snapshot[key] = key === 'activations'
      ? list(value, key, 'an array of activation names', (item, where) => name(item, key, 'an activation name', where))
      : number(value, key);
  }
  return snapshot;
}

export function costOptionsSnapshot(options) {
  if (options === undefined || options === null) return undefined;
  const entries = readObject(options, 'options', (key) => key);
  rejectUnknownKeys(entries, 'options', ['elements', 'repeats', 'windowMs', 'activations']);
  const snapshot = {};
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    snapshot[key] = key === 'activations'
      ? list(value, key, 'an array of activation names', (item, where) => name(item, key, 'an activation name', where))
      : number(value, key);
  }
  return snapshot;
}
