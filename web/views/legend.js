// The key to the boundary colours: which colour is which class, and that pale means unsure. With
// two classes a bar runs from "surely class 0" through the background ("50/50") to "surely class
// 1", so a sigmoid board stuck at chance reads as "50/50 everywhere", not as a broken figure.
import { classColors } from './palette.js';
import { el } from './dom.js';
import { englishTranslator } from '../i18n/i18n.js';

/**
 * Mounts the legend into `container`; options {i18n = englishTranslator}.
 * Returns {update({classes, discretize}), setLanguage(i18n), element}.
 * The background colour comes from CSS (--al-surface), so it follows the page's colour scheme.
 */
export function mountProbabilityLegend(container, { i18n = englishTranslator } = {}) {
  let t = i18n.t;
  const root = el('div', 'al-legend', { role: 'group', 'aria-label': t('legend.label') });
  container.append(root);
  let shown = '';
  let last = null;

  function update({ classes = 2, discretize = false } = {}) {
    const key = `${classes}|${discretize}`;
    if (key === shown) return;
    shown = key;
    last = { classes, discretize };
    root.replaceChildren();
    if (classes === 2 && !discretize) {
      const bar = el('span', 'al-legend-bar', { 'aria-hidden': 'true' });
      bar.style.background = `linear-gradient(to right, ${classColors[0].css}, var(--al-surface) 50%, ${classColors[1].css})`;
      const labels = el('span', 'al-legend-labels');
      for (const text of [t('legend.sure', { index: '0' }), t('legend.even'), t('legend.sure', { index: '1' })]) {
        const s = el('span');
        s.textContent = text;
        labels.append(s);
      }
      const title = el('span', 'al-legend-title');
      title.textContent = t('legend.twoClasses');
      root.append(title, bar, labels);
      return;
    }
    const title = el('span', 'al-legend-title');
    title.textContent = discretize ? t('legend.discrete') : t('legend.classes', { classes: String(classes) });
    root.append(title);
    for (let c = 0; c < classes; c++) {
      const item = el('span', 'al-legend-item');
      const chip = el('span', 'al-legend-chip', { 'aria-hidden': 'true' });
      chip.style.background = classColors[c].css;
      item.append(chip, document.createTextNode(t('legend.class', { index: String(c) })));
      root.append(item);
    }
  }

  /** The key in another language, from the last classes and discretize given (nothing recomputed). */
  function setLanguage(next) {
    t = next.t;
    root.setAttribute('aria-label', t('legend.label'));
    shown = '';
    if (last) update(last);
  }

  return { update, setLanguage, element: root };
}
