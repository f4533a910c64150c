// The figures an embed can show, in one table: name -> mount(container, context). A mounted
// figure is a view of the figure's run session (web/session/session.js: start, points, frame,
// diagnostics, costs, claims), plus what the host needs to know about it.
//   context {session, labelOf(name), labels: {name: label}, importView(path), config(), notice(level, message),
//            labLink(hash) -> the lab's absolute URL with that hash, coarseTimer: steps/s are unreliable,
//            i18n: the figure's translator (web/i18n/i18n.js), given to every view it mounts}
//   styles: the sheets the figure uses beyond views.css and figure.css (loaded into its shadow root)
//   returns {needsRun, readyOnMessage?, start?({runId, members, classes}), points?(msg), frame?(frame), diagnostics?(msg),
//            costs?(costs), claims?(message), firstDraw?(), setLanguage(i18n), destroy()}
// The figure's name, for its aria-label, is the catalog's embed.figure.<name>.
import { RaceView } from '../session/race-view.js';
import { mountWhyPanel } from '../views/why-panel.js';
import { mountWhyComparison } from '../views/why-compare.js';
import { formatRatio } from '../views/ratio-text.js';
import { activationColor } from '../views/palette.js';
import { mountCostChart } from '../views/cost-chart.js';
import { el } from '../views/dom.js';

const COST_DELAY_MS = 500;

export const FIGURES = {
  race: { mount: (c, ctx) => raceFigure(c, ctx) },
  card: { mount: (c, ctx) => raceFigure(c, ctx) },
  why: { mount: (c, ctx) => whyFigure(c, ctx) },
  cost: { mount: (c, ctx) => costFigure(c, ctx) },
  claims: { mount: (c, ctx) => claimsFigure(c, ctx), styles: ['styles/claims.css'] },
  // Across seeds (issue 17): trained in the page's seed pool, not in the figure's run; its code loads when mounted.
  seeds: {
    mount: (c, ctx) => {
      let i18n = ctx.i18n;
      const view = import('./seeds-embed.js').then((m) => m.mountSeedsEmbed(c, { ...ctx, i18n }));
      return {
        needsRun: false,
        // A language chosen while its code loads is the one it says once loaded.
        setLanguage(next) { i18n = next; view.then((v) => v.setLanguage(next)); },
        destroy: () => view.then((v) => v.destroy()),
      };
    },
    styles: ['styles/seeds.css'],
  },
  curves: { mount: (c, ctx) => answerFigure(c, ctx, 'curves'), styles: ['styles/figures.css'] },
  depth: { mount: (c, ctx) => answerFigure(c, ctx, 'depth'), styles: ['styles/figures.css'] },
};

/**
 * The curves (f and f' from the core's kernels, CURVES) or the depth figure (DEPTH, filled in
 * slices by the worker) of the racing activations; web/views/curves-figure.js, depth-figure.js.
 */
function answerFigure(container, { session, labelOf, importView, config, values, i18n: firstI18n }, which) {
  let i18n = firstI18n;
  let figure = null;
  let members = [];
  let init = values?.().depthInit ?? 'usual';  // the snippet's depthInit, as the page's address keeps it
  const ask = () => {
    if (which === 'curves') return session.measureCurves(members);
    const { members: _racers, ...settings } = config();  // the core's settings only: the racers are the lines
    return session.measureDepth({ activations: members, init, config: settings });
  };
  const loaded = importView(which === 'curves' ? 'views/curves-figure.js' : 'views/depth-figure.js').then((module) => {
    figure = which === 'curves' ? module.mountCurves(container, { labelOf, i18n })
      : module.mountDepth(container, { labelOf, i18n, init, onInit: (chosen) => { init = chosen; ask(); } });
  });
  return {
    needsRun: true,
    start(started) { members = started.members; loaded.then(ask); },
    curves(message) { if (which === 'curves') figure?.update({ items: message.items }); },
    depth(message) { if (which === 'depth' && message.result?.init === init) figure?.update(message.result); },
    setLanguage(next) { i18n = next; figure?.setLanguage?.(next); },
    destroy() { figure?.destroy(); },
  };
}

/** Race cards, one per member (the card figure is a race of one): the page's own race renderer. */
function raceFigure(container, { session, labelOf, i18n: firstI18n }) {
  let i18n = firstI18n;
  const grid = el('div', 'alx-cards');
  container.append(grid);
  // Embeds take no clicked points: the board's label must not promise them.
  const boardLabel = (card, name) => card.element.querySelector('.al-card-points')
    ?.setAttribute('aria-label', i18n.t('embed.board', { name: labelOf(name) }));
  const cards = new Map();  // name -> card, to label the boards again in another language
  const race = new RaceView(grid, {
    session,
    labelOf,
    i18n,
    followDarkScheme: false,
    slot: (name) => el('div', 'alx-card', { part: 'card', 'data-member': name }),
    afterMount: (card, name) => { cards.set(name, card); boardLabel(card, name); },
  });
  return {
    needsRun: true,
    start: (started) => { cards.clear(); race.start(started); },
    points: (message) => race.points(message),
    frame: (frame) => race.frame(frame),
    setLanguage(next) {
      i18n = next;
      race.setLanguage?.(next);
      for (const [name, card] of cards) boardLabel(card, name);
    },
    destroy() { race.destroy(); grid.remove(); },
  };
}

/**
 * The why view, compact for a blog column: every racer's gradient norm per layer on one log axis,
 * a row of first/last ratios, and the per-racer panels (histograms, dead and saturated units)
 * behind a toggle, drawn only while open, all on the comparison's one y domain.
 */
