// The figures an embed can show, in one table: name -> mount(container, context). Each mounted
// figure takes the worker's messages it cares about and draws on the host's animation frame.
//   context {labelOf(name), labels: {name: label}, post(message), import(path)}
//   returns {needsRun, readyOnMessage?, start?(names), points?(msg), frame?(frame), diagnostics?(msg), costs?(costs),
//            claims?(claims), firstDraw?(), destroy()}
import { mountRaceCard } from '../views/race-card.js';
import { mountWhyPanel } from '../views/why-panel.js';
import { mountCostChart } from '../views/cost-chart.js';
import { MEASURE_OPTIONS } from '../app/cost-view.js';
import { ToWorker } from '../app/protocol.js';
import { el } from '../views/dom.js';

const COST_DELAY_MS = 500;

export const FIGURES = {
  race: { mount: (c, ctx) => raceFigure(c, ctx), label: 'the race' },
  card: { mount: (c, ctx) => raceFigure(c, ctx), label: 'one network' },
  why: { mount: (c, ctx) => whyFigure(c, ctx), label: 'gradients and units' },
  cost: { mount: (c, ctx) => costFigure(c, ctx), label: 'cost per activation' },
  claims: { mount: (c, ctx) => claimsFigure(c, ctx), label: 'the claims, measured' },
};

/** Race cards, one per member (the card figure is a race of one). */
function raceFigure(container, { labelOf }) {
  const grid = el('div', 'alx-cards');
  container.append(grid);
  const cards = new Map();  // name -> {slot, card}
  const grids = new Map();  // name -> last finite probabilities
  let points = null;
  const clear = () => {
    for (const { slot, card } of cards.values()) {
      card.destroy();
      slot.remove();
    }
    cards.clear();
  };
  return {
    needsRun: true,
    start(names) {
      clear();
      grids.clear();
      grid.dataset.count = String(names.length);
      for (const name of names) {
        const slot = el('div', 'alx-card', { part: 'card', 'data-member': name });
        grid.append(slot);
        const card = mountRaceCard(slot, { name, label: labelOf(name) });
        // Embeds take no clicked points: the board's label must not promise them.
        card.element.querySelector('.al-card-points')?.setAttribute('aria-label', `Decision boundary of ${labelOf(name)}`);
        cards.set(name, { slot, card });
      }
    },
    points(message) { points = { train: message.train, test: message.test }; },
    frame(frame) {
      const { width, height, classes, domain } = frame.grid;
      for (const m of frame.members) {
        if (m.probs) grids.set(m.name, m.probs);
        const probs = grids.get(m.name);
        const entry = cards.get(m.name);
        if (!entry) continue;
        entry.slot.dataset.step = String(m.step);
        entry.card.update({
          step: m.step,
          metrics: m.metrics ?? { trainLoss: NaN, testLoss: NaN, trainAccuracy: NaN, testAccuracy: NaN },
          losses: m.losses,
          ...(probs ? { grid: { probs, width, height, classes } } : {}),
          ...(points ? { points } : {}),
          domain,
          diverged: m.diverged,
          divergedAt: m.divergedAt,
          stepsPerSecond: m.stepsPerSecond,
        });
      }
    },
    destroy() { clear(); grid.remove(); },
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
    start(names) {
      clear();
      for (const name of names) {
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
function costFigure(container, { labels, post }) {
  const chart = mountCostChart(container, { labels });
  let costs = null;
  let names = [];
  let speeds = {};
  const redraw = () => chart.update({ costs: (costs ?? []).filter((c) => names.includes(c.name)), stepsPerSecond: { ...speeds } });
  return {
    needsRun: true,
    start(members) {
      names = members;
      speeds = Object.fromEntries(members.map((n) => [n, 0]));
    },
    // Measuring blocks the shared worker for about half a second: once this figure has drawn, and a
    // moment later, so that the other figures on the page draw their first frames before it.
    firstDraw() { setTimeout(() => post({ type: ToWorker.MEASURE_COSTS, ...MEASURE_OPTIONS }), COST_DELAY_MS); },
    frame(frame) {
      for (const m of frame.members) if (m.stepsPerSecond > 0) speeds[m.name] = m.stepsPerSecond;
      if (costs) redraw();
    },
    costs(measured) { costs = measured; redraw(); },
    destroy() { chart.destroy(); },
  };
}

/** The claims strip (web/views/claims-strip.js), measured by the worker on request. */
function claimsFigure(container, { labels, post, importView, config, notice }) {
  const box = el('div', 'alx-claims');
  container.append(box);
  let strip = null;
  let pending = null;
  // Measured only once the strip exists: a lab without it would also answer "unknown message".
  importView('views/claims-strip.js').then((module) => {
    strip = module.mountClaimsStrip(box, { labels });
    if (pending) strip.update(pending);
    post({ type: ToWorker.MEASURE_CLAIMS, config: config() });
  }, () => notice('error', 'The claims figure is not available from this copy of the lab (views/claims-strip.js is missing).'));
  return {
    needsRun: false,
    readyOnMessage: true,  // ready once the first claims are drawn, not before the strip exists
    claims(claims) {
      if (strip) strip.update(claims);
      else pending = claims;
    },
    destroy() { box.remove(); },
  };
}
