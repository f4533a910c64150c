// Helpers for the embedding tests: the lab on origin A (web/, the lab's own CSP) and a blog on
// origin B (a second port) that sends the CSP a careful host page would:
//   script-src 'self' LAB 'wasm-unsafe-eval'; worker-src blob:
// The blog's pages are written into a temporary folder by the tests (a pasted snippet, an oEmbed
// answer), next to the fixture's blog.html and blog.js. Not a test file.
import { before, after } from 'node:test';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { collectErrors, launchChromium } from './chromium.mjs';

const BLOG_FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'blog');
// How long a test waits for a figure to draw before it gives up: a bound for a stuck page on a busy
// machine, not a goal. The goal (each figure within 5 s) is timed by `npm run bench:page` (bench-embed.mjs).
export const DRAW_TIMEOUT_MS = 30000;

async function stop(server) {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** Registers before/after hooks: {browser, lab, blog, blogDir, hostCsp, writePost(name, body)}. */
export function embedSession() {
  const session = {};
  before(async () => {
    session.blogDir = await fs.mkdtemp(path.join(os.tmpdir(), 'actlab-blog-'));
    for (const name of await fs.readdir(BLOG_FIXTURE)) await fs.copyFile(path.join(BLOG_FIXTURE, name), path.join(session.blogDir, name));
    session.labServer = await startServer({ port: 0 });
    session.lab = session.labServer.url;
    session.hostCsp = `script-src 'self' ${new URL(session.lab).origin} 'wasm-unsafe-eval'; worker-src blob:`;
    session.blogServer = await startServer({ port: 0, root: session.blogDir, csp: session.hostCsp });
    session.blog = session.blogServer.url;
    session.browser = await launchChromium();
  });
  after(async () => {
    await session.browser?.close();
    if (session.labServer) await stop(session.labServer.server);
    if (session.blogServer) await stop(session.blogServer.server);
    if (session.blogDir) await fs.rm(session.blogDir, { recursive: true, force: true });
  });
  /** Writes a blog page whose <body> is `body` (HTML as a blogger pastes it); returns its URL. */
  session.writePost = async (name, body) => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>` +
      `<link rel="icon" href="data:,"><script src="blog.js"></script></head>` +
      `<body style="max-width:720px;margin:0 auto">${body}</body></html>`;
    await fs.writeFile(path.join(session.blogDir, name), html);
    return new URL(name, session.blog).href;
  };
  return session;
}

/** A fresh context and page with error collection; options go to newContext. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  return { context, page, errors, requests };
}

/** The snapshot of the n-th <activation-lab> on the page. */
export function snapshotOf(page, index = 0) {
  return page.evaluate((i) => document.querySelectorAll('activation-lab')[i].snapshot(), index);
}

/** Largest step of the figure's networks, as the worker last reported it. */
export async function stepOf(page, index = 0) {
  const snap = await snapshotOf(page, index);
  return Math.max(0, ...(snap?.members ?? []).map((m) => m.step));
}
