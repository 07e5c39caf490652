/**
 * Screenshots of the classroom kit (production build, fake camera): the attendee's room code, the
 * collected room in presenter view page by page (room-collected-<size>.png while collecting, then
 * room-collected-<page>-<size>.png for each table's page), every lesson step at 1280x720 and
 * 1920x1080, the handout printed to PDF, and last a made-up room of 14 attendees by race x gender
 * (10 groups: two columns on one page at 1920x1080, two pages at 1280x720; room-many-groups-*.png).
 * Run: `npx vite build && npx tsx scripts/classroom-screenshots.ts`
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
import { DEFAULT_MODEL_ID, getModel } from '../src/models/registry';
import { makeRoomCodes } from '../test/browser/helpers/room-codes';

const OUT = SCREENSHOT_DIR;
const VIEWPORTS = [[1280, 720], [1920, 1080]] as const;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The Room tab's presenter page now shown (`data-page` of fg-room-view). */
function readRoomPage(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('fg-app')!.shadowRoot!.querySelector<HTMLElement>('fg-room-view')!.dataset.page ?? '');
}

/** Shoots the collected room's presenter pages at this size, from collecting to the last table, and goes back to the first. */
async function shootRoomPages(page: Page, width: number, height: number, prefix = 'room-collected'): Promise<void> {
  const seen = new Map<string, number>();
  for (let kind = await readRoomPage(page); kind !== 'laptop'; kind = await readRoomPage(page)) {
    await pause(500);
    const count = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, count);
    const name = kind === 'collect' ? `${prefix}-${width}x${height}.png` : `${prefix}-${kind}${count > 1 ? `-${count}` : ''}-${width}x${height}.png`;
    await page.screenshot({ path: join(OUT, name) });
    console.log(name);
    await page.locator('fg-app >>> fg-room-view >>> .pager').click();
  }
  await page.locator('fg-app >>> fg-room-view >>> .pager').click();
}

/**
 * The room cleared, then 14 made-up attendees' codes by race x gender (test/browser/helpers/room-codes.ts,
 * made for the running model) handed to it, and its presenter pages shot at both sizes. The room is cleared after.
 */
async function shootManyGroupsRoom(page: Page, url: string): Promise<void> {
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(url, { waitUntil: 'load' });
  await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
  await page.locator('fg-app >>> #tab-room').click();
  await page.locator('fg-app >>> fg-room-view >>> button.clear').click();
  // The room's own people by race x gender too, so both tables have ten groups.
  await page.locator('fg-app >>> fg-room-view >>> fg-group-picker >>> input[value="race/gender"]').click();
  // The notice that the kept room came back after the reload is not what these shots show.
  await page.$$eval('fg-app >>> fg-message[dismissible] >>> button', (buttons) => buttons.forEach((button) => (button as HTMLButtonElement).click()));
  const modelSha256 = await page.evaluate(() => document.querySelector('fg-app')!.shadowRoot!.querySelector('fg-room-view')!.getAttribute('model-sha256') ?? '');
  const codes = makeRoomCodes('utkface-600', ['race', 'gender'], 14, modelSha256, getModel(DEFAULT_MODEL_ID).scoreId);
  await page.evaluate((texts) => {
    const view = document.querySelector('fg-app')!.shadowRoot!.querySelector('fg-room-view')!;
    for (const text of texts) view.dispatchEvent(Object.assign(new Event('room-code', { bubbles: true, composed: true }), { text }));
  }, codes);
  await page.waitForFunction(() => document.querySelector('fg-app')!.shadowRoot!.querySelector('fg-room-view')!.shadowRoot!.querySelector<HTMLElement>('fg-room-stats')?.dataset.people === '14', { timeout: 10_000 });
  await page.locator('fg-app >>> button.presenter-toggle').click();
  for (const [width, height] of [...VIEWPORTS].reverse()) {
    await page.setViewport({ width, height });
    await shootRoomPages(page, width, height, 'room-many-groups');
  }
  await page.locator('fg-app >>> button.presenter-toggle').click();
  await page.locator('fg-app >>> fg-room-view >>> button.clear').click();
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
      await shootRoomPages(page, width, height);
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
    await shootManyGroupsRoom(page, server.url);
  } finally {
    await close();
  }
}

await main();
