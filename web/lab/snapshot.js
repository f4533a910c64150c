// The edge of the JS API: every argument is type-checked here and read exactly once into a
// snapshot of plain values (numbers, strings, booleans, plain arrays, fresh typed arrays of this
// realm) before anything reaches the wasm module: one snapshot per kind of argument (a config,
// race members, custom data, options objects), built from read-once.js's readers, which hold the
// rules every argument shares (read once, own properties only, errors naming the field).
// Ranges and names are the core's to check (through its field table), not this file's.
//
// Only own properties are read, and every snapshot object has a null prototype: a host page (or
// a library on it) that sets Object.prototype.hidden or Array.prototype[0] changes nothing here,
// nor in the binding, which reads the snapshot's keys.
import { isPlainObject, list, name, number, readObject, record, rejectUnknownKeys, typedCopy, wrongType } from './read-once.js';

const { create } = Object;  // captured once, like read-once.js's intrinsics

/** A config object as the core's field table describes it (fields: Map of JS key -> configFields() row). */
export function configSnapshot(config, fields, extraKeys = []) {
  const snapshot = create(null);
  const extras = create(null);
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
    default: throw wrongType(key, key, `a supported field type, not ${field.type}`, value);
  }
}

/** Race members: ['relu', {activation: 'tanh', init: 'he'}]. */
export function membersSnapshot(members) {
  return list(members, 'members', 'an array of activation names or {activation, init} objects', (item, where) => {
    if (typeof item === 'string') return name(item, 'members', 'an activation name', where);
    if (!isPlainObject(item)) throw wrongType('members', where, 'an activation name or {activation, init}', item);
    const entries = readObject(item, where, () => 'members');
    rejectUnknownKeys(entries, where, ['activation', 'init']);
    const fields = record(entries);
    const member = create(null);
    member.activation = name(fields.activation, 'members', 'an activation name', `${where}.activation`);
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
  const fields = record(entries);
  const snapshot = create(null);
  snapshot.labels = typedCopy(fields.labels, Int32Array, 'labels');
  snapshot.points = typedCopy(fields.points, Float32Array, 'points');
  snapshot.classes = number(fields.classes, 'classes', 'a whole number');
  if (fields.testFraction !== undefined) snapshot.testFraction = number(fields.testFraction, 'testFraction');
  return snapshot;
}

/** An options object whose keys are all numbers ({width, height, xMin...}, {elements, repeats, windowMs}). */
export function numbersSnapshot(options, what, known) {
  if (options === undefined || options === null) return undefined;
  const entries = readObject(options, what, (key) => key);
  rejectUnknownKeys(entries, what, known);
  const snapshot = create(null);
  for (const [key, value] of entries) if (value !== undefined) snapshot[key] = number(value, key);
  return snapshot;
}

/** activationCurves' options: {activations, xMin, xMax, points}, all optional. */
export const curveOptionsSnapshot = (options) => namesAndNumbersSnapshot(options, ['activations', 'xMin', 'xMax', 'points']);

/** Cost options {elements, repeats, windowMs, activations, deadlineMs}: numbers, and the names to time (default all). */
export const costOptionsSnapshot = (options) =>
  namesAndNumbersSnapshot(options, ['elements', 'repeats', 'windowMs', 'activations', 'deadlineMs']);

/** Options whose keys are all numbers but `activations`, a list of activation names. */
function namesAndNumbersSnapshot(options, known) {
  if (options === undefined || options === null) return undefined;
  const entries = readObject(options, 'options', (key) => key);
  rejectUnknownKeys(entries, 'options', known);
  const snapshot = create(null);
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    snapshot[key] = key === 'activations'
      ? list(value, key, 'an array of activation names', (item, where) => name(item, key, 'an activation name', where))
      : number(value, key);
  }
  return snapshot;
}
