// Bringing a view into sight so that it stays there: a claim link applies a preset, which rebuilds
// cards, panels and figures above the target and moves it down. So the page scrolls to the target
// at once, and again whenever the layout changes size (ResizeObserver on the body, and window
// resizes), until the reader scrolls, clicks or types; then it lets go. document.documentElement
// carries data-landing="<id>" while it holds (a hook for tests and for the reader's own scrolling).

const READER_INPUT = ['wheel', 'touchstart', 'pointerdown', 'keydown'];

let current = null;

/** Scrolls `target` to the top of the viewport and keeps it there until the reader takes over. */
export function landOn(target) {
  current?.release();
  if (!target) return;
  const scroll = () => target.scrollIntoView({ block: 'start', behavior: 'auto' });
  const observer = new ResizeObserver(() => scroll());
  const release = () => {
    observer.disconnect();
    window.removeEventListener('resize', scroll);
    for (const type of READER_INPUT) window.removeEventListener(type, release, true);
    if (document.documentElement.dataset.landing === target.id) delete document.documentElement.dataset.landing;
    if (current?.release === release) current = null;
  };
  current = { release };
  document.documentElement.dataset.landing = target.id;
  observer.observe(document.body);
  window.addEventListener('resize', scroll);
  // Added after the click that asked for the landing has finished dispatching.
  queueMicrotask(() => { for (const type of READER_INPUT) window.addEventListener(type, release, { capture: true, passive: true }); });
  scroll();
  target.focus({ preventScroll: true });
}
