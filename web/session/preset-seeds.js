// A preset's stated outcome (presets.js `outcome`) checked live over seeds in the page's seed pool
// (seed-pool.js), judged by preset-outcome.js exactly as tests/node/preset-outcomes.test.mjs does:
// seeds 1..N, only the members the outcome names, `after` steps each. For the page's preset text:
//
//   const check = checkPresetAcrossSeeds({ pool, table, preset: presetByName('dying'), seeds: 20,
//     onProgress: ({ held, done, failed, total }) => { slot.textContent = presetOutcomeText(...) } });
//   check.promise.then(({ held, total }) => ...);   // 'held in 19 of 20 seeds'
//   check.cancel();                                  // stops its seeds at once (e.g. another preset chosen)
//
// or, for a `data-preset-seeds` slot, mountPresetOutcome(slot, {pool, table, preset, i18n}) -> {cancel(), setLanguage(i18n)}.
import { judgeOutcome, outcomeMembers } from './preset-outcome.js';
import { presetValues } from './presets.js';
import { configOf } from './settings.js';
import { seedList } from './seeds-controller.js';
import { englishTranslator } from '../i18n/i18n.js';

/**
 * @param options {pool: SeedPool, table: the param table, preset, seeds = 20, onProgress(counts)}
 * @returns {promise: Promise<{held, done, failed, total, seeds: [{seed, held, checks} | {seed, failed}]}>, cancel()}
 */
export function checkPresetAcrossSeeds({ pool, table, preset, seeds = 20, onProgress }) {
  if (!preset?.outcome) throw new Error(`preset ${preset?.name ?? '?'} states no outcome`);
  const config = configOf(table, presetValues(table, preset));
  const members = outcomeMembers(preset.outcome);
  const results = [];
  const counts = () => ({
    held: results.filter((r) => r.held).length, done: results.length,
    failed: results.filter((r) => r.failed).length, total: seeds, after: preset.outcome.after,
  });
  let job;
  const promise = new Promise((resolve) => {
    const record = (entry) => {
      results.push(entry);
      onProgress?.(counts());
      if (results.length === seeds) resolve({ ...counts(), seeds: results.sort((a, b) => a.seed - b.seed) });
    };
    job = pool.run({ config, members, steps: preset.outcome.after }, seedList(1, seeds), {
      done: (seed, result) => {
        const metrics = Object.fromEntries(result.members.map((m) => [m.name, m]));
        record({ seed, ...judgeOutcome(preset.outcome, metrics) });
      },
      failed: (seed, error) => record({ seed, held: false, failed: error }),
    });
  });
  return { promise, cancel: () => job.cancel() };
}

/** "Held in 19 of 20 seeds (after 6,000 steps).", or the live count while it runs. */
export function presetOutcomeText({ held, done, failed, total, after }, { i18n = englishTranslator } = {}) {
  const key = `presetSeeds.${done < total ? 'running' : 'done'}${failed ? 'Failed' : ''}`;
  return i18n.t(key, { held, done, failed, total, steps: after });
}

/**
 * Fills `slot` with the live check of `preset`; data-held/-done/-total on the slot.
 * Returns {promise, cancel(), setLanguage(i18n)} (the text redrawn from the last counts).
 */
export function mountPresetOutcome(slot, { pool, table, preset, seeds = 20, i18n = englishTranslator }) {
  let shown = { held: 0, done: 0, failed: 0, total: seeds, after: preset.outcome.after };
  let words = i18n;
  const show = (counts) => {
    shown = counts;
    slot.textContent = presetOutcomeText(counts, { i18n: words });
    Object.assign(slot.dataset, { held: String(counts.held), done: String(counts.done), total: String(counts.total) });
  };
  show(shown);
  const check = checkPresetAcrossSeeds({ pool, table, preset, seeds, onProgress: show });
  return { ...check, setLanguage(next) { words = next; show(shown); } };
}
