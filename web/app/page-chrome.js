// The page's own controls around the views: the Settings button (on a phone the settings are a
// panel opened from it, so the boards come first), the display toggles of the boards ("show test
// data", "discretize output": how the boards draw, not what is trained, so they do not restart the
// run and stay out of the URL) and the Escape key that closes the panel.

/** @param actions {setDisplay({showTest, discretize})} */
export function mountPageChrome({ setDisplay }) {
  const open = document.getElementById('open-settings');
  const close = document.getElementById('close-settings');
  const panel = document.getElementById('settings');
  const setOpen = (isOpen) => {
    document.body.classList.toggle('settings-open', isOpen);
    open.setAttribute('aria-expanded', String(isOpen));
    if (isOpen) panel.focus();
    else if (panel.contains(document.activeElement)) open.focus();
  };
  open.addEventListener('click', () => setOpen(!document.body.classList.contains('settings-open')));
  close.addEventListener('click', () => setOpen(false));
  // The "Settings" link of the view list opens the panel where the settings are one (a phone).
  for (const link of document.querySelectorAll('a[href="#settings"]')) {
    link.addEventListener('click', () => {
      if (getComputedStyle(open).display !== 'none') setOpen(true);
    });
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.body.classList.contains('settings-open')) setOpen(false);
  });

  const showTest = document.getElementById('show-test');
  const discretize = document.getElementById('discretize');
  const apply = () => setDisplay({ showTest: showTest.checked, discretize: discretize.checked });
  showTest.addEventListener('change', apply);
  discretize.addEventListener('change', apply);
  apply();
}
