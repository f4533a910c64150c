// Numbers in messages read the same in the module as in the native build. The module formats them
// in its JavaScript glue (core/wasm/number_text.cpp), the native build with printf/strtod
// (core/lib/number_text.cpp); both must print C's "%.0f" / shortest "%.*g" text of the same double.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

import { cliPath, loadLabOrFail } from './lab-fixture.mjs';

const lab = await loadLabOrFail();

// Out of learning_rate's range [1e-06, 10], each in a different branch of the formatting: whole
// numbers below and above 1e15, negative zero, fixed and exponential %g, two-digit and three-digit
// exponents, denormals, doubles that need 17 digits, and doubles that are exactly floats (the
// shortest text that reads back as the same float).
const TEXTS = [
  '99', '-0', '-3', '999999999999999', '1e15', '12345678901234567890', '10.5', '-0.5', '123456.789',
  '1e-7', '0.99e-6', '-0.000123', '1e300', '-1e-300', '2.5e-320', '-10.000000000000002',
  '3.4028234663852886e38', '16.100000381469727', '-0.30000001192092896', '16777217', '1e21', '9.999999e-7', '-1.2345678901234567e-308',
];

function nativeValueText(text) {
  const r = spawnSync(cliPath, ['train', '--steps', '0', '--learning_rate', text], { encoding: 'utf8' });
  const m = /learning_rate: (\S+) is out of range \[(\S+), (\S+)\]/.exec(r.stderr);
  assert.ok(m, `native ${text}: ${r.stderr}`);
  return m.slice(1);
}

function wasmValueText(text) {
  try {
    lab.createNetwork({ learningRate: Number(text) }).delete();
  } catch (error) {
    const m = /^learningRate: (\S+) is out of range \[(\S+), (\S+)\]/.exec(error.message);
    assert.ok(m, `wasm ${text}: ${error.message}`);
    return m.slice(1);
  }
  assert.fail(`wasm ${text}: no error`);
}

test('every number in a range message reads the same natively and in wasm', () => {
  for (const text of TEXTS) assert.deepEqual(wasmValueText(text), nativeValueText(text), text);
});

test('the texts are C printf\'s: plain whole numbers, two-digit exponents, shortest round trip', () => {
  const cases = { '99': '99', '-0': '-0', '1e15': '1e+15', '1e-7': '1e-07', '0.99e-6': '9.9e-07', '10.5': '10.5',
                  '-10.000000000000002': '-10.000000000000002', '16.100000381469727': '16.1', '1e300': '1e+300' };
  for (const [text, shown] of Object.entries(cases)) assert.equal(wasmValueText(text)[0], shown, text);
  assert.deepEqual(wasmValueText('99').slice(1), ['1e-06', '10']);
});
