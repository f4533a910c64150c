// A tiny static file server for web/ (npm start) and for the browser tests.
// It sends the same strict Content-Security-Policy the page must live under, so tests prove the
// wasm module runs without 'unsafe-eval'. Every file may be used from another origin
// (Access-Control-Allow-Origin: *): blogs embed the lab's figures. /oembed answers oEmbed, and
// HTML pages get absolute URLs in their link-card and discovery tags (scripts/page-meta.mjs), and
// the lab's and the embed's pages a head in the language the URL names where a server sees it:
// `?lang=zh-CN`, or a `/zh-CN/` path (which serves the same files as `/`, so that the page's
// relative URLs work below it): scripts/page-language.mjs.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { oembedFor } from './oembed.mjs';
import { absolutiseMeta } from './page-meta.mjs';
import { PATH_LANGUAGES, localiseHead, queryLanguage } from './page-language.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// worker-src blob: lets an embed in an opaque-origin (sandboxed) frame start its worker.
// object-src and base-uri 'none': no plugin content, and no injected <base> can redirect the pages'
// relative script URLs. No frame-ancestors: embed.html exists to be framed by any site.
export const DEFAULT_CSP =
  "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'";

// The lab page asks to be cross-origin isolated: only then does the browser give it (and its
// worker) performance.now() at 5 us instead of 100 us, and the page's speed figures are sums of
// calls of ~20 us each (steps/s per card, the cost table's 2 ms windows): at 100 us, identical
// networks read up to ~25% apart. The page loads nothing from other origins, so nothing breaks;
// the embed page is not isolated (it lives in other sites' frames, where isolation cannot apply).
// Scripts get the embedder policy too: an isolated page may start only a worker whose script
// response carries it (for any other page the header on a script means nothing).
export const ISOLATION_HEADERS = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
});
const ISOLATED_PAGES = new Set(['index.html']);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Starts serving. Resolves to {server, url} once listening; rejects on a listen error (EADDRINUSE).
 *   root   folder served at '/' (default: web/ of this repo); '/' -> root/index.html
 *   port   0 lets the OS choose; the chosen one is in url
 *   host   default 127.0.0.1 (loopback only)
 *   csp    Content-Security-Policy value; null/false sends none
 *   mounts extra roots, e.g. {'/fixtures': dir}: '/fixtures/a.html' -> dir/a.html (for embeds and tests)
 *   publicOrigin  'https://lab.example' (see publicOriginFrom): og:url and oEmbed answers use it
 *          instead of the request's Host header, which a client (or a shared cache's visitor) chooses
 */
export function startServer({ root = path.join(REPO_ROOT, 'web'), port = 0, host = '127.0.0.1',
                              csp = DEFAULT_CSP, mounts = {}, publicOrigin = null } = {}) {
  const fixedOrigin = publicOrigin === null ? null : publicOriginFrom(publicOrigin, 'publicOrigin');
  // Longest prefix first, so '/a/b' wins over '/a'; '/' (root) comes last.
  const roots = [...Object.entries(mounts).map(([p, d]) => [p.replace(/\/+$/, ''), path.resolve(d)]),
                 ['', path.resolve(root)]].sort((a, b) => b[0].length - a[0].length);

  const server = http.createServer((req, res) => {
    // Nothing a client sends may end the process: an unforeseen throw answers 500 instead.
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    }
  });

  function handle(req, res) {
    // Access-Control-Allow-Origin: the lab's files are public, and embeds on other origins (or in
    // sandboxed iframes, whose origin is 'null') fetch the module and import the views with CORS.
    // Cross-Origin-Resource-Policy: the same openness for no-cors loads, which a page that is
    // cross-origin isolated (see ISOLATION_HEADERS) may make only of resources that allow it.
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache',
                      'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
    if (csp) headers['Content-Security-Policy'] = csp;
    const fail = (status, message) => {
      if (res.headersSent) return res.destroy();  // a failure mid-body: cut the response short
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : `${status} ${message}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'Method Not Allowed');

    let pathname;
    let queryLang;
    try {
      const requested = new URL(req.url, 'http://x');
      pathname = decodeURIComponent(requested.pathname);
      queryLang = queryLanguage(requested.searchParams.get('lang'));
    } catch {
      return fail(400, 'Bad Request');
    }
    if (pathname.includes('\0')) return fail(400, 'Bad Request');
    const origin = fixedOrigin ?? originFromHost(req.headers.host, `${hostForUrl(host)}:${server.address().port}`);
    if (origin === null) return fail(400, 'Bad Request: Host header');
    if (pathname === '/oembed') return answerOembed(req, res, headers, origin);

    // /zh-CN/embed.html is embed.html in Chinese: the file below the language's path, unless the
    // root has a zh-CN/ folder of its own (dist/ has its stand-in pages there, for static hosts).
    const pathLang = PATH_LANGUAGES.find((lang) => pathname === `/${lang}` || pathname.startsWith(`/${lang}/`)) ?? null;
    const ownFolder = pathLang && fs.existsSync(path.join(path.resolve(root), pathLang));
    const filePath = pathLang && !ownFolder ? pathname.slice(pathLang.length + 1) || '/' : pathname;
    const [prefix, base] = roots.find(([p]) => filePath === p || filePath.startsWith(p + '/'));
    let file = path.join(base, filePath.slice(prefix.length));
    if (file !== base && !file.startsWith(base + path.sep)) return fail(403, 'Forbidden');

    // The page's own URL as a server sees it: its language kept, its other query left out.
    const pageUrl = origin + pathname + (queryLang && !pathLang ? `?lang=${queryLang}` : '');
    sendFile(req, res, { headers, fail, file, base, pageUrl, lang: queryLang ?? pathLang }).catch(() => fail(404, 'Not Found'));
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { port: actual } = server.address();
      resolve({ server, url: `http://${hostForUrl(host)}:${actual}/` });
    });
  });
}

