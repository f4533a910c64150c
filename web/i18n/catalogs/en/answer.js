// en, the answer part: keys added while moving the claims strip's, the verdict's and the presets' across-seeds strings into the catalog (see ../en.js
// for the conventions). The same keys and placeholders in every language's answer.js.
export default {
  // ---- web/session/claim-tally.js: how often each claim held across seeds ----------------------
  'claimTally.count.done': { one: 'in {held} of {total} seed, after {steps} steps', other: 'in {held} of {total} seeds, after {steps} steps' },
  'claimTally.count.doneFailed': 'in {held} of {total} seeds, after {steps} steps ({failed} failed)',
  'claimTally.count.running': 'in {held} of {done} seeds so far (of {total}, after {steps} steps)',
  'claimTally.count.runningFailed': 'in {held} of {done} seeds so far (of {total}, after {steps} steps; {failed} failed)',
  'claimTally.count.stopped': 'in {held} of {done} seeds, after {steps} steps (stopped at {done} of {total})',
  'claimTally.count.stoppedFailed': 'in {held} of {done} seeds, after {steps} steps (stopped at {done} of {total}; {failed} failed)',
  'claimTally.gradient': '{relu} passed more gradient to its first layer than {rival} {count}.',
  'claimTally.chance': '{sigmoid} stayed at chance {count}.',
  'claimTally.zeros': '{relu} had exact zeros (at least {minShare} of its hidden outputs) {count}.',
  'claimTally.best': '{relu} reached the best test accuracy {count}.',
  // ---- web/views/verdict-panel.js: the verdict's across-seeds lines --------------------------------
  'verdict.tally.title': 'Across seeds, for these settings:',
  // ---- web/session/preset-seeds.js + web/app/preset-bar.js: a preset's outcome across seeds -----
  'presetSeeds.running': 'Checking across seeds: held in {held} of {done} so far ({total} seeds, after {steps} steps).',
  'presetSeeds.runningFailed': 'Checking across seeds: held in {held} of {done} so far ({total} seeds, after {steps} steps, {failed} failed).',
  'presetSeeds.done': 'Held in {held} of {total} seeds (after {steps} steps).',
  'presetSeeds.doneFailed': 'Held in {held} of {total} seeds (after {steps} steps, {failed} failed).',
  'presetSeeds.check': 'Check it over {seeds} seeds in this browser',
};
