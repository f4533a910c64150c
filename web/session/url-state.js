// Every setting in the URL hash, read and written through the parameter table. Reading never
// trusts the text: a value that does not parse, or is out of range, falls back to the default
// and produces a notice (plain text, shown with textContent by notices.js).
import { parseValue, formatValue, defaultValues } from './param-table.js';

const SHOWN_CHARS = 60;  // how much of a rejected value a notice repeats

/** Shortens and de-controls untrusted text for a message (it is still only ever set as text). */
export function quote(text) {
  // eslint-disable-next-line no-control-regex
  const clean = String(text).replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > SHOWN_CHARS ? `${clean.slice(0, SHOWN_CHARS)}...` : clean;
}

/**
 * @param table from buildParamTable
 * @param hash location.hash ('#seed=2&dataset=xor' or '')
 * @returns {values, notices: string[], present: Set<string>} present: keys the hash set validly
 */
export function readHash(table, hash) {
  const values = defaultValues(table);
  const notices = [];
  const present = new Set();
  const text = String(hash).replace(/^#/, '');
  if (!text) return { values, notices, present };

  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const raw = safeDecode(eq < 0 ? '' : part.slice(eq + 1));
    const row = table.byKey.get(key ?? '');
    if (!row) {
      notices.push(`Ignored the unknown setting "${quote(key ?? part)}" in the address.`);
      continue;
    }
    const parsed = raw === null ? { error: 'is not valid URL encoding' } : parseValue(row, raw);
    if (parsed.error) {
      notices.push(`Ignored ${key}="${quote(raw ?? part)}" in the address (${parsed.error}); ` +
        `using the default, ${quote(formatValue(row, row.default)) || 'none'}.`);
      continue;
    }
    values[key] = parsed.value;
    present.add(key);
  }
  checkAddedPoints(table, values, notices);
  return { values, notices, present };
}

/** Clicked points need a class the run has; otherwise they all go (one notice, not hundreds). */
function checkAddedPoints(table, values, notices) {
  const classes = values.classes ?? 2;
  if (values.added.some((p) => p.label >= classes)) {
    notices.push(`Ignored the added points in the address: some have a class beyond the ${classes} classes.`);
    values.added = structuredClone(table.byKey.get('added').default);
  }
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The hash for these values: every row, in table order, so a shared URL pins the whole run. */
export function formatHash(table, values) {
  const parts = table.rows.map((row) => `${row.key}=${encodeText(formatValue(row, values[row.key]))}`);
  return `#${parts.join('&')}`;
}

// Commas and colons are safe in a fragment; leaving them readable keeps lists legible.
const encodeText = (text) => encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%3A/gi, ':');

/** Writes the hash without adding a history entry (every slider move would otherwise be one). */
export function writeHash(table, values) {
  const hash = formatHash(table, values);
  if (location.hash !== hash) history.replaceState(null, '', hash);
  return hash;
}
