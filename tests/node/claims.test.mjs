// The claims strip's data side (web/worker/claims.js) against the module, and the words the page
// writes from numbers (web/views/claims-strip.js verdicts, web/views/ratio-text.js).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail } from './lab-fixture.mjs';
import { measureProbes, measureCostClaim, ClaimsMeter, PROBES, PROBE_DEPTH, PROBE_WIDTH } from '../../web/worker/claims.js';
import { costVerdict, vanishingVerdict, sparsityVerdict, netDescription } from '../../web/views/claims-strip.js';
import { formatRatio, formatTimes } from '../../web/views/ratio-text.js';

let lab;
before(async () => { lab = await loadLabOrFail(); });

test('the vanishing and sparsity claims are the diagnostics of fresh deep nets on the given data', () => {
  const { vanishing, sparsity } = measureProbes(lab, { dataset: 'spiral', seed: 1 });
  assert.equal(vanishing.depth, PROBE_DEPTH);
  assert.equal(vanishing.width, PROBE_WIDTH);
  const ratio = Object.fromEntries(vanishing.items.map((i) => [i.name, i.ratio]));
  const zeros = Object.fromEntries(sparsity.items.map((i) => [i.name, i.zeroShare]));
  assert.ok(ratio.sigmoid < 1e-3, `sigmoid ${ratio.sigmoid}`);
  assert.ok(ratio.relu >= 1e-2 && ratio.relu <= 1e2, `relu ${ratio.relu}`);
  assert.ok(zeros.relu >= 0.2 && zeros.relu <= 0.8, `relu zeros ${zeros.relu}`);
  assert.equal(zeros.sigmoid, 0);
  assert.equal(zeros.tanh, 0);

  // The same numbers as a network built by hand with the same settings: nothing invented.
  const net = lab.createNetwork({ dataset: 'spiral', seed: 1, hidden: Array(PROBE_DEPTH).fill(PROBE_WIDTH), activation: 'relu', init: 'he' });
  try {
    const d = net.diagnostics();
    assert.equal(ratio.relu, d.firstLastGradRatio);
    assert.equal(zeros.relu, d.hidden.zeroFraction);  // the core's own total
    // Sparsity's consequence and tanh's condition are the core's too.
    assert.equal(sparsity.items.find((i) => i.name === 'relu').zeroMultiplyAddShare, d.zeroMultiplyAddFraction);
    // ... which is the per-layer shares weighted by units (to rounding: the core divides counts).
    const hidden = d.layers.slice(0, -1);
    const share = hidden.reduce((s, l) => s + l.zeroFraction * l.units, 0) / hidden.reduce((s, l) => s + l.units, 0);
    assert.ok(Math.abs(zeros.relu - share) < 1e-12, `${zeros.relu} vs ${share}`);
  } finally {
    net.delete();
  }
});

test('the probes follow the data: another dataset gives other numbers', () => {
  const spiral = measureProbes(lab, { dataset: 'spiral', seed: 1 }).vanishing.items[2].ratio;
  const circle = measureProbes(lab, { dataset: 'circle', seed: 1 });
  assert.equal(circle.vanishing.dataset, 'circle');
  assert.notEqual(circle.vanishing.items[2].ratio, spiral);
});

test('bad data settings throw the module\'s error naming the field', () => {
  assert.throws(() => measureProbes(lab, { points: 3 }), { message: /^points: 3 is out of range/ });
});

test('the cost claim is sigmoid\'s and tanh\'s fwd+bwd time over ReLU\'s, lab kernels and libm, measured once', () => {
  const cost = measureCostClaim(lab);
  assert.equal(cost.reference, 'relu');
  assert.deepEqual(cost.items.map((i) => i.name), ['sigmoid', 'tanh']);
  assert.equal(cost.rounds, 7);
  for (const i of cost.items) {
    assert.equal(i.ratio, i.ns / cost.referenceNs);
    assert.equal(i.libmRatio, i.libmNs / cost.referenceLibmNs);
    assert.ok(i.ns > 0 && i.libmNs > 0 && i.spread >= 0 && Number.isFinite(i.spread));
  }
  // One round: the multiple is exactly that round's ratio.
  const single = measureCostClaim(lab, 1);
  for (const i of single.items) {
    assert.equal(i.ratio, i.ns / single.referenceNs);
    assert.equal(i.libmRatio, i.libmNs / single.referenceLibmNs);
    assert.equal(i.spread, 0);
  }
  const meter = new ClaimsMeter(lab);
  const first = meter.measure({ dataset: 'spiral' });
  const second = meter.measure({ dataset: 'xor' });
  assert.equal(second.cost, first.cost, 'the CPU does not change with the data: measured once');
  assert.notDeepEqual(second.vanishing, first.vanishing);
});

