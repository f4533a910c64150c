// Embedded figures fit a blog (issue 15, item 4): every figure of web/embed/figures.js, pasted as
// "Embed this" writes it (the element, and the iframe with its resize script), into a blog page on a
// second origin under the host CSP, at 360 and 720 px, light and dark: drawn, styled like the lab's
// own components, within its height budget, no number outside its card, no console error and no
// error event on the host window, axe-core clean; and the race and card figures, paused, show the
// core's step, losses and accuracies for the settings the snippet gives (core-oracle.mjs).
// Screenshots go to test-results/embeds/ (ignored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedSession, openPage } from './embed-session.mjs';
import { collectErrors } from './chromium.mjs';
import { embedSnippets } from '../../web/app/embed-dialog.js';
import { assertCardsMatchCore, readCards, settingsOfHash } from './core-oracle.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = path.join(REPO_ROOT, 'test-results', 'embeds');
const READY_TIMEOUT_MS = 30000;  // four figures share one worker on a busy machine: a bound, not a goal

// Each figure's settings in the post: four racers (four columns at 720 px) and the deep preset.
const SETTINGS = {
  race: '#preset=vanishing&members=sigmoid,tanh,relu,leaky_relu',
  card: '#preset=vanishing&members=sigmoid,relu',
  why: '#preset=vanishing&members=sigmoid,tanh,relu,leaky_relu',
};
const ACTIVATION = { card: 'relu' };
// Height budgets (px) at 360 px: the 900 for why; the others what a blog column can take.
const BUDGET_360 = { race: 1500, card: 900, why: 900, cost: 1400, claims: 1300 };
const DEFAULT_BUDGET = 1500;
// The element whose computed style must match the lab's own component (web/views/demo.html).
const KEY_ELEMENT = { race: '.al-card', card: '.al-card', why: '.al-why-compare-title', cost: '.al-cost', claims: '.al-claim' };
const STYLE_PROPERTIES = ['display', 'font-weight', 'font-size', 'border-top-width', 'border-top-style', 'border-top-left-radius', 'padding-top'];

const session = embedSession();
let figures;
let referenceStyles;

/** Runs in the document holding the <activation-lab> (the blog, or embed.html): what the test checks. */
function probe([selector, keySelector, properties]) {
  const host = document.querySelector(selector);
  const root = host?.shadowRoot;
  const frame = root?.querySelector('.alx-figure');
  if (frame?.dataset.ready !== 'true') return null;
  const figure = frame.dataset.figure;
  const drawn = {
    race: () => root.querySelectorAll('.al-card[data-drawn="true"]').length === root.querySelectorAll('.al-card').length,
    card: () => root.querySelector('.al-card[data-drawn="true"]'),
    why: () => root.querySelector('[data-field="why-sentence"][data-step]') && root.querySelector('.alx-ratios li'),
    cost: () => root.querySelector('.al-cost-row [data-field="forward-ns"][data-value]'),
    claims: () => root.querySelector('.al-claims:not([data-state="measuring"])'),
  }[figure] ?? (() => true);
  if (!drawn()) return null;
  const box = frame.getBoundingClientRect();
  const outside = [...root.querySelectorAll('.alx-figure *')].filter((node) => {
    const r = node.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    // A wide table in a sideways scroller is the usual narrow-column layout: the scroller is checked,
    // what scrolls inside it is not.
    for (let up = node.parentElement; up && up !== frame; up = up.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) return false;
    }
    const card = node.closest('.al-card, .al-claim');
    const limit = card ? card.getBoundingClientRect() : box;
    return r.right > limit.right + 1 || r.left < limit.left - 1;
  }).map((node) => `${node.className || node.tagName}: ${node.textContent.slice(0, 30)}`);
  const key = root.querySelector(keySelector);
  const style = key ? Object.fromEntries(properties.map((p) => [p, getComputedStyle(key).getPropertyValue(p)])) : null;
  return { figure, height: box.height, width: box.width, outside, style, caption: root.querySelector('.alx-caption')?.textContent,
    link: root.querySelector('a.alx-link')?.href, background: getComputedStyle(frame).backgroundColor };
}

