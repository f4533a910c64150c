// The CLI sweep's scaling (issue 17): the same sweep with 1 thread and with every core, in
// interleaved rounds (a shared machine's neighbours move wall-clock figures within minutes, so the
// two sides are always measured side by side), throughput as runs/s, medians of the rounds. The
// goal (>= 0.8 x N with N cores) is printed, never asserted: it depends on what else runs.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

const SWEEP = ['sweep', '--set', 'activation=sigmoid;tanh;relu;elu', '--steps', '3000'];
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

function timedSweep(cli, args) {
  const start = process.hrtime.bigint();
  execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Runs/s of the sweep with 1 thread and with all cores (os.availableParallelism()), interleaved. */
export function measureSweepScaling(cli, { quick = false } = {}) {
  const cores = os.availableParallelism();
  const seeds = quick ? cores : 4 * cores;  // whole rounds of jobs for every core
  const rounds = quick ? 1 : 3;
  const args = [...SWEEP, '--seeds', `1-${seeds}`];
  const runs = 4 * seeds;
  const one = [], all = [];
  for (let r = 0; r < rounds; r++) {
    one.push(runs / timedSweep(cli, [...args, '--threads', '1']));
    all.push(runs / timedSweep(cli, [...args, '--threads', String(cores)]));
  }
  const speedup = median(all) / median(one);
  return {
    command: `${cli} ${args.join(' ')} --threads 1|${cores}`,
    cores, runs, rounds, unit: 'runs/s (3,000 steps of the default 5 x 8 net each)',
    one_thread: median(one), all_cores: median(all), speedup,
    of_ideal: speedup / cores, goal_of_ideal: 0.8, goal_met: speedup / cores >= 0.8,
    load_average: os.loadavg(),  // above the core count, the other side of the pair lost cores to others
  };
}

/** The scaling as two lines of text. */
export function sweepScalingText(s) {
  return `\nsweep scaling (CLI, ${s.cores} core(s) seen; medians of ${s.rounds} interleaved round(s) of ${s.runs} runs): ` +
    `1 thread ${s.one_thread.toFixed(1)} runs/s, ${s.cores} threads ${s.all_cores.toFixed(1)} runs/s = ` +
    `${s.speedup.toFixed(2)}x = ${s.of_ideal.toFixed(2)} x N (goal >= ${s.goal_of_ideal} x N: ${s.goal_met ? 'met' : 'NOT met'})\n` +
    `  command: ${s.command}\n` +
    `  load average ${s.load_average.map((v) => v.toFixed(1)).join(' ')} on ${s.cores} core(s): ` +
    'above the core count, other work holds cores and N threads cannot scale';
}
