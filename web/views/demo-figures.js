// The gallery's sections for the figures the lab page builds around its race (demo.html): the
// claims strip, the boundary colour key, the loss chart and the unit maps of every racer, and the
// why comparison. demo.js mounts the race cards and calls update() on each of its frames.

import { mountClaimsStrip } from './claims-strip.js';
import { mountProbabilityLegend } from './legend.js';
import { mountLossChart } from './loss-chart.js';
import { mountUnitMaps } from './unit-maps.js';
import { mountWhyComparison } from './why-compare.js';
import { metricsHistory, racerMetrics, syntheticClaims, unitMapsFor } from './demo-data.js';
import { diagnosticsFor } from './demo-diagnostics.js';

const byId = (id) => document.getElementById(id);

// The boundary colour key in each of its forms: the two-class probability bar, many classes, and
// predicted class only (the page's "discretize" display).
const LEGENDS = [
  { classes: 2, discretize: false, caption: '2 classes: probability bar' },
  { classes: 6, discretize: false, caption: '6 classes: chips, pale near chance' },
  { classes: 2, discretize: true, caption: '2 classes, discretized: predicted class only' },
];

/**
 * Mounts the sections into their slots in demo.html.
 *   racers: [{name, label, rate, skill, classes}] with distinct names (the loss chart, the unit maps
 *   and the why comparison have one entry per racer); labelOf(name) -> text.
 * Returns {normRange: the why comparison's shared log10 range (for the why panels),
 *          update(step, {fresh}): loss chart every frame, unit maps when fresh,
 *          views: the views with setLanguage (the claims strip is its own helper's)}.
 */
export function mountFigureSections({ racers, labelOf, i18n }) {
  const labels = Object.fromEntries(racers.map((r) => [r.name, labelOf(r.name)]));
  const claimsLog = byId('claims-log');
  const claims = mountClaimsStrip(byId('claims'), {
    labels,
    // The lab applies the preset and scrolls to the view; the gallery only says what would open.
    onOpen: ({ preset, view }) => { claimsLog.textContent = `onOpen: preset "${preset}", view #${view}.`; },
  });
  claims.update(syntheticClaims());

  const legends = [];
  for (const { classes, discretize, caption } of LEGENDS) {
    const fig = document.createElement('figure');
    byId('legends').append(fig);
    const legend = mountProbabilityLegend(fig, { i18n });
    legend.update({ classes, discretize });
    legends.push(legend);
    const text = document.createElement('figcaption');
    text.textContent = caption;
    fig.append(text);
  }

  const loss = mountLossChart(byId('loss'), { labelOf, i18n });
  const units = racers.map((r) => ({ racer: r, view: mountUnitMaps(byId('units'), { name: r.name, label: labelOf(r.name), i18n }) }));

  const compare = mountWhyComparison(byId('why-compare'), { labelOf, i18n });
  const normRange = compare.update(racers.map((r) => ({ name: r.name, diagnostics: diagnosticsFor(r.name) })));

  function update(step, { fresh = true } = {}) {
    loss.update(racers.map((r) => ({ name: r.name, step, metrics: racerMetrics(r, step), history: metricsHistory(r, step) })));
    if (!fresh) return;
    for (const { racer, view } of units) {
      const progress = 1 - Math.exp(-(racer.rate ?? 1e-3) * step);
      view.update({ step, maps: unitMapsFor(racer.name, { progress }) });
    }
  }

  return { normRange, update, views: [...legends, loss, ...units.map((u) => u.view), compare] };
}
