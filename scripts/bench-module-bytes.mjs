// The module's bytes for bench.mjs's report, raw and gzipped (zlib level 9), the wasm and the JS glue
// apart: from web/build/actlab.wasm when it exists, else decoded from the base64 a single-file build
// embeds in actlab.mjs. (npm run size, scripts/module-size.mjs, says what makes the wasm that size.)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

function sizeOf(file, bytes) {
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** {layout, wasm: {file, raw, gzip}, js: the glue's, files: every build file's} under `root`. */
export function moduleSizes(root) {
  const build = path.join(root, 'web/build');
  const wasmFile = path.join(build, 'actlab.wasm');
  const files = ['actlab.mjs', 'actlab-classic.js', 'lab-worker.js'].filter((f) => existsSync(path.join(build, f)));
  const all = files.map((f) => sizeOf(`web/build/${f}`, readFileSync(path.join(build, f))));
  if (existsSync(wasmFile)) {
    const glue = all.find((s) => s.file === 'web/build/actlab.mjs') ?? null;
    return { layout: 'separate wasm', wasm: sizeOf('web/build/actlab.wasm', readFileSync(wasmFile)), js: glue, files: all };
  }
  // Single-file build: the wasm sits inside the JS as base64; measure it and the glue apart.
  const text = readFileSync(path.join(build, 'actlab.mjs'), 'latin1');
  const match = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(text);
  if (!match) return { layout: 'single file (wasm not found inside)', wasm: null, js: null, files: all };
  const wasm = sizeOf('web/build/actlab.mjs (embedded wasm, decoded)', Buffer.from(match[1], 'base64'));
  const glue = sizeOf('web/build/actlab.mjs (JS without the base64)', Buffer.from(text.replace(match[1], ''), 'latin1'));
  return { layout: 'single file: actlab.mjs embeds the wasm as base64', wasm, js: glue, files: all };
}
