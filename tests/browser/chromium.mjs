// Shared helpers for the browser tests: Debian's Chromium driven by playwright-core, and the
// project's static server on an OS-chosen port (fixed ports may be held by others on this machine).
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

// Flags verified on this machine (TOOLCHAIN.md). No --user-data-dir here: playwright's launch()
// rejects it and instead makes a fresh temporary profile itself (and deletes it on close), which
// is exactly the isolation wanted. Use chromium.launchPersistentContext(dir) only to keep a profile.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(options = {}) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, ...options });
}

// Runs fn(url) against scripts/serve.mjs (same options: root, mounts, csp) on port 0, then stops it.
export async function withServer(options, fn) {
  const { server, url } = await startServer({ ...options, port: 0 });
  try {
    return await fn(url);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

// Collects console errors, uncaught page exceptions and failed requests (CSP violations show up as
// console errors), so a test can assert the page ran clean.
export function collectErrors(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`); });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText}`));
  return errors;
}

/**
 * Resolves after the page has drawn `count` more animation frames: a wait counted in the page's own
 * frames, not in milliseconds, for checks that something did NOT happen (no step while paused, a
 * still frame stays still) or that a layout change has been drawn.
 */
export function afterFrames(page, count) {
  return page.evaluate((n) => new Promise((resolve) => {
    const tick = () => (--n <= 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), count);
}
