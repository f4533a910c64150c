// The mutation check: applies each small source mutation of core/lib (mutants.mjs) one at a time
// to a private copy of the tree, rebuilds the native suite there, runs it, and reports which
// mutants the suite killed and which survived. The working tree is never edited.
// A mutant the Release suite misses is tried again in the sanitizer build (ASan + UBSan, as
// build-native.sh --sanitize), so a bug that computes the same numbers by reading or writing out
// of bounds (a loop one element past its end) is killed too. Only survivors pay for that build.
//
//   npm run mutate                      every mutant
//   npm run mutate -- --only diag,init    mutants whose file or id contains "diag" or "init"
//   npm run mutate -- --list            print the mutants and exit
//
// Slow by nature (one rebuild and test run per mutant), so it is a manual command, not part of
// npm test. Work happens in build-mutate/ (source copy in build-mutate/src, builds in
// build-mutate/build and build-mutate/build-sanitize), apart from build-native.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { mutants } from './mutants.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, 'build-mutate');
const src = join(work, 'src');
// The two builds of the copied tree: Release first (fast), the sanitizer build for its survivors.
const BUILDS = [
  { name: 'release', dir: join(work, 'build'), flags: ['-DCMAKE_BUILD_TYPE=Release'] },
  { name: 'sanitizer', dir: join(work, 'build-sanitize'), flags: ['-DCMAKE_BUILD_TYPE=RelWithDebInfo', '-DACTLAB_SANITIZE=ON'] },
];
const testBinary = (build) => join(build.dir, 'tests', 'native', 'actlab_tests');
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

function buildTests(build) {
  const result = run('cmake', ['--build', build.dir, '-j2', '--target', 'actlab_tests', '--', '--no-print-directory']);
  return { ok: result.status === 0, output: result.stdout + result.stderr };
}

// --abort: the first failing assertion (or sanitizer report: -fno-sanitize-recover) settles it.
const runTests = (build) => run(testBinary(build), ['--abort'], { timeout: kTimeoutSeconds * 1000 });

/** Configures and builds `build` on the unmutated copy, whose suite must pass, or every mutant would look killed. */
function prepare(build) {
  console.log(`== configuring ${build.dir}`);
  const configure = run('cmake', ['-S', src, '-B', build.dir, ...build.flags, '--log-level=WARNING']);
  const built = configure.status === 0 ? buildTests(build) : { ok: false, output: configure.stdout + configure.stderr };
  if (!built.ok) {
    console.error(built.output);
    process.exit(1);
  }
  const clean = runTests(build);
  if (clean.status !== 0) {
    console.error(clean.stdout.slice(-4000) + clean.stderr.slice(-4000));
    console.error(`mutate: the unmutated suite fails in the ${build.name} build; fix that first`);
    process.exit(1);
  }
  build.ready = true;
}

prepare(BUILDS[0]);

// Catch2 prints a failing test case's name on the line after a rule of 79 dashes.
function failedTest(result) {
  const lines = result.stdout.split('\n');
  const rule = lines.findIndex((line) => /^-{79}$/.test(line));
  if (rule >= 0 && lines[rule + 1]) return `by "${lines[rule + 1].trim()}"`;
  const report = /(ERROR: AddressSanitizer: [\w-]+|runtime error: [^\n]{0,80})/.exec(result.stderr)?.[1];
  if (report) return `by the sanitizer (${report})`;
  return result.signal ? `(${result.signal})` : `(exit ${result.status})`;
}

/** The outcome of the mutated copy in one build: 'SURVIVED' or 'killed ...'. */
function tryMutant(build) {
  if (!buildTests(build).ok) return 'killed (does not compile)';
  const tested = runTests(build);
  if (tested.error?.code === 'ETIMEDOUT') return 'killed (timeout)';
  if (tested.status === 0) return 'SURVIVED';
  return `killed ${failedTest(tested)}${build === BUILDS[0] ? '' : ` in the ${build.name} build`}`;
}

const results = [];
for (const [index, m] of selected.entries()) {
  const target = join(src, m.file);
  const started = Date.now();
  let outcome;
  try {
    for (const build of BUILDS) {
      if (!build.ready) prepare(build);  // on the unmutated copy
      writeFileSync(target, apply(originals.get(m.file), m));
      outcome = tryMutant(build);
      writeFileSync(target, originals.get(m.file));
      if (outcome !== 'SURVIVED') break;
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
