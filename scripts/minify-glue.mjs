// Minifies the Emscripten glue (web/build/actlab.mjs) in place with esbuild: emcc -O3 without
// Closure (which needs Java and a compiler Debian's emscripten does not ship) leaves local names
// long, and every page and embed downloads this file. Only local names and white space change:
// property names, which Embind and the module's exports look up as strings, are kept.
import { transform } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './serve.mjs';

const file = path.join(REPO_ROOT, 'web/build/actlab.mjs');
const source = await readFile(file, 'utf8');
const { code } = await transform(source, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
if (code.length < source.length) await writeFile(file, code);
console.log(`== glue minified: ${source.length} -> ${Math.min(code.length, source.length)} bytes`);
