import { chromium } from 'playwright-core';
import { startPreviewServer } from '../../../tools/preview/server.ts';
const zip = process.argv[2]!;
const server = await startPreviewServer({ zipPath: zip, port: 0, checkPackages: false });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(server.packageUrl!);
const frame = page.frameLocator('#course-frame');
await frame.locator('#view-heading').waitFor();
await frame.locator('.header__menu-toggle').click();
await frame.locator('.section-menu__link', { hasText: 'The film' }).click();
await frame.locator('video').waitFor({ state: 'attached' });
const f = page.frame({ url: /content\/index.html/ })!;
await f.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).readyState >= 1);
const t0 = Date.now();
await f.evaluate(() => { const v = document.querySelector('video')!; v.defaultPlaybackRate = 16; v.playbackRate = 16; });
await frame.locator('.vjs-play-control').click();
for (let i = 0; i < 30; i++) {
  await page.waitForTimeout(1000);
  const s = await f.evaluate(() => { const v = document.querySelector('video')!; return { t: v.currentTime, rate: v.playbackRate, paused: v.paused, ended: v.ended, cue: document.querySelector('#cue-question-heading')?.textContent ?? null, prog: document.querySelector('.film-progress p')?.textContent }; });
  console.log(((Date.now()-t0)/1000).toFixed(1), JSON.stringify(s));
  if (s.ended) break;
  if (s.cue) { await f.evaluate(() => { const v = document.querySelector('video')!; v.play(); }); }
}
await browser.close();
await server.close();