/** axe-core's violations in `target`; a framed figure is a fragment of the host's page, so the
 * page-level heading rule is the host's business there. */
async function axeViolations(target, { framed = false } = {}) {
  const source = await fs.readFile(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await target.evaluate(source);  // evaluated by the driver: the host's CSP is not loosened for it
  return target.evaluate(async (rules) => {
    const result = await window.axe.run(document, { resultTypes: ['violations'], rules });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, framed ? { 'page-has-heading-one': { enabled: false } } : {});
}

/**
 * Pauses the figure `selector` in `target` (the blog page, or the iframe's embed page) and asserts
 * that its cards show the core's numbers for the snippet's settings text, read by the lab's own
 * settings parser, racing `members` (the card figure races its one activation).
 */
async function assertFigureMatchesCore(target, selector, settingsText, members, what) {
  await target.evaluate((s) => document.querySelector(s).pause(), selector);
  // The worker's paused frame is in (no step follows it) and every card has drawn its step.
  await target.waitForFunction((s) => {
    const snap = document.querySelector(s).snapshot();
    if (!snap || snap.playing || snap.framePlaying !== false || snap.members.length === 0) return false;
    const cards = [...document.querySelector(s).shadowRoot.querySelectorAll('.alx-cards [data-member]')];
    const stepOf = Object.fromEntries(snap.members.map((m) => [m.name, m.step]));
    return cards.length === snap.members.length
      && cards.every((c) => Number(c.querySelector('[data-field="step"]').dataset.value) === stepOf[c.dataset.member]);
  }, selector, { timeout: READY_TIMEOUT_MS, polling: 100 });
  const settings = { ...await settingsOfHash(settingsText), members };
  await assertCardsMatchCore(await readCards(target, selector), settings, what);
}

// Node 20 runs a file's top-level before() hooks concurrently: this one waits for the session's
// browser by being called from the tests instead (once).
let setup = null;
const ready = () => (setup ??= readReference());

async function readReference() {
  const probePage = await openPage(session.browser, `${session.lab}views/demo.html`);
  try {
    figures = await probePage.page.evaluate((lab) => import(`${lab}embed/figures.js`).then((m) => Object.keys(m.FIGURES)), session.lab);
    referenceStyles = await probePage.page.evaluate(([keys, properties]) => Object.fromEntries(Object.entries(keys).map(([figure, selector]) => {
      const node = document.querySelector(selector);
      return [figure, node && Object.fromEntries(properties.map((p) => [p, getComputedStyle(node).getPropertyValue(p)]))];
    })), [KEY_ELEMENT, STYLE_PROPERTIES]);
  } finally {
    await probePage.context.close();
  }
  await fs.mkdir(SHOTS, { recursive: true });
}

/** The blog post: every figure, as the snippet "Embed this" writes for it, each in a labelled box. */
function post(mode) {
  return figures.map((figure) => {
    const snippets = embedSnippets(session.lab, SETTINGS[figure] ?? '', { figure, activation: ACTIVATION[figure] ?? '' });
    const snippet = mode === 'element'
      ? snippets.element.replace('<activation-lab ', `<activation-lab id="fig-${figure}" `)
      : snippets.iframe.replace('class="activation-lab-embed"', `class="activation-lab-embed" id="fig-${figure}"`);
    return `<section><h2>Figure: ${figure}</h2>\n${snippet}</section>`;
  }).join('\n');
}

for (const mode of ['element', 'iframe']) {
  for (const width of [360, 720]) {
    for (const scheme of ['light', 'dark']) {
      test(`${mode} snippets at ${width} px, ${scheme}: every figure drawn, styled, within budget, clean`, { timeout: 240000 }, async () => {
        await ready();
        const url = await session.writePost(`fit-${mode}-${width}-${scheme}.html`,
          `<main><h1>A post with every figure</h1>\n${post(mode)}</main>`);
        const context = await session.browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        // Error events reach a host's error tracker even when nothing is logged ("ResizeObserver loop").
        await context.addInitScript(() => {
          window.hostErrors = [];
          addEventListener('error', (e) => window.hostErrors.push(String(e.message)));
        });
        const page = await context.newPage();
        const errors = collectErrors(page);
        await page.goto(url);
        try {
          for (const figure of figures) {
            const box = page.locator(`#fig-${figure}`);
            await box.scrollIntoViewIfNeeded();
            const target = mode === 'element' ? page : await (await page.$(`#fig-${figure} iframe`)).contentFrame();
            const selector = mode === 'element' ? `#fig-${figure}` : 'activation-lab';
            const result = await target.waitForFunction(probe, [selector, KEY_ELEMENT[figure] ?? '.alx-body', STYLE_PROPERTIES],
              { timeout: READY_TIMEOUT_MS, polling: 200 }).then((h) => h.jsonValue());
            const what = `${figure} (${mode}, ${width} px, ${scheme})`;
            assert.equal(result.figure, figure, what);
            const budget = width === 360 ? BUDGET_360[figure] ?? DEFAULT_BUDGET : 2 * DEFAULT_BUDGET;
            assert.ok(result.height <= budget, `${what}: ${Math.round(result.height)} px tall, budget ${budget}`);
            assert.ok(result.width <= width, `${what}: ${result.width} px wide in a ${width} px page`);
            assert.deepEqual(result.outside, [], `${what}: elements outside their card`);
            assert.match(result.caption, /^(\w[\w ]*: )?[a-z ]+, (\d+ x \d+|[\d, ]+|no hidden layer), (SGD|Adam|momentum) [\d.e-]+, seed \d+$/, what);
            assert.match(result.link ?? '', new RegExp(`^${session.lab}index\\.html`), what);
            if (scheme === 'dark') assert.notEqual(result.background, 'rgb(255, 255, 255)', `${what}: a white frame in dark mode`);
            if (scheme === 'light' && width === 720 && referenceStyles[figure]) {
              assert.deepEqual(result.style, referenceStyles[figure], `${what}: styled as the lab's ${KEY_ELEMENT[figure]}`);
            }
            if (figure === 'race' || figure === 'card') {
              const settings = await settingsOfHash(SETTINGS[figure]);
              await assertFigureMatchesCore(target, selector, SETTINGS[figure],
                ACTIVATION[figure] ? [ACTIVATION[figure]] : settings.members, what);
            }
            if (mode === 'iframe') {
              // The snippet's resize script followed the frame's height messages.
              await page.waitForFunction((f) => document.querySelector(`#fig-${f} iframe`).style.height !== '', figure,
                { timeout: READY_TIMEOUT_MS });
              assert.equal(await page.locator(`#fig-${figure} > a`).isHidden(), true, `${what}: the fallback link hides once scripts run`);
              if (width === 720) {
                // The snippet's first height (web/embed/figure-heights.js, oEmbed's too) holds the
                // figure the frame then reports, and does not leave much of it empty.
                const [first, reported] = await page.evaluate((f) => {
                  const frame = document.querySelector(`#fig-${f} iframe`);
                  return [Number(frame.getAttribute('height')), parseFloat(frame.style.height)];
                }, figure);
                assert.ok(reported <= first, `${what}: ${reported} px tall, more than the first height ${first} (figure-heights.js)`);
                assert.ok(first <= 1.25 * reported + 40, `${what}: ${reported} px tall, far below the first height ${first} (figure-heights.js)`);
              }
            }
            if (mode === 'iframe') assert.deepEqual(await axeViolations(target, { framed: true }), [], `${what}: axe-core`);
          }
          if (mode === 'element') assert.deepEqual(await axeViolations(page), [], 'axe-core on the blog page and its figures');
          await page.screenshot({ path: path.join(SHOTS, `${mode}-${width}-${scheme}.png`), fullPage: true });
          assert.deepEqual(await page.evaluate(() => window.hostErrors), [], 'error events on the host window');
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }
}
