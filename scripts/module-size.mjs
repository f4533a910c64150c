// What the page downloads for the module, and what makes the wasm that size:
//   node scripts/module-size.mjs [--json] [--top N]
// Prints raw and gzipped bytes of web/build/actlab.wasm and actlab.mjs (the glue), then the wasm's
// code bytes grouped by origin (the lab's core, Embind, libc++, libc/musl, ...) and its largest
// functions, named through the symbol map the link writes (--emit-symbol-map) and demangled with
// binutils' c++filt. Run after `npm run build`; the next size change can then be seen, not guessed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './serve.mjs';

const WASM = path.join(REPO_ROOT, 'web/build/actlab.wasm');
const GLUE = path.join(REPO_ROOT, 'web/build/actlab.mjs');
const SYMBOLS = path.join(REPO_ROOT, 'build-wasm/core/wasm/actlab.mjs.symbols');

// First matching rule names the group of a demangled function name.
// Names are tested anywhere, not at the start: a template instance like std::apply<actlab::wasm::...>
// is the binding's code.
const GROUPS = [
  ['lab binding', /actlab::wasm|EMSCRIPTEN_BINDINGS|embind_init_actlab/],
  ['lab core', /actlab::/],
  ['Embind', /emscripten::|_embind_|__emval|embind/],
  ['libc++ / libc++abi', /std::|__cxa|__cxxabiv1|__gxx|operator (new|delete)|_Unwind|__dynamic_cast|itanium_demangle/],
  ['printf / strtod / number text', /printf|strto|scanf|fmt_|__floatscan|__intscan|pop_arg|__shgetc|copysign|frexp|scalbn/],
  ['malloc', /malloc|free|sbrk|dlmalloc|realloc|calloc|memalign/],
  ['libc (other) / runtime', /./],
];

function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

// Sizes of the sections, the count of imported functions, and each defined function's body size.
function parseWasm(bytes) {
  const sections = new Map();
  let importedFunctions = 0;
  const bodies = [];
  let at = 8;  // magic + version
  while (at < bytes.length) {
    const id = bytes[at];
    let size;
    [size, at] = readLeb(bytes, at + 1);
    const end = at + size;
    sections.set(id, (sections.get(id) ?? 0) + size);
    if (id === 2) {  // imports: count the functions among them
      let [count, p] = readLeb(bytes, at);
      for (let i = 0; i < count; i++) {
        for (let s = 0; s < 2; s++) {  // module name, field name
          let len;
          [len, p] = readLeb(bytes, p);
          p += len;
        }
        const kind = bytes[p++];
        if (kind === 0) { importedFunctions++; [, p] = readLeb(bytes, p); }
        else if (kind === 1) { p++; const [flags, q] = readLeb(bytes, p); p = readLeb(bytes, q)[1]; if (flags & 1) p = readLeb(bytes, p)[1]; }
        else if (kind === 2) { const [flags, q] = readLeb(bytes, p); p = readLeb(bytes, q)[1]; if (flags & 1) p = readLeb(bytes, p)[1]; }
        else if (kind === 3) { p += 2; }
      }
    } else if (id === 10) {  // code: one body per defined function
      let [count, p] = readLeb(bytes, at);
      for (let i = 0; i < count; i++) {
        let len;
        [len, p] = readLeb(bytes, p);
        bodies.push(len);
        p += len;
      }
    }
    at = end;
  }
  return { sections, importedFunctions, bodies };
}

function demangle(names) {
  try {
    return execFileSync('c++filt', { input: names.join('\n'), encoding: 'utf8', maxBuffer: 64 << 20 }).split('\n');
  } catch {
    return names;  // no binutils: mangled names still group by their prefixes well enough
  }
}

const { values: args } = parseArgs({ options: { json: { type: 'boolean' }, top: { type: 'string', default: '15' } } });
for (const file of [WASM, GLUE]) {
  if (!existsSync(file)) throw new Error(`${path.relative(REPO_ROOT, file)} is missing: run npm run build`);
}
const wasm = readFileSync(WASM);
const glue = readFileSync(GLUE);
const gz = (b) => gzipSync(b, { level: 9 }).length;
const report = {
  files: {
    wasm: { raw: wasm.length, gzipped: gz(wasm) },
    glue: { raw: glue.length, gzipped: gz(glue) },
  },
};
report.files.total = { raw: wasm.length + glue.length, gzipped: report.files.wasm.gzipped + report.files.glue.gzipped };

const { sections, importedFunctions, bodies } = parseWasm(wasm);
const SECTION_NAMES = { 1: 'type', 2: 'import', 3: 'function', 5: 'memory', 6: 'global', 7: 'export', 9: 'element', 10: 'code', 11: 'data', 12: 'datacount' };
report.sections = Object.fromEntries([...sections].map(([id, size]) => [SECTION_NAMES[id] ?? `custom/${id}`, size]));

if (existsSync(SYMBOLS)) {
  const names = new Map();
  for (const line of readFileSync(SYMBOLS, 'utf8').split('\n')) {
    const colon = line.indexOf(':');
    // The map escapes punctuation as \XX hex ("f\28int\29"): undo that first.
    if (colon > 0) {
      names.set(Number(line.slice(0, colon)),
                line.slice(colon + 1).replace(/\\([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))));
    }
  }
  const mangled = bodies.map((_, i) => names.get(importedFunctions + i) ?? `function ${importedFunctions + i}`);
  const readable = demangle(mangled);
  const functions = bodies.map((size, i) => ({ name: readable[i] || mangled[i], size }));
  const groups = new Map(GROUPS.map(([name]) => [name, { bytes: 0, functions: 0 }]));
  for (const f of functions) {
    const [group] = GROUPS.find(([, rule]) => rule.test(f.name));
    const g = groups.get(group);
    g.bytes += f.size;
    g.functions += 1;
  }
  report.codeByGroup = Object.fromEntries(groups);
  report.largest = functions.sort((a, b) => b.size - a.size).slice(0, Number(args.top))
    .map((f) => ({ size: f.size, name: f.name.length > 110 ? `${f.name.slice(0, 107)}...` : f.name }));
} else {
  report.note = `${path.relative(REPO_ROOT, SYMBOLS)} is missing: function names need the wasm build's symbol map`;
}

if (args.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  // 1 KB = 1,000 bytes, as issue 19's goals count them.
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  console.log('What the page downloads for the module (gzip level 9; 1 KB = 1,000 bytes):');
  for (const [name, f] of Object.entries(report.files)) console.log(`  ${name.padEnd(6)} ${kb(f.raw).padStart(9)} raw  ${kb(f.gzipped).padStart(9)} gzipped`);
  console.log('\nactlab.wasm sections (raw):');
  for (const [name, size] of Object.entries(report.sections)) console.log(`  ${name.padEnd(10)} ${kb(size).padStart(9)}`);
  if (report.codeByGroup) {
    console.log('\nCode section by origin (raw):');
    for (const [name, g] of Object.entries(report.codeByGroup)) console.log(`  ${name.padEnd(32)} ${kb(g.bytes).padStart(9)}  ${String(g.functions).padStart(4)} functions`);
    console.log(`\nLargest ${report.largest.length} functions:`);
    for (const f of report.largest) console.log(`  ${String(f.size).padStart(7)}  ${f.name}`);
  } else {
    console.log(`\n${report.note}`);
  }
  console.log('\n(node scripts/module-size.mjs, after npm run build)');
}
