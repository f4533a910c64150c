// The figures an embed can show, in one table: name -> mount(container, context). A mounted
// figure is a view of the figure's run session (web/session/session.js: start, points, frame,
// diagnostics, costs, claims), plus what the host needs to know about it.
//   context {session, labelOf(name), labels: {name: label}, importView(path), config(), notice(level, text),
//            labLink(hash) -> the lab's absolute URL with that hash, coarseTimer: steps/s are unreliable}
//   styles: the sheets the figure uses beyond views.css and figure.css (loaded into its shadow root)
//   returns {needsRun, readyOnMessage?, start?({runId, members, classes}), points?(msg), frame?(frame), diagnostics?(msg),
//            costs?(costs), claims?(message), firstDraw?(), destroy()}
import { RaceView } from '../session/race-view.js';
import { mountWhyPanel } from '../views/why-panel.js';
import { mountWhyComparison } from '../views/why-compare.js';
import { formatRatio } from '../views/ratio-text.js';
import { activationColor } from '../views/palette.js';
import { mountCostChart } from '../views/cost-chart.js';
import { el } from '../views/dom.js';

const COST_DELAY_MS = 500;

export const FIGURES = {
  race: { mount: (c, ctx) => raceFigure(c, ctx), label: 'the race' },
  card: { mount: (c, ctx) => raceFigure(c, ctx), label: 'one network' },
  why: { mount: (c, ctx) => whyFigure(c, ctx), label: 'gradients and units' },
  cost: { mount: (c, ctx) => costFigure(c, ctx), label: 'cost per activation' },
  claims: { mount: (c, ctx) => claimsFigure(c, ctx), label: 'the claims, measured', styles: ['styles/claims.css'] },
  // Across seeds (issue 17): trained in the page's seed pool, not in the figure's run; its code loads when mounted.
  seeds: {
    mount: (c, ctx) => {
      const view = import('./seeds-embed.js').then((m) => m.mountSeedsEmbed(c, ctx));
      return { needsRun: false, destroy: () => view.then((v) => v.destroy()) };
    },
    label: 'the race across seeds',
    styles: ['styles/seeds.css'],
  },
  curves: { mount: (c, ctx) => answerFigure(c, ctx, 'curves'), label: 'the activations and their slopes', styles: ['styles/figures.css'] },
  depth: { mount: (c, ctx) => answerFigure(c, ctx, 'depth'), label: 'the gradient by depth', styles: ['styles/figures.css'] },
};

/**
 * The curves (f and f' from the core's kernels, CURVES) or the depth figure (DEPTH, filled in
 * slices by the worker) of the racing activations; web/views/curves-figure.js, depth-figure.js.
 */
function answerFigure(container, { session, labelOf, importView, config }, which) {
  let figure = null;
  let members = [];
  let init = 'usual';
  const ask = () => {
    if (which === 'curves') return session.measureCurves(members);
    const { members: _racers, ...settings } = config();  // the core's settings only: the racers are the lines
    return session.measureDepth({ activations: members, init, config: settings });
  };
  const loaded = importView(which === 'curves' ? 'views/curves-figure.js' : 'views/depth-figure.js').then((module) => {
    figure = which === 'curves' ? module.mountCurves(container, { labelOf })
      : module.mountDepth(container, { labelOf, onInit: (chosen) => { init = chosen; ask(); } });
  });
  return {
    needsRun: true,
    start(started) { members = started.members; loaded.then(ask); },
    curves(message) { if (which === 'curves') figure?.update({ items: message.items }); },
    depth(message) { if (which === 'depth' && message.result?.init === init) figure?.update(message.result); },
    destroy() { figure?.destroy(); },
  };
}

