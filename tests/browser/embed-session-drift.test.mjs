// The two bugs the embed's own copy of the page's orchestration had (issue 15), now that both are
// views over one run session (web/session/session.js):
// (a) a race whose grid the worker shrinks (a deep or wide net on a slow machine) must still draw
//     coloured boards: the embed sized grids from frame.grid and ignored each member's gridSide,
//     so the boundary was rejected and the boards turned grey. The shrink is forced through the
//     worker's LIMIT_GRID_SIDE test hook, not a slow machine.
// (b) a custom-data error (clicked points the core refuses) must reset the clicked points, as the
//     page does, and keep the point-count setting: the embed reset `points` instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedSession, openPage, DRAW_TIMEOUT_MS } from './embed-session.mjs';

const session = embedSession();
const script = () => `<script src="${session.lab}embed/activation-lab.js"></script>`;
const SHRUNK_SIDE = 48;

/** Distinct colours on each board canvas of the first element (a grey "no grid" board has one). */
function boardColours(page) {
  return page.evaluate(() => {
    const root = document.querySelector('activation-lab').shadowRoot;
    return [...root.querySelectorAll('.alx-card')].map((slot) => {
      const canvas = slot.querySelector('canvas');
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4 * 7) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return { member: slot.dataset.member, side: Number(slot.dataset.gridSide), step: Number(slot.dataset.step), colours: colours.size };
    });
  });
}

test('(a) an embedded race whose grid side the worker shrinks draws coloured boards at that side', async () => {
  const url = await session.writePost('shrunk.html', `${script()}
    <activation-lab figure="race" settings="dataset=circle&amp;members=tanh,relu&amp;stepsPerFrame=20"></activation-lab>`);
  const { context, page, errors } = await openPage(session.browser, url);
  try {
    await page.locator('activation-lab').locator('.al-card[data-drawn="true"]').first().waitFor({ timeout: DRAW_TIMEOUT_MS });
    const before = Math.max(...(await boardColours(page)).map((b) => b.step));
    await page.evaluate((side) => document.querySelector('activation-lab').limitGridSide(side), SHRUNK_SIDE);
    // Boards drawn from grids the worker made after the cap: both networks trained on since.
    await page.waitForFunction((after) => {
      const slots = [...document.querySelector('activation-lab').shadowRoot.querySelectorAll('.alx-card')];
      return slots.length === 2 && slots.every((s) => Number(s.dataset.step) >= after);
    }, before + 200, { timeout: 4 * DRAW_TIMEOUT_MS });
    const boards = await boardColours(page);
    assert.equal(boards.length, 2);
    for (const board of boards) {
      // A rejected grid is one flat grey; a boundary has a gradient of class colours.
      assert.ok(board.colours > 20, `${board.member}: ${board.colours} colours on its board`);
      assert.equal(board.side, SHRUNK_SIDE, `${board.member}: drawn at the side the worker sent`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/**
 * Makes the worker's answer to the first CONFIGURE a custom-data CONFIG_ERROR (valid settings
 * cannot produce one today: the parser keeps clicked points inside the core's limits). Runs in the
 * page before any script, wrapping the Worker the element's hub starts; the worker itself is real.
 */
function failFirstRunWithDataError() {
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    addEventListener(type, listener, options) {
      if (type !== 'message') return super.addEventListener(type, listener, options);
      return super.addEventListener(type, (event) => {
        const data = event.data;
        if (data?.type !== 'run-started' || data.runId !== 1) return listener(event);
        return listener(new MessageEvent('message', { data: {
          type: 'config-error', runId: 1, figure: data.figure, field: 'points', argument: 'data',
          message: 'points: 3 values, expected 2 (x, y per label)' } }));
      }, options);
    }
  };
}

test('(b) a custom-data error in an embed removes the clicked points and keeps the point-count setting', async () => {
  const url = await session.writePost('bad-data.html', `${script()}
    <activation-lab figure="race" settings="points=300&amp;data=cleared&amp;added=1:1:0,2:2:1&amp;members=tanh,relu"></activation-lab>`);
  const context = await session.browser.newContext({ viewport: { width: 800, height: 900 } });
  try {
    await context.addInitScript(failFirstRunWithDataError);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('activation-lab').snapshot()?.runId >= 2, null, { timeout: DRAW_TIMEOUT_MS });
    await page.locator('activation-lab').locator('.alx-figure[data-ready="true"]').waitFor({ timeout: DRAW_TIMEOUT_MS });
    const notices = await page.locator('activation-lab').locator('.alx-notices li').allTextContents();
    assert.ok(notices.some((text) => /The clicked points were removed/.test(text)), notices.join(' | '));
    const { settings, runId } = await page.evaluate(() => document.querySelector('activation-lab').snapshot());
    assert.equal(runId, 2, 'one fallback, then a run that started');
    const values = new URLSearchParams(settings.replace(/^#/, ''));
    assert.equal(values.get('points'), '300', 'the point-count setting is kept');
    assert.equal(values.get('added'), '', 'the clicked points are gone');
    assert.equal(values.get('data'), 'cleared');
  } finally {
    await context.close();
  }
});
