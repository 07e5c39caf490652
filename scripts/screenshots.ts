/**
 * Screenshots of the real app (production build, fake camera from a fixture photo) for people to
 * look at: every tab at 1280x800, presenter view of The gap for each bundled pack at 1920x1080
 * and 1280x720 (app-presenter-<pack>-<size>.png), and Live and You vs the groups in presenter view at 1280x720.
 * Run: `npx vite build && npx tsx scripts/screenshots.ts` (writes docs/screenshots/app-*.png).
 */
import { join } from 'node:path';
import { usePack } from '../test/e2e/helpers/views';
import { openEnrolledSession, SCREENSHOT_DIR } from './screenshot-session';

const OUT = SCREENSHOT_DIR;
const TABS = ['live', 'groups', 'gap', 'room', 'import', 'privacy'] as const;
/** Bundled packs: file id and the name the pack manager lists. */
const PACKS = [['utkface-600', 'UTKFace 600 (balanced)'], ['lfw-94', 'LFW 94 people']] as const;

async function main(): Promise<void> {
  const { page, close } = await openEnrolledSession({ width: 1280, height: 800 });
  try {
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
    // The other views in presenter view, on the smaller projector.
    await page.setViewport({ width: 1280, height: 720 });
    await page.locator('fg-app >>> .presenter-toggle').click();
    for (const tab of ['live', 'groups'] as const) {
      await page.locator(`fg-app >>> #tab-${tab}`).click();
      await new Promise((done) => setTimeout(done, 6000));
      await page.screenshot({ path: join(OUT, `app-presenter-${tab}-1280x720.png`) });
      console.log(`app-presenter-${tab}-1280x720.png`);
    }
    await page.locator('fg-app >>> .presenter-toggle').click();
  } finally {
    await close();
  }
}

await main();
