// The page's language (issue 20 item 2): chosen from the address's `lang` (#...&lang=zh-CN, or
// ?lang=zh-CN, or a /zh-CN/ folder), else
// from the reader's languages (navigator.languages), by chooseLanguage (web/i18n/i18n.js); its
// catalog loaded (only that one: English is in the page's code, zh-CN a file of its own fetched
// only when chosen); and the visible switch in the page's header (English / 简体中文), which
// changes the words of the page without restarting anything.
import { chooseLanguage, loadTranslator, LANGUAGES } from '../i18n/i18n.js';
import { applyStaticText } from '../i18n/static-text.js';
import { readLang } from '../session/url-state.js';

/**
 * The reader's language and its translator.
 * @returns Promise<{i18n, explicit: boolean, notice: null | {key, params}}>
 *   explicit: the address named a language it has (then it is written back into the address);
 *   notice: lang.unknown for a `lang` the lab has no catalog for (English is shown).
 */
export async function loadPageLanguage({ hash = location.hash, search = location.search, pathname = location.pathname,
  navigatorLanguages = navigator.languages } = {}) {
  const urlLang = addressLang({ hash, search, pathname });
  const { lang, source, notice } = chooseLanguage({ urlLang, navigatorLanguages: navigatorLanguages ?? [] });
  const i18n = await loadTranslator(lang);
  return { i18n, explicit: source === 'url' && !notice, notice };
}

/**
 * The language the address names: the hash's `lang` (what the switch writes), else the forms a
 * server sees, which link cards and oEmbed answer in that language (scripts/page-language.mjs):
 * `?lang=zh-CN`, or a `/zh-CN/` folder (dist/zh-CN/ hops to ../index.html?lang=zh-CN). Null if none.
 */
export function addressLang({ hash = '', search = '', pathname = '' } = {}) {
  const fromHash = readLang(hash);
  if (fromHash !== null && fromHash !== undefined && fromHash !== '') return fromHash;
  const fromQuery = new URLSearchParams(search).get('lang');
  if (fromQuery) return fromQuery;
  const folder = pathname.split('/').find((part) => LANGUAGES.includes(part) && part !== 'en');
  return folder ?? null;
}

/** The translator of `lang`, as the switch asks for it (English when it cannot load). */
export function translatorFor(lang) {
  return loadTranslator(LANGUAGES.includes(lang) ? lang : 'en');
}

/**
 * The switch's buttons (index.html: #lang-switch [data-lang]): the current language pressed.
 * @param choose (lang) => void, called when the reader presses another language
 * @returns {show(lang)}
 */
export function mountLanguageSwitch(root, choose) {
  const buttons = [...root.querySelectorAll('button[data-lang]')];
  for (const button of buttons) {
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-pressed') !== 'true') choose(button.dataset.lang);
    });
  }
  return {
    show(lang) {
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    },
  };
}

/**
 * Writes the page's own words (index.html's data-i18n markup) in the translator's language and
 * tells the modules the page loads apart (the seeds section, the embed dialog) through one event
 * on the document: `actlab:language`, detail {i18n}.
 */
export function applyPageLanguage(i18n) {
  applyStaticText(document, i18n);
  document.dispatchEvent(new CustomEvent('actlab:language', { detail: { i18n } }));
}
