// The why view on the default race: driven step by step with the page's own Step button (not wall
// time), it must show the claim the page makes (sigmoid's first/last gradient ratio below ReLU's),
// its sentence must quote the numbers its panels show, and every number it shows must be exactly
// what the worker posted from the core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labSession, readSteps, poll, waitForReady } from './lab-page.mjs';
import { collectErrors } from './chromium.mjs';

const TEST_TIMEOUT = 90000;
const STEPS = 3000;
const lab = labSession();

// Records every DIAGNOSTICS message the page receives from its worker (before any page script runs).
function recordDiagnostics() {
  window.__diagnostics = [];
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (event.data?.type === 'diagnostics') window.__diagnostics.push(event.data);
      });
    }
  };
}

/** Opens the default race paused and steps it to `steps` with the Step button (1,000 steps a click). */
async function defaultRaceAt(steps) {
  const context = await lab.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.addInitScript(recordDiagnostics);
  await page.goto(`${lab.url}#playing=false&stepsPerFrame=1000`);
  await waitForReady(page);
  const opened = { page, context, errors };
  for (let done = 1000; done <= steps; done += 1000) {
    await page.click('#step');
    const reached = await poll(async () => Object.values(await readSteps(page)).every((s) => s === done), { timeout: 30000 });
    assert.ok(reached, `every network reached step ${done}`);
  }
  // The panels and the sentence show the diagnostics of the last step.
  await page.waitForFunction((n) => {
    const panels = [...document.querySelectorAll('#why-panels .al-why')];
    const sentence = document.querySelector('[data-field="why-sentence"]');
    return panels.length > 0 && panels.every((p) => p.dataset.step === String(n)) && sentence?.dataset.step === String(n);
  }, steps, { timeout: 15000 });
  return opened;
}

test('after 3,000 steps of the default race, sigmoid\'s first/last ratio is below ReLU\'s, and the sentence says so', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await defaultRaceAt(STEPS);
  try {
    const shown = await page.evaluate(() => {
      const read = (sel) => {
        const e = document.querySelector(sel);
        return e ? { value: Number(e.dataset.value), text: e.textContent } : null;
      };
      const out = {};
      for (const name of ['sigmoid', 'relu', 'tanh', 'leaky_relu']) {
        out[name] = {
          panel: read(`#why-panels [data-member="${name}"] [data-field="grad-ratio"]`),
          sentence: read(`[data-field="why-sentence"] [data-activation="${name}"]`),
        };
      }
      out.sentenceText = document.querySelector('[data-field="why-sentence"]').textContent;
      return out;
    });
    assert.ok(shown.sigmoid.panel.value < shown.relu.panel.value,
      `sigmoid ${shown.sigmoid.panel.value} below ReLU ${shown.relu.panel.value}`);
    for (const name of ['sigmoid', 'relu', 'tanh', 'leaky_relu']) {
      assert.equal(shown[name].sentence.value, shown[name].panel.value, `${name}: the sentence quotes the panel's number`);
      assert.equal(shown[name].sentence.text, shown[name].panel.text, `${name}: and writes it the same way`);
    }
    assert.match(shown.sentenceText, /^In this run, at step 3,000, Sigmoid's first layer gets /);
    // On a 1440 px desktop the four panels sit in one row, and the comparison chart has one line per racer.
    const tops = await page.evaluate(() => [...document.querySelectorAll('#why-panels .al-why')].map((p) => Math.round(p.getBoundingClientRect().top)));
    assert.equal(tops.length, 4);
    assert.equal(new Set(tops).size, 1, `panel tops ${tops}`);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('.al-why-legend [data-activation]')].map((li) => li.dataset.activation)),
      ['sigmoid', 'tanh', 'relu', 'leaky_relu']);
    // Canvases are drawn once the view is in sight (off-screen only its text follows).
    await page.evaluate(() => document.getElementById('why-view').scrollIntoView());
    const painted = await poll(() => page.evaluate(() => {
      const inked = (canvas) => {
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
        return false;
      };
      return inked(document.querySelector('.al-why-compare canvas'))
        && [...document.querySelectorAll('#why-panels .al-layer-grad canvas')].every(inked);
    }), { timeout: 10000 });
    assert.ok(painted, 'the comparison chart and every gradient histogram are drawn');
    // Written for people: "1 / 4,200", "0.65" or "10^-6.3", never "6.5e-1".
    for (const name of ['sigmoid', 'relu']) assert.doesNotMatch(shown[name].panel.text, /e[+-]?\d/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the why view shows exactly what the core computed', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await defaultRaceAt(1000);
  try {
    const mismatches = await page.evaluate(async (steps) => {
      const { describeHistogram } = await import('/views/histogram.js');
      const posted = window.__diagnostics.filter((m) => m.members.every((x) => x.diagnostics.step === steps)).at(-1);
      if (!posted) return ['no DIAGNOSTICS message at the last step was posted'];
      const bad = [];
      const expect = (what, el, value) => {
        if (!el) bad.push(`${what}: not shown`);
        else if (el.dataset.value !== String(value)) bad.push(`${what}: shows ${el.dataset.value}, core ${value}`);
      };
      for (const { name, diagnostics: d } of posted.members) {
        const panel = document.querySelector(`#why-panels [data-member="${name}"]`);
        expect(`${name} ratio`, panel.querySelector('[data-field="grad-ratio"]'), d.firstLastGradRatio);
        expect(`${name} sentence ratio`, document.querySelector(`[data-field="why-sentence"] [data-activation="${name}"]`), d.firstLastGradRatio);
        d.layers.forEach((layer, i) => {
          const field = (f) => panel.querySelector(`[data-field="${f}"][data-layer="${i}"]`);
          expect(`${name} layer ${i} norm`, field('grad-norm'), layer.weightGradNorm);
          expect(`${name} layer ${i} table norm`,
            document.querySelector(`.al-why-table td[data-activation="${name}"][data-layer="${i}"]`), layer.weightGradNorm);
          if (i < d.layers.length - 1) {
            expect(`${name} layer ${i} zeros`, field('zero-fraction'), layer.zeroFraction);
            expect(`${name} layer ${i} dead`, field('dead-units'), layer.deadUnits);
            expect(`${name} layer ${i} saturated`, field('saturated-fraction'), layer.saturatedFraction);
          }
          // Histograms are canvases: their text equivalent must describe the posted counts.
          const e = d.histogramEdges;
          const label = panel.querySelectorAll('.al-layer-grad canvas')[i]?.getAttribute('aria-label') ?? '';
          const expected = describeHistogram(layer.gradHistogram, {
            lo: e.gradLogMin, hi: e.gradLogMax, zeroCount: layer.gradZeros, unit: 'weights', formatEdge: (v) => `1e${+v.toFixed(1)}` });
          if (!label.endsWith(expected)) bad.push(`${name} layer ${i} histogram: "${label}" does not end with "${expected}"`);
        });
      }
      return bad;
    }, 1000);
    assert.deepEqual(mismatches, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
