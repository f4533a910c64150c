// How often each of the page's claims held across seeds: the one definition of every claim's
// per-seed test, read by the claims strip (web/views/claims-strip.js) and the verdict
// (web/views/verdict-panel.js). Pure: the across-seeds results in, counts and sentences out.
//
// The results are the seeds controller's live group (seeds-controller.js, as the seeds figure draws
// it): {members: [names], budget: steps, seeds: [{seed, failed?, members: {name: point}}]}, a point
// holding one activation's numbers after `budget` steps (web/worker/seed-run.js: testAccuracy,
// firstLastGradRatio, zeroFraction, diverged, ...). A claim is tallied only when the race has the
// activations it names; no results, no tally (null): the page never shows a count it did not run.
// No imports: its words come from the translator the view passes (tallySentence).

// "Stayed at chance": test accuracy below chance (1 / classes) plus this margin. With two classes
// that is 60%, the bar the vanishing-gradient preset states for sigmoid (presets.js).
export const CHANCE_MARGIN = 0.1;
// "Had exact zeros": at least this share of the hidden outputs exactly 0, so a few outputs that
// round to 0 by accident (as tanh's or Leaky ReLU's can) do not count as sparsity.
export const EXACT_ZEROS_MIN_SHARE = 0.05;
// The activations ReLU's gradient claim compares it with: the two the page's question names.
export const GRADIENT_RIVALS = ['sigmoid', 'tanh'];

/** A point the claims can read: the seed ran, the network did not diverge, its numbers are finite. */
const usable = (point, ...keys) => Boolean(point) && !point.failed && !point.diverged
  && keys.every((key) => Number.isFinite(point[key]));

/**
 * The claims, each with the strip's card it belongs to, the activations it needs and its rule:
 * (points by name, {classes, members}) -> true when the claim held in that seed.
 */
export const CLAIM_RULES = [
  ...GRADIENT_RIVALS.map((rival) => ({
    key: 'gradient', rival, card: 'vanishing', needs: ['relu', rival],
    // ReLU's first layer got a larger share of its last layer's gradient than the rival's did.
    held: (p) => usable(p.relu, 'firstLastGradRatio') && usable(p[rival], 'firstLastGradRatio')
      && p.relu.firstLastGradRatio > p[rival].firstLastGradRatio,
  })),
  {
    key: 'chance', card: 'vanishing', needs: ['sigmoid'],
    // A diverged sigmoid did not "stay at chance": its accuracy says nothing about vanishing.
    held: (p, { classes }) => usable(p.sigmoid, 'testAccuracy') && p.sigmoid.testAccuracy < 1 / classes + CHANCE_MARGIN,
  },
  {
    key: 'zeros', card: 'sparsity', needs: ['relu'],
    held: (p) => usable(p.relu, 'zeroFraction') && p.relu.zeroFraction >= EXACT_ZEROS_MIN_SHARE,
  },
  {
    key: 'best', card: null, needs: ['relu'],
    // ReLU's test accuracy at least every other racer's (a tie counts); a diverged rival is beaten.
    held: (p, { members }) => usable(p.relu, 'testAccuracy') && members.filter((name) => name !== 'relu')
      .every((name) => !usable(p[name], 'testAccuracy') || p.relu.testAccuracy >= p[name].testAccuracy),
  },
];

/**
 * The tally of every claim the race can answer.
 * @param group the live group ({members, budget, seeds}) or null
 * @param options {total: seeds asked for, classes (config.classes, default 2), running: the pool still works on them}
 * @returns null (no seeds done yet) | {total, done, failed, steps, state: 'running'|'stopped'|'done', items: [{key, rival?, card, held}]}
 *   A failed seed (its worker failed) counts in done and failed, never in held.
 */
export function tallyClaims(group, { total, classes = 2, running = false } = {}) {
  if (!group || group.seeds.length === 0) return null;
  const members = group.members;
  const items = CLAIM_RULES.filter((rule) => rule.needs.every((name) => members.includes(name)) && (rule.key !== 'best' || members.length > 1))
    .map((rule) => ({
      key: rule.key, card: rule.card, ...(rule.rival ? { rival: rule.rival } : {}),
      held: group.seeds.filter((s) => !s.failed && rule.held(s.members, { classes, members })).length,
    }));
  const done = group.seeds.length;
  return { total: total ?? done, done, failed: group.seeds.filter((s) => s.failed).length, steps: group.budget,
    state: done >= (total ?? done) ? 'done' : running ? 'running' : 'stopped', items };
}

/** "in 19 of 20 seeds, after 5,000 steps", the live count while seeds run, or where a cancel left it. */
function countText({ total, done, failed, steps, state }, held, i18n) {
  return i18n.t(`claimTally.count.${state}${failed ? 'Failed' : ''}`, { held, done, total, failed, steps, count: total });
}

/**
 * One claim's sentence: "ReLU passed more gradient to its first layer than Sigmoid in 19 of 20
 * seeds, after 5,000 steps." i18n: the view's translator (englishTranslator for English).
 */
export function tallySentence(item, tally, { labelOf = (n) => n, i18n }) {
  return i18n.t(`claimTally.${item.key}`, {
    relu: labelOf('relu'), sigmoid: labelOf('sigmoid'), rival: item.rival ? labelOf(item.rival) : '',
    minShare: i18n.percent(EXACT_ZEROS_MIN_SHARE, 0), count: countText(tally, item.held, i18n),
  });
}
