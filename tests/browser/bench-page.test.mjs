// `npm run bench:page -- --quick --json` prints the first picture's fields (issue 19): the page's
// first boundary and an embedded race figure on a second origin, each split into fetch, compile,
// worker start, module ready, first step and first draw, and the claims after the first boundary;
// the page again over an emulated round trip per request.
// One cold load each, no build (the suite runs after the builds). No time is judged here: only
// that every field exists and is a positive number, and that the parts come in their order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/serve.mjs';
import { NETWORK_RTT_MS, PART_NAMES } from '../../scripts/bench-first.mjs';

const positive = (value, name) => assert.ok(typeof value === 'number' && value > 0 && Number.isFinite(value),
  `${name} is a positive number (got ${value})`);

test('bench-page.mjs --quick --json --no-build prints the first picture in parts', { timeout: 180000 }, () => {
  const out = execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/bench-page.mjs'), '--quick', '--json', '--no-build'],
    { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 16 << 20 });
  const r = JSON.parse(out);
  assert.equal(r.quick, true);
  for (const side of ['page', 'pageOverNetwork', 'embed']) {
    const first = r.first[side];
    assert.equal(first.loads.length, 1, `${side}: one cold load in quick mode`);
    for (const part of PART_NAMES) {
      positive(first.loads[0][part], `first.${side}.loads[0].${part}`);
      positive(first.median[part], `first.${side}.median.${part}`);
    }
    // The worker cannot say READY before it exists, nor post a frame before READY, nor the page draw it before.
    const m = first.median;
    assert.ok(m.workerStartMs < m.labReadyMs && m.labReadyMs < m.firstStepMs && m.firstStepMs < m.firstDrawMs,
      `${side}: worker start < module ready < first step < first draw (${JSON.stringify(m)})`);
    positive(first.goalMs, `first.${side}.goalMs`);
    assert.equal(typeof first.met, 'boolean', `first.${side}.met`);
  }
  // The emulated round trip is applied: the HTML and then the .wasm each waited for one.
  assert.equal(r.first.pageOverNetwork.rttMs, NETWORK_RTT_MS);
  assert.ok(r.first.pageOverNetwork.median.fetchMs >= 2 * NETWORK_RTT_MS,
    `the .wasm arrives after two round trips at least (${r.first.pageOverNetwork.median.fetchMs} ms)`);
  positive(r.first.page.loads[0].claimsMs, 'first.page.loads[0].claimsMs');
  assert.equal(r.first.page.claimsAfterFirstDraw, true, 'the claims complete after the first boundary');
  for (const goal of ['firstBoundaries', 'firstEmbeddedFigure', 'claims']) assert.equal(typeof r.goals[goal].met, 'boolean', `goals.${goal}.met`);
  assert.ok(Array.isArray(r.machine.loadavgBefore) && r.machine.loadavgBefore.length === 3, 'the load average is printed');
});
