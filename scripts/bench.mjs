#!/usr/bin/env node
// The training-core benchmark, natively and in WebAssembly (Node), in one run:
//   node scripts/bench.mjs [--quick] [--json] [--native PATH]
// Native: `build-native/actlab bench --json` (its workload, figures and command line). WebAssembly:
// the same workload (the config the native run reports) through web/lab/actlab.js over
// web/build/actlab.mjs, timed the same way: training samples/s (runs of ~1 s, Network.train in
// calls of the native run's steps per call), then the forward pass over the 256x256 grid, ms per
// grid (Network.predictGrid, one call per grid, the copy of the result included). Prints both,
// the ratio wasm/native (for the grid: native ms / wasm ms, so above 1 means wasm is faster),
// the command lines, and the module's size raw and gzipped (zlib level 9). --native compares
// against another native build of the CLI (e.g. one compiled with clang: the ratio depends on the
// native compiler, which the report names).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modules = ['web/build/actlab.mjs', 'web/build/actlab-classic.js'];
const GOAL = 0.7;  // issue 3: wasm at least 0.7x native on both figures
const USAGE = 'usage: node scripts/bench.mjs [--quick] [--json] [--native PATH]';

const args = process.argv.slice(2);
let cli = path.join(root, 'build-native/actlab');
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--native' && i + 1 < args.length) {
    cli = path.resolve(args[++i]);
  } else if (!['--quick', '--json'].includes(args[i])) {
    console.error(`bench.mjs: unknown argument '${args[i]}' (${USAGE})`);
    process.exit(2);
  }
}
const quick = args.includes('--quick'), asJson = args.includes('--json');
// The native runner's settings (core/cli/bench_measure.cpp: BenchSettings, quick_bench_settings).
const settings = quick
  ? { trainSeconds: 0.03, trainRuns: 3, gridSeconds: 0.05, minGridRuns: 2, maxGridRuns: 500 }
  : { trainSeconds: 1.0, trainRuns: 5, gridSeconds: 1.0, minGridRuns: 10, maxGridRuns: 500 };

function fail(message) {
  console.error(`bench.mjs: ${message}`);
  process.exit(1);
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const camelCase = (key) => key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const thousands = (v) => Math.round(v).toLocaleString('en-US');
const seconds = (work) => {
  const start = performance.now();
  work();
  return (performance.now() - start) / 1e3;
};

// ---- native -------------------------------------------------------------------------------------
if (!existsSync(cli)) fail(`${cli} is missing: build the native CLI with 'bash scripts/build-native.sh'`);
for (const m of modules) if (!existsSync(path.join(root, m))) fail(`${m} is missing: build it with 'npm run build'`);
const nativeArgs = ['bench', '--json', ...(quick ? ['--quick'] : [])];
const cliName = cli.startsWith(root + path.sep) ? path.relative(root, cli) : cli;
if (!asJson) console.error(`running ${cliName} ${nativeArgs.join(' ')} ...`);
const native = JSON.parse(execFileSync(cli, nativeArgs, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }));

// ---- wasm ----------------------------------------------------------------------------------------
if (!asJson) console.error('running the same workload in WebAssembly (Node) ...');
const { loadLab } = await import(path.join(root, 'web/lab/actlab.js'));
const lab = await loadLab();
const config = Object.fromEntries(Object.entries(native.workload.config).map(([k, v]) => [camelCase(k), v]));
const stepsPerCall = native.training.steps_per_call;
const gridSide = native.grid.width;

function measureTraining() {
  const net = lab.createNetwork(config);
  try {
    const batch = Math.min(config.batchSize, net.data().train.label.length);
    const run = (steps) => {
      for (let done = 0; done < steps; done += stepsPerCall) net.train(Math.min(stepsPerCall, steps - done));
    };
    // Calibrate as the native runner does: grow n until a run takes a tenth of the target.
    let n = 100, t;
    while ((t = seconds(() => run(n))) < settings.trainSeconds / 10) n *= 4;
    const stepsPerRun = Math.max(1, Math.round((n * settings.trainSeconds) / t));
    const runs = [];
    for (let i = 0; i < settings.trainRuns; i++) runs.push((stepsPerRun * batch) / seconds(() => run(stepsPerRun)));
    if (net.diverged()) fail('the wasm network diverged during the benchmark');
    return { stepsPerRun, runs };
  } finally {
    net.delete();
  }
}

