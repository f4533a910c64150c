// The seeds figure's controller (web/session/seeds-controller.js) over a stand-in pool: new settings
// stop the running seeds at once (even when the figure does not run again at once), cancel stops
// them and keeps what finished, and seeds arrive in any order but are drawn in seed order; while
// seeds finish, redraws are throttled to one per SEEDS_DRAW_EVERY_MS, the first seed's at once (start, finish
// and cancel always draw at once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeedsController, SEEDS_DRAW_EVERY_MS, seedList } from '../../web/session/seeds-controller.js';

function fakePool() {
  const jobs = [];
  return {
    jobs,
    run(job, seeds, handlers) {
      const entry = { job, seeds, handlers, cancelled: false };
      jobs.push(entry);
      return { cancel: () => { entry.cancelled = true; } };
    },
  };
}

const settings = (over = {}) => ({ config: { seed: 5, learningRate: 0.03 }, members: ['relu'], seeds: 3, seedSteps: 100, ...over });
const result = (seed) => ({ members: [{ name: 'relu', trainAccuracy: seed / 10 }] });

test('seeds follow the settings\' seed; new settings cancel the running job', () => {
  const pool = fakePool();
  const drawn = [];
  const controller = new SeedsController({ pool: () => pool, figure: { update: (m) => drawn.push(m) } });
  controller.setSettings(settings());
  controller.run();
  assert.deepEqual(pool.jobs[0].seeds, [5, 6, 7]);
  assert.equal(controller.setSettings(settings()), false, 'the same settings change nothing');
  assert.equal(pool.jobs[0].cancelled, false);
  assert.equal(controller.setSettings(settings({ config: { seed: 5, learningRate: 0.1 } })), true);
  assert.equal(pool.jobs[0].cancelled, true);
  assert.equal(controller.state, 'idle');
  assert.deepEqual(drawn.at(-1).groups, []);
});

test('results in any order, drawn in seed order, with failures counted; cancel keeps the finished seeds', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const pool = fakePool();
  let model = null;
  let draws = 0;
  const controller = new SeedsController({ pool: () => pool, figure: { update: (m) => { model = m; draws += 1; } } });
  controller.setSettings(settings());
  controller.run();
  assert.deepEqual([model.done, model.state], [0, 'running'], 'starting draws at once');
  const { handlers } = pool.jobs[0];
  const before = draws;
  handlers.done(7, result(7));
  assert.equal(draws, before + 1, 'the first seed draws at once (a live count)');
  handlers.failed(5, 'out of memory');
  assert.equal(draws, before + 1, 'a seed finishing within the interval waits for the next redraw');
  t.mock.timers.tick(SEEDS_DRAW_EVERY_MS);
  assert.equal(draws, before + 2);
  assert.deepEqual(model.groups[0].seeds.map((s) => s.seed), [5, 7]);
  assert.deepEqual([model.done, model.failed, model.total, model.state], [2, 1, 3, 'running']);
  controller.cancel();
  assert.equal(pool.jobs[0].cancelled, true);
  assert.deepEqual([model.done, model.state], [2, 'cancelled']);
  controller.run();
  pool.jobs[1].handlers.done(5, result(5));
  pool.jobs[1].handlers.done(6, result(6));
  pool.jobs[1].handlers.done(7, result(7));
  assert.deepEqual([model.done, model.state], [3, 'done']);
  assert.deepEqual(seedList(4294967295, 2), [4294967295, 0]);
});
