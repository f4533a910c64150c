// The built files themselves: the glue has no dynamic code (the page runs under a strict Content-
// Security-Policy without 'unsafe-eval'), the .wasm is a separate file (nothing embedded as base64),
// the worker bundle is a classic script, and the module loads in Node from the compiled .wasm.
// Reports each file's size raw and gzipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { modulePath, wasmPath, workerBundlePath, repoRoot } from './lab-fixture.mjs';

function read(file, encoding = 'utf8') {
  if (!existsSync(file)) {
    throw new Error(`${path.relative(repoRoot, file)} is missing: build it with 'npm run build' (scripts/build.sh)`);
  }
  return readFileSync(file, encoding);
}

function assertNoDynamicCode(text) {
  assert.doesNotMatch(text, /\beval\s*\(/, 'eval(');
  assert.doesNotMatch(text, /\bnew\s+Function\b/, 'new Function');
  assert.doesNotMatch(text, /(?<![\w$.])Function\s*\(/, 'Function(...)');
  assert.doesNotMatch(text, /\bset(Timeout|Interval)\s*\(\s*['"`]/, 'a timer given code as a string');
}

const sizes = (t, file, bytes) =>
  t.diagnostic(`${path.basename(file)}: ${bytes.length} bytes raw, ${gzipSync(bytes, { level: 9 }).length} bytes gzipped (zlib level 9)`);

test('actlab.mjs, the glue, contains no dynamic code and no embedded wasm', (t) => {
  const text = read(modulePath);
  assertNoDynamicCode(text);
  assert.ok(!/base64,[A-Za-z0-9+/]{1000}/.test(text), 'the wasm is a separate file, not embedded as base64');
  sizes(t, modulePath, Buffer.from(text));
});

test('actlab.wasm is a WebAssembly binary that validates', (t) => {
  const bytes = read(wasmPath, null);
  assert.deepEqual([...bytes.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], '\\0asm magic');
  assert.ok(WebAssembly.validate(bytes));
  sizes(t, wasmPath, bytes);
});

test('lab-worker.js, the worker bundle, is a classic script with no dynamic code', (t) => {
  const text = read(workerBundlePath);
  assertNoDynamicCode(text);
  assert.doesNotMatch(text, /^\s*(import|export)\s[^(]/m, 'no ES module statements: importScripts() loads it');
  assert.doesNotThrow(() => new Function(text), 'parses as a classic script');  // test-side only
  assert.doesNotMatch(text, /import\.meta/, 'import.meta was replaced by the bundle URL');
  sizes(t, workerBundlePath, Buffer.from(text));
});

test('the glue exports the factory createActlabModule as default', async () => {
  const { default: factory } = await import(modulePath);
  assert.equal(typeof factory, 'function');
});

test('loadLab compiles actlab.wasm once and also takes a compiled WebAssembly.Module', async () => {
  const { loadLab, compileLabWasm } = await import('../../web/lab/actlab.js');
  const compiled = await compileLabWasm();
  assert.ok(compiled instanceof WebAssembly.Module);
  const lab = await loadLab({ wasm: compiled });
  assert.equal(await loadLab(), lab, 'one Lab per JS realm');
  const net = lab.createNetwork({ hidden: [4] });
  assert.equal(net.train(3).length, 3);
  net.delete();
});
