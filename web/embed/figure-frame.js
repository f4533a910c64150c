// The frame around an embedded figure, and its words: the sheets, a toolbar of buttons, the
// notices, the body the figure's view draws into, the caption, the status and the "Open in
// Activation Lab" link, all in the figure's language. It keeps what it said as messages
// (figure-words.js) so that setLanguage says it all again in another language at once.
import { Notices } from '../views/notices.js';
import { el } from '../views/dom.js';
import { say } from './figure-words.js';

const MAX_KEPT_NOTICES = 12;  // as many as the notice list shows (web/views/notices.js)

export class FigureFrame {
  /**
   * @param root the element's shadow root
   * @param options {base: the lab's root URL, figure: its name, sheets: style sheets beyond
   *   views.css and figure.css, i18n: the figure's translator}
   */
  constructor(root, { base, figure, sheets = [], i18n }) {
    this.i18n = i18n;
    this.figure = figure;
    this.kept = [];          // the notices shown: [{level, message}]
    this.statusMessage = null;
    this.playing = false;
    // Every sheet the figure's components use (claims.css for the claims strip), then the frame's own.
    for (const sheet of ['styles/views.css', ...sheets, 'embed/figure.css']) {
      const link = el('link', null, { rel: 'stylesheet' });
      link.href = new URL(sheet, base).href;
      root.append(link);
    }
    this.element = el('div', 'alx-figure', { part: 'figure', 'data-figure': figure, role: 'figure' });
    this.toolbar = el('div', 'alx-toolbar', { part: 'toolbar', role: 'group' });
    this.body = el('div', 'alx-body', { part: 'body' });
    this.caption = el('p', 'alx-caption', { part: 'caption', 'data-field': 'caption' });
    // A list cannot take role="status" (axe: aria-allowed-role): the live region wraps it.
    const noticeList = el('ul', 'alx-notices', { part: 'notices' });
    const noticeRegion = el('div', 'alx-notices-region', { role: 'status', 'aria-live': 'polite' });
    noticeRegion.append(noticeList);
    this.noticeList = noticeList;
    this.notices = new Notices(noticeList, { i18n });  // its Dismiss button's words
    const footer = el('div', 'alx-footer', { part: 'footer' });
    this.link = el('a', 'alx-link', { part: 'link', target: '_blank', rel: 'noopener' });
    this.status = el('span', 'alx-status', { part: 'status' });
    footer.append(this.status, this.link);
    this.element.append(this.toolbar, noticeRegion, this.body, this.caption, footer);
    root.append(this.element);
    this.sayFrame();
    // Narrow layouts come from container queries in figure.css, not from a ResizeObserver that
    // would change the box it observes (issue 18: "ResizeObserver loop" errors on the host window).
  }

  /** The frame's own words (label, toolbar, link, status, buttons) in the figure's language. */
  sayFrame() {
    const { t } = this.i18n;
    this.element.lang = this.i18n.lang;  // the host page may be in another language: read aloud right
    this.element.setAttribute('aria-label', t('embed.label', { figure: t(`embed.figure.${this.figure}`) }));
    this.toolbar.setAttribute('aria-label', t('embed.toolbar'));
    this.link.textContent = t('embed.open');
    this.status.textContent = say(this.statusMessage, this.i18n);
    for (const button of this.toolbar.querySelectorAll('button[data-key]')) {
      button.textContent = t(button.dataset.key);
      button.title = t(`${button.dataset.key}.title`);
    }
    this.setPlaying(this.playing);
  }

  /**
   * The toolbar's buttons: [{key, action}] (the button's words: key, its title: key.title; the
   * first is play/pause, worded by setPlaying). hidden: no toolbar at all.
   */
  setButtons(buttons, hidden) {
    this.toolbar.replaceChildren(...buttons.map(({ key, action }) => {
      const b = el('button', 'alx-button', { type: 'button', part: 'button', 'data-key': key });
      b.addEventListener('click', action);
      return b;
    }));
    this.toolbar.hidden = hidden;
    this.sayFrame();
  }

  /** The play button says Pause while the reader wants the figure to train. */
  setPlaying(playing) {
    this.playing = playing;
    const button = this.toolbar.querySelector('button[data-key="embed.play"], button[data-key="embed.pause"]');
    if (!button) return;
    button.dataset.key = playing ? 'embed.pause' : 'embed.play';
    button.textContent = this.i18n.t(button.dataset.key);
    button.title = this.i18n.t('embed.play.title');
    button.setAttribute('aria-pressed', String(playing));
  }

  setStatus(message) {
    this.statusMessage = message;
    this.status.textContent = say(message, this.i18n);
  }

  /** A notice: text as it came, or a message ({key, params}) worded in the figure's language. */
  notice(level, message) {
    this.kept.push({ level, message });
    if (this.kept.length > MAX_KEPT_NOTICES) this.kept.shift();
    this.notices.show(level, say(message, this.i18n));
  }

  /** Says the frame and its notices again in `i18n`'s language; languageNotice: lang.unknown's. */
  setLanguage(i18n, languageNotice = null) {
    this.i18n = i18n;
    if (languageNotice) this.kept.push({ level: 'warning', message: languageNotice });
    this.sayFrame();
    this.notices.setLanguage?.(i18n);
    this.noticeList.replaceChildren();
    for (const { level, message } of this.kept) this.notices.show(level, say(message, i18n));
  }
}