/** Race cards, one per member (the card figure is a race of one): the page's own race renderer. */
function raceFigure(container, { session, labelOf }) {
  const grid = el('div', 'alx-cards');
  container.append(grid);
  const race = new RaceView(grid, {
    session,
    labelOf,
    followDarkScheme: false,
    slot: (name) => el('div', 'alx-card', { part: 'card', 'data-member': name }),
    // Embeds take no clicked points: the board's label must not promise them.
    afterMount: (card, name) => card.element.querySelector('.al-card-points')
      ?.setAttribute('aria-label', `Decision boundary of ${labelOf(name)}`),
  });
  return {
    needsRun: true,
    start: (started) => race.start(started),
    points: (message) => race.points(message),
    frame: (frame) => race.frame(frame),
    destroy() { race.destroy(); grid.remove(); },
  };
}

/**
 * The why view, compact for a blog column: every racer's gradient norm per layer on one log axis,
 * a row of first/last ratios, and the per-racer panels (histograms, dead and saturated units)
 * behind a toggle, drawn only while open, all on the comparison's one y domain.
 */
function whyFigure(container, { labelOf }) {
  const compare = mountWhyComparison(container, { labelOf, headingLevel: 3 });
  const ratios = el('ul', 'alx-ratios', { 'aria-label': 'First layer gradient over last layer gradient' });
  const more = el('details', 'alx-why-more');
  const summary = el('summary');
  summary.textContent = 'Histograms, dead and saturated units, per racer';
  const grid = el('div', 'alx-panels');
  more.append(summary, grid);
  container.append(ratios, more);
  const panels = new Map();
  let latest = [];
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
        panels.set(name, mountWhyPanel(slot, { name, label: labelOf(name), headingLevel: 4 }));
      }
    },
    diagnostics(message) {
      latest = message.members;
      range = compare.update(latest) ?? range;
      ratios.replaceChildren(...latest.map(({ name, diagnostics }) => ratioItem(name, labelOf(name), diagnostics.firstLastGradRatio)));
      updatePanels();
    },
    destroy() { clear(); compare.destroy(); ratios.remove(); more.remove(); },
  };
}

function ratioItem(name, label, ratio) {
  const item = el('li', null, { 'data-activation': name, 'data-value': String(ratio) });
  item.style.setProperty('--al-accent', activationColor(name));
  const value = el('b');
  value.textContent = formatRatio(ratio);
  item.append(`${label} `, value);
  return item;
}

/**
 * ns per element of the racing activations, measured in this browser, and each network's steps/s.
 * Only the racing ones: a blog column is no place for all of them (the lab's link shows them all).
 */
function costFigure(container, { session, labels, coarseTimer }) {
  const chart = mountCostChart(container, { labels });
  // Outside a cross-origin isolated page the browser coarsens its clock, and steps/s per network
  // (timed over a few milliseconds) then read as equal or in the wrong order: shown only where the
  // clock is fine. The ns-per-element figures time long windows and stay meaningful.
  if (coarseTimer) {
    const note = el('p', 'alx-note', { 'data-field': 'steps-per-second-hidden' });
    note.textContent = 'Steps per second are not shown: this page\u2019s timer is coarse (it is not cross-origin isolated).';
    container.append(note);
  }
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
    destroy() { chart.destroy(); },
  };
}

/** The claims strip (web/views/claims-strip.js), measured by the worker on request. */
function claimsFigure(container, { session, labels, importView, config, notice, labLink }) {
  const box = el('div', 'alx-claims');
  container.append(box);
  let strip = null;
  let measured = null;
  // Measured only once the strip exists: a lab without it would also answer "unknown message".
  importView('views/claims-strip.js').then((module) => {
    // Links open the lab in a new tab: never the host's address, nor a rebuild of this frame.
    strip = module.mountClaimsStrip(box, { labels, href: (claim) => labLink(`#preset=${claim.preset}`), linkTarget: '_blank' });
    if (measured) strip.update(measured);
    session.measureClaims(config());
  }, () => notice('error', 'The claims figure is not available from this copy of the lab (views/claims-strip.js is missing).'));
  return {
    needsRun: false,
    readyOnMessage: true,  // ready once the first claims are drawn, not before the strip exists
    // Each CLAIMS message may carry some of the three: the strip shows all measured so far.
    claims({ claims }) {
      measured = { ...measured, ...claims };
      strip?.update(measured);
    },
    destroy() { box.remove(); },
  };
}
