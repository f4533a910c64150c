// How the JS API reads a value it was given: each value exactly once, own properties only, through
// intrinsics captured at load, so that a getter, a Proxy trap or a typed-array subclass runs user
// code only here, never while C++ holds a reference, and whatever it does (throw, lie about its
// length, delete the network) cannot reach the core's memory. snapshot.js builds each argument's
// snapshot from these readers; actlab.js also uses the errors and copies below for its own checks.
// Separate from snapshot.js because these rules hold for every argument alike, while snapshot.js
// says which keys and types each argument has.
//
// Every problem becomes an Error whose `field` is the JS key of the argument at fault
// ('learningRate', 'hidden', 'points', 'steps'...), with `kind` and `params` as the core reports
// them (a kind of the core's table, lab.errorKinds()). Ranges and names are the core's to check
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
const { create, getPrototypeOf, hasOwn, keys: ownKeys } = Object;
const { apply } = Reflect;
const isInteger = Number.isInteger;
const Float32 = Float32Array;

/** Longest plain array whose items are read: longer ones cross as their length only (the core rejects them). */
const MAX_LIST_ITEMS = 1024;
/**
 * Longest typed array copied: longer ones cross as their length only, so 2 x 10^7 points are
 * rejected by the core without a copy. Far above anything the core accepts (20,000 points, about
 * 42,000 parameters), so it is a bound on copying, not a rule of the core.
 */
const MAX_TYPED_ITEMS = 1 << 22;
/** Longest string passed on: no name in the core's tables is longer. */
const MAX_NAME_LENGTH = 64;
const MAX_KEYS = 100;

/**
 * An Error about one argument; error.field is its JS key, error.kind a kind of the core's table
 * (lab.errorKinds()) and error.params its parameters ({field, value, min, max...}), so that a page
 * can word it in its reader's language; the message is English. error.argument is set ('data')
 * where the key alone is ambiguous: custom data's `points` and `classes` are not the config's.
 */
export function inputError(field, message, { cause, argument, kind, params } = {}) {
  const error = cause === undefined ? new Error(message) : new Error(message, { cause });
  if (field) error.field = field;
  if (argument) error.argument = argument;
  if (kind) {
    error.kind = kind;
    error.params = { ...(field ? { field } : {}), ...params };
  }
  return error;
}

/** '[2].init' for where 'hidden[2].init' of field 'hidden'; '' when where is the field itself. */
const pathOf = (where, field) => (where.startsWith(field) ? where.slice(field.length) : '');

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

/**
 * Reads the own property value[key] once (an inherited one reads as undefined); a getter or trap
 * that throws becomes an Error naming `field`.
 */
function readOnce(value, key, where, field) {
  try {
    return hasOwn(value, key) ? value[key] : undefined;
  } catch (thrown) {
    const reason = thrownText(thrown);
    throw inputError(field, `${where}: reading it threw: ${reason}`, { cause: thrown, kind: 'read_failed', params: { reason } });
  }
}

export function wrongType(field, where, expected, value) {
  const got = describe(value);
  const path = pathOf(where, field);
  return inputError(field, `${where}: expected ${expected}, got ${got}`,
    { kind: 'wrong_type', params: { ...(path ? { path } : {}), expected, got } });
}

export function isPlainObject(value) {
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
    const reason = thrownText(thrown);
    throw inputError(where, `${where}: could not be read: ${reason}`, { cause: thrown, kind: 'read_failed', params: { reason } });
  }
  if (keys.length > MAX_KEYS) {
    throw inputError(where, `${where}: ${keys.length} keys is too many`,
      { kind: 'count_out_of_range', params: { count: keys.length, unit: 'keys', min: 0, max: MAX_KEYS } });
  }
  const entries = [];
  for (let i = 0; i < keys.length; i++) {
    const key = String(keys[i]).slice(0, MAX_NAME_LENGTH);
    entries[i] = [key, readOnce(value, keys[i], key, fieldOf(key))];
  }
  return entries;
}

/** The entries of readObject as an object with no prototype: nothing inherited can be read from it. */
export function record(entries) {
  const out = create(null);
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** Throws for keys outside `known`: "unknown config key 'lr'; known keys are seed, ...". */
export function rejectUnknownKeys(entries, what, known) {
  const unknown = entries.map(([key]) => key).filter((key) => !known.includes(key));
  if (unknown.length === 0) return;
  const list = unknown.map((key) => `'${key}'`).join(', ');
  throw inputError(unknown[0], `unknown ${what} key${unknown.length > 1 ? 's' : ''} ${list}; known keys are ${known.join(', ')}`,
    { kind: 'unknown_name', params: { value: unknown[0], allowed: [...known] } });
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
  const length = readOnce(value, 'length', field, field);  // own on every array
  if (!isInteger(length) || length < 0 || length > 2 ** 32 - 1) {
    throw inputError(field, `${field}: an array whose length is ${describe(length)}`,
      { kind: 'wrong_type', params: { expected, got: `an array whose length is ${describe(length)}` } });
  }
  if (length > MAX_LIST_ITEMS) return new Array(length);
  const out = [];  // dense: the binding never reads a hole (which Array.prototype could fill)
  for (let i = 0; i < length; i++) {
    const where = `${field}[${i}]`;
    out[i] = item(readOnce(value, i, where, field), where);
  }
  return out;
}

/**
 * A fresh copy of a typed array of exactly type `Type` (of any realm, or a subclass of it). One
 * longer than MAX_TYPED_ITEMS crosses as an empty plain array of its length: the core rejects it
 * by length, and its elements are neither read nor copied.
 */
export function typedCopy(value, Type, field) {
  if (typedArrayName(value) !== Type.name) throw wrongType(field, field, withArticle(Type.name), value);
  const length = apply(typedArrayLength, value, []);
  if (length > MAX_TYPED_ITEMS) return new Array(length);
  try {
    const copy = new Type(length);
    apply(typedArraySet, copy, [value]);  // copies by internal slots: no getter, no species
    return copy;
  } catch (thrown) {
    const reason = thrownText(thrown);  // detached, too large
    throw inputError(field, `${field}: could not be copied: ${reason}`, { cause: thrown, kind: 'read_failed', params: { reason } });
  }
}

/** A fresh Float32Array holding `source`'s values (no species, no patched global). */
export function float32Copy(source) {
  return copyInto(new Float32(apply(typedArrayLength, source, [])), source, '');
}

/**
 * Copies `source` (a typed array) into the caller's `target`, which must be a typed array of the
 * same type and length; returns target. Reads internal slots only: no getter, no subclass code.
 */
export function copyInto(target, source, field) {
  const type = apply(typedArrayTag, source, []);
  if (typedArrayName(target) !== type) throw wrongType(field, field, withArticle(type), target);
  const length = apply(typedArrayLength, target, []), expected = apply(typedArrayLength, source, []);
  if (length !== expected) {
    throw inputError(field, `${field}: length ${length}, expected ${expected}`,
      { kind: 'length_mismatch', params: { length, expected } });
  }
  apply(typedArraySet, target, [source]);
  return target;
}
