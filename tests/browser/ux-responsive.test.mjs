// A worker that always listens (issue 9 item 4): under the largest valid settings, where one
// training tick used to hold the worker for minutes, a new setting, Pause and Play are still heard
// after the worker's current slice, because it trains and reports in bounded slices. Checked as
// order, not time: every worker message is logged as it reaches the page, and a new setting must
// come before any further report of the old run beyond the one already in flight. How long that
// takes is measured and printed by `npm run bench:page` (its "new setting applied" line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labSession, openLab, poll, readSteps, waitForPausedFrame } from './lab-page.mjs';
import { MAXIMAL_HASH as MAXIMAL } from '../../scripts/bench-apply.mjs';

const TEST_TIMEOUT = 120000;
const lab = labSession();

// Reports of the old run that may still reach the page after a new setting: what was posted before
// the worker read it, at most one of each kind (a frame waits for the page's FRAME_DRAWN; diagnostics
// and unit maps are queued once each), plus what the slice in progress finishes.
const OLD_REPORTS_AT_MOST = { frame: 1, diagnostics: 2, 'unit-maps': 2 };

/** Before any page script: log every message any worker of the page posts, as {type, runId}. */
function tapWorkers() {
  window.__workerLog = [];
  window.__workers = [];
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      window.__workers.push(this);
      this.addEventListener('message', (e) => window.__workerLog.push({ type: e.data?.type, runId: e.data?.runId }));
    }
  };
}

/** Commits key=value through the page, as a control would; resolves to the worker messages until the new run started. */
function applySetting(page, key, value) {
  return page.evaluate(([k, v]) => new Promise((resolve) => {
    const before = document.documentElement.dataset.run;
    const from = window.__workerLog.length;
    const observer = new MutationObserver(() => {
      if (document.documentElement.dataset.run === before) return;
      observer.disconnect();
      resolve({ oldRun: Number(before), messages: window.__workerLog.slice(from) });
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-run'] });
    window.activationLab.commit(k, v);
  }), [key, value]);
}

/** Resolves once the worker answered a message posted now: everything it posted before has arrived. */
function workerRoundTrip(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const worker = window.__workers[0];
    worker.addEventListener('message', function heard(e) {
      if (e.data?.type !== 'memory') return;
      worker.removeEventListener('message', heard);
      resolve();
    });
    worker.postMessage({ type: 'memory' });
  }));
}

test('under the maximal settings a new setting applies after the slice in progress, and the page says the speed cannot be reached', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url, { hash: MAXIMAL, width: 1440, height: 900, initScript: tapWorkers });
  try {
    assert.equal(await page.evaluate(() => document.querySelectorAll('#race-cards [data-member]').length), 8);
    for (const [key, value] of [['learningRate', 0.002], ['seed', 2], ['learningRate', 0.005]]) {
      // The worker is busy training again: a frame of the current run with steps taken.
      assert.ok(await poll(async () => Object.values(await readSteps(page)).some((v) => v > 0), { timeout: 30000 }),
        'training is under way');
      const { oldRun, messages } = await applySetting(page, key, value);
      for (const [type, most] of Object.entries(OLD_REPORTS_AT_MOST)) {
        const late = messages.filter((m) => m.type === type && m.runId === oldRun).length;
        assert.ok(late <= most, `${key}=${value}: ${late} ${type} messages of the old run came before the new run started`);
      }
    }
    assert.ok(await poll(() => page.isVisible('#pace-note'), { timeout: 30000 }),
      'the page says these settings cannot reach the requested speed');
    assert.match(await page.textContent('#pace-note'), /cannot reach the requested speed/);

    // Pause is heard too: the step counts stop moving.
    await page.click('#play');
    // The paused frame (every network evaluated afresh, in slices) says so once it is drawn.
    await waitForPausedFrame(page);
    const paused = await readSteps(page);
    // Whatever the worker posted before answering a later message has arrived by then: no frame with more steps.
    await workerRoundTrip(page);
    await workerRoundTrip(page);
    assert.deepEqual(await readSteps(page), paused, 'no step after Pause');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
