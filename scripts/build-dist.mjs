// Writes dist/: the lab as a static folder that works from any static host (GitHub Pages, a bucket,
// a blog's own server): the lab page, the embed page, the element script, the views, the worker
// (module and classic bundle) and the wasm module, plus the living example of a blog post.
//   node scripts/build-dist.mjs [--out dist] [--base-url https://you.github.io/lab/]
// With --base-url the link-card and oEmbed discovery tags get absolute URLs (link cards need them)
// and dist/oembed.json answers for the default figure; without it those tags are left out.
// The page's and the embed's code come bundled from web/build/ (scripts/bundle-worker.mjs).
// dist/zh-CN/index.html and dist/zh-CN/embed.html: the pages' head in Chinese (a static host cannot
// answer ?lang= with another head) for link cards, with dist/oembed-zh-CN.json; they send a reader
// on to ../index.html?lang=zh-CN (or ../embed.html) with the hash kept (web/embed/language-path.js).
// Needs web/build/ (npm run build makes it first).
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, ISOLATION_HEADERS, DEFAULT_CSP } from './serve.mjs';
import { absolutiseMeta } from './page-meta.mjs';
import { oembedFor } from './oembed.mjs';
import { PATH_LANGUAGES, localiseHead, translatorFor } from './page-language.mjs';
import { build } from 'esbuild';

// What a static host needs: the page's code, the run session, the embed's code, the views, styles, the built module,
// the catalogs (i18n/: the modules loaded unbundled, such as the ?sources page, import them).
const COPY = ['index.html', 'embed.html', 'app', 'session', 'embed', 'views', 'lab', 'worker', 'styles', 'build', 'examples', 'i18n'];
const SKIP = new Set(['demo.html', 'demo.js', 'demo.css', 'demo-data.js', 'demo-diagnostics.js', 'README.md', 'actlab.d.ts']);
const NEEDED = ['build/actlab.mjs', 'build/actlab.wasm', 'build/lab-worker.js', 'build/seed-worker.js', 'build/lab-page.js', 'build/figure-host.js'];

function parseArgs(argv) {
  const opts = { out: path.join(REPO_ROOT, 'dist'), baseUrl: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') opts.out = path.resolve(argv[++i]);
    else if (argv[i] === '--base-url') opts.baseUrl = new URL(argv[++i]).href.replace(/\/?$/, '/');
    else throw new Error(`build-dist: unknown argument ${argv[i]} (use --out DIR, --base-url URL)`);
  }
  return opts;
}

function copyTree(from, to) {
  const stat = fs.statSync(from);
  if (stat.isDirectory()) {
    fs.mkdirSync(to, { recursive: true });
    for (const name of fs.readdirSync(from)) if (!SKIP.has(name)) copyTree(path.join(from, name), path.join(to, name));
  } else {
    fs.copyFileSync(from, to);
  }
}

/** Absolute card and discovery URLs with a base; without one, drop the tags that need them. */
function finishPage(file, relative, baseUrl, oembedFile = 'oembed.json') {
  const html = fs.readFileSync(file, 'utf8');
  const out = baseUrl
    ? absolutiseMeta(html, new URL(relative, baseUrl).href, new URL(oembedFile, baseUrl).href)
    : html.replace(/\n?\s*<(meta|link)\b[^>]*\bdata-absolute\b[^>]*>/g, '');
  fs.writeFileSync(file, out);
}

/**
 * The element script, minified (it stays one classic script: what every blog page loads first).
 * The bundles of the page, the figure code and the worker come from web/build/ (npm run build).
 */
async function minifyElementScript(out) {
  // The element script stays one classic script; minified, it is what every blog page loads first.
  await build({
    entryPoints: [path.join(REPO_ROOT, 'web/embed/activation-lab.js')],
    outfile: path.join(out, 'embed/activation-lab.js'),
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    allowOverwrite: true,
    logLevel: 'warning',
  });
}

