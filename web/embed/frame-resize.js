// Pasted with the "Embed this" iframe snippet: sizes each Activation Lab frame on the page from its
// own height messages ({type: 'activation-lab:resize', height}, sent by embed.html), and hides the
// snippet's static fallback (a linked card image for readers that strip scripts and iframes) once
// scripts run. Classic and tiny, so it loads from the lab's origin under a host's script-src.
(() => {
  'use strict';
  if (window.activationLabFrames) return;  // one listener, however many snippets a page has
  window.activationLabFrames = true;
  const hideFallbacks = () => {
    for (const link of document.querySelectorAll('.activation-lab-embed > a')) link.hidden = true;
  };
  hideFallbacks();
  document.addEventListener('DOMContentLoaded', hideFallbacks);
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'activation-lab:resize' || !(data.height > 0 && data.height < 100000)) return;
    for (const frame of document.querySelectorAll('.activation-lab-embed > iframe')) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(data.height)}px`;
    }
  });
})();
