#!/usr/bin/env node
// The training-core benchmark, natively and in WebAssembly (Node), in one run (issue 10):
//   node scripts/bench.mjs [--quick] [--json] [--no-build] [--native PATH]
//   npm run bench -- [same flags]        (npm run -s bench -- --json: npm's banner kept off stdout)
// Builds what is stale first (native CLI and wasm module; output to stderr) unless --no-build.
// Native: `build-native/actlab bench --json` (its workload, figures, peak kernel and command line).
// WebAssembly: the same workload (the config the native run reports) through web/lab/actlab.js,
// timed the same way: training samples/s (runs of ~1 s, Network.train in calls of the native
// run's steps per call), then the forward pass over the 256x256 grid, ms per grid
// (Network.predictGrid, one call per grid, the copy of the result into a reused Float32Array included), for tanh and for
// the same network with ReLU; then the module's own f32x4 peak kernel (peakFlops, see
// core/lib/peak_flops.hpp) and the fraction of it each workload reaches (FLOPs: 2 per
// multiply-add of the dense layers, as the native run counts them). Figures are medians of runs
// by the wall clock, with the process's CPU time beside them (a shared machine inflates the wall
// clock far more). Then paired training runs (the native CLI's train, then the same steps in wasm,
// seven times) give the wasm/native ratio that the goal is judged on. Then the floor of each
// workload on this machine (bench-floor.mjs: the dense FLOPs at the peak plus the activations at
// their measured cost), in interleaved rounds that compare each workload with the floor measured
// beside it, so a goal can be told apart from what the hardware allows. Also prints the module's
// bytes, raw and gzipped (zlib level 9), the wasm and the JS glue apart: from
// web/build/actlab.wasm when it exists, else decoded from the base64 the single-file build
// embeds. --native compares against another native build of the CLI.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { judgeFloorGoals, measureFloorRounds, summariseFloorRounds } from './bench-floor.mjs';
import { measureSweepScaling } from './bench-sweep.mjs';
import { printBenchReport } from './bench-report.mjs';
import { labConfigOf, readBenchOptions, BENCH_USAGE } from './bench-options.mjs';
import { moduleSizes } from './bench-module-bytes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Issue 10's absolute goals, retired by issue 19 (set on another machine): printed as such, for
// comparison with earlier rounds. The goals judged are FLOOR_GOALS (bench-floor.mjs).
const GOALS = { samplesPerSecond: 6e6, gridMs: 2.5, reluGridMs: 2.0, wasmOverNative: 0.7 };

const { opts, settings } = readBenchOptions();
if (opts.help) {
  console.log(BENCH_USAGE);
  process.exit(0);
}
const quick = opts.quick, asJson = opts.json;
const cli = opts.native ? path.resolve(opts.native) : path.join(root, 'build-native/actlab');

function fail(message) {
  console.error(`bench.mjs: ${message}`);
  process.exit(1);
}
const log = (...a) => { if (!asJson) console.error(...a); };

// ---- build (to stderr: stdout carries only the report) ------------------------------------------
if (!opts['no-build']) {
  const run = (script, ...a) => execFileSync('bash', [script, ...a], { cwd: root, stdio: ['ignore', 2, 2] });
  run('scripts/ensure-deps.sh', 'native', 'wasm');
  if (!opts.native) run('scripts/build-native.sh');
  run('scripts/build.sh');  // the wasm module and the worker bundle
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const thousands = (v) => Math.round(v).toLocaleString('en-US');
// Wall and CPU seconds of one call (CPU: this process, all threads; mostly the one running wasm).
const timed = (work) => {
  const cpu = process.cpuUsage(), start = performance.now();
  work();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / 1e3, cpu: (used.user + used.system) / 1e6 };
};

