// What a blog page downloads for its first <activation-lab> figure: every body the lab's server
// sends (the element script, the figure's modules and styles, the worker bundle, the wasm), raw and
// gzipped (zlib level 9 per body, summed), measured in real Chromium on a blog of another origin
// under the host CSP. A benchmark: it prints, it does not judge. Goal (issue 7): <= 170 KB gzipped.
//   node scripts/bench-embed.mjs [--json]        (also a section of npm run bench:page)
import zlib from 'node:zlib';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, startServer } from './serve.mjs';

export const EMBED_GOAL_GZIP_BYTES = 170_000;
const BLOG_PAGE = (lab) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blog</title>
<link rel="icon" href="data:,"></head><body style="max-width:720px;margin:0 auto"><p>A post.</p>
<script src="${lab}embed/activation-lab.js"></script>
<activation-lab figure="race" settings="preset=vanishing&amp;members=sigmoid,relu"></activation-lab></body></html>`;

const GROUPS = [
  ['element script', (p) => p === '/embed/activation-lab.js'],
  ['worker bundle', (p) => p === '/build/lab-worker.js'],
  ['wasm module', (p) => p.endsWith('.wasm')],
  ['figure modules and styles', () => true],
];

/**
 * The first figure's bytes from web/ as npm start serves it and, when it was built, from dist/
 * (the static folder, figure code bundled): {web, dist?}, each as measureFrom() returns.
 */
export async function measureFirstFigureBytes(browser, options = {}) {
  for (const built of ['web/build/lab-worker.js', 'web/build/actlab.wasm']) {
    await fs.access(path.join(REPO_ROOT, built)).catch(() => {
      throw new Error(`bench-embed: ${built} is missing: run npm run build`);
    });
  }
  const result = { web: await measureFrom(browser, path.join(REPO_ROOT, 'web'), options) };
  const dist = path.join(REPO_ROOT, 'dist');
  if (await fs.access(path.join(dist, 'embed/activation-lab.js')).then(() => true, () => false)) {
    result.dist = await measureFrom(browser, dist, options);
  }
  return result;
}

/** Serves the lab from `root` and a blog, opens the blog, waits for the first boundary, sums the bytes. */
async function measureFrom(browser, root, { timeoutMs = 20000 } = {}) {
  const lab = await startServer({ port: 0, root });
  const labUrl = lab.url;
  const blogDir = await fs.mkdtemp(path.join(os.tmpdir(), 'actlab-bench-blog-'));
  await fs.writeFile(path.join(blogDir, 'index.html'), BLOG_PAGE(labUrl));
  const blog = await startServer({ port: 0, root: blogDir,
    csp: `script-src 'self' ${new URL(labUrl).origin} 'wasm-unsafe-eval'; worker-src blob:` });
  const bodies = [];
  lab.server.on('request', (req, res) => {
    const chunks = [];
    const write = res.write.bind(res), end = res.end.bind(res);
    const keep = (chunk, encoding) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? encoding : undefined));
    };
    res.write = (chunk, encoding, cb) => { keep(chunk, encoding); return write(chunk, encoding, cb); };
    res.end = (chunk, encoding, cb) => { keep(chunk, encoding); return end(chunk, encoding, cb); };
    res.on('finish', () => bodies.push({ path: new URL(req.url, labUrl).pathname, body: Buffer.concat(chunks) }));
  });
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  try {
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(blog.url);
    await page.locator('activation-lab .al-card[data-drawn="true"]').first().waitFor({ timeout: timeoutMs });
    const drawnMs = Date.now() - started;
    await page.waitForTimeout(300);  // late requests (none expected) would still be counted
    const files = bodies.map(({ path: p, body }) => ({ path: p, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length }));
    const groups = GROUPS.map(([name]) => ({ name, raw: 0, gzip: 0, files: 0 }));
    for (const f of files) {
      const g = groups[GROUPS.findIndex(([, test]) => test(f.path))];
      g.raw += f.raw;
      g.gzip += f.gzip;
      g.files += 1;
    }
    const gzipBytes = files.reduce((a, f) => a + f.gzip, 0);
    return { files, groups, rawBytes: files.reduce((a, f) => a + f.raw, 0), gzipBytes, requests: files.length,
      firstBoundaryMs: drawnMs, goalGzipBytes: EMBED_GOAL_GZIP_BYTES, met: gzipBytes <= EMBED_GOAL_GZIP_BYTES };
  } finally {
    await context.close();
    for (const { server } of [lab, blog]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await fs.rm(blogDir, { recursive: true, force: true });
  }
}

/** Report lines for measureFirstFigureBytes' result. */
export function formatFirstFigureBytes(r) {
  if (r.error) return `first figure on a blog page: not measured (${r.error})`;
  const out = ['first figure on a blog page (another origin, host CSP; gzip = zlib level 9 per body):'];
  out.push(...formatOne('web/ (npm start)', r.web));
  if (r.dist) out.push(...formatOne('dist/ (static folder, figure code bundled)', r.dist));
  return out.join('\n');
}

function formatOne(title, r) {
  const kb = (v) => `${(v / 1000).toFixed(1)} KB`;
  const out = [`  served from ${title}:`];
  for (const g of r.groups) out.push(`    ${g.name.padEnd(28)} ${String(g.files).padStart(2)} files ${kb(g.raw).padStart(10)} raw ${kb(g.gzip).padStart(9)} gzip`);
  out.push(`    total: ${r.requests} files, ${kb(r.rawBytes)} raw, ${kb(r.gzipBytes)} gzipped   goal <= ${kb(r.goalGzipBytes)} gzipped: ` +
    `${r.met ? 'met' : 'NOT met'}; first boundary after ${r.firstBoundaryMs} ms`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { launchChromium } = await import('../tests/browser/chromium.mjs');
  const browser = await launchChromium();
  try {
    const result = await measureFirstFigureBytes(browser);
    console.log(process.argv.includes('--json') ? JSON.stringify(result) : formatFirstFigureBytes(result));
  } finally {
    await browser.close();
  }
}