test('the activation cost benchmark measures only the activations asked for, with spreads', () => {
  const rows = lab.activationCosts({ elements: 4096, repeats: 3, windowMs: 0.2, activations: ['tanh', 'relu'] });
  assert.deepEqual(rows.map((r) => r.name), ['tanh', 'relu']);
  for (const r of rows) assert.ok(r.forwardBackwardNs > 0 && r.forwardBackwardSpread >= 0, r.name);
  assert.throws(() => lab.activationCosts({ activations: ['relu', 'nope'] }), { message: /^activations: 'nope' is not one of/ });
  assert.throws(() => lab.activationCosts({ activations: 'relu' }), { message: /^activations: expected an array/ });
});

test('ratios read as people write them', () => {
  assert.equal(formatRatio(1 / 4200), '1 / 4,200');
  assert.equal(formatRatio(0.00023809), '1 / 4,200');
  assert.equal(formatRatio(0.65), '0.65');
  assert.equal(formatRatio(3.26), '3.3');
  assert.equal(formatRatio(4200), '4,200');
  assert.equal(formatRatio(5e-7), '10^-6.3');
  assert.equal(formatRatio(0), '0');
  assert.equal(formatRatio(NaN), '–');
  assert.equal(formatTimes(12.34), '12×');
});

test('each verdict is written from its numbers', () => {
  const label = (n) => ({ relu: 'ReLU', sigmoid: 'Sigmoid', tanh: 'Tanh' })[n];
  const cost = { reference: 'relu', referenceNs: 0.2, items: [
    { name: 'sigmoid', ratio: 14.2, libmRatio: 41 }, { name: 'tanh', ratio: 9.6, libmRatio: 95 }] };
  assert.equal(costVerdict(cost, label),
    'In this browser, Sigmoid costs 14× and Tanh 9.6× what ReLU costs per element (0.20 ns); with libm, 41× and 95×.');
  const cheaper = { ...cost, items: [{ name: 'sigmoid', ratio: 0.8, libmRatio: 2 }] };
  assert.match(costVerdict(cheaper, label), /not all dearer here/);
  const vanishing = { depth: 8, width: 16, dataset: 'spiral', items: [
    { name: 'sigmoid', ratio: 1 / 42000 }, { name: 'tanh', ratio: 0.03 }, { name: 'relu', ratio: 0.8 }] };
  assert.equal(vanishingVerdict(vanishing, label),
    'In a fresh 8 × 16 net on the spiral data, Sigmoid\'s first layer gets 1 / 42,000 of the gradient its last layer gets; ' +
    'Tanh\'s 1 / 33 and ReLU\'s 0.8.');
  const sparsity = { items: [{ name: 'sigmoid', zeroShare: 0 }, { name: 'tanh', zeroShare: 0 }, { name: 'relu', zeroShare: 0.523 }] };
  assert.equal(sparsityVerdict(sparsity, label), '52% of ReLU\'s hidden outputs are exactly 0; Sigmoid\'s 0% and Tanh\'s 0%.');
});

test('claimsJobs: probes first, then the cost once; rejected settings answer with an error, not a notice', async () => {
  const { claimsJobs } = await import('../../web/worker/claims.js');
  // The deferred queue (deferred-work.js) runs the jobs in order; here they run at once.
  const answerClaims = (lab, msg, post) => { for (const job of claimsJobs(lab, msg, post)) job(); };
  const { loadLab } = await import('../../web/lab/actlab.js');
  const fresh = await loadLab();  // the same Lab object: the cost may already be known from another test
  const posted = [];
  answerClaims(fresh, { config: { dataset: 'moons' }, requestId: 3 }, (m) => posted.push(m));
  assert.ok(posted.length === 1 || posted.length === 2);
  assert.equal(posted[0].type, 'claims');
  assert.equal(posted[0].requestId, 3);
  assert.equal(posted[0].claims.vanishing.dataset, 'moons');
  const withCost = posted.find((m) => m.claims.cost);
  assert.ok(withCost, 'the cost claim is sent');
  posted.length = 0;
  answerClaims(fresh, { config: { dataset: 'circle' } }, (m) => posted.push(m));
  assert.equal(posted.length, 1, 'once known, the cost rides along with the probes');
  assert.ok(posted[0].claims.cost && posted[0].claims.sparsity);
  posted.length = 0;
  answerClaims(fresh, { config: { points: 2 } }, (m) => posted.push(m));
  assert.deepEqual(posted.map((m) => m.type), ['claims']);
  assert.match(posted[0].error, /^points: 2 is out of range/);
});

