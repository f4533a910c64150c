// The embeddable seeds figure (figure=seeds): the across-seeds figure (web/views/seeds-figure.js)
// over the embed's settings, its seeds trained in the page's one seed pool, shared by every seeds
// figure on the page as every figure shares one lab worker. It runs while in view: scrolled away
// before it finished, it stops (its workers are terminated) and starts again when seen.
import { mountSeedsFigure } from '../views/seeds-figure.js';
import { SeedsController } from '../session/seeds-controller.js';
import { sharedSeedPool } from '../session/seed-pool.js';
import { el } from '../views/dom.js';

const DEFAULTS = { seeds: 20, seedSteps: 5000, seedWorkers: 0 };

/** @param context the figure host's context (web/embed/figures.js): labelOf, config(), values(), i18n, labRoot */
export function mountSeedsEmbed(container, { labelOf, config, values, i18n, labRoot }) {
  const sheet = el('link', null, { rel: 'stylesheet' });
  sheet.href = new URL('styles/seeds.css', labRoot).href;
  container.append(sheet);
  const settings = { ...DEFAULTS, ...(values?.() ?? {}) };
  const { members, ...core } = config();
  const pool = () => sharedSeedPool(labRoot, settings.seedWorkers);
  const figure = mountSeedsFigure(container, {
    labelOf,
    i18n,
    onRun: () => controller.run(),
    onCancel: () => controller.cancel(),
    onFile: (file) => controller.loadFile(file),
  });
  const controller = new SeedsController({ pool, figure });
  controller.setSettings({ config: core, members, seeds: settings.seeds, seedSteps: settings.seedSteps });
  const observer = new IntersectionObserver((entries) => {
    const inView = entries[entries.length - 1].isIntersecting;
    if (inView && controller.state !== 'running' && controller.state !== 'done') controller.run();
    if (!inView) controller.cancel();
  });
  observer.observe(container.host ?? container);
  return {
    controller,
    setLanguage(next) { figure.setLanguage?.(next); },
    destroy() {
      observer.disconnect();
      controller.destroy();
      sheet.remove();
    },
  };
}