// ---- native -------------------------------------------------------------------------------------
if (!existsSync(cli)) fail(`${cli} is missing: build the native CLI with 'bash scripts/build-native.sh'`);
const nativeArgs = ['bench', '--json', ...(quick ? ['--quick'] : [])];
const cliName = cli.startsWith(root + path.sep) ? path.relative(root, cli) : cli;
log(`running ${cliName} ${nativeArgs.join(' ')} ...`);
const native = JSON.parse(execFileSync(cli, nativeArgs, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }));

// ---- wasm ----------------------------------------------------------------------------------------
log('running the same workload in WebAssembly (Node) ...');
const labModule = path.join(root, 'web/lab/actlab.js');
const { loadLab } = await import(pathToFileURL(labModule).href);
const lab = await loadLab().catch((error) => fail(`loading the module failed (npm run build?): ${error.message}`));
const config = labConfigOf(native.workload.config);
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
    while ((t = timed(() => run(n)).wall) < settings.trainSeconds / 10) n *= 4;
    const stepsPerRun = Math.max(1, Math.round((n * settings.trainSeconds) / t));
    const runs = [], cpuRuns = [];
    for (let i = 0; i < settings.trainRuns; i++) {
      const e = timed(() => run(stepsPerRun));
      runs.push((stepsPerRun * batch) / e.wall);
      cpuRuns.push((stepsPerRun * batch) / Math.max(e.cpu, 1e-6));
    }
    if (net.diverged()) fail('the wasm network diverged during the benchmark');
    return { stepsPerRun, runs, cpuRuns };
  } finally {
    net.delete();
  }
}

function measureGrid(activation) {
  const net = lab.createNetwork({ ...config, activation });
  try {
    const grid = { width: gridSide, height: gridSide };
    const probs = net.predictGrid(grid);  // warm-up; then reused, as the API allows (no allocation per grid)
    const pass = () => net.predictGrid(grid, probs);
    const once = timed(pass).wall;
    const count = Math.min(settings.maxGridRuns, Math.max(settings.minGridRuns, Math.floor(settings.gridSeconds / Math.max(once, 1e-9))));
    const runs = [], cpuRuns = [];
    for (let i = 0; i < count; i++) {
      const e = timed(pass);
      runs.push(1e3 * e.wall);
      cpuRuns.push(1e3 * e.cpu);
    }
    return { runs, cpuRuns };
  } finally {
    net.delete();
  }
}

// The module's own peak kernel (bindings.cpp: peakFlops(ms) -> GFLOP/s). A short first call lets
// V8 tier the kernel up to optimised code before the measured one.
function wasmPeak(ms) {
  if (typeof lab.peakFlops !== 'function') return null;
  lab.peakFlops(10);
  return lab.peakFlops(ms);
}

// Paired training: the native CLI's `train` (its own timer around the step loop) and the same
// steps in wasm right after it, `pairs` times, each side on a fresh network. The medians above
// come from runs minutes apart (native first, then wasm); on a machine whose speed drifts, their
// ratio moved from 0.43 to 0.90 within an hour. The ratio within each pair does not have that gap.
function measurePairedTraining() {
  const flags = Object.entries(native.workload.config).flatMap(([k, v]) => [`--${k}`, Array.isArray(v) ? v.join(',') : String(v)]);
  const batch = native.workload.config.batch_size;
  const steps = Math.max(100, Math.round((settings.pairSeconds * native.training.core.median) / batch));
  const ratios = [], nativeRates = [], wasmRates = [];
  for (let i = 0; i < settings.pairs; i++) {
    const run = JSON.parse(execFileSync(cli, ['train', '--steps', String(steps), '--json', ...flags], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }));
    if (run.steps !== steps) fail(`the native paired run took ${run.steps} of ${steps} steps`);
    const net = lab.createNetwork(config);
    try {
      const t0 = performance.now();
      for (let done = 0; done < steps; done += stepsPerCall) net.train(Math.min(stepsPerCall, steps - done));
      const wasmRate = (steps * batch) / ((performance.now() - t0) / 1e3);
      if (net.steps() !== steps) fail(`the wasm paired run took ${net.steps()} of ${steps} steps`);
      nativeRates.push(run.samples_per_second);
      wasmRates.push(wasmRate);
      ratios.push(wasmRate / run.samples_per_second);
    } finally {
      net.delete();
    }
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  const quartile = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
  return { pairs: settings.pairs, steps, ratios, native: nativeRates, wasm: wasmRates,
           median: median(ratios), iqr: [quartile(0.25), quartile(0.75)] };
}

