// The verdict at the top of the page: the sentences composeVerdict() (verdict.js) wrote from this
// browser's numbers, one paragraph each.
import { el } from './dom.js';

/**
 * mountVerdict(container, {headingLevel = 2, title = 'The answer, from this browser\u2019s numbers'})
 *   -> {update({sentences}), destroy(), element}
 * Hooks: root .al-verdict[data-count]; p[data-field=verdict-sentence][data-key][data-values (JSON of the numbers)].
 */
export function mountVerdict(container, { headingLevel = 2, title = 'The answer, from this browser\u2019s numbers' } = {}) {
  const root = el('section', 'al-verdict al-figure', { 'data-count': '0' });
  const heading = el(`h${headingLevel}`, 'al-figure-title');
  heading.textContent = title;
  const body = el('div', 'al-verdict-body');
  root.append(heading, body);
  container.append(root);
  return {
    element: root,
    update({ sentences } = {}) {
      if (!sentences) return;
      root.dataset.count = String(sentences.length);
      body.replaceChildren(...sentences.map((s) => {
        const p = el('p', 'al-verdict-sentence', { 'data-field': 'verdict-sentence', 'data-key': s.key, 'data-values': JSON.stringify(s.values) });
        p.textContent = s.text;
        return p;
      }));
    },
    destroy() { root.remove(); },
  };
}
