// `npm run bench:ab -- OTHER` times two builds in one process, alternating. Run here against this
// checkout itself: every field is printed, and the same build trains to the same bits (the check
// that tells a speed change from a change of results). No time is judged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './lab-fixture.mjs';

const SCRIPT = path.join(repoRoot, 'scripts/bench-ab.mjs');

test('bench-ab.mjs against its own checkout prints each workload\'s ratio and the same bits', () => {
  const r = JSON.parse(execFileSync(process.execPath, [SCRIPT, repoRoot, '--rounds', '3', '--json'], { cwd: repoRoot, encoding: 'utf8' }));
  assert.equal(r.rounds, 3);
  for (const w of ['training', 'tanh', 'relu']) {
    for (const key of ['median', 'q1', 'q3', 'a_median', 'b_median']) {
      assert.ok(Number.isFinite(r.ratios[w][key]) && r.ratios[w][key] > 0, `ratios.${w}.${key} (got ${r.ratios[w][key]})`);
    }
    assert.ok(r.ratios[w].q1 <= r.ratios[w].median && r.ratios[w].median <= r.ratios[w].q3, `${w}: quartiles around the median`);
  }
  assert.equal(r.training_bits, 'same');
  assert.match(r.command, /^node scripts\/bench-ab\.mjs .* --rounds 3$/);
});

test('bench-ab.mjs refuses a missing checkout and a bad --rounds, naming them, with its usage', () => {
  for (const [args, message] of [[[], /name one other checkout/], [['/nonexistent-checkout'], /nonexistent-checkout\/web\/lab\/actlab\.js is missing/],
    [[repoRoot, '--rounds', '2'], /--rounds must be an integer from 3 to 500 \(got '2'\)/], [[repoRoot, '--bogus'], /bogus/]]) {
    const run = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(run.status, 1, args.join(' '));
    assert.match(run.stderr, message);
    assert.match(run.stderr, /usage: node scripts\/bench-ab\.mjs/);
  }
});
