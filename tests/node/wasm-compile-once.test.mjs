// The page compiles the module once, whoever asks (web/worker/wasm-handoff.js): the lab's worker,
// the embeds' hub and every seed worker get the same WebAssembly.Module. A failed compile is
// forgotten, so a later ask retries instead of repeating the failure for the page's life.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileWasmOnce, postCompiledWasm } from '../../web/worker/wasm-handoff.js';

const WASM = new URL('../../web/build/actlab.wasm', import.meta.url);

test('every ask for the same .wasm gets the one compile, and posts that Module', async () => {
  const first = compileWasmOnce(WASM);
  assert.equal(compileWasmOnce(new URL(WASM.href)), first);
  const posted = [];
  const worker = { postMessage: (message) => posted.push(message) };
  const module = await postCompiledWasm(worker, WASM);
  assert.ok(module instanceof WebAssembly.Module);
  assert.equal(module, await first);
  assert.deepEqual(posted, [{ type: 'wasm-module', module }]);
});

test('a failed compile is forgotten: the next ask compiles again', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'actlab-wasm-'));
  try {
    const file = path.join(dir, 'broken.wasm');
    writeFileSync(file, 'not wasm');
    const url = pathToFileURL(file);
    const failed = compileWasmOnce(url);
    await assert.rejects(failed);
    assert.notEqual(compileWasmOnce(url), failed);
    await assert.rejects(compileWasmOnce(url));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