test('each card says which net it measured, from the constants the worker sends', () => {
  const { vanishing, sparsity } = measureProbes(lab, { dataset: 'spiral', seed: 1 });
  const labels = { sigmoid: 'Sigmoid', tanh: 'Tanh', relu: 'ReLU' };
  for (const part of [vanishing, sparsity]) {
    assert.deepEqual(part.net, { depth: PROBE_DEPTH, width: PROBE_WIDTH, members: PROBES.map((p) => ({ ...p })) });
    assert.equal(netDescription(part.net, (n) => labels[n]), '8 layers \u00d7 16, Sigmoid/Tanh Xavier, ReLU He');
  }
  const tanh = vanishing.items.find((i) => i.name === 'tanh');
  const net = lab.createNetwork({ dataset: 'spiral', seed: 1, hidden: Array(PROBE_DEPTH).fill(PROBE_WIDTH), activation: 'tanh', init: 'xavier' });
  try {
    assert.equal(tanh.saturatedShare, net.diagnostics().hidden.saturatedFraction);
  } finally {
    net.delete();
  }
});

test('the vanishing card names tanh\u2019s condition whenever tanh passes more than ReLU, and only then', () => {
  const items = (tanh) => [{ name: 'sigmoid', init: 'xavier', ratio: 4.5e-6 }, { name: 'tanh', init: 'xavier', ratio: tanh, saturatedShare: 0.03 },
    { name: 'relu', init: 'he', ratio: 0.38 }];
  const ahead = vanishingVerdict({ depth: 8, width: 16, items: items(0.9) }, (n) => n);
  assert.match(ahead, /tanh passes more only under its condition: Xavier init keeps it near 0 \(3% of its units saturated\) at 8 layers of 16/);
  const behind = vanishingVerdict({ depth: 8, width: 16, items: items(0.1) }, (n) => n);
  assert.doesNotMatch(behind, /condition/);
});

test('the cards\u2019 verdicts format their numbers with the reader\u2019s translator ("14 倍", German "0,8")', async () => {
  const { createTranslator } = await import('../../web/i18n/i18n.js');
  const { default: zh } = await import('../../web/i18n/catalogs/zh-CN.js');
  const cost = { reference: 'relu', referenceNs: 0.2, items: [
    { name: 'sigmoid', ratio: 14.2, libmRatio: 41 }, { name: 'tanh', ratio: 9.6, libmRatio: 95 }] };
  const zhCost = costVerdict(cost, (n) => n, { i18n: createTranslator('zh-CN', zh) });
  assert.match(zhCost, /14 倍.*9\.6 倍.*41 倍.*95 倍/);
  assert.doesNotMatch(zhCost, /×/);
  // German digits tell a number given the translator from one formatted the English way.
  const german = createTranslator('de', {});
  const vanishing = { depth: 8, width: 16, items: [{ name: 'sigmoid', init: 'xavier', ratio: 1 / 42000 },
    { name: 'tanh', init: 'xavier', ratio: 0.9, saturatedShare: 0.034 }, { name: 'relu', init: 'he', ratio: 0.8 }] };
  const sparsity = { items: [{ name: 'relu', zeroShare: 0.523 }, { name: 'tanh', zeroShare: 0.012 }] };
  const texts = [costVerdict(cost, (n) => n, { i18n: german }), vanishingVerdict(vanishing, (n) => n, { i18n: german }),
    sparsityVerdict(sparsity, (n) => n, { i18n: german })].join(' ').replace(/\u00a0/g, ' ');
  for (const number of ['9,6×', '0,20 ns', '1 / 42.000', '0,9', '0,8', '3 %', '52 %', '1 %']) assert.ok(texts.includes(number), `'${number}' in: ${texts}`);
  assert.doesNotMatch(texts, /\d\.\d{1,2}(?!\d)/, 'no number formatted the English way');
});
