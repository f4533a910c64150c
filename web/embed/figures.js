// The figures an embed can show, in one table: name -> mount(container, context). A mounted
// figure is a view of the figure's run session (web/session/session.js: start, points, frame,
// diagnostics, costs, claims), plus what the host needs to know about it.
//   context {session, labelOf(name), labels: {name: label}, importView(path), config(), notice(level, text)}
//   returns {needsRun, readyOnMessage?, start?({runId, members, classes}), points?(msg), frame?(frame), diagnostics?(msg),
//            costs?(costs), claims?(message), firstDraw?(), destroy()}
import { RaceView } from '../session/race-view.js';
import { mountWhyPanel } from '../views/why-panel.js';
import { mountCostChart } from '../views/cost-chart.js';
import { el } from '../views/dom.js';

const COST_DELAY_MS = 500;

export const FIGURES = {
  race: { mount: (c, ctx) => raceFigure(c, ctx), label: 'the race' },
  card: { mount: (c, ctx) => raceFigure(c, ctx), label: 'one network' },
  why: { mount: (c, ctx) => whyFigure(c, ctx), label: 'gradients and units' },
  cost: { mount: (c, ctx) => costFigure(c, ctx), label: 'cost per activation' },
  claims: { mount: (c, ctx) => claimsFigure(c, ctx), label: 'the claims, measured' },
  curves: { mount: (c, ctx) => answerFigure(c, ctx, 'curves'), label: 'the activations and their slopes' },
  depth: { mount: (c, ctx) => answerFigure(c, ctx, 'depth'), label: 'the gradient by depth' },
};

/**
 * The curves (f and f' from the core's kernels, CURVES) or the depth figure (DEPTH, filled in
 * slices by the worker) of the racing activations; web/views/curves-figure.js, depth-figure.js.
 */
function answerFigure(container, { session, labelOf, importView, config }, which) {
  const sheet = el('link', null, { rel: 'stylesheet', href: new URL('../styles/figures.css', import.meta.url).href });
  container.append(sheet);
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
    destroy() { figure?.destroy(); sheet.remove(); },
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

/** Why panels, one per member: gradient norms per layer, zeros, dead units, saturation. */
function whyFigure(container, { labelOf }) {
  const grid = el('div', 'alx-panels');
  container.append(grid);
  const panels = new Map();
  const clear = () => {
    for (const p of panels.values()) p.destroy();
    panels.clear();
    grid.replaceChildren();
  };
  return {
    needsRun: true,
    start({ members }) {
      clear();
      for (const name of members) {
        const slot = el('div', 'alx-panel', { part: 'panel', 'data-member': name });
        grid.append(slot);
        panels.set(name, mountWhyPanel(slot, { name, label: labelOf(name) }));
      }
    },
    diagnostics(message) {
      for (const { name, diagnostics } of message.members) panels.get(name)?.update(diagnostics);
    },
    destroy() { clear(); grid.remove(); },
  };
}

/**
 * ns per element of the racing activations, measured in this browser, and each network's steps/s.
 * Only the racing ones: a blog column is no place for all of them (the lab's link shows them all).
 */
function costFigure(container, { session, labels }) {
  const chart = mountCostChart(container, { labels });
  let costs = null;
  let names = [];
  let speeds = {};
  const redraw = () => chart.update({ costs: (costs ?? []).filter((c) => names.includes(c.name)), stepsPerSecond: { ...speeds } });
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
function claimsFigure(container, { session, labels, importView, config, notice }) {
  const box = el('div', 'alx-claims');
  container.append(box);
  let strip = null;
  let pending = null;
  // Measured only once the strip exists: a lab without it would also answer "unknown message".
  importView('views/claims-strip.js').then((module) => {
    strip = module.mountClaimsStrip(box, { labels });
    if (pending) strip.update(pending);
    session.measureClaims(config());
  }, () => notice('error', 'The claims figure is not available from this copy of the lab (views/claims-strip.js is missing).'));
  return {
    needsRun: false,
    readyOnMessage: true,  // ready once the first claims are drawn, not before the strip exists
    claims({ claims }) {
      if (strip) strip.update(claims);
      else pending = claims;
    },
    destroy() { box.remove(); },
  };
}
