// Settings text from a URL or an embed attribute is untrusted (issue 18, item 2): the number
// parser is one linear scan, so a 100,000-digit value returns at once with a notice, and every
// value has a length cap. Checked by counting the parser's character reads, never by a clock.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail } from './lab-fixture.mjs';
import { buildParamTable, isDecimalText, parseValue, MAX_VALUE_CHARS } from '../../web/session/param-table.js';
import { readHash } from '../../web/session/url-state.js';

let table;
before(async () => {
  const lab = await loadLabOrFail();
  table = buildParamTable({ fields: lab.configFields(), activations: lab.activations(), constants: lab.constants() });
});

/** A string-like whose character reads are counted. */
function countingText(text) {
  const counted = { reads: 0, length: text.length, charCodeAt(i) { counted.reads += 1; return text.charCodeAt(i); } };
  return counted;
}

test('the number parser reads each character a bounded number of times (a linear scan)', () => {
  for (const text of ['1'.repeat(100000) + 'x', '1'.repeat(50000) + '.' + '2'.repeat(50000) + 'e', '-.' + '9'.repeat(100000), `1e${'0'.repeat(99999)}!`]) {
    const counted = countingText(text);
    isDecimalText(counted);
    assert.ok(counted.reads <= 2 * text.length + 8, `${counted.reads} reads for ${text.length} characters`);
  }
});

test('the number parser accepts exactly the decimal texts', () => {
  for (const good of ['1', '-1', '+2.5', '.5', '5.', '1e3', '1E-3', '2.5e+10', '007']) assert.ok(isDecimalText(good), good);
  for (const bad of ['', '.', '+', '-', 'e5', '1e', '1e+', '1.2.3', '0x10', '1 2', 'NaN', 'Infinity', '1_000', '١']) {
    assert.ok(!isDecimalText(bad), JSON.stringify(bad));
  }
});

test('#seed= and 100,000 ones and x (the issue repro) returns the default with one readable notice', () => {
  const read = readHash(table, `#seed=${'1'.repeat(100000)}x&dataset=xor`);
  assert.equal(read.values.seed, table.byKey.get('seed').default);
  assert.equal(read.values.dataset, 'xor', 'the other settings still apply');
  assert.equal(read.notices.length, 1);
  assert.match(read.notices[0], /^Ignored seed="1{60}\.\.\." in the address \(100,001 characters long, at most 25,000\)/);
});

test('every value has a length cap; a valid value just under it still parses', () => {
  const row = table.byKey.get('added');
  const point = '0.1234567890123:-0.987654321012:1';
  const longest = Array(row.maxItems).fill(point).join(',');
  assert.ok(longest.length < MAX_VALUE_CHARS, 'the longest realistic added-points list fits');
  assert.equal(parseValue(row, longest).value.length, row.maxItems);
  for (const key of ['seed', 'learningRate', 'hidden', 'members', 'dataset', 'playing']) {
    assert.match(parseValue(table.byKey.get(key), '1'.repeat(MAX_VALUE_CHARS + 1)).error, /characters long, at most 25,000/, key);
  }
});
