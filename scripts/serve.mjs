// A tiny static file server for web/ (npm start) and for the browser tests.
// It sends the same strict Content-Security-Policy the page must live under, so tests prove the
// wasm module runs without 'unsafe-eval'.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CSP = "script-src 'self' 'wasm-unsafe-eval'";

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
 */
export function startServer({ root = path.join(REPO_ROOT, 'web'), port = 0, host = '127.0.0.1',
                              csp = DEFAULT_CSP, mounts = {} } = {}) {
  // Longest prefix first, so '/a/b' wins over '/a'; '/' (root) comes last.
  const roots = [...Object.entries(mounts).map(([p, d]) => [p.replace(/\/+$/, ''), path.resolve(d)]),
                 ['', path.resolve(root)]].sort((a, b) => b[0].length - a[0].length);

  const server = http.createServer((req, res) => {
    // Access-Control-Allow-Origin: the lab's files are public, and embeds on other origins (or in
    // sandboxed iframes, whose origin is 'null') fetch the module and import the views with CORS.
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache',
                      'Access-Control-Allow-Origin': '*' };
    if (csp) headers['Content-Security-Policy'] = csp;
    const fail = (status, message) => {
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : `${status} ${message}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'Method Not Allowed');

    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return fail(400, 'Bad Request');
    }
    if (pathname.includes('\0')) return fail(400, 'Bad Request');

    const [prefix, base] = roots.find(([p]) => pathname === p || pathname.startsWith(p + '/'));
    let file = path.join(base, pathname.slice(prefix.length));
    if (file !== base && !file.startsWith(base + path.sep)) return fail(403, 'Forbidden');

    fs.promises.realpath(file).then(async (real) => {
      // A symlink inside the root must not lead outside it either.
      const realBase = await fs.promises.realpath(base);
      if (real !== realBase && !real.startsWith(realBase + path.sep)) return fail(403, 'Forbidden');
      let stat = await fs.promises.stat(real);
      if (stat.isDirectory()) {
        real = path.join(real, 'index.html');
        stat = await fs.promises.stat(real);  // no directory listings: missing index -> 404
      }
      if (!stat.isFile()) return fail(404, 'Not Found');
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(real).toLowerCase()]
                             ?? 'application/octet-stream', 'Content-Length': stat.size });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(real).on('error', () => res.destroy()).pipe(res);
    }).catch(() => fail(404, 'Not Found'));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}/` });
    });
  });
}
