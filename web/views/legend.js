// The key to the boundary colours: which colour is which class, and that pale means unsure. With
// two classes a bar runs from "surely class 0" through the background ("50/50") to "surely class
// 1", so a sigmoid board stuck at chance reads as "50/50 everywhere", not as a broken figure.
import { classColors } from './palette.js';
import { el } from './dom.js';

/**
 * Mounts the legend into `container`. Returns {update({classes, discretize}), element}.
 * The background colour comes from CSS (--al-surface), so it follows the page's colour scheme.
 */
export function mountProbabilityLegend(container) {
  const root = el('div', 'al-legend', { role: 'group', 'aria-label': 'Boundary colours' });
  container.append(root);
  let shown = '';

  function update({ classes = 2, discretize = false } = {}) {
    const key = `${classes}|${discretize}`;
    if (key === shown) return;
    shown = key;
    root.replaceChildren();
    if (classes === 2 && !discretize) {
      const bar = el('span', 'al-legend-bar', { 'aria-hidden': 'true' });
      bar.style.background = `linear-gradient(to right, ${classColors[0].css}, var(--al-surface) 50%, ${classColors[1].css})`;
      const labels = el('span', 'al-legend-labels');
      for (const text of ['class 0, sure', '50/50', 'class 1, sure']) {
        const s = el('span');
        s.textContent = text;
        labels.append(s);
      }
      const title = el('span', 'al-legend-title');
      title.textContent = 'Probability the network gives each class:';
      root.append(title, bar, labels);
      return;
    }
    const title = el('span', 'al-legend-title');
    title.textContent = discretize
      ? 'Each region shows the class the network predicts:'
      : `Colour: the predicted class; strong when sure, pale near chance (1/${classes}):`;
    root.append(title);
    for (let c = 0; c < classes; c++) {
      const item = el('span', 'al-legend-item');
      const chip = el('span', 'al-legend-chip', { 'aria-hidden': 'true' });
      chip.style.background = classColors[c].css;
      item.append(chip, document.createTextNode(`class ${c}`));
      root.append(item);
    }
  }

  return { update, element: root };
}
