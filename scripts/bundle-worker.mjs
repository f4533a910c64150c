// Bundles the lab's worker (web/worker/lab-worker.js, its imports and the Emscripten glue) into one
// CLASSIC script, web/build/lab-worker.js: the lab page starts it (one request instead of a
// module graph), and so do pages on other origins. A page may only start a
// Worker from its own origin, so an embed starts one from a blob: URL whose code is
//   self.ACTLAB_BASE_URL = 'https://LAB/'; importScripts('https://LAB/build/lab-worker.js');
// importScripts needs no CORS, and only classic workers have it (module workers would need CORS on
// every import). esbuild is a dev dependency: the bundle is a build product, never committed.
//
// The ES sources find their files with import.meta.url, which a classic script does not have: it is
// defined as the URL this bundle is served from, taken from ACTLAB_BASE_URL when the embedder set
// it (a blob: worker's own location says nothing about the lab), else from the worker's location.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './serve.mjs';

const BUNDLE_URL_GLOBAL = '__actlabBundleUrl';

export async function bundleWorker({ outfile = path.join(REPO_ROOT, 'web/build/lab-worker.js') } = {}) {
  await build(classicWorker('lab-worker', outfile));
  return outfile;
}

// The across-seeds pool's worker (web/worker/seed-worker.js), for pages on other origins alike.
export async function bundleSeedWorker({ outfile = path.join(REPO_ROOT, 'web/build/seed-worker.js') } = {}) {
  await build(classicWorker('seed-worker', outfile));
  return outfile;
}

function classicWorker(name, outfile) {
  return {
    entryPoints: [path.join(REPO_ROOT, `web/worker/${name}.js`)],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    // actlab.js reads the .wasm with node:fs when it runs in Node; that branch never runs in a worker.
    external: ['node:*'],
    define: { 'import.meta.url': BUNDLE_URL_GLOBAL },
    banner: {
      js: `var ${BUNDLE_URL_GLOBAL}=new URL("build/${name}.js",self.ACTLAB_BASE_URL||new URL("..",self.location.href)).href;`,
    },
    logLevel: 'warning',
  };
}

/**
 * The lab page's code after its first lines (web/app/lab-page.js and everything it imports: the
 * session, the views, the controls) as ONE module, web/build/lab-page.js, which web/app/main.js
 * imports: one request instead of ~40 in a chain of imports, so the page is as compact from web/
 * (npm start) as from dist/. web/index.html?sources loads the unbundled modules instead (for
 * development: no build after an edit of web/app, web/session or web/views).
 * What the page imports with import() (the catalog of a language other than English:
 * web/i18n/i18n.js's LOADERS) is split off into web/build/page-chunks/, fetched only when a reader
 * chooses that language: without splitting esbuild would inline it, and every reader would
 * download every language.
 */
export async function bundlePage({ outfile = path.join(REPO_ROOT, 'web/build/lab-page.js') } = {}) {
  await buildSplit('web/app/lab-page.js', outfile, PAGE_CHUNKS);
  return outfile;
}

/**
 * Bundles `entry` as one ES module at `outfile`, with what it imports by import() (a catalog) split
 * off into `chunks`/ beside it, which is emptied first (no stale catalogs).
 */
async function buildSplit(entry, outfile, chunks) {
  const outdir = path.dirname(outfile);
  fs.rmSync(path.join(outdir, chunks), { recursive: true, force: true });
  const { outfile: _, ...options } = esmBundle(entry, outfile);
  await build({
    ...options,
    outdir,
    splitting: true,
    entryNames: path.basename(outfile, '.js'),
    chunkNames: `${chunks}/[name]-[hash]`,
  });
}

const PAGE_CHUNKS = 'page-chunks';
const FIGURE_CHUNKS = 'figure-chunks';

/**
 * The embed's figure code (web/embed/figure-host.js, the session, the views) as ONE module,
 * web/build/figure-host.js, which the element script imports: a blog page makes one request for it
 * instead of ~20, from web/ (npm start) as from dist/. Its import() of views/claims-strip.js is by
 * URL at run time, so that file stays separate.
 */
export async function bundleFigureHost({ outfile = path.join(REPO_ROOT, 'web/build/figure-host.js') } = {}) {
  // Split like the page's: a blog reader downloads English plus at most their own language.
  await buildSplit('web/embed/figure-host.js', outfile, FIGURE_CHUNKS);
  return outfile;
}

/** One ES module of an entry point and everything it imports, for a web page. */
function esmBundle(entry, outfile) {
  return {
    entryPoints: [path.join(REPO_ROOT, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    // lab/compile-wasm.js reads the .wasm with node:fs when it runs in Node; never on a web page.
    external: ['node:*'],
    logLevel: 'warning',
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const out of [await bundleWorker(), await bundleSeedWorker(), await bundlePage(), await bundleFigureHost()]) {
    console.log(`== bundle: ${path.relative(REPO_ROOT, out)}`);
  }
}