/**
 * _headers, the file Netlify and Cloudflare Pages read: the lab page cross-origin isolated (as
 * npm start serves it, for 5 us timers: see ISOLATION_HEADERS in serve.mjs), its worker scripts
 * with the embedder policy an isolated page requires of them, and every file usable from other
 * origins; every file under the dev server's CSP (object-src and base-uri 'none', no frame-ancestors:
 * embed.html is made to be framed) and nosniff, so a deployed copy keeps what npm start sends.
 * Hosts without such a file (GitHub Pages) serve the lab with 0.1 ms timers; the cost view then says so.
 */
export function headersFile() {
  const lines = (entries) => Object.entries(entries).map(([k, v]) => `  ${k}: ${v}`).join('\n');
  const open = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin',
                 'Content-Security-Policy': DEFAULT_CSP, 'X-Content-Type-Options': 'nosniff' };
  const embedder = { 'Cross-Origin-Embedder-Policy': ISOLATION_HEADERS['Cross-Origin-Embedder-Policy'] };
  return [`/*\n${lines(open)}`, `/\n${lines(ISOLATION_HEADERS)}`, `/index.html\n${lines(ISOLATION_HEADERS)}`,
          `/worker/*\n${lines(embedder)}`, `/lab/*\n${lines(embedder)}`, `/build/*\n${lines(embedder)}`].join('\n') + '\n';
}

/**
 * `lang`'s stand-in for the lab page or the embed page (`page`), one folder down: the page's head
 * in that language (its styles, preloads and scripts dropped, the card image one level up), a
 * script and a refresh that lead to the live page, and a link for readers with neither.
 */
export function languagePage(html, page, lang) {
  const head = localiseHead(html, page, lang);
  const tags = head.slice(head.indexOf('<head>') + '<head>'.length, head.indexOf('<link rel="icon"'))
    .replace('content="embed/card.png"', 'content="../embed/card.png"');
  const live = `../${page}?lang=${lang}`;
  return `<!doctype html>\n${head.match(/<html\b[^>]*>/)[0]}\n<head>${tags}<link rel="icon" href="data:,">\n` +
    `  <meta http-equiv="refresh" content="0; url=${live}">\n  <script src="../embed/language-path.js"></script>\n</head>\n` +
    `<body>\n  <p><a href="${live}">${translatorFor(lang).t('embed.openLab')}</a></p>\n</body>\n</html>\n`;
}

export async function buildDist({ out, baseUrl }) {
  const web = path.join(REPO_ROOT, 'web');
  for (const needed of NEEDED) {
    if (!fs.existsSync(path.join(web, needed))) throw new Error(`build-dist: web/${needed} is missing: run npm run build`);
  }
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const entry of COPY) {
    if (fs.existsSync(path.join(web, entry))) copyTree(path.join(web, entry), path.join(out, entry));
  }
  await minifyElementScript(out);
  for (const page of ['index.html', 'embed.html']) finishPage(path.join(out, page), page, baseUrl);
  for (const lang of PATH_LANGUAGES) {
    fs.mkdirSync(path.join(out, lang), { recursive: true });
    for (const page of ['index.html', 'embed.html']) {
      const file = path.join(out, lang, page);
      fs.writeFileSync(file, languagePage(fs.readFileSync(path.join(web, page), 'utf8'), page, lang));
      finishPage(file, `${lang}/${page}`, baseUrl, `oembed-${lang}.json`);
    }
  }
  fs.writeFileSync(path.join(out, '_headers'), headersFile());
  if (baseUrl) {
    const { body } = oembedFor(baseUrl, baseUrl);
    fs.writeFileSync(path.join(out, 'oembed.json'), `${JSON.stringify(body, null, 2)}\n`);
    for (const lang of PATH_LANGUAGES) {
      const answer = oembedFor(new URL(`${lang}/`, baseUrl).href, baseUrl).body;
      fs.writeFileSync(path.join(out, `oembed-${lang}.json`), `${JSON.stringify(answer, null, 2)}\n`);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const out = await buildDist(parseArgs(process.argv.slice(2)));
    console.log(`== dist: ${path.relative(process.cwd(), out) || out} (a static folder: serve it from any host)`);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
