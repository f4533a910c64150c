#!/usr/bin/env node
// The lab against its peers in ONE headless Chromium page (issue 10, item 3). A benchmark, not a
// test: it prints figures and never fails on a slow one.
//   npm run bench:peers -- [--reps N] [--window-ms MS] [--peers a,b] [--quick] [--json] [--no-build]
// Serves web/ (the lab, loaded through loadLab() as any page does) under the lab's strict CSP, with
// the peers' npm builds mounted from node_modules (nothing comes from the network), opens
// scripts/peers/bench.html in Debian's Chromium, and for each repetition and each peer times a
// lab window and a peer window back to back (alternating which goes first), for training and for
// the grid (256x256), so load on this shared machine hits both sides of each pair alike.
// Peers: TensorFlow.js (cpu and wasm backends; Layers fit/predict, a minimize loop, hand backprop)
// and ConvNetJS. All engines start from the lab's data and initial weights (checked: same grid).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, DEFAULT_CSP, startServer } from './serve.mjs';
import { formatReport, summarise } from './peers/report.mjs';
import { PEER_IDS, WORKLOAD } from './peers/workload.js';

const USAGE = `usage: node scripts/bench-peers.mjs [--reps N] [--window-ms MS] [--grid SIDE] [--peers ID,...] [--quick] [--json] [--no-build]
  --reps N        repetitions of every pair of windows (default 7)
  --window-ms MS  length of each timed window (default 750; a window always runs its unit at least once)
  --grid SIDE     the grid is SIDE x SIDE points (default 256; 1-1024)
  --peers IDS     a subset of: ${PEER_IDS.join(', ')}
  --quick         1 repetition of one-unit windows, no warm-up, a 64x64 grid: checks that it all runs
                  (its figures are rough: not for quoting)
  --json          the whole report as JSON on stdout (progress stays on stderr)
  --no-build      use the wasm module already in web/build`;
const VENDOR = {  // URL prefix -> folder of the peer's npm package (its browser builds)
  '/vendor/tfjs': 'node_modules/@tensorflow/tfjs/dist',
  '/vendor/tfjs-backend-wasm': 'node_modules/@tensorflow/tfjs-backend-wasm/dist',
  '/vendor/convnetjs': 'node_modules/convnetjs/build',
};

function fail(message, code = 2) {
  console.error(`bench-peers.mjs: ${message}${code === 2 ? `\n${USAGE}` : ''}`);
  process.exit(code);
}
function count(text, flag, min, max = Infinity) {
  const v = Number(text);
  if (!Number.isInteger(v) || v < min || v > max) {
    fail(`--${flag}: ${text} is not an integer in [${min}, ${max === Infinity ? 'inf' : max}]`);
  }
  return v;
}

