// npm run bench:peers runs end to end (quick mode: one repetition of one-unit windows, a 64x64 grid,
// ~20 s) and prints every field the README's peer table is made from. No figure is judged: times
// depend on the load of the machine; only their presence and sign, and the engines' agreement
// before training.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../scripts/serve.mjs';
import { formatReport } from '../../scripts/peers/report.mjs';
import { PEER_IDS } from '../../scripts/peers/workload.js';

const run = promisify(execFile);
const ENGINES = ['lab', ...PEER_IDS];
const positive = (v, what) => assert.ok(Number.isFinite(v) && v > 0, `${what}: ${v}`);

test('bench:peers --quick --json prints the peer table\'s fields for every engine', { timeout: 180_000 }, async () => {
  const { stdout } = await run(process.execPath, ['scripts/bench-peers.mjs', '--quick', '--json', '--no-build'],
    { cwd: REPO_ROOT, maxBuffer: 64 << 20 });
  const r = JSON.parse(stdout);
  assert.match(r.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.match(r.command, /bench-peers|bench:peers/);
  assert.match(r.browserVersion, /^\d+\./);
  assert.equal(r.versions.tfjs, r.tfjs.version);
  assert.deepEqual(r.engines.map((e) => e.id), ENGINES);
  assert.deepEqual(r.pageErrors, []);
  for (const e of r.engines) {
    for (const kind of ['train', 'grid']) {
      for (const field of ['median', 'min', 'max', 'q1', 'q3']) positive(e[kind][field], `${e.id} ${kind} ${field}`);
      if (e.id === 'lab') assert.equal(e[kind].labTimes, null);
      else positive(e[kind].labTimes.median, `${e.id} ${kind} lab ratio`);
    }
  }
  // Every engine started from the lab's weights: the same grid and loss up to float32 rounding.
  assert.deepEqual(r.agreement.map((a) => a.id), ENGINES);
  for (const a of r.agreement) {
    assert.ok(a.gridMaxAbsDiff < 1e-4, `${a.id} grid differs from the lab's by ${a.gridMaxAbsDiff}`);
    assert.ok(Math.abs(a.initialTrainLoss - r.agreement[0].initialTrainLoss) < 1e-4, `${a.id} initial loss ${a.initialTrainLoss}`);
  }
  for (const l of r.losses) {
    positive(l.samplesTrained, `${l.id} samples trained`);
    assert.ok(l.trainLoss < r.agreement[0].initialTrainLoss, `${l.id} did not train: loss ${l.trainLoss}`);
  }
  assert.equal(r.tfjsTensors.atEnd, r.tfjsTensors.afterSetup, 'TF.js tensors leaked');
  assert.ok(r.notes.length > 0);

  const table = formatReport(r);
  assert.match(table, /\| engine \| training, samples\/s: median \(IQR\)/);
  for (const e of r.engines) assert.ok(table.includes(`| ${e.label} |`), `table row for ${e.id}`);
  assert.ok(table.includes(r.command) && table.includes(r.date));
});

test('bench:peers rejects a bad argument, naming it', async () => {
  await assert.rejects(run(process.execPath, ['scripts/bench-peers.mjs', '--reps', '0', '--no-build'], { cwd: REPO_ROOT }),
    (error) => error.code === 2 && /--reps: 0 is not an integer in \[1, inf\]/.test(error.stderr));
  await assert.rejects(run(process.execPath, ['scripts/bench-peers.mjs', '--peers', 'pytorch', '--no-build'], { cwd: REPO_ROOT }),
    (error) => error.code === 2 && /--peers: 'pytorch'/.test(error.stderr));
});
