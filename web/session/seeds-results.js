// The across-seeds figure's numbers: which metrics it draws (one table), their medians and 10-90%
// bands over seeds, and the CSV export. Pure. A group of results is
//   {title, differs: [{key, file, page}], budget, members: [names], seeds: [{seed, members: {name: point}}]}
// where a point holds a seed's numbers of one activation (seed-run.js's result members) or
// {failed: text}; stepsToReach is null where 90% train accuracy was never reached within the budget.

/**
 * The metrics drawn, in order: key, scale and the axis's range (given the group). Each one's name is
 * the catalog's seeds.metric.<key> (web/i18n/catalogs/<lang>/views.js), in the reader's language.
 */
export const SEED_METRICS = [
  { key: 'trainAccuracy', scale: 'linear', range: () => [0, 1], percent: true },
  { key: 'testAccuracy', scale: 'linear', range: () => [0, 1], percent: true },
  { key: 'stepsToReach', scale: 'linear', range: (g) => [0, g.budget], never: true },
  { key: 'firstLastGradRatio', scale: 'log', range: (g, values) => logRange(values) },
  { key: 'zeroFraction', scale: 'linear', range: () => [0, 1], percent: true },
  { key: 'deadUnits', scale: 'linear', range: (g, values) => [0, Math.max(1, ...values)] },
];

/** Decades around the finite positive values (one decade when there are none). */
function logRange(values) {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return [0.1, 10];
  const lo = Math.floor(Math.log10(Math.min(...positive)));
  const hi = Math.ceil(Math.log10(Math.max(...positive)));
  return [10 ** lo, 10 ** Math.max(hi, lo + 1)];
}

/**
 * The q-quantile of sorted values, linearly interpolated. Infinity ("never") sorts last; next to it
 * there is nothing to interpolate, so the nearer of the two neighbours is taken.
 */
export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at), hi = Math.ceil(at);
  if (!Number.isFinite(sorted[hi])) return at - lo < 0.5 ? sorted[lo] : sorted[hi];
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** A point's value of a metric for the statistics: "never" is Infinity; failed or missing points are left out. */
export function metricValue(point, key) {
  if (!point || point.failed) return null;
  if (key === 'stepsToReach') return point.stepsToReach ?? Infinity;
  const v = point[key];
  return typeof v === 'number' && !Number.isNaN(v) ? v : null;
}

/** {values, median, low (10%), high (90%)} of one activation and metric over the group's seeds. */
export function spread(group, name, key) {
  const values = group.seeds.map((s) => metricValue(s.members[name], key)).filter((v) => v !== null);
  const sorted = values.slice().sort((a, b) => a - b);
  return { values, median: quantile(sorted, 0.5), low: quantile(sorted, 0.1), high: quantile(sorted, 0.9) };
}

/** Seeds done, failed (a seed fails when its worker failed) and in all. */
export function seedCounts(group, total = group.seeds.length) {
  const failed = group.seeds.filter((s) => s.failed).length;
  return { done: group.seeds.length, failed, total };
}

const CSV_COLUMNS = ['group', 'seed', 'activation', 'steps', 'train_accuracy', 'test_accuracy', 'steps_to_90',
  'first_last_grad_ratio', 'zero_fraction', 'dead_units', 'diverged', 'failed'];

const csvCell = (v) => {
  const text = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Every point of every group as CSV: one line per (group, seed, activation); numbers at full precision. */
export function resultsCsv(groups) {
  const lines = [CSV_COLUMNS.join(',')];
  groups.forEach((group, g) => {
    for (const s of group.seeds) {
      for (const name of group.members) {
        const p = s.failed ? { failed: s.failed } : s.members[name] ?? { failed: 'missing' };
        const never = !p.failed && p.stepsToReach === null ? 'never' : p.stepsToReach;
        lines.push([group.title ?? `group ${g + 1}`, s.seed, name, group.budget, p.trainAccuracy, p.testAccuracy, never,
          p.firstLastGradRatio, p.zeroFraction, p.deadUnits, p.diverged, p.failed].map(csvCell).join(','));
      }
    }
  });
  return `${lines.join('\n')}\n`;
}
