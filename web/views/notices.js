// Visible notices for the reader: rejected URL values, errors from the module, a network that
// stopped. Text only: a message is set with textContent, never parsed as HTML, whatever it holds.
// A hostile address can carry hundreds of bad values: the newest 12 stay on screen, older ones go.
const MAX_SHOWN = 12;

export class Notices {
  constructor(list) {
    this.list = list;  // a <ul> inside an aria-live region
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
    close.textContent = 'Dismiss';
    close.setAttribute('aria-label', 'Dismiss this notice');
    close.addEventListener('click', () => item.remove());
    item.append(body, close);
    this.list.append(item);
    while (this.list.children.length > MAX_SHOWN) this.list.firstElementChild.remove();
  }
}
