// The verdict at the top of the page: the sentences composeVerdict() (verdict.js) wrote from this
// browser's numbers, one paragraph each, and, once the across-seeds results exist, how often each
// claim held over those seeds (claim-tally.js).
import { el } from './dom.js';
import { englishTranslator } from '../i18n/i18n.js';
import { tallySentence } from '../session/claim-tally.js';

/**
 * mountVerdict(container, {headingLevel = 2, title (default: the catalog's verdict.title), labelOf, i18n})
 *   -> {update({sentences}), updateTally(tally | null), setLanguage(i18n), destroy(), element}
 * Hooks: root .al-verdict[data-count]; p[data-field=verdict-sentence][data-key][data-values (JSON of the numbers)];
 * [data-field=verdict-tally] li[data-tally][data-rival?][data-held][data-done][data-total][data-failed].
 * The sentences are composed by the caller in its language; setLanguage redraws the heading and the tally.
 */
export function mountVerdict(container, { headingLevel = 2, title, labelOf = (n) => n, i18n = englishTranslator } = {}) {
  let words = i18n;
  let tally = null;
  const root = el('section', 'al-verdict al-figure', { 'data-count': '0' });
  const heading = el(`h${headingLevel}`, 'al-figure-title');
  const body = el('div', 'al-verdict-body');
  const seeds = el('div', 'al-verdict-seeds', { 'data-field': 'verdict-tally', 'aria-live': 'polite', hidden: '' });
  const seedsTitle = el('p', 'al-verdict-seeds-title');
  const seedsList = el('ul', 'al-verdict-seeds-list');
  seeds.append(seedsTitle, seedsList);
  root.append(heading, body, seeds);
  container.append(root);

  function drawTally() {
    seeds.hidden = !tally || tally.items.length === 0;
    seedsTitle.textContent = words.t('verdict.tally.title');
    seedsList.replaceChildren(...(tally?.items ?? []).map((item) => {
      const li = el('li', null, { 'data-tally': item.key, 'data-held': String(item.held), 'data-done': String(tally.done),
        'data-total': String(tally.total), 'data-failed': String(tally.failed), ...(item.rival ? { 'data-rival': item.rival } : {}) });
      li.textContent = tallySentence(item, tally, { labelOf, i18n: words });
      return li;
    }));
  }

  function setLanguage(next) {
    words = next ?? englishTranslator;
    heading.textContent = title ?? words.t('verdict.title');
    drawTally();
  }
  setLanguage(words);

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
    /** How often each claim held across seeds (tallyClaims()), or null: the lines go. */
    updateTally(next) {
      tally = next;
      drawTally();
    },
    setLanguage,
    destroy() { root.remove(); },
  };
}