function whyFigure(container, { labelOf, i18n: firstI18n }) {
  let i18n = firstI18n;
  const compare = mountWhyComparison(container, { labelOf, headingLevel: 3, i18n });
  const ratios = el('ul', 'alx-ratios');
  const more = el('details', 'alx-why-more');
  const summary = el('summary');
  const sayOwn = () => {
    ratios.setAttribute('aria-label', i18n.t('embed.why.ratios'));
    summary.textContent = i18n.t('embed.why.more');
  };
  sayOwn();
  const grid = el('div', 'alx-panels');
  more.append(summary, grid);
  container.append(ratios, more);
  const panels = new Map();
  let latest = [];
  const sayRatios = () => ratios.replaceChildren(...latest.map(({ name, diagnostics }) =>
    ratioItem(name, labelOf(name), diagnostics.firstLastGradRatio, i18n)));
  let range = null;
  const updatePanels = () => {
    for (const { name, diagnostics } of latest) panels.get(name)?.update(diagnostics, { normRange: range, draw: more.open });
  };
  more.addEventListener('toggle', () => {
    updatePanels();
    if (more.open) for (const p of panels.values()) p.redraw();
  });
  const clear = () => {
    for (const p of panels.values()) p.destroy();
    panels.clear();
    grid.replaceChildren();
  };
  return {
    needsRun: true,
    start({ members }) {
      clear();
      latest = [];
      for (const name of members) {
        const slot = el('div', 'alx-panel', { part: 'panel', 'data-member': name });
        grid.append(slot);
        panels.set(name, mountWhyPanel(slot, { name, label: labelOf(name), headingLevel: 4, i18n }));
      }
    },
    diagnostics(message) {
      latest = message.members;
      range = compare.update(latest) ?? range;
      sayRatios();
      updatePanels();
    },
    setLanguage(next) {
      i18n = next;
      sayOwn();
      sayRatios();
      compare.setLanguage?.(next);
      for (const p of panels.values()) p.setLanguage?.(next);
    },
    destroy() { clear(); compare.destroy(); ratios.remove(); more.remove(); },
  };
}

function ratioItem(name, label, ratio, i18n) {
  const item = el('li', null, { 'data-activation': name, 'data-value': String(ratio) });
  item.style.setProperty('--al-accent', activationColor(name));
  const value = el('b');
  value.textContent = formatRatio(ratio, { i18n });
  item.append(`${label} `, value);
  return item;
}

/**
 * ns per element of the racing activations, measured in this browser, and each network's steps/s.
 * Only the racing ones: a blog column is no place for all of them (the lab's link shows them all).
 */
function costFigure(container, { session, labels, coarseTimer, i18n }) {
  const chart = mountCostChart(container, { labels, i18n });
  // Outside a cross-origin isolated page the browser coarsens its clock, and steps/s per network
  // (timed over a few milliseconds) then read as equal or in the wrong order: shown only where the
  // clock is fine. The ns-per-element figures time long windows and stay meaningful.
  const note = coarseTimer ? el('p', 'alx-note', { 'data-field': 'steps-per-second-hidden' }) : null;
  const sayNote = (words) => { if (note) note.textContent = words.t('embed.cost.coarseTimer'); };
  sayNote(i18n);
  if (note) container.append(note);
  let costs = null;
  let names = [];
  let speeds = {};
  const redraw = () => chart.update({ costs: (costs ?? []).filter((c) => names.includes(c.name)),
    stepsPerSecond: coarseTimer ? {} : { ...speeds } });
  return {
    needsRun: true,
    start({ members }) {
      names = members;
      speeds = Object.fromEntries(members.map((n) => [n, 0]));
    },
    // Measuring blocks the shared worker for about half a second: once this figure has drawn, and a
    // moment later, so that the other figures on the page draw their first frames before it.
    firstDraw() { setTimeout(() => session.measureCosts(), COST_DELAY_MS); },
    frame(frame) {
      for (const m of frame.members) if (m.stepsPerSecond > 0) speeds[m.name] = m.stepsPerSecond;
      if (costs) redraw();
    },
    costs(measured) { costs = measured; redraw(); },
    setLanguage(next) { sayNote(next); chart.setLanguage?.(next); },
    destroy() { chart.destroy(); },
  };
}

/** The claims strip (web/views/claims-strip.js), measured by the worker on request. */
function claimsFigure(container, { session, labels, importView, config, notice, labLink, i18n: firstI18n }) {
  let i18n = firstI18n;
  const box = el('div', 'alx-claims');
  container.append(box);
  let strip = null;
  let measured = null;
  // Measured only once the strip exists: a lab without it would also answer "unknown message".
  importView('views/claims-strip.js').then((module) => {
    // Links open the lab in a new tab: never the host's address, nor a rebuild of this frame.
    strip = module.mountClaimsStrip(box, { labels, i18n, href: (claim) => labLink(`#preset=${claim.preset}`), linkTarget: '_blank' });
    if (measured) strip.update(measured);
    session.measureClaims(config());
  }, () => notice('error', { key: 'embed.claimsMissing' }));
  return {
    needsRun: false,
    readyOnMessage: true,  // ready once the first claims are drawn, not before the strip exists
    // Each CLAIMS message may carry some of the three: the strip shows all measured so far.
    claims({ claims }) {
      measured = { ...measured, ...claims };
      strip?.update(measured);
    },
    setLanguage(next) { i18n = next; strip?.setLanguage?.(next); },
    destroy() { box.remove(); },
  };
}
