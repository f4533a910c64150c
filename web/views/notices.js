// Visible notices for the reader: rejected URL values, errors from the module, a network that
// stopped. Text only: a message is set with textContent, never parsed as HTML, whatever it holds.
// A hostile address can carry hundreds of bad values: the newest 12 stay on screen, older ones go.
import { englishTranslator } from '../i18n/i18n.js';

const MAX_SHOWN = 12;

export class Notices {
  /** list: a <ul> inside an aria-live region; i18n: the words of the dismiss buttons (setLanguage changes them). */
  constructor(list, { i18n = englishTranslator } = {}) {
    this.list = list;
    this.i18n = i18n;
  }

  /** The dismiss buttons of the notices on screen and of the next ones in another language (a message's text is its caller's). */
  setLanguage(i18n) {
    this.i18n = i18n;
    for (const close of this.list.querySelectorAll('.notice-close')) this.#label(close);
  }

  #label(close) {
    close.textContent = this.i18n.t('notice.dismiss');
    close.setAttribute('aria-label', this.i18n.t('notice.dismissLabel'));
  }

  /** level: 'error' | 'warning' | 'info'. The same text twice in a row is shown once. */
  show(level, text) {
    const message = String(text);
    const last = this.list.lastElementChild;
    if (last && last.dataset.text === message) return;
    const item = document.createElement('li');
    item.className = `notice notice-${level}`;
    item.dataset.level = level;
    item.dataset.text = message;
    const body = document.createElement('span');
    body.textContent = message;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'notice-close';
    this.#label(close);
    close.addEventListener('click', () => item.remove());
    item.append(body, close);
    this.list.append(item);
    while (this.list.children.length > MAX_SHOWN) this.list.firstElementChild.remove();
  }
}
