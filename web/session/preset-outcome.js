// A preset's stated outcome (presets.js: `outcome: {after, expect}`) judged against one run's
// numbers. Pure: the preset test runs it over 20 seeds, and the page can run it on its own seeds.
// An expectation is [activation, metric, op, value], e.g. ['sigmoid', 'testAccuracy', '<', 0.6];
// the outcome holds in a run when every expectation does.

/** The comparison operators an expectation may use. */
export const OUTCOME_OPS = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
};

/** The metrics an expectation may name, read from a network's diagnostics() (actlab.d.ts). */
export const OUTCOME_METRICS = ['trainAccuracy', 'testAccuracy', 'trainLoss', 'testLoss', 'firstLastGradRatio',
  'deadUnits', 'zeroFraction', 'saturatedFraction'];

/**
 * The outcome metrics of one network, from its diagnostics(): its metrics, and the hidden layers' totals as
 * the core pools it (hidden layers together; the same numbers as a CLI sweep row's diagnostics).
 */
export const outcomeMetrics = (diagnostics) => ({
  ...diagnostics.metrics, ...diagnostics.hidden, firstLastGradRatio: diagnostics.firstLastGradRatio,
});

/** The activations an outcome names, in order of first mention: the members a check must train. */
export const outcomeMembers = (outcome) => [...new Set(outcome.expect.map(([activation]) => activation))];

/**
 * Judges an outcome against one run: `metricsByActivation` maps an activation name to its
 * outcomeMetrics(). Returns {held, checks}: each check with its expectation, the actual value and
 * whether it held. A name, metric or operator the run cannot answer is a mistake in the preset and
 * throws, naming it.
 */
export function judgeOutcome(outcome, metricsByActivation) {
  const checks = outcome.expect.map(([activation, metric, op, value]) => {
    const metrics = metricsByActivation[activation];
    if (!metrics) throw new Error(`outcome: no run of '${activation}' to judge`);
    if (!OUTCOME_METRICS.includes(metric)) throw new Error(`outcome: unknown metric '${metric}' (one of ${OUTCOME_METRICS.join(', ')})`);
    if (!(op in OUTCOME_OPS)) throw new Error(`outcome: unknown operator '${op}' (one of ${Object.keys(OUTCOME_OPS).join(' ')})`);
    const actual = metrics[metric];
    return { activation, metric, op, value, actual, held: OUTCOME_OPS[op](actual, value) };
  });
  return { held: checks.every((c) => c.held), checks };
}

/** "sigmoid testAccuracy < 0.6": an expectation in words, for messages and captions. */
export const expectationText = ([activation, metric, op, value]) => `${activation} ${metric} ${op} ${value}`;
