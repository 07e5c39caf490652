/**
 * Screenshots of the real app (production build, fake camera from a fixture photo) for people to
 * look at: every tab at 1280x800, and presenter view of The gap for each bundled pack at 1920x1080
 * and 1280x720 (app-presenter-<pack>-<size>.png).
 * Run: `npx vite build && npx tsx scripts/screenshots.ts` (writes docs/screenshots/app-*.png).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ENROL_TIMEOUT_MS, VISION_READY_TIMEOUT_MS, enrol, startCameraIfNeeded, waitForApp } from '../test/e2e/helpers/app';
import { launchChromium } from '../test/e2e/helpers/chromium';
import { usePack } from '../test/e2e/helpers/views';
import { makeFakeVideo } from '../test/e2e/helpers/fake-video';
import { REPO_ROOT, startPreviewServer } from '../test/e2e/helpers/preview-server';

const OUT = join(REPO_ROOT, 'docs/screenshots');
const TABS = ['live', 'groups', 'gap', 'room', 'privacy'] as const;
/** Bundled packs: file id and the name the pack manager lists. */
const PACKS = [['utkface-600', 'UTKFace 600 (balanced)'], ['lfw-94', 'LFW 94 people']] as const;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startPreviewServer();
  const video = makeFakeVideo([join(REPO_ROOT, 'test/fixtures/camera-person-a.jpg')], 10);
  const browser = await launchChromium({ fakeVideo: video });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(page);
    await enrol(page, 'Person A');
    await waitForApp(page, 'a match', (s) => s.meterState === 'matched', ENROL_TIMEOUT_MS);
    for (const tab of TABS) {
      await page.locator(`fg-app >>> #tab-${tab}`).click();
      await new Promise((done) => setTimeout(done, tab === 'gap' || tab === 'groups' ? 8000 : 2000));
      await page.screenshot({ path: join(OUT, `app-${tab}-1280x800.png`) });
      console.log(`app-${tab}-1280x800.png`);
    }
    for (const [pack, name] of PACKS) {
      await page.setViewport({ width: 1280, height: 800 });
      await page.locator('fg-app >>> #tab-gap').click();
      await usePack(page, name);
      await new Promise((done) => setTimeout(done, 6000));
      await page.locator('fg-app >>> .presenter-toggle').click();
      for (const [width, height] of [[1920, 1080], [1280, 720]]) {
        await page.setViewport({ width, height });
        await new Promise((done) => setTimeout(done, 6000));
        await page.screenshot({ path: join(OUT, `app-presenter-${pack}-${width}x${height}.png`) });
        console.log(`app-presenter-${pack}-${width}x${height}.png`);
      }
      await page.locator('fg-app >>> .presenter-toggle').click();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
