#!/usr/bin/env node
// Two builds of the module side by side, in one process, in alternation:
//   node scripts/bench-ab.mjs OTHER [--rounds N] [--json]        (npm run bench:ab -- OTHER ...)
// OTHER is another checkout of this repository with its module built (its web/build/; for example
// `git worktree add ../base main && (cd ../base && npm run build)`). This checkout is A, OTHER is B.
//
// Why: `npm run bench` measures each workload against a floor timed beside it, which holds up when
// the machine's speed drifts, but its fractions still swing by 5-10 points between runs on a shared
// two-core machine: a 5% speed-up cannot be told from noise. Timing both builds within the same
// round, each round a fraction of a second, cancels the drift that a change is too small to beat.
//
// Each round, for A then B (then B then A in the next round: the order alternates): a burst of
// training of the bench's workload (the native CLI's `actlab bench` reports it; Network.train in
// calls of 1,000 steps), then the 256x256 grid for tanh and for ReLU (fastest of 5 calls, into a
// reused Float32Array). Reported per workload: the median over rounds of B's time / A's time, and
// its quartiles (below 1: B is faster). At the end both training networks have taken the same
// steps from the same seed; their parameters are compared, so a change that moves bits says so.
// A benchmark: it prints, it judges nothing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { labConfigOf } from './bench-options.mjs';
import { quantile, spread } from './peers/report.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node scripts/bench-ab.mjs OTHER_CHECKOUT [--rounds N] [--json]   (N: 3-500, default 40)';
const GRID = { width: 256, height: 256 };
const STEPS_PER_CALL = 1000;
const BURST_CALLS = 5;

function fail(message) {
  console.error(`bench-ab.mjs: ${message}\n${USAGE}`);
  process.exit(1);
}

function readOptions() {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '40' }, json: { type: 'boolean' } } });
  } catch (err) {
    fail(err.message);
  }
  const { values, positionals } = parsed;
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 3 || rounds > 500) fail(`--rounds must be an integer from 3 to 500 (got '${values.rounds}')`);
  if (positionals.length !== 1) fail('name one other checkout');
  const other = path.resolve(positionals[0]);
  for (const tree of [ROOT, other]) {
    for (const file of ['web/lab/actlab.js', 'web/build/actlab.wasm']) {
      if (!existsSync(path.join(tree, file))) fail(`${path.join(tree, file)} is missing (npm run build in that checkout)`);
    }
  }
  return { other, rounds, json: Boolean(values.json) };
}

/** The bench's workload, as the native CLI reports it (camelCase, as lab.createNetwork takes it). */
function benchWorkload() {
  const cli = path.join(ROOT, 'build-native/actlab');
  if (!existsSync(cli)) fail(`${cli} is missing: build the native CLI with 'bash scripts/build-native.sh'`);
  const { workload } = JSON.parse(execFileSync(cli, ['bench', '--json', '--quick'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  return { description: workload.description, config: labConfigOf(workload.config) };
}

/** One side: its lab, a training network, and a tanh and a ReLU network for the grids. */
async function openSide(tree, config) {
  const { loadLab } = await import(pathToFileURL(path.join(tree, 'web/lab/actlab.js')).href);
  const lab = await loadLab();
  const trainer = lab.createNetwork(config);
  const grids = { tanh: lab.createNetwork({ ...config, activation: 'tanh' }), relu: lab.createNetwork({ ...config, activation: 'relu' }) };
  const probs = new Float32Array(trainer.classes * GRID.width * GRID.height);
  trainer.train(STEPS_PER_CALL);  // tiers the step loop up before the first timed burst
  return {
    tree,
    time(workload) {
      if (workload === 'training') {
        const start = performance.now();
        for (let c = 0; c < BURST_CALLS; c++) trainer.train(STEPS_PER_CALL);
        return performance.now() - start;
      }
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        grids[workload].predictGrid(GRID, probs);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    },
    params: () => trainer.getParams(),
    close() { for (const net of [trainer, ...Object.values(grids)]) net.delete(); },
  };
}

const options = readOptions();
const workload = benchWorkload();
const a = await openSide(ROOT, workload.config);
const b = await openSide(options.other, workload.config);
const WORKLOADS = ['training', 'tanh', 'relu'];
const times = { a: Object.fromEntries(WORKLOADS.map((w) => [w, []])), b: Object.fromEntries(WORKLOADS.map((w) => [w, []])) };
for (let round = 0; round < options.rounds; round++) {
  const order = round % 2 === 0 ? [['a', a], ['b', b]] : [['b', b], ['a', a]];
  for (const w of WORKLOADS) for (const [name, side] of order) times[name][w].push(side.time(w));
}
const pa = a.params(), pb = b.params();
const sameBits = pa.length === pb.length && pa.every((v, i) => Object.is(v, pb[i]));
a.close();
b.close();

const report = {
  command: `node scripts/bench-ab.mjs ${path.relative(process.cwd(), options.other) || '.'} --rounds ${options.rounds}`,
  a: ROOT, b: options.other, rounds: options.rounds, workload: workload.description,
  units: { training: `ms per ${BURST_CALLS * STEPS_PER_CALL} steps`, tanh: 'ms per 256x256 grid', relu: 'ms per 256x256 grid' },
  ratios: Object.fromEntries(WORKLOADS.map((w) => {
    const { median, q1, q3 } = spread(times.a[w].map((t, i) => times.b[w][i] / t));
    return [w, { median, q1, q3, a_median: quantile(times.a[w], 0.5), b_median: quantile(times.b[w], 0.5) }];
  })),
  training_bits: sameBits ? 'same' : 'differ',
};

if (options.json) {
  console.log(JSON.stringify(report));
} else {
  console.log(`command:  ${report.command}\nA: ${report.a}\nB: ${report.b}\nworkload: ${report.workload}`);
  console.log(`${options.rounds} rounds, each timing both builds in alternating order; B/A < 1: B is faster`);
  const names = { training: 'training', tanh: 'tanh grid', relu: 'ReLU grid' };
  for (const w of WORKLOADS) {
    const r = report.ratios[w];
    console.log(`  ${names[w].padEnd(10)} A ${r.a_median.toFixed(3)}  B ${r.b_median.toFixed(3)} ${report.units[w]}   ` +
      `B/A ${r.median.toFixed(3)} (quartiles ${r.q1.toFixed(3)}-${r.q3.toFixed(3)})`);
  }
  console.log(`  training parameters after the same steps: ${report.training_bits === 'same' ? 'the same bits' : 'DIFFERENT bits'}`);
}
