// npm run bench's text report (scripts/bench.mjs prints it unless --json): the figures table, the
// peak, the floor fractions, paired training, the goals, the sweep's scaling and the module's bytes.
import { sweepScalingText } from './bench-sweep.mjs';

const thousands = (v) => Math.round(v).toLocaleString('en-US');
const median = (values) => {
  const s = [...values].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Prints the report. context: what the report object does not hold ({native: the CLI's JSON,
 * figures, config, settings, gridSide, stepsPerCall, trainFlops, gridFlops, wasmGridRuns, quick}).
 */
export function printBenchReport(report, context) {
  printFigures(report, context);
  printFloor(report, context);
  printGoalsAndSizes(report);
}

function printFigures(report, { native, figures, settings, gridSide, stepsPerCall, trainFlops, gridFlops, wasmGridRuns, quick }) {
  const pct = (f) => (f == null ? '-' : `${(100 * f).toFixed(1)}%`);
  const nf = report.peak.native_fraction_of_f32x4_peak, wf = report.peak.wasm_fraction_of_f32x4_peak ?? {};
  const rows = [
    ['', 'native', 'wasm (Node)', 'wasm/native', 'native CPU', 'wasm CPU', '% peak n/w (best)'],
    ['training, samples/s', thousands(figures.training.native), thousands(figures.training.wasm),
      `${report.training.wasm_over_native.toFixed(2)}x`, thousands(figures.training_cpu.native),
      thousands(figures.training_cpu.wasm), `${pct(nf.training_best)} / ${pct(wf.training_best)}`],
    [`${gridSide}x${gridSide} grid tanh, ms`, figures.grid_tanh.native.toFixed(3), figures.grid_tanh.wasm.toFixed(3),
      `${report.grid.tanh.native_over_wasm.toFixed(2)}x`, figures.grid_tanh_cpu.native.toFixed(3),
      figures.grid_tanh_cpu.wasm.toFixed(3), `${pct(nf.grid_tanh_best)} / ${pct(wf.grid_tanh_best)}`],
    [`${gridSide}x${gridSide} grid ReLU, ms`, figures.grid_relu.native.toFixed(3), figures.grid_relu.wasm.toFixed(3),
      `${report.grid.relu.native_over_wasm.toFixed(2)}x`, figures.grid_relu_cpu.native.toFixed(3),
      figures.grid_relu_cpu.wasm.toFixed(3), `${pct(nf.grid_relu_best)} / ${pct(wf.grid_relu_best)}`],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const load = native.machine.load_average;
  console.log(`command:  ${report.command_line}`);
  console.log(`native:   ${report.native_command_line}  (${native.machine.compiler})`);
  console.log(`wasm:     web/lab/actlab.js in Node ${process.version}; Network.train in calls of ${stepsPerCall} steps, one predictGrid call per grid`);
  console.log(`machine:  ${native.machine.cpu}, ${native.machine.nproc} CPU(s) usable` +
              (load != null ? `, load average ${load.toFixed(2)} at start${load > native.machine.nproc ? ' (busy: wall-clock figures are shared with other work)' : ''}` : ''));
  console.log(`workload: ${native.workload.description}`);
  console.log(`timing:   medians; training ${settings.trainRuns} runs of ~${settings.trainSeconds} s each, grid ` +
              `${wasmGridRuns} wasm runs; wall clock and, beside it, this process's CPU time` +
              `${quick ? ' (--quick: rough figures, not to be quoted)' : ''}\n`);
  for (const r of rows) console.log(`  ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')}`);
  const p = report.peak;
  console.log(`\npeak (${p.kernel}): native f32x4 ${p.native_gflops_f32x4.toFixed(1)} GFLOP/s ` +
              `(f32x8 ${p.native_gflops_f32x8.toFixed(1)}), wasm f32x4 ${p.wasm_gflops_f32x4 == null ? 'n/a' : p.wasm_gflops_f32x4.toFixed(1)} GFLOP/s`);
  console.log(`  % peak = workload GFLOP/s of its fastest run / f32x4 peak (fastest window) of the same side (JSON: by median and CPU time too); FLOPs: ${p.flop_counting} ` +
              `(${trainFlops} per training sample, ${gridFlops} per grid point)`);
}

function printFloor(report, { config }) {
  const pct = (f) => (f == null ? '-' : `${(100 * f).toFixed(1)}%`);
  const fl = report.floor;
  if (fl) {
    const ac = fl.activation_costs_ns[config.activation];
    const goals = report.floor_goals;
    const verdict = (a) => {
      const part = Object.keys(goals).find((k) => fl[k] === a);
      return `goal >= ${pct(goals[part].goal)} of it (issue 19): ${goals[part].met ? 'met' : 'NOT met'}`;
    };
    console.log(`\nfloor (wasm, this machine; medians of ${fl.rounds} interleaved rounds, each comparing its own measurements): ` +
                `dense FLOPs at the f32x4 peak (${fl.peak_gflops.toFixed(1)} GFLOP/s) + each unit's activation at its measured cost ` +
                `(${config.activation} ${ac.forward.toFixed(2)} ns forward, ${ac.forward_backward.toFixed(2)} ns forward+backward per element); ` +
                `nothing else counted (scripts/bench-floor.mjs)`);
    console.log(`  training:  <= ${thousands(fl.training.floor_samples_per_second)} samples/s (dense ` +
                `${fl.training.dense_ns_per_sample.toFixed(0)} + ${config.activation} ${fl.training.activation_ns_per_sample.toFixed(0)} ns per sample); ` +
                `measured ${thousands(fl.training.measured_samples_per_second)} = ${pct(fl.training.reached)} of it; ${verdict(fl.training)}`);
    console.log(`  tanh grid: >= ${fl.grid_tanh.floor_ms.toFixed(2)} ms (dense ${fl.grid_tanh.dense_ms.toFixed(2)} + ` +
                `${config.activation} ${fl.grid_tanh.activation_ms.toFixed(2)}, inside the tiles); measured ${fl.grid_tanh.measured_ms.toFixed(2)} ms = ` +
                `${pct(fl.grid_tanh.reached)} of it; ${verdict(fl.grid_tanh)}`);
    console.log(`  ReLU grid: >= ${fl.grid_relu.floor_ms.toFixed(2)} ms (dense ${fl.grid_relu.dense_ms.toFixed(2)} + ReLU ` +
                `${fl.grid_relu.activation_ms.toFixed(2)}, inside the tiles); measured ${fl.grid_relu.measured_ms.toFixed(2)} ms = ` +
                `${pct(fl.grid_relu.reached)} of it; ${verdict(fl.grid_relu)}`);
  }
}

function printGoalsAndSizes(report) {
  const pt = report.training.paired;
  console.log(`\ntraining, paired: wasm/native ${pt.median.toFixed(2)}x (IQR ${pt.iqr.map((v) => v.toFixed(2)).join('-')}) over ` +
              `${pt.pairs} pairs of ${thousands(pt.steps)} steps, each the native CLI's train then the same steps in wasm ` +
              `(native ${thousands(median(pt.native))}, wasm ${thousands(median(pt.wasm))} samples/s, medians)`);
  const met = (ok) => (ok ? 'met' : 'NOT met');
  const g = report.goals;
  console.log(`\nretired goals (issue 10's absolute figures, set on another machine; issue 19 judges the floor fractions above): ` +
              `>= ${thousands(g.samples_per_second_min)} samples/s ${met(g.wasm_training_met)}; ` +
              `tanh grid <= ${g.grid_tanh_ms_max} ms ${met(g.wasm_grid_tanh_met)}; ReLU grid <= ${g.grid_relu_ms_max} ms ` +
              `${met(g.wasm_grid_relu_met)}; wasm/native >= ${g.wasm_over_native_min} on training (paired) ${met(g.wasm_over_native_met)}`);
  console.log(sweepScalingText(report.sweep_scaling));
  const m = report.module_size;
  console.log(`\nmodule size (${m.layout}; gzip: zlib level 9):`);
  const shown = new Set();
  for (const s of [m.wasm, m.js, ...m.files].filter(Boolean)) {
    if (shown.has(s.file)) continue;
    shown.add(s.file);
    console.log(`  ${s.file.padEnd(48)} ${thousands(s.raw).padStart(9)} bytes raw, ${thousands(s.gzip).padStart(9)} gzipped`);
  }
}
