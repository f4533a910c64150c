// Entry point of the page. It has no static imports on purpose: the worker starts first, and the
// page compiles the WebAssembly module while the worker's code and the page's own modules load,
// then hands the compiled module to the worker (web/worker/wasm-handoff.js: one compile, started
// as early as possible; index.html preloads the .wasm). What the worker says meanwhile is kept
// until the page can listen.
//
// The worker and the page's code come as bundles (web/build/, npm run build: one request each);
// index.html?sources loads the ES modules they are made of instead (development, no build step).
const sources = new URLSearchParams(location.search).has('sources');
// The parts loaded after the first boundary (loadPageExtras, below): "loading" until they are mounted.
document.documentElement.dataset.extras = 'loading';
const named = { name: 'actlab-wasm-posted' };  // = WASM_POSTED_WORKER_NAME: a compiled module will be posted
const worker = sources
  ? new Worker(new URL('../worker/lab-worker.js', import.meta.url), { ...named, type: 'module' })
  : new Worker(new URL('../build/lab-worker.js', import.meta.url), named);
import('../worker/wasm-handoff.js').then(
  ({ postCompiledWasm }) => postCompiledWasm(worker, new URL('../build/actlab.wasm', import.meta.url)),
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

const pageModule = sources ? import('./lab-page.js') : import('../build/lab-page.js');
pageModule.catch(() => {});  // a failure is reported where READY awaits it
// The reader's language (web/app/language.js): its catalog fetched while the worker starts, and
// only the chosen one (English is in the page's code). Until it is known, notices read in English.
const languageReady = pageModule.then((m) => m.loadPageLanguage());
languageReady.catch(() => {});
let i18n = null;
languageReady.then((language) => { i18n = language.i18n; }, () => {});
const say = (key, params, english) => (i18n ? i18n.t(key, params) : english);
// index.html runs this script async (it need not wait for the stylesheets and the whole body to
// start the worker), so the page's elements are looked up only once the document is parsed.
const parsed = document.readyState === 'loading'
  ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
  : null;
const [{ WorkerClient }, { FromWorker }, { Notices }] = await Promise.all([
  import('./worker-client.js'), import('../session/protocol.js'), import('../views/notices.js'), parsed,
]);
const client = new WorkerClient({ worker, messages, errors, stop });
const notices = new Notices(document.getElementById('notices'));
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;

client
  .on(FromWorker.NOTICE, ({ level, message }) => notices.show(level, message))
  .on('worker-error', (message) => notices.show('error', say('worker.failed', { message }, `The lab's worker failed: ${message}`)))
  .on(FromWorker.READY, async (ready) => {
    try {
      const { LabPage, loadPageExtras } = await pageModule;
      performance.mark('actlab:page-code-loaded');  // the marks split the first boundary's time (bench-first.mjs)
      const language = await languageReady;
      notices.setLanguage?.(language.i18n);
      window.activationLab = new LabPage(client, ready, notices, { reducedMotion, language });
      performance.mark('actlab:page-built');
      // After the first boundary: nothing of the extras comes before the first picture.
      // <html data-extras="ready"> once they are mounted (tests wait on it, as on data-ready).
      window.activationLab.firstDrawn.then(() => loadPageExtras(new URL('..', import.meta.url), language.i18n)).then(() => {
        document.documentElement.dataset.extras = 'ready';
      }).catch((err) => {
        notices.show('error', say('worker.pageFailed', { message: err?.message ?? err }, `The page could not start: ${err?.message ?? err}`));
      });
    } catch (err) {
      const message = err?.message ?? err;
      notices.show('error', say('worker.pageFailed', { message }, `The page could not start: ${message}`));
      throw err;
    }
  })
  .start();

// In-page links ("skip to the race") must not touch the hash: it holds the settings.
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[href^="#"]');
  const target = link && document.getElementById(link.getAttribute('href').slice(1));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView();
  target.focus({ preventScroll: true });
});