const wasmTrain = measureTraining();
const pairedTraining = measurePairedTraining();
const wasmGrid = measureGrid(config.activation);
const wasmReluGrid = measureGrid('relu');
const wasmPeakGflops = wasmPeak(settings.peakMs);

// ---- report --------------------------------------------------------------------------------------
const cells = gridSide * gridSide;
const trainFlops = native.peak.training_flops_per_sample, gridFlops = native.peak.grid_flops_per_point;
// The floor (bench-floor.mjs), in interleaved rounds that compare each workload with the peak and
// activation costs measured beside it.
const floor = wasmPeakGflops > 0 ? summariseFloorRounds(measureFloorRounds(lab, {
  config, rounds: settings.floorRounds, peakMs: settings.floorPeakMs, trainCalls: settings.floorTrainCalls,
  stepsPerCall, gridSide, trainFlopsPerSample: trainFlops, gridFlopsPerPoint: gridFlops, goals: GOALS })) : null;
const figures = {
  training: { native: native.training.core.median, wasm: median(wasmTrain.runs) },
  training_best: { native: native.training.core.best, wasm: Math.max(...wasmTrain.runs) },
  grid_tanh_best: { native: native.grid.core.best, wasm: Math.min(...wasmGrid.runs) },
  grid_relu_best: { native: native.grid_relu.core.best, wasm: Math.min(...wasmReluGrid.runs) },
  training_cpu: { native: native.training.core.cpu_time_median, wasm: median(wasmTrain.cpuRuns) },
  grid_tanh: { native: native.grid.core.median, wasm: median(wasmGrid.runs) },
  grid_tanh_cpu: { native: native.grid.core.cpu_time_median, wasm: median(wasmGrid.cpuRuns) },
  grid_relu: { native: native.grid_relu.core.median, wasm: median(wasmReluGrid.runs) },
  grid_relu_cpu: { native: native.grid_relu.core.cpu_time_median, wasm: median(wasmReluGrid.cpuRuns) },
};
const gflops = {
  training: (s) => (s * trainFlops) / 1e9,
  grid: (ms) => (cells * gridFlops) / (ms * 1e-3) / 1e9,
};
function fractions(side, peak) {
  if (!(peak > 0)) return null;
  return {
    basis: 'best: fastest run (the peak is the fastest window too; on a busy machine the least disturbed); cpu: median by CPU time; plain: wall-clock median',
    training_best: gflops.training(figures.training_best[side]) / peak,
    grid_tanh_best: gflops.grid(figures.grid_tanh_best[side]) / peak,
    grid_relu_best: gflops.grid(figures.grid_relu_best[side]) / peak,
    training: gflops.training(figures.training[side]) / peak,
    training_cpu: gflops.training(figures.training_cpu[side]) / peak,
    grid_tanh: gflops.grid(figures.grid_tanh[side]) / peak,
    grid_tanh_cpu: gflops.grid(figures.grid_tanh_cpu[side]) / peak,
    grid_relu: gflops.grid(figures.grid_relu[side]) / peak,
    grid_relu_cpu: gflops.grid(figures.grid_relu_cpu[side]) / peak,
  };
}
const report = {
  command_line: ['node', 'scripts/bench.mjs', ...process.argv.slice(2)].join(' '),
  native_command_line: `${cliName} ${nativeArgs.join(' ')}`,
  quick,
  machine: {
    cpu: native.machine.cpu, nproc: native.machine.nproc, load_average: native.machine.load_average,
    native_compiler: native.machine.compiler, node: process.version, platform: `${os.platform()} ${os.arch()}`,
  },
  workload: native.workload.description,
  timing: 'medians of runs; *_cpu: the same runs by this process\'s CPU time (less inflated by other work on a shared machine)',
  training: {
    unit: 'samples/s',
    native: figures.training.native,
    wasm: figures.training.wasm,
    wasm_over_native: figures.training.wasm / figures.training.native,
    native_cpu: figures.training_cpu.native,
    wasm_cpu: figures.training_cpu.wasm,
    native_best: figures.training_best.native,
    wasm_best: figures.training_best.wasm,
    wasm_over_native_cpu: figures.training_cpu.wasm / figures.training_cpu.native,
    paired: { ...pairedTraining, command: `${cliName} train --steps ${pairedTraining.steps} --json <the workload's flags>, then the same steps in wasm` },
    steps_per_call: stepsPerCall,
    wasm_steps_per_run: wasmTrain.stepsPerRun,
    wasm_runs: wasmTrain.runs,
  },
  grid: {
    unit: `ms per ${gridSide}x${gridSide} grid`,
    tanh: {
      native: figures.grid_tanh.native, wasm: figures.grid_tanh.wasm,
      native_cpu: figures.grid_tanh_cpu.native, wasm_cpu: figures.grid_tanh_cpu.wasm,
      native_best: figures.grid_tanh_best.native, wasm_best: figures.grid_tanh_best.wasm,
      native_over_wasm: figures.grid_tanh.native / figures.grid_tanh.wasm,
    },
    relu: {
      native: figures.grid_relu.native, wasm: figures.grid_relu.wasm,
      native_cpu: figures.grid_relu_cpu.native, wasm_cpu: figures.grid_relu_cpu.wasm,
      native_best: figures.grid_relu_best.native, wasm_best: figures.grid_relu_best.wasm,
      native_over_wasm: figures.grid_relu.native / figures.grid_relu.wasm,
    },
    wasm_runs: wasmGrid.runs.length,
  },
  peak: {
    kernel: native.peak.kernel,
    flop_counting: native.peak.flop_counting,
    training_flops_per_sample: trainFlops,
    grid_flops_per_point: gridFlops,
    native_gflops_f32x4: native.peak.gflops_f32x4,
    native_gflops_f32x8: native.peak.gflops_f32x8,
    wasm_gflops_f32x4: wasmPeakGflops,
    native_fraction_of_f32x4_peak: fractions('native', native.peak.gflops_f32x4),
    wasm_fraction_of_f32x4_peak: fractions('wasm', wasmPeakGflops),
  },
  goals: {
    samples_per_second_min: GOALS.samplesPerSecond,
    grid_tanh_ms_max: GOALS.gridMs,
    grid_relu_ms_max: GOALS.reluGridMs,
    wasm_over_native_min: GOALS.wasmOverNative,
    wasm_training_met: figures.training.wasm >= GOALS.samplesPerSecond,
    wasm_grid_tanh_met: figures.grid_tanh.wasm <= GOALS.gridMs,
    wasm_grid_relu_met: figures.grid_relu.wasm <= GOALS.reluGridMs,
    wasm_over_native_met: pairedTraining.median >= GOALS.wasmOverNative,
    judged_on: 'wall-clock medians; wasm/native on the median of the paired runs\' ratios',
    retired: 'issue 10\'s absolute goals, set on another machine; issue 19 judges floor_goals instead',
  },
  floor,
  floor_goals: floor ? judgeFloorGoals(floor) : null,
  sweep_scaling: measureSweepScaling(cli, { quick }),
  module_size: moduleSizes(root),
};

if (asJson) {
  console.log(JSON.stringify(report));
} else {
  printBenchReport(report, { native, figures, config, settings, gridSide, stepsPerCall, trainFlops, gridFlops,
    wasmGridRuns: wasmGrid.runs.length, quick });
}
