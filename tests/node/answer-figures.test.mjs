// The worker's answer figures (web/worker/answer-figures.js): CURVES from the core's kernels (after the first frames), the
// depth sweep one net per job of the deferred queue (a new request cancels the pending one; a setting asked again
// resumes from its cache), EDGES of the current run's nets.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabOrFail } from './lab-fixture.mjs';
import { AnswerFigures } from '../../web/worker/answer-figures.js';
import { DepthSweep } from '../../web/worker/depth-sweep.js';
import { DeferredWork } from '../../web/worker/deferred-work.js';
import { edgeGradients } from '../../web/worker/edge-gradients.js';
import { FromWorker, ToWorker } from '../../web/session/protocol.js';

let lab;
before(async () => { lab = await loadLabOrFail(); });

const CONFIG = { dataset: 'xor', points: 100, seed: 3 };
const collector = () => {
  const posted = [];
  return { posted, post: (message) => posted.push(message) };
};
const until = async (check) => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 1));
};

test('CURVES wait for the first frames, then are lab.activationCurves for the activations asked', async () => {
  const { posted, post } = collector();
  let blocked = true;  // a run of the worker still awaits its first drawn frame
  const deferred = new DeferredWork({ blocked: () => blocked });
  try {
    new AnswerFigures(lab, post, deferred).handle({ type: ToWorker.CURVES, activations: ['sigmoid', 'relu'] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(posted.length, 0, 'nothing before the first boundary is drawn');
    blocked = false;
    deferred.kick();
    await until(() => posted.length > 0);
  } finally {
    deferred.close();
  }
  assert.equal(posted.length, 1);
  assert.equal(posted[0].type, FromWorker.CURVES);
  assert.deepEqual(posted[0].items.map((i) => i.name), ['sigmoid', 'relu']);
  assert.deepEqual(posted[0].items.map((i) => i.maxDerivative), lab.activationCurves({ activations: ['sigmoid', 'relu'] }).map((i) => i.maxDerivative));
});

test('DEPTH waits for the first frames, then one net per job; a new setting cancels the old; a setting asked again resumes from the cache', async () => {
  const { posted, post } = collector();
  let blocked = true;  // a run of the worker still awaits its first drawn frame
  const deferred = new DeferredWork({ blocked: () => blocked });
  try {
    const figures = new AnswerFigures(lab, post, deferred);
    const activations = ['sigmoid', 'relu'];
    figures.handle({ type: ToWorker.DEPTH, activations, init: 'xavier', config: CONFIG });
    assert.equal(posted.length, 0, 'nothing is computed before the first frames');
    assert.ok(deferred.pending);
    deferred.runNext();  // one job: exactly one net
    assert.equal(posted.length, 1);
    assert.equal(posted[0].result.progress.cells, 1);

    figures.handle({ type: ToWorker.DEPTH, activations, init: 'he', config: CONFIG });
    const cut = posted.length;
    blocked = false;
    deferred.kick();
    await until(() => posted.at(-1)?.result?.done);
    assert.ok(posted.slice(cut).every((m) => m.result.init === 'he'), 'the xavier sweep stopped when he was asked');
    const he = new DepthSweep(lab, { activations, init: 'he', config: CONFIG });
    while (he.step());
    assert.deepEqual(posted.at(-1).result.items, he.result().items);

    // Back to xavier: its one computed cell is kept, the sweep goes on from there.
    blocked = true;
    const again = posted.length;
    figures.handle({ type: ToWorker.DEPTH, activations, init: 'xavier', config: CONFIG });
    deferred.runNext();
    assert.equal(posted[again].result.progress.cells, 2, 'resumed from the cached cell');
    figures.dispose();
    assert.ok(!deferred.pending, 'dispose cancels the pending jobs');
  } finally {
    deferred.close();
  }
});

test('DEPTH with settings the core rejects answers with an error, not a throw', () => {
  const { posted, post } = collector();
  new AnswerFigures(lab, post).handle({ type: ToWorker.DEPTH, activations: ['nope'], init: 'usual', config: CONFIG });
  assert.match(posted[0].error, /activations: 'nope'/);
});

test('EDGES are edgeGradients of each racer of the current run, and nothing for another run', () => {
  const { posted, post } = collector();
  const race = lab.createRace({ ...CONFIG, hidden: [4, 3], members: ['sigmoid', 'relu'] });
  try {
    const run = { runId: 5, members: [0, 1].map((i) => ({ name: ['sigmoid', 'relu'][i], net: race.member(i), failed: false })) };
    const figures = new AnswerFigures(lab, post);
    figures.handle({ type: ToWorker.EDGES, runId: 4 }, run);
    assert.equal(posted.length, 0, 'a stale request is dropped');
    figures.handle({ type: ToWorker.EDGES, runId: 5 }, run);
    assert.equal(posted[0].type, FromWorker.EDGES);
    posted[0].members.forEach((m, i) => {
      const expected = edgeGradients(race.member(i));
      assert.deepEqual(m.layers.map((l) => Array.from(l.magnitudes)), expected.layers.map((l) => Array.from(l.magnitudes)));
    });
  } finally {
    race.delete();
  }
});
