/**
 * Screenshots of the classroom kit (production build, fake camera): every lesson step at 1280x720
 * and 1920x1080, the Room tab with a collected room, and the handout printed to PDF.
 * Run: `npx vite build && npx tsx scripts/classroom-screenshots.ts` (writes docs/screenshots/lesson-*.png,
 * room-*.png and handout.pdf).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from '../test/e2e/helpers/app';
import { openEnrolledSession, SCREENSHOT_DIR } from './screenshot-session';
import { LESSON_STEPS } from '../src/classroom/lesson';

const OUT = SCREENSHOT_DIR;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function main(): Promise<void> {
  const { server, page, close } = await openEnrolledSession({ width: 1280, height: 720 }, { gender: 'female' });
  try {
    await page.locator('fg-app >>> #tab-room').click();
    await page.locator('fg-app >>> fg-room-share >>> button').click();
    await pause(3000);
    await page.screenshot({ path: join(OUT, 'room-share-1280x720.png'), fullPage: true });
    await page.goto(`${server.url}?lesson`, { waitUntil: 'load' });
    await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(page);
    await pause(8000);
    for (const [width, height] of [[1280, 720], [1920, 1080]]) {
      await page.setViewport({ width, height });
      await page.keyboard.press('Home');
      for (let step = 0; step < LESSON_STEPS.length; step++) {
        await pause(step === 0 ? 3000 : 1200);
        await page.screenshot({ path: join(OUT, `lesson-${step + 1}-${width}x${height}.png`) });
        console.log(`lesson-${step + 1}-${width}x${height}.png`);
        await page.keyboard.press('PageDown');
      }
    }
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`${server.url}?handout`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-handout')?.dataset.ready === 'true', { timeout: 120_000 });
    writeFileSync(join(OUT, 'handout.pdf'), await page.pdf({ format: 'A4', printBackground: false, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } }));
    console.log('handout.pdf');
  } finally {
    await close();
  }
}

await main();
