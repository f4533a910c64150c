// bench.mjs's command line and the run's settings: which flags it takes, and how long and how often
// each of its measurements runs (full, or --quick for the tests that check the report's shape).
import { parseArgs } from 'node:util';

export const BENCH_USAGE = 'usage: node scripts/bench.mjs [--quick] [--json] [--no-build] [--native PATH]';

/** {opts: {quick, json, 'no-build', native, help}, settings}; exits 2 with the usage on a bad flag. */
export function readBenchOptions(args = process.argv.slice(2)) {
  let opts;
  try {
    ({ values: opts } = parseArgs({
      args,
      options: {
        quick: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        native: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`bench.mjs: ${error.message}\n${BENCH_USAGE}`);
    process.exit(2);
  }
  return { opts, settings: benchSettings(opts.quick) };
}

/** The native runner's settings (core/cli/bench_measure.cpp: BenchSettings, quick_bench_settings). */
function benchSettings(quick) {
  return quick
    ? { trainSeconds: 0.03, trainRuns: 3, gridSeconds: 0.05, minGridRuns: 2, maxGridRuns: 500, peakMs: 20, pairs: 2, pairSeconds: 0.02,
        floorRounds: 2, floorPeakMs: 5, floorTrainCalls: 2 }
    : { trainSeconds: 1.0, trainRuns: 5, gridSeconds: 1.0, minGridRuns: 10, maxGridRuns: 500, peakMs: 250, pairs: 7, pairSeconds: 0.4,
        floorRounds: 9, floorPeakMs: 50, floorTrainCalls: 20 };
}

/** The native CLI's workload config (snake_case keys) as lab.createNetwork takes it: bench.mjs and bench-ab.mjs. */
export function labConfigOf(nativeConfig) {
  return Object.fromEntries(Object.entries(nativeConfig).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()), v]));
}
