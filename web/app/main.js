// Entry point of the page: a classic script that index.html runs first in its <head>, before the
// stylesheets, so that the worker, the module's compile and the page's code all start while the
// HTML is still being read. As an async module it ran only after the page's first layout and paint,
// 150-250 ms into a cold load (traces of bench-first.mjs loads), and the first boundary waited for
// the worker it starts. It is small and imports nothing statically for the same reason.
//
// The page compiles the WebAssembly module while the worker's code and the page's code load, then
// hands the compiled module to the worker (web/worker/wasm-handoff.js: one compile; index.html
// preloads the .wasm). What the worker says meanwhile is kept until the page can listen.
//
// The worker and the page's code come as bundles (web/build/, npm run build: one request each);
// index.html?sources loads the ES modules they are made of instead (development, no build step).
'use strict';

(() => {
  // A classic script's own URL, its import.meta.url: known only while it first runs.
  const here = document.currentScript.src;
  const at = (relative) => new URL(relative, here).href;
  const sources = new URLSearchParams(location.search).has('sources');
  // The parts loaded after the first boundary (loadPageExtras, below): "loading" until they are mounted.
  document.documentElement.dataset.extras = 'loading';

  const named = { name: 'actlab-wasm-posted' };  // = WASM_POSTED_WORKER_NAME: a compiled module will be posted
  const worker = sources
    ? new Worker(at('../worker/lab-worker.js'), { ...named, type: 'module' })
    : new Worker(at('../build/lab-worker.js'), named);
  import(at('../worker/wasm-handoff.js')).then(
    ({ postCompiledWasm }) => postCompiledWasm(worker, new URL(at('../build/actlab.wasm'))),
    // Without the hand-off the worker would wait for ever: it compiles the module itself on this.
    () => worker.postMessage({ type: 'wasm-module', error: 'the page could not load wasm-handoff.js' }),
  );
  const messages = [];
  const errors = [];
  const keepMessage = (event) => messages.push(event);
  const keepError = (event) => { event.preventDefault(); errors.push(event); };
  worker.addEventListener('message', keepMessage);
  worker.addEventListener('error', keepError);
  const stop = () => {
    worker.removeEventListener('message', keepMessage);
    worker.removeEventListener('error', keepError);
  };

  const pageModule = import(sources ? at('./lab-page.js') : at('../build/lab-page.js'));
  pageModule.then(() => performance.mark('actlab:page-code-loaded'), () => {});  // marks split the first boundary (bench-first.mjs)
  startPage({ worker, messages, errors, stop }, pageModule, new URL(at('..')));
})();

/** Once the document is parsed and the page's code is here: the page, built on the worker's READY. */
async function startPage(early, pageModule, labRoot) {
  // The reader's language (web/app/language.js): its catalog fetched while the worker starts, and
  // only the chosen one (English is in the page's code). Until it is known, notices read in English.
  const languageReady = pageModule.then((m) => m.loadPageLanguage());
  languageReady.catch(() => {});
  let i18n = null;
  languageReady.then((language) => { i18n = language.i18n; }, () => {});
  const say = (key, params, english) => (i18n ? i18n.t(key, params) : english);

  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  let page;
  try {
    page = await pageModule;
  } catch (err) {
    // Without the page's code there is no Notices and no catalog: the one sentence, in English, as text.
    early.stop();
    early.worker.terminate();
    const item = document.createElement('li');
    item.className = 'notice notice-error';
    item.dataset.level = 'error';
    item.textContent = `The page could not start: ${err?.message ?? err}`;
    document.getElementById('notices')?.append(item);
    return;
  }
  // Everything below comes from the one bundle (lab-page.js re-exports the three early classes).
  const { WorkerClient, FromWorker, Notices, LabPage, loadPageExtras } = page;
  const client = new WorkerClient(early);
  const notices = new Notices(document.getElementById('notices'));
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const pageFailed = (err) => {
    const message = err?.message ?? err;
    notices.show('error', say('worker.pageFailed', { message }, `The page could not start: ${message}`));
  };

  client
    .on(FromWorker.NOTICE, ({ level, message }) => notices.show(level, message))
    .on('worker-error', (message) => notices.show('error', say('worker.failed', { message }, `The lab's worker failed: ${message}`)))
    .on(FromWorker.READY, async (ready) => {
      try {
        const language = await languageReady;
        notices.setLanguage?.(language.i18n);
        window.activationLab = new LabPage(client, ready, notices, { reducedMotion, language });
        performance.mark('actlab:page-built');
        // After the first boundary: nothing of the extras comes before the first picture.
        // <html data-extras="ready"> once they are mounted (tests wait on it, as on data-ready).
        window.activationLab.firstDrawn.then(() => {
          loadPageExtras(labRoot, language.i18n);
          document.documentElement.dataset.extras = 'ready';
        }).catch(pageFailed);
      } catch (err) {
        pageFailed(err);
        throw err;
      }
    })
    .start();
}

// In-page links ("skip to the race") must not touch the hash: it holds the settings.
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[href^="#"]');
  const target = link && document.getElementById(link.getAttribute('href').slice(1));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView();
  target.focus({ preventScroll: true });
});
