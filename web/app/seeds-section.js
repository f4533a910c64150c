// The page's across-seeds section (#seeds-view in index.html): the seeds figure over the page's
// settings, trained in the page's seed pool. It runs when the section first comes into view (and
// again, for new settings, while it is in view), never before: a reader who never scrolls here
// costs no core. It needs only the page's settings object (window.activationLab.state, a LabState),
// found once the page has started its first run (data-run on <html>).
//
// The same results feed the claim tally (web/session/claim-tally.js): how often each claim held, in
// the claims strip's cards and under the verdict (the page's ClaimsView and AnswerView); new
// settings cancel the seeds and the tally goes with them.
//
// Test and host hook: window.activationLabSeeds = {controller, pool(), presetOutcome(name, options),
// tally() (the current tallyClaims()), setLanguage(i18n)}.
import { mountSeedsFigure } from '../views/seeds-figure.js';
import { SeedsController } from '../session/seeds-controller.js';
import { sharedSeedPool } from '../session/seed-pool.js';
import { configOf } from '../session/settings.js';
import { presetByName } from '../session/presets.js';
import { checkPresetAcrossSeeds } from '../session/preset-seeds.js';
import { tallyClaims } from '../session/claim-tally.js';

function whenPageStarted() {
  return new Promise((resolve) => {
    const check = () => window.activationLab?.state && document.documentElement.dataset.run !== undefined;
    if (check()) { resolve(window.activationLab); return; }
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      resolve(window.activationLab);
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-run'] });
  });
}

function mountSeedsSection(page, labRoot) {
  const section = document.getElementById('seeds-view');
  const labelOf = (name) => page.labels?.get(name) ?? name;
  const pool = () => sharedSeedPool(labRoot, page.state.get('seedWorkers'));
  const figure = mountSeedsFigure(document.getElementById('seeds-figure'), {
    labelOf,
    i18n: page.i18n,
    onRun: () => controller.run(),
    onCancel: () => controller.cancel(),
    onFile: (file) => controller.loadFile(file),
  });
  const controller = new SeedsController({ pool, figure });
  let tally = null;
  controller.onUpdate(({ state, total, classes, group }) => {
    tally = tallyClaims(group, { total, classes, running: state === 'running' });
    page.claims?.setTally(tally);
    page.answer?.setTally(tally);
  });
  let inView = false;
  const settings = () => ({
    config: configOf(page.table, page.state.values), members: page.state.get('members'),
    seeds: page.state.get('seeds'), seedSteps: page.state.get('seedSteps'),
  });
  const follow = () => {
    const changed = controller.setSettings(settings());
    if (changed && inView) controller.run();
  };
  page.state.addEventListener('change', ({ detail }) => {
    if (detail.changed.has('seedWorkers')) pool();  // resizes the shared pool
    follow();
  });
  new IntersectionObserver((entries) => {
    inView = entries[entries.length - 1].isIntersecting;
    if (inView && controller.state === 'idle') controller.run();
  }).observe(section);
  controller.setSettings(settings());
  // The page's language switch (web/app/language.js) tells the modules outside its bundle's views so.
  document.addEventListener('actlab:language', ({ detail }) => figure.setLanguage?.(detail.i18n));
  window.activationLabSeeds = {
    controller,
    pool,
    presetOutcome: (name, options = {}) => checkPresetAcrossSeeds({ pool: pool(), table: page.table, preset: presetByName(name), ...options }),
    tally: () => tally,
    setLanguage: (i18n) => figure.setLanguage?.(i18n),
  };
}

/**
 * Mounts the section once the page has started its first run. labRoot: the lab's root URL, where the
 * seed workers' scripts are (this module may be a chunk of the page's bundle: its own URL is not it).
 */
export function startSeedsSection(labRoot) {
  whenPageStarted().then((page) => mountSeedsSection(page, labRoot));
}
