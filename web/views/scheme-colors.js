// Canvas ink that follows the page's colour scheme: read from the component's CSS variables once
// per scheme (getComputedStyle on every frame would cost a style pass), refreshed on a change.

/** Calls onChange() when the scheme flips; colors() -> {fg, muted, grid, surface}; dispose(). */
export function watchSchemeColors(root, onChange) {
  let colors = null;
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  const changed = () => { colors = null; onChange(); };
  scheme.addEventListener('change', changed);
  return {
    colors() {
      if (!colors) {
        const style = getComputedStyle(root);
        const css = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
        colors = { fg: css('--al-fg', '#1b1b1b'), muted: css('--al-muted', '#595959'), grid: css('--al-border', '#d6d6d6'),
          surface: css('--al-surface', '#ffffff') };
      }
      return colors;
    },
    dispose() { scheme.removeEventListener('change', changed); },
  };
}

// Ink for drawing functions that are not given colours: the element's CSS variables, read once per
// element and colour scheme (a WeakMap, emptied when the scheme flips), so a histogram or norm chart
// drawn on a dark panel writes light text without its caller knowing the scheme.
let inkCache = new WeakMap();
if (typeof matchMedia === 'function') {
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => { inkCache = new WeakMap(); });
}

/** {fg, muted, grid, surface} of `element` (defaults: the light scheme's). */
export function inkOf(element) {
  let ink = inkCache.get(element);
  if (!ink) {
    const style = typeof getComputedStyle === 'function' && element?.isConnected ? getComputedStyle(element) : null;
    const css = (name, fallback) => style?.getPropertyValue(name).trim() || fallback;
    ink = { fg: css('--al-fg', '#1b1b1b'), muted: css('--al-muted', '#444444'), grid: css('--al-border', '#d6d6d6'),
      surface: css('--al-surface', '#ffffff') };
    if (style) inkCache.set(element, ink);
  }
  return ink;
}
