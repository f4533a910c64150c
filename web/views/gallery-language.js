// The galleries' language (demo.html, figures-demo.html): ?lang=zh-CN mounts their views in that
// language, and window.__setLanguage(lang) switches every view at once, as the page's switch does
// (the zh-CN gallery tests use both). <html lang> and data-lang say which language is shown.
import { loadTranslator } from '../i18n/i18n.js';

/** The translator the gallery's address asks for (English without ?lang), <html lang> set. */
export async function galleryTranslator() {
  const i18n = await loadTranslator(new URLSearchParams(location.search).get('lang') ?? 'en');
  showLanguage(i18n);
  return i18n;
}

/** Installs window.__setLanguage over `views` (each with setLanguage(i18n)). */
export function exposeLanguageSwitch(views) {
  window.__setLanguage = async (lang) => {
    const next = await loadTranslator(lang);
    for (const view of views) view.setLanguage(next);
    showLanguage(next);
  };
}

function showLanguage(i18n) {
  document.documentElement.lang = i18n.lang;
  document.documentElement.dataset.lang = i18n.lang;
}
