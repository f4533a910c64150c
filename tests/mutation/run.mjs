// The mutation check: applies each small source mutation of core/lib (mutants.mjs) one at a time
// to a private copy of the tree, rebuilds the native suite there, runs it, and reports which
// mutants the suite killed and which survived. The working tree is never edited.
//
//   npm run mutate                      every mutant
//   npm run mutate -- --only diag,init    mutants whose file or id contains "diag" or "init"
//   npm run mutate -- --list            print the mutants and exit
//
// Slow by nature (one rebuild and test run per mutant), so it is a manual command, not part of
// npm test. Work happens in build-mutate/ (source copy in build-mutate/src, build in
// build-mutate/build), apart from build-native.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { mutants } from './mutants.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, 'build-mutate');
const src = join(work, 'src');
const build = join(work, 'build');
const testBinary = join(build, 'tests', 'native', 'actlab_tests');
const kTimeoutSeconds = 600;  // a mutant that makes a test loop forever counts as killed

const { values: args } = parseArgs({
  options: { only: { type: 'string' }, list: { type: 'boolean', default: false } },
});

// --only a,b: mutants whose file or id contains any of the comma-separated words.
const only = args.only ? args.only.split(',') : [];
const selected = mutants.filter((m) => only.length === 0 || only.some((w) => m.file.includes(w) || m.id.includes(w)));

// Every mutant must match its file exactly once, so the list cannot silently drift from the code.
function apply(text, m) {
  const at = text.indexOf(m.from);
  if (at < 0 || text.indexOf(m.from, at + 1) >= 0) {
    throw new Error(`mutant ${m.id}: '${m.from}' must occur exactly once in ${m.file}`);
  }
  return text.slice(0, at) + m.to + text.slice(at + m.from.length);
}

const originals = new Map();
for (const m of selected) {
  if (!originals.has(m.file)) originals.set(m.file, readFileSync(join(root, m.file), 'utf8'));
  apply(originals.get(m.file), m);  // validates before anything is built
}

if (args.list) {
  for (const m of selected) console.log(`${m.id.padEnd(34)} ${m.file}: ${m.from} -> ${m.to}`);
  process.exit(0);
}

function run(command, argv, options = {}) {
  return spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
}

// The copy of what the native build reads, brought up to date (this also undoes a mutant left by an
// interrupted run): only files whose content changed
// are rewritten (and so get a new time), so a rerun rebuilds what changed, never a stale object.
function syncFile(from, to) {
  const text = readFileSync(from);
  if (existsSync(to) && readFileSync(to).equals(text)) return;
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, text);
}
function syncTree(from, to) {
  if (statSync(from).isFile()) return syncFile(from, to);
  const names = new Set(readdirSync(from));
  if (existsSync(to)) {
    for (const stale of readdirSync(to)) if (!names.has(stale)) rmSync(join(to, stale), { recursive: true, force: true });
  }
  for (const name of names) syncTree(join(from, name), join(to, name));
}
for (const part of ['CMakeLists.txt', 'core', 'tests/native']) syncTree(join(root, part), join(src, part));

function buildTests() {
  const result = run('cmake', ['--build', build, '-j2', '--target', 'actlab_tests', '--', '--no-print-directory']);
  return { ok: result.status === 0, output: result.stdout + result.stderr };
}

console.log(`== configuring ${build}`);
const configure = run('cmake', ['-S', src, '-B', build, '-DCMAKE_BUILD_TYPE=Release', '--log-level=WARNING']);
if (configure.status !== 0) {
  console.error(configure.stdout + configure.stderr);
  process.exit(1);
}
const baseline = buildTests();
if (!baseline.ok) {
  console.error(baseline.output);
  process.exit(1);
}
// The suite must pass on the unmutated code, or every mutant would look killed.
const clean = run(testBinary, ['--abort'], { timeout: kTimeoutSeconds * 1000 });
if (clean.status !== 0) {
  console.error(clean.stdout.slice(-4000));
  console.error('mutate: the unmutated suite fails; fix that first');
  process.exit(1);
}

// Catch2 prints a failing test case's name on the line after a rule of 79 dashes.
function failedTest(result) {
  const lines = result.stdout.split('\n');
  const rule = lines.findIndex((line) => /^-{79}$/.test(line));
  if (rule >= 0 && lines[rule + 1]) return `by "${lines[rule + 1].trim()}"`;
  return result.signal ? `(${result.signal})` : `(exit ${result.status})`;
}

const results = [];
for (const [index, m] of selected.entries()) {
  const target = join(src, m.file);
  const started = Date.now();
  let outcome;
  try {
    writeFileSync(target, apply(originals.get(m.file), m));
    const built = buildTests();
    if (!built.ok) {
      outcome = 'killed (does not compile)';
    } else {
      // --abort: the first failing assertion settles it.
      const tested = run(testBinary, ['--abort'], { timeout: kTimeoutSeconds * 1000 });
      if (tested.error?.code === 'ETIMEDOUT') outcome = 'killed (timeout)';
      else if (tested.status === 0) outcome = 'SURVIVED';
      else outcome = `killed ${failedTest(tested)}`;
    }
  } finally {
    writeFileSync(target, originals.get(m.file));
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  results.push({ ...m, outcome });
  console.log(`[${index + 1}/${selected.length}] ${m.id}: ${outcome} (${seconds} s)`);
}

const survivors = results.filter((r) => r.outcome === 'SURVIVED');
const equivalent = survivors.filter((r) => r.equivalent);
const killed = results.length - survivors.length;
console.log(`\nmutation check: ${killed}/${results.length} mutants killed` +
  ` (${equivalent.length} of the survivors documented as equivalent)`);
for (const r of survivors) {
  console.log(`  survived: ${r.id} (${r.file}: ${r.from} -> ${r.to})` +
    (r.equivalent ? `\n    equivalent: ${r.equivalent}` : '\n    NOT explained: add a test or document it'));
}
// Exit non-zero when a survivor is not explained, so the list keeps up with the tests.
process.exit(survivors.length > equivalent.length ? 1 : 0);
