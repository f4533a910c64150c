// Issue 16, items 3 and 6, on the lab page: what the claim cards show beside their fresh-net
// figures, and what a phone's first screen keeps.
//   - Desktop: each claim card's rows carry the current run's figure beside the fresh net's
//     ([data-field=run][data-value]): for the vanishing claim, this run's first/last ratio, the one
//     the why view's sentence states; for the cost claim, the whole training step's multiple of
//     ReLU's beside the per-element one. Log bars carry decade ticks.
//   - Phone (375 x 812): the tagline, every claim's caption, net line (one line) and bars stay, and
//     no visible sentence says tanh does better without its condition; the claims stack; the
//     preset row wraps (every preset whole and inside the screen); the first row of boundaries
//     shows ReLU beside sigmoid, a winner and a loser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labSession, openLab, READY_TIMEOUT_MS } from './lab-page.mjs';
import { pauseRace } from './core-oracle.mjs';

const TEST_TIMEOUT = 120000;
const lab = labSession();

const claimsMeasured = (page) => page.waitForFunction(() => ['cost', 'vanishing', 'sparsity'].every(
  (c) => document.querySelector(`[data-claim="${c}"] [data-activation][data-value]`)), null, { timeout: READY_TIMEOUT_MS * 4 });

test('desktop: each claim card shows the current run\u2019s figure beside the fresh net\u2019s, and its log bars carry decade ticks', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url, { width: 1366, height: 768 });
  try {
    await claimsMeasured(page);
    // The cost card's run figure needs a few speed readings of the race; then the run is paused, so
    // the last diagnostics are the ones the why view and the cards both show.
    await page.waitForFunction(() => ['sigmoid', 'tanh'].every(
      (n) => document.querySelector(`[data-claim=cost] [data-activation=${n}] [data-field=run][data-value]`)), null, { timeout: READY_TIMEOUT_MS * 2 });
    await pauseRace(page);
    const read = () => page.evaluate(() => {
      const runOf = (claim) => Object.fromEntries([...document.querySelectorAll(`[data-claim=${claim}] [data-activation]`)]
        .filter((li) => li.querySelector('[data-field=run][data-value]'))
        .map((li) => [li.dataset.activation, { run: Number(li.querySelector('[data-field=run]').dataset.value),
          fresh: Number(li.dataset.value), text: li.querySelector('[data-field=run]').textContent }]));
      return {
        vanishing: runOf('vanishing'),
        cost: runOf('cost'),
        why: Object.fromEntries([...document.querySelectorAll('[data-field=why-sentence] [data-activation]')]
          .map((s) => [s.dataset.activation, Number(s.dataset.value)])),
        ticks: Object.fromEntries(['cost', 'vanishing'].map((c) => [c,
          document.querySelector(`[data-claim=${c}] .al-claim-row .al-claim-track`).querySelectorAll('.al-claim-tick').length])),
      };
    });
    // Once paused, the cards settle on the why view's last diagnostics.
    await page.waitForFunction(() => {
      // The card's rows are its fresh net's activations (sigmoid, tanh, ReLU); the race may have more.
      const why = [...document.querySelectorAll('[data-field=why-sentence] [data-activation]')]
        .filter((s) => document.querySelector(`[data-claim=vanishing] [data-activation=${s.dataset.activation}]`));
      return why.length === 3 && why.every((s) => document.querySelector(
        `[data-claim=vanishing] [data-activation=${s.dataset.activation}] [data-field=run]`)?.dataset.value === s.dataset.value);
    }, null, { timeout: READY_TIMEOUT_MS });
    const shown = await read();
    for (const name of ['sigmoid', 'tanh', 'relu']) {
      assert.equal(shown.vanishing[name]?.run, shown.why[name], `${name}: the vanishing card's run figure is the why view's ratio`);
      assert.match(shown.vanishing[name].text, /\S/, `${name}: the run figure is said, not only stored`);
    }
    for (const name of ['sigmoid', 'tanh']) {
      const { run, fresh, text } = shown.cost[name];
      assert.ok(run > 0 && Number.isFinite(run), `${name}: a whole-step multiple (${run})`);
      assert.notEqual(run, fresh, `${name}: the step's multiple is its own figure, not the per-element one`);
      assert.match(text, /\d/, `${name}: "${text}"`);
    }
    // Decades: the cost bar spans 1x to 10^2.5x (1, 10, 100), the vanishing bar 10^-8 to 10.
    assert.deepEqual(shown.ticks, { cost: 3, vanishing: 10 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('phone (375 x 812): tagline, captions, nets and bars stay; the claims stack; presets wrap; ReLU races beside sigmoid on the first screen', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url, { width: 375, height: 812 });
  try {
    await claimsMeasured(page);
    const look = await page.evaluate(() => {
      const box = (e) => e.getBoundingClientRect();
      const shown = (e) => Boolean(e) && e.checkVisibility() && box(e).width > 0 && box(e).height > 0;
      const claims = [...document.querySelectorAll('[data-claim]')];
      const firstScreen = [...document.querySelectorAll('#race-cards [data-member]')].filter((card) => {
        const b = box(card.querySelector('.al-card-boundary'));
        return b.width > 100 && b.top >= 0 && b.bottom <= innerHeight;
      });
      return {
        tagline: shown(document.querySelector('.tagline')) && document.querySelector('.tagline').textContent.trim().length > 20,
        captions: claims.map((c) => shown(c.querySelector('.al-claim-caption')) && c.querySelector('.al-claim-caption').textContent.trim().length > 0),
        bars: claims.map((c) => [...c.querySelectorAll('.al-claim-row .al-claim-track')].filter(shown).length),
        lefts: claims.map((c) => Math.round(box(c).left)),
        tops: claims.map((c) => Math.round(box(c).top)),
        presets: [...document.querySelectorAll('#preset-buttons button')].map((b) => ({
          inside: box(b).left >= 0 && box(b).right <= innerWidth, whole: b.scrollWidth <= b.clientWidth + 1 })),
        presetRowScrolls: document.getElementById('preset-buttons').scrollWidth > document.getElementById('preset-buttons').clientWidth + 1,
        firstScreen: firstScreen.map((card) => ({ name: card.dataset.member, top: Math.round(box(card).top) })),
        // The net each card measured, as the phone shows it (its visually hidden lead left out).
        nets: claims.map((c) => {
          const net = c.querySelector('.al-claim-net');
          const text = net.children.length
            ? [...net.children].filter((e) => box(e).width > 1).map((e) => e.textContent).join('') : net.textContent;
          return { claim: c.dataset.claim, shown: shown(net) && box(net).width > 1 && box(net).height > 1, text, height: box(net).height,
            lineHeight: parseFloat(getComputedStyle(net).lineHeight), overflows: net.scrollWidth > net.clientWidth + 1 || box(net).right > box(c).right };
        }),
        // Every sentence a phone reader sees (not the visually hidden ones) that says tanh does better.
        tanhAhead: [...document.querySelectorAll('p, li, figcaption, summary, h1, h2, h3, td, [data-field]')]
          .filter((e) => shown(e) && box(e).width > 1 && box(e).height > 1)
          .map((e) => e.textContent.replace(/\s+/g, ' ').trim())
          .filter((t) => /\btanh\b[^.;?]*\b(passes more|(?<!at )most|better|beats?|wins?)\b/i.test(t)),
      };
    });
    assert.ok(look.tagline, 'the tagline stays');
    assert.deepEqual(look.captions, [true, true, true], 'every claim keeps its caption');
    assert.ok(look.bars.every((n) => n >= 2), `every claim keeps its bars: ${look.bars}`);
    assert.equal(new Set(look.lefts).size, 1, `the claims stack (lefts ${look.lefts})`);
    assert.ok(look.tops.every((t, i) => i === 0 || t > look.tops[i - 1]), `one under another (tops ${look.tops})`);
    assert.ok(look.presets.length >= 5 && look.presets.every((p) => p.inside && p.whole), JSON.stringify(look.presets));
    assert.equal(look.presetRowScrolls, false, 'the preset row wraps instead of scrolling sideways');
    const names = look.firstScreen.map((c) => c.name);
    assert.ok(names.includes('relu') && names.includes('sigmoid'), `the first screen races ${names}`);
    const row = (name) => look.firstScreen.find((c) => c.name === name).top;
    assert.equal(row('relu'), row('sigmoid'), 'ReLU beside sigmoid, in one row');
    // Each card says which net it measured, on one line that fits: tanh's 0.9 beside ReLU's 0.38 is
    // read with its condition (tanh's Xavier init, ReLU's He, the depth), not as tanh being better.
    for (const net of look.nets) {
      assert.ok(net.shown && net.text.trim().length > 0, `${net.claim}: the net line is shown (${JSON.stringify(net)})`);
      assert.ok(net.height < 1.5 * net.lineHeight, `${net.claim}: "${net.text}" on one line (${net.height} px)`);
      assert.equal(net.overflows, false, `${net.claim}: "${net.text}" fits the card`);
    }
    const vanishingNet = look.nets.find((n) => n.claim === 'vanishing').text;
    assert.match(vanishingNet, /\d+ layers × \d+.*Tanh[^,]* Xavier.*ReLU He/, 'the vanishing card names depth, width and each init');
    for (const text of look.tanhAhead) assert.match(text, /condition|\binit\b/, `a sentence says tanh does better without its condition: "${text}"`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// Issue 16, item 4: "explain Identity's accuracy wherever it races", not only in the Playground
// preset's text: any race with an Identity racer says why its accuracy sits near chance.
test('an Identity racer outside any preset says why its accuracy stays near chance; the others carry no note', { timeout: TEST_TIMEOUT }, async () => {
  const { page, context, errors } = await openLab(lab.browser, lab.url, { hash: '#members=identity,relu&dataset=spiral', width: 1366, height: 768 });
  try {
    const notes = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#race-cards [data-member]')].map((card) => {
      const note = card.querySelector('[data-field=note]');
      return [card.dataset.member, note && note.checkVisibility() ? note.textContent : null];
    })));
    assert.deepEqual(Object.keys(notes), ['identity', 'relu']);
    assert.match(notes.identity ?? '', /one linear function .* straight line\. .*near chance/);
    assert.equal(notes.relu, null);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// Issue 16, item 10: "four racers in a 3-column grid leave an orphan row". At every width the race
// cards fill their rows evenly: 4 in one row or 2 x 2, 6 as 3 x 2, never a lone card under a full row.
test('the race cards fill even rows: 4 racers in 4 columns or 2 x 2, 6 in 3 x 2, at desktop and tablet widths', { timeout: TEST_TIMEOUT }, async () => {
  const six = 'sigmoid,tanh,relu,leaky_relu,elu,gelu';
  for (const [hash, width, racers] of [['', 1366, 4], ['', 800, 4], [`#members=${six}`, 1366, 6], [`#members=${six}`, 800, 6]]) {
    const { page, context, errors } = await openLab(lab.browser, lab.url, { hash, width, height: 768 });
    try {
      const rows = await page.evaluate(() => {
        const counts = new Map();
        for (const card of document.querySelectorAll('#race-cards [data-member]')) {
          const top = Math.round(card.getBoundingClientRect().top);
          counts.set(top, (counts.get(top) ?? 0) + 1);
        }
        return [...counts.values()];
      });
      assert.equal(rows.reduce((a, b) => a + b, 0), racers, `${width} px: ${rows}`);
      assert.equal(new Set(rows).size, 1, `${racers} racers at ${width} px fill even rows, not ${rows.join(' + ')}`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

// Issue 16, item 7: "the why view's comparison chart is a white slab on the dark page; histograms
// and small charts keep light backgrounds". In dark mode every chart on the page (all but the
// boundaries and unit maps, which are data) paints no light background, and sits on a dark one.
test('dark mode: no chart, histogram or panel on the page is a light slab', { timeout: TEST_TIMEOUT }, async () => {
  const context = await lab.browser.newContext({ viewport: { width: 1366, height: 768 }, colorScheme: 'dark' });
  const page = await context.newPage();
  try {
    await page.goto(lab.url);
    await page.evaluate(() => document.getElementById('network-view').scrollIntoView());  // its diagrams draw when seen
    await page.waitForFunction(() => document.querySelector('#why-panels .al-why[data-step]')
      && document.querySelector('.al-depth')?.dataset.done === 'true'
      && document.querySelector('#network-diagrams .al-diagram[data-step]'), null, { timeout: READY_TIMEOUT_MS * 4 });
    await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
    const light = await page.evaluate(() => {
      const luminance = (r, g, b) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      const behind = (e) => {
        for (let n = e; n; n = n.parentElement) {
          const [r, g, b, a = 1] = getComputedStyle(n).backgroundColor.match(/[\d.]+/g).map(Number);
          if (a > 0) return luminance(r, g, b);
        }
        return 1;  // nothing painted: the canvas (white)
      };
      const data = '.al-card-boundary, .al-units-canvas, .al-diagram-big';
      return [...document.querySelectorAll('canvas')].filter((c) => c.width > 0 && c.checkVisibility() && !c.matches(data)).flatMap((c) => {
        const where = `${c.className || c.parentElement.className} in #${c.closest('[id]')?.id}`;
        const [r, g, b, a] = c.getContext('2d').getImageData(1, 1, 1, 1).data;
        const problems = [];
        if (a > 0 && luminance(r, g, b) > 0.5) problems.push(`${where} paints a light background`);
        if (behind(c) > 0.5) problems.push(`${where} sits on a light panel`);
        return problems;
      });
    });
    assert.deepEqual(light, []);
  } finally {
    await context.close();
  }
});
