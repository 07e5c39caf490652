/**
 * Screenshots of the classroom kit (production build, fake camera): the attendee's room code, the
 * collected room view in presenter view, every lesson step at 1280x720 and 1920x1080, and the
 * handout printed to PDF. Run: `npx vite build && npx tsx scripts/classroom-screenshots.ts`
 * (writes docs/screenshots/room-*.png, lesson-*.png and handout.pdf).
 *
 * The room holds one real contribution: Person A's own code, made on this laptop from its
 * enrolment and handed to the room as the scanner hands a code it read (the camera path itself is
 * tested in test/e2e/classroom.e2e.test.ts, where a second browser's camera reads it). The room is
 * kept on the device, so the lesson's last step, after a reload, still counts it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from '../test/e2e/helpers/app';
import { openEnrolledSession, SCREENSHOT_DIR } from './screenshot-session';
import { LESSON_STEPS } from '../src/classroom/lesson';

const OUT = SCREENSHOT_DIR;
const VIEWPORTS = [[1280, 720], [1920, 1080]] as const;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Shows the collected room's numbers at the top of the screen, as a presenter scrolls to them. */
async function scrollToCollected(page: Page): Promise<void> {
  await page.evaluate(() => {
    const view = document.querySelector('fg-app')!.shadowRoot!.querySelector('fg-room-view')!;
    view.shadowRoot!.querySelector('#collect-title')!.scrollIntoView({ block: 'start' });
  });
  await pause(500);
}

async function main(): Promise<void> {
  const { server, page, close } = await openEnrolledSession({ width: 1280, height: 720 }, { gender: 'female' });
  try {
    await page.locator('fg-app >>> #tab-room').click();
    await page.locator('fg-app >>> fg-room-share >>> button').click();
    await pause(3000);
    await page.screenshot({ path: join(OUT, 'room-share-1280x720.png'), fullPage: true });
    console.log('room-share-1280x720.png');
    const code = await page.evaluate(() => document.querySelector('fg-app')!.shadowRoot!.querySelector('fg-room-view')!.shadowRoot!.querySelector<HTMLElement>('fg-room-share')!.dataset.payload!);
    await page.evaluate((text) => {
      const view = document.querySelector('fg-app')!.shadowRoot!.querySelector('fg-room-view')!;
      view.dispatchEvent(Object.assign(new Event('room-code', { bubbles: true, composed: true }), { text }));
    }, code);
    await page.locator('fg-app >>> fg-room-view >>> fg-group-picker >>> input[value="gender"]').click();
    await page.locator('fg-app >>> fg-room-view >>> label.keep input').click();
    await page.locator('fg-app >>> fg-room-share >>> button').click();
    await page.locator('fg-app >>> button.presenter-toggle').click();
    for (const [width, height] of VIEWPORTS) {
      await page.setViewport({ width, height });
      await scrollToCollected(page);
      await page.screenshot({ path: join(OUT, `room-collected-${width}x${height}.png`) });
      console.log(`room-collected-${width}x${height}.png`);
    }
    await page.locator('fg-app >>> button.presenter-toggle').click();

    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`${server.url}?lesson`, { waitUntil: 'load' });
    await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(page);
    await pause(8000);
    for (const [width, height] of VIEWPORTS) {
      await page.setViewport({ width, height });
      await page.keyboard.press('Home');
      for (let step = 0; step < LESSON_STEPS.length; step++) {
        await pause(step === 0 ? 3000 : 1200);
        // The gap steps wait for the pack's pairs and the ratio's resampled interval.
        await page.waitForFunction(() => !/Scoring the reference pack|interval being computed/.test(document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-lesson')?.shadowRoot?.textContent ?? ''), { timeout: 120_000 });
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