let parsed;
try {
  parsed = parseArgs({ options: {
    reps: { type: 'string' }, 'window-ms': { type: 'string' }, grid: { type: 'string' }, peers: { type: 'string' },
    quick: { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
  } }).values;
} catch (error) {
  fail(error.message);
}
if (parsed.help) { console.log(USAGE); process.exit(0); }
const opts = {
  reps: parsed.reps !== undefined ? count(parsed.reps, 'reps', 1) : parsed.quick ? 1 : 7,
  windowMs: parsed['window-ms'] !== undefined ? count(parsed['window-ms'], 'window-ms', 0) : parsed.quick ? 0 : 750,
  gridSide: parsed.grid !== undefined ? count(parsed.grid, 'grid', 1, 1024) : parsed.quick ? 64 : WORKLOAD.gridSide,
  warmUpMs: parsed.quick ? 0 : 500,
  peers: parsed.peers !== undefined ? parsed.peers.split(',').map((s) => s.trim()).filter(Boolean) : PEER_IDS,
  quick: parsed.quick, json: parsed.json, build: !parsed['no-build'],
};
const unknown = opts.peers.filter((id) => !PEER_IDS.includes(id));
if (unknown.length || !opts.peers.length) fail(`--peers: '${parsed.peers}' must name some of ${PEER_IDS.join(', ')}`);
const log = (...a) => console.error(...a);
const args = process.argv.slice(2);
const command = process.env.npm_lifecycle_event === 'bench:peers'
  ? `npm run bench:peers${args.length ? ` -- ${args.join(' ')}` : ''}` : `node scripts/bench-peers.mjs ${args.join(' ')}`.trim();

// ---- what the page needs (build output to stderr: stdout carries only the report) -------------------
if (opts.build) {
  const run = (script, ...a) => execFileSync('bash', [script, ...a], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
  run('scripts/ensure-deps.sh', 'browser', 'wasm');
  run('scripts/build-wasm.sh');
}
for (const dir of Object.values(VENDOR)) {
  if (!existsSync(path.join(REPO_ROOT, dir))) fail(`${dir} is missing: run npm ci (the peers are devDependencies)`, 1);
}
const { launchChromium, collectErrors } = await import('../tests/browser/chromium.mjs');
const packageVersion = (name) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

// Read with the table: what differs between the engines besides speed.
const NOTES = [
  'heads and losses: 2 softmax outputs and the mean cross-entropy of each batch of 10, plain SGD, everywhere; the lab and ' +
    'TF.js minimize take the loss from the logits (log-sum-exp), TF.js fit from the clipped softmax output ' +
    '(categoricalCrossentropy), TF.js backprop and ConvNetJS backpropagate p - y from the softmax: the same gradients ' +
    'up to rounding (before training every engine gives the lab\'s grid and loss, above)',
  'batches: the lab draws them from a seeded per-epoch shuffle inside one train(100) call; TF.js fit shuffles each epoch ' +
    '(one fit call per epoch of 50 steps); the TF.js loops reshuffle each epoch in JS and split it into 50 batch tensors; ' +
    'ConvNetJS runs forward and backward one sample at a time and updates every 10th (the same mean gradient)',
  'precision: the lab and TF.js compute in float32 (the lab with its own tanh/exp kernels), ConvNetJS in float64',
  'threads: one each, all on the page\'s main thread (the lab\'s own page makes the same calls in a Worker); the page is ' +
    'not cross-origin isolated, so TF.js wasm runs its single-threaded SIMD build, as on most pages that would embed it',
  'TF.js is overhead-bound at this size, its wasm backend most: a step is a few dozen kernel calls on 10x16 tensors, each ' +
    'with a fixed cost (in a side test, batches of 100 instead of 10 gave its wasm loops ~10x the samples/s, its cpu ' +
    'loops 2-3x); its backprop row writes the gradients out in tf ops (no tape) to cut the kernel count: faster than ' +
    'minimize, but not how TF.js is usually used',
  'TF.js fit yields to the event loop every 125 ms (its default yieldEvery \'auto\'), as it does for its users',
  'grid: the lab returns planar probabilities from one predictGrid call; TF.js fit uses model.predict with its default ' +
    'batchSize of 32, the TF.js loops the whole grid as one batch (backprop with tf.fused.matMul and bias), read back with ' +
    'dataSync; ConvNetJS has no batched forward (one net.forward call per point)',
  'CSP: everything runs under the lab\'s own policy (script-src \'self\' \'wasm-unsafe-eval\'); TF.js is loaded from ' +
    'its ES2017 bundles because its ES5 tf.min.js evaluates a string (regenerator-runtime), which that policy forbids',
];

// ---- the run ---------------------------------------------------------------------------------------
const loadBefore = os.loadavg()[0];
const started = Date.now();
const mounts = { '/peers': path.join(REPO_ROOT, 'scripts/peers') };
for (const [prefix, dir] of Object.entries(VENDOR)) mounts[prefix] = path.join(REPO_ROOT, dir);
const { server, url } = await startServer({ port: 0, csp: DEFAULT_CSP, mounts });
const browser = await launchChromium();
let report;
try {
  const page = await browser.newPage();
  const pageErrors = collectErrors(page);
  page.setDefaultTimeout(0);  // a slow peer's window may take long; an exception in the page rejects evaluate()
  await page.goto(new URL('peers/bench.html', url).href);
  // Ready when the bench module has run; a failed import (a missing build, a 404) shows as a page error.
  const loadBy = Date.now() + 60000;
  while (!(await page.evaluate(() => window.peerBench !== undefined))) {
    if (pageErrors.length || Date.now() > loadBy) {
      throw new Error(`the bench page did not start (is the wasm built? npm run build): ${pageErrors.join(' | ') || 'timed out'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  log('setting up the engines and checking they compute the same function ...');
  const setup = await page.evaluate(([peers, gridSide]) => window.peerBench.setup({ peers, gridSide }), [opts.peers, opts.gridSide]);
  const timeWindow = (id, kind, ms) => page.evaluate(([i, k, m]) => window.peerBench.runWindow(i, k, m), [id, kind, ms]);

  if (opts.warmUpMs > 0) {
    log('warming up ...');
    for (const { id } of setup.engines) for (const kind of ['train', 'grid']) await timeWindow(id, kind, opts.warmUpMs);
  }
  const pairs = [];
  for (let rep = 0; rep < opts.reps; rep++) {
    log(`repetition ${rep + 1}/${opts.reps} ...`);
    for (const [p, peer] of opts.peers.entries()) {
      for (const kind of ['train', 'grid']) {
        const labFirst = (rep + p) % 2 === 0;  // alternate, so neither side always follows the other
        const pair = { rep, peer, kind, labFirst };
        if (labFirst) pair.lab = await timeWindow('lab', kind, opts.windowMs);
        pair.other = await timeWindow(peer, kind, opts.windowMs);
        if (!labFirst) pair.lab = await timeWindow('lab', kind, opts.windowMs);
        pairs.push(pair);
      }
    }
  }
  const end = await page.evaluate(() => window.peerBench.finish());
  report = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    command,
    options: { reps: opts.reps, windowMs: opts.windowMs, gridSide: opts.gridSide, warmUpMs: opts.warmUpMs, quick: opts.quick,
      peers: opts.peers },
    browserVersion: browser.version(),
    userAgent: setup.userAgent,
    crossOriginIsolated: setup.crossOriginIsolated,
    csp: DEFAULT_CSP,
    tfjs: setup.tfjs,
    versions: { tfjs: packageVersion('@tensorflow/tfjs'), tfjsBackendWasm: packageVersion('@tensorflow/tfjs-backend-wasm'),
      convnetjs: packageVersion('convnetjs') },
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', loadBefore, loadAfter: os.loadavg()[0] },
    engines: summarise(setup.engines, pairs),
    agreement: setup.agreement,
    losses: end.losses,
    tfjsTensors: setup.tfjsTensors === null ? null : { afterSetup: setup.tfjsTensors, atEnd: end.tfjsTensors },
    notes: NOTES,
    pageErrors,
    pairs,
    seconds: (Date.now() - started) / 1000,
  };
} finally {
  await browser.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

console.log(opts.json ? JSON.stringify(report, null, 2) : formatReport(report));
