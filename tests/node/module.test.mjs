// The built files themselves: no dynamic code (the page runs under a strict Content-Security-
// Policy without 'unsafe-eval'; the browser proof comes with the page), both variants load, and
// both export the same factory. Also reports their size raw and gzipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { modulePath, classicModulePath, repoRoot } from './lab-fixture.mjs';

const FILES = [modulePath, classicModulePath];

function read(file) {
  if (!existsSync(file)) {
    throw new Error(`${path.relative(repoRoot, file)} is missing: build it with 'npm run build' (scripts/build-wasm.sh)`);
  }
  return readFileSync(file, 'utf8');
}

for (const file of FILES) {
  const name = path.basename(file);

  test(`${name} contains no eval( / new Function / Function( (strict CSP)`, (t) => {
    const text = read(file);
    assert.doesNotMatch(text, /\beval\s*\(/, 'eval(');
    assert.doesNotMatch(text, /\bnew\s+Function\b/, 'new Function');
    assert.doesNotMatch(text, /(?<![\w$.])Function\s*\(/, 'Function(...)');
    assert.doesNotMatch(text, /\bset(Timeout|Interval)\s*\(\s*['"`]/, 'a timer given code as a string');
    assert.match(text, /data:application\/octet-stream;base64,/, 'the wasm is embedded (single file)');
    const gzipped = gzipSync(text, { level: 9 }).length;
    t.diagnostic(`${name}: ${text.length} bytes raw, ${gzipped} bytes gzipped (zlib level 9)`);
  });
}

test('the ES module exports the factory createActlabModule as default', async () => {
  read(modulePath);
  const { default: factory } = await import(modulePath);
  assert.equal(typeof factory, 'function');
  const raw = await factory();
  assert.equal(raw.activations().length > 0, true);
});

test('the classic script defines createActlabModule and works (sandboxed iframes)', async () => {
  const code = read(classicModulePath);
  const factory = vm.runInThisContext(`${code}\n;createActlabModule`, { filename: 'actlab-classic.js' });
  assert.equal(typeof factory, 'function');
  const raw = await factory();
  const net = raw.createNetwork({ hidden: [4] }, undefined);
  assert.equal(net.train(3).length, 3);
  net.delete();
});
