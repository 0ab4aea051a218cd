import { chromium } from 'playwright-core';
import { startPreviewServer } from '../../../tools/preview/server.ts';
const zip = process.argv[2]!;
const rate = Number(process.argv[3]);
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
await f.evaluate((rate) => { const v = document.querySelector('video')!; (window as any).ev = []; for (const e of ['waiting','stalled','seeking','ratechange','playing','pause','play']) v.addEventListener(e, () => (window as any).ev.push(e + '@' + v.currentTime.toFixed(1))); let last = 0; v.addEventListener('timeupdate', () => { (window as any).steps = ((window as any).steps ?? []); (window as any).steps.push(+(v.currentTime-last).toFixed(2)); last = v.currentTime; }); v.defaultPlaybackRate = rate; v.playbackRate = rate; }, rate);
await frame.locator('.vjs-play-control').click();
for (let i = 0; i < 60; i++) {
  await page.waitForTimeout(500);
  const s = await f.evaluate(() => { const v = document.querySelector('video')!; return { t: v.currentTime, ended: v.ended, cue: !!document.querySelector('#cue-question-heading'), paused: v.paused }; });
  if (s.ended) break;
  if (s.cue && s.paused) { await f.evaluate(() => { const v = document.querySelector('video')!; v.play(); }); }
}
console.log('secs', (Date.now()-t0)/1000);
console.log(await f.evaluate(() => JSON.stringify({ ev: (window as any).ev, steps: (window as any).steps, prog: document.querySelector('.film-progress p')?.textContent })));
await browser.close();
await server.close();