function measureGrid() {
  const net = lab.createNetwork(config);
  try {
    const grid = { width: gridSide, height: gridSide };
    const pass = () => net.predictGrid(grid);
    pass();  // warm-up
    const once = seconds(pass);
    const count = Math.min(settings.maxGridRuns, Math.max(settings.minGridRuns, Math.floor(settings.gridSeconds / Math.max(once, 1e-9))));
    const runs = [];
    for (let i = 0; i < count; i++) runs.push(1e3 * seconds(pass));
    return { runs };
  } finally {
    net.delete();
  }
}

const wasmTrain = measureTraining();
const wasmGrid = measureGrid();

// ---- report --------------------------------------------------------------------------------------
const sizes = modules.map((m) => {
  const bytes = readFileSync(path.join(root, m));
  return { file: m, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const nativeSamples = native.training.core.median, wasmSamples = median(wasmTrain.runs);
const nativeGridMs = native.grid.core.median, wasmGridMs = median(wasmGrid.runs);
const report = {
  command_line: ['node', 'scripts/bench.mjs', ...args].join(' '),
  native_command_line: `${cliName} ${nativeArgs.join(' ')}`,
  quick,
  machine: { cpu: native.machine.cpu, nproc: native.machine.nproc, native_compiler: native.machine.compiler, node: process.version, platform: `${os.platform()} ${os.arch()}` },
  workload: native.workload.description,
  training: {
    unit: 'samples/s, median of runs',
    native: nativeSamples,
    wasm: wasmSamples,
    wasm_over_native: wasmSamples / nativeSamples,
    wasm_runs: wasmTrain.runs,
    wasm_steps_per_run: wasmTrain.stepsPerRun,
    steps_per_call: stepsPerCall,
  },
  grid: {
    unit: `ms per ${gridSide}x${gridSide} grid, median of runs`,
    native: nativeGridMs,
    wasm: wasmGridMs,
    native_over_wasm: nativeGridMs / wasmGridMs,
    wasm_runs: wasmGrid.runs.length,
  },
  goal: { min_ratio: GOAL, training_met: wasmSamples / nativeSamples >= GOAL, grid_met: nativeGridMs / wasmGridMs >= GOAL },
  module_size: sizes,
};

if (asJson) {
  console.log(JSON.stringify(report));
} else {
  const ratio = (r) => `${r.toFixed(2)}x`;
  const met = (ok) => (ok ? 'met' : 'NOT met');
  const rows = [
    ['', 'native', 'wasm (Node)', 'wasm vs native'],
    ['training, samples/s', thousands(nativeSamples), thousands(wasmSamples), ratio(report.training.wasm_over_native)],
    [`${gridSide}x${gridSide} grid, ms`, nativeGridMs.toFixed(3), wasmGridMs.toFixed(3), `${ratio(report.grid.native_over_wasm)} (native ms / wasm ms)`],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(`command:  ${report.command_line}`);
  console.log(`native:   ${report.native_command_line}  (${native.machine.compiler})`);
  console.log(`wasm:     web/lab/actlab.js over web/build/actlab.mjs in Node ${process.version}; ` +
              `Network.train in calls of ${stepsPerCall} steps, one predictGrid call per grid`);
  console.log(`machine:  ${native.machine.cpu}, ${native.machine.nproc} CPU(s) usable`);
  console.log(`workload: ${native.workload.description}`);
  console.log(`timing:   medians; training ${settings.trainRuns} runs of ~${settings.trainSeconds} s each, grid ` +
              `${wasmGrid.runs.length} wasm runs${quick ? ' (--quick: rough figures, not to be quoted)' : ''}\n`);
  for (const r of rows) console.log(`  ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')}`);
  console.log(`\ngoal (wasm at least ${GOAL}x native): training ${met(report.goal.training_met)}, grid ${met(report.goal.grid_met)}`);
  console.log('\nmodule size:');
  for (const s of sizes) console.log(`  ${s.file.padEnd(28)} ${thousands(s.raw).padStart(9)} bytes raw, ${thousands(s.gzip).padStart(9)} bytes gzipped (zlib level 9)`);
}
