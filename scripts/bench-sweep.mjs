// The CLI sweep's scaling (issue 17): the same sweep with 1 thread and with every core, in
// interleaved rounds (a shared machine's neighbours move wall-clock figures within minutes, so the
// two sides are always measured side by side), throughput as runs/s by the wall clock, medians of
// the rounds. Beside it, the CPU time per run of each side (Linux: the waited-for child's
// utime + stime from /proc/self/stat): equal CPU per run with N threads means the threads add no
// work, and a wall-clock shortfall is cores held by other programs. The goal (>= 0.8 x N with N
// cores) is printed, never asserted.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

const SWEEP = ['sweep', '--set', 'activation=sigmoid;tanh;relu;elu', '--steps', '3000'];
const CLOCK_TICKS_PER_SECOND = 100;  // USER_HZ on Linux
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** CPU seconds of this process's finished children, or null where /proc is missing. */
function childrenCpuSeconds() {
  if (!existsSync('/proc/self/stat')) return null;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;  // cutime, cstime
}

function timedSweep(cli, args) {
  const cpuBefore = childrenCpuSeconds();
  const start = process.hrtime.bigint();
  execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  return { wall, cpu: cpuBefore === null ? null : childrenCpuSeconds() - cpuBefore };
}

/** Runs/s of the sweep with 1 thread and with all cores (os.availableParallelism()), interleaved. */
export function measureSweepScaling(cli, { quick = false } = {}) {
  const cores = os.availableParallelism();
  const seeds = (quick ? 2 : 25) * cores;  // whole rounds of jobs for every core; ~1 s a side in full
  const rounds = quick ? 1 : 5;
  const args = [...SWEEP, '--seeds', `1-${seeds}`];
  const runs = 4 * seeds;
  const one = [], all = [];
  for (let r = 0; r < rounds; r++) {
    one.push(timedSweep(cli, [...args, '--threads', '1']));
    all.push(timedSweep(cli, [...args, '--threads', String(cores)]));
  }
  const rate = (side) => median(side.map((t) => runs / t.wall));
  const cpuMs = (side) => (side[0].cpu === null ? null : (1000 * median(side.map((t) => t.cpu))) / runs);
  const speedup = rate(all) / rate(one);
  return {
    command: `${cli} ${args.join(' ')} --threads 1|${cores}`,
    cores, runs, rounds, unit: 'runs/s (3,000 steps of the default 5 x 8 net each)',
    one_thread: rate(one), all_cores: rate(all), speedup,
    of_ideal: speedup / cores, goal_of_ideal: 0.8, goal_met: speedup / cores >= 0.8,
    cpu_ms_per_run: { one_thread: cpuMs(one), all_cores: cpuMs(all) },
    load_average: os.loadavg(),  // above the core count, other programs held cores during the pair
  };
}

const cpuVerdict = ({ one_thread: one, all_cores: all }) => (Math.abs(all / one - 1) <= 0.1
  ? 'within 10%: the threads add no work'
  : `the threads spend ${(100 * (all / one - 1)).toFixed(0)}% more CPU per run`);

/** The scaling as a few lines of text. */
export function sweepScalingText(s) {
  const cpu = s.cpu_ms_per_run;
  return `\nsweep scaling (CLI, ${s.cores} core(s) seen; medians of ${s.rounds} interleaved round(s) of ${s.runs} runs): ` +
    `1 thread ${s.one_thread.toFixed(1)} runs/s, ${s.cores} threads ${s.all_cores.toFixed(1)} runs/s = ` +
    `${s.speedup.toFixed(2)}x = ${s.of_ideal.toFixed(2)} x N (goal >= ${s.goal_of_ideal} x N: ${s.goal_met ? 'met' : 'NOT met'})\n` +
    (cpu.one_thread === null ? '' : `  CPU time per run: ${cpu.one_thread.toFixed(2)} ms with 1 thread, ` +
      `${cpu.all_cores.toFixed(2)} ms with ${s.cores} (${cpuVerdict(cpu)})\n`) +
    `  load average ${s.load_average.map((v) => v.toFixed(1)).join(' ')} on ${s.cores} core(s) ` +
    '(above the core count, other programs hold cores and N threads cannot reach N x)\n' +
    `  command: ${s.command}`;
}