const hostForUrl = (host) => (host.includes(':') ? `[${host}]` : host);

/**
 * 'http://' + the Host header, or null when the header is not a plain host[:port] (a space, '[',
 * '%', a tab, a port above 65535, a path...): WHATWG URL parsing must give back the same host.
 * A request without the header (HTTP/1.0) gets the server's own address.
 */
function originFromHost(header, fallback) {
  const host = header ?? fallback;
  try {
    const url = new URL(`http://${host}`);
    return url.host === host.toLowerCase() || `${url.host}:80` === host.toLowerCase() ? url.origin : null;
  } catch {
    return null;
  }
}

/** 'https://lab.example' from PUBLIC_ORIGIN or --public-origin; an Error naming the setting otherwise. */
export function publicOriginFrom(text, name = 'PUBLIC_ORIGIN') {
  let url;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search || url.hash ||
      url.username || url.password) {
    throw new Error(`${name}: ${JSON.stringify(String(text))} is not an origin (want http(s)://host[:port], no path)`);
  }
  return url.origin;
}

// The file at `file` (inside `base`), if its real path is inside base's real path too (a symlink
// must not lead out): a folder answers its index.html (no listings), an HTML page goes through
// sendPage, anything else is streamed. Rejects when a path does not exist (the caller answers 404).
async function sendFile(req, res, { headers, fail, file, base, pageUrl, lang }) {
  let real = await fs.promises.realpath(file);
  const realBase = await fs.promises.realpath(base);
  const inside = (p) => p === realBase || p.startsWith(realBase + path.sep);
  if (!inside(real)) return fail(403, 'Forbidden');
  let stat = await fs.promises.stat(real);
  if (stat.isDirectory()) {
    // The index may itself be a symlink: resolve and check it like any file path.
    real = await fs.promises.realpath(path.join(real, 'index.html'));  // no listings: missing -> 404
    if (!inside(real)) return fail(403, 'Forbidden');
    stat = await fs.promises.stat(real);
  }
  if (!stat.isFile()) return fail(404, 'Not Found');
  if (path.extname(real) === '.html') return sendPage(req, res, headers, real, pageUrl, lang);
  const type = TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
  const embedder = type === 'text/javascript' ? { 'Cross-Origin-Embedder-Policy': 'require-corp' } : {};
  res.writeHead(200, { ...headers, ...embedder, 'Content-Type': type, 'Content-Length': stat.size });
  if (req.method === 'HEAD') return res.end();
  fs.createReadStream(real).on('error', () => res.destroy()).pipe(res);
}

// The oEmbed answer (JSON only) for ?url=, for a lab page on this server.
function answerOembed(req, res, headers, origin) {
  const query = new URL(req.url, origin).searchParams;
  const format = query.get('format') ?? 'json';
  const send = (status, body, type) => {
    res.writeHead(status, { ...headers, 'Content-Type': type });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (format !== 'json') return send(501, 'format: only json is offered\n', 'text/plain; charset=utf-8');
  const { status, body } = oembedFor(query.get('url') ?? '', `${origin}/`, {
    maxwidth: query.get('maxwidth'), maxheight: query.get('maxheight'),
  });
  if (status !== 200) return send(status, `${body}\n`, 'text/plain; charset=utf-8');
  return send(200, JSON.stringify(body), 'application/json');
}

// An HTML page, its head in `lang`, its link-card and oEmbed discovery tags made absolute for this request.
async function sendPage(req, res, headers, file, pageUrl, lang) {
  const page = localiseHead(await fs.promises.readFile(file, 'utf8'), path.basename(file), lang);
  const html = absolutiseMeta(page, pageUrl,
    `${new URL(pageUrl).origin}/oembed?url=${encodeURIComponent(pageUrl)}&format=json`);
  const body = Buffer.from(html);
  const isolation = ISOLATED_PAGES.has(path.basename(file)) ? ISOLATION_HEADERS : {};
  res.writeHead(200, { ...headers, ...isolation, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}
