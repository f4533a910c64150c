// `npm run screenshots`: the default lab page, light and dark, desktop (1366x768) and phone
// (375x812), written to web/screenshots/ for the README (in web/: the repository's top level is fixed). Never run by `npm test`: screenshots are
// pictures for people, refreshed on purpose. Needs the built module (npm run build) and Debian's
// Chromium; scripts/ensure-deps.sh installs fonts-noto-cjk for the Chinese page's screenshots.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './serve.mjs';
import { launchChromium, withServer } from '../tests/browser/chromium.mjs';

const OUT = path.join(REPO_ROOT, 'web', 'screenshots');
// The Chinese page (issue 20) as zh-CN-*.png: desktop, phone and dark, drawn with Noto Sans CJK SC
// (Debian fonts-noto-cjk, which scripts/ensure-deps.sh installs).
const SHOTS = [
  { name: 'desktop-light', width: 1366, height: 768, colorScheme: 'light' },
  { name: 'desktop-dark', width: 1366, height: 768, colorScheme: 'dark' },
  { name: 'phone-light', width: 375, height: 812, colorScheme: 'light', isMobile: true },
  { name: 'phone-dark', width: 375, height: 812, colorScheme: 'dark', isMobile: true },
  { name: 'zh-CN-desktop', width: 1366, height: 768, colorScheme: 'light', lang: 'zh-CN' },
  { name: 'zh-CN-phone', width: 375, height: 812, colorScheme: 'light', isMobile: true, lang: 'zh-CN' },
  { name: 'zh-CN-dark', width: 1366, height: 768, colorScheme: 'dark', lang: 'zh-CN' },
];
// SCREENSHOT_ONLY=zh-CN takes only the shots whose name starts with it.
const ONLY = process.env.SCREENSHOT_ONLY ?? '';
// How far the race must have gone before a picture is taken (steps on the first card): a still of
// a race under way, not of step 0. Read from the page's own hooks, never from a clock.
const MIN_STEP = Number(process.env.SCREENSHOT_MIN_STEP ?? 1500);

await mkdir(OUT, { recursive: true });
const browser = await launchChromium();
try {
  await withServer({}, async (url) => {
    for (const shot of SHOTS.filter((s) => s.name.startsWith(ONLY))) {
      const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height },
        colorScheme: shot.colorScheme, isMobile: shot.isMobile ?? false, deviceScaleFactor: shot.isMobile ? 2 : 1,
        locale: shot.lang ?? 'en-US' });
      const page = await context.newPage();
      const hash = process.env.SCREENSHOT_HASH ?? '';
      await page.goto(url + (shot.lang ? `${hash || '#'}${hash ? '&' : ''}lang=${shot.lang}` : hash));
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
      await page.waitForFunction((min) => Number(document.querySelector('.al-card [data-field=step]')?.dataset.value) >= min,
        MIN_STEP, { timeout: 120000 });
      await page.waitForFunction(() => document.querySelector('.al-claims')?.dataset.state === 'measured', null, { timeout: 30000 });
      const file = path.join(OUT, `${shot.name}.png`);
      await page.screenshot({ path: file, fullPage: process.env.SCREENSHOT_FULL === '1' });
      console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
      await context.close();
    }
  });
} finally {
  await browser.close();
}
