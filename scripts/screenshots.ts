/**
 * Screenshots of the real app (production build, fake camera from a fixture photo) for people to
 * look at: every tab at 1280x800, presenter view of The gap for each bundled pack at 1920x1080
 * and 1280x720 (app-presenter-<pack>-<size>.png), and every other view in presenter view at both sizes
 * (app-presenter-<tab>-<size>.png, with app-presenter-<tab>-<page>-<size>.png for the next pages of a paged view),
 * and You vs the groups by race x gender (10 groups: two columns on one page at 1920x1080, two
 * pages at 1280x720; app-presenter-groups-race-gender[-2]-<size>.png).
 * Run: `npx vite build && npx tsx scripts/screenshots.ts` (writes docs/screenshots/app-*.png).
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { usePack } from '../test/e2e/helpers/views';
import { openEnrolledSession, SCREENSHOT_DIR } from './screenshot-session';

const OUT = SCREENSHOT_DIR;
const TABS = ['live', 'groups', 'gap', 'room', 'import', 'privacy'] as const;
/** Bundled packs: file id and the name the pack manager lists. */
const PACKS = [['utkface-600', 'UTKFace 600 (balanced)'], ['lfw-94', 'LFW 94 people']] as const;
/** The presenter views other than The gap (shot on the first pack, which every model has). */
const PRESENTER_TABS = ['live', 'groups', 'models', 'room', 'import', 'privacy'] as const;
/** Each paged view's "next page" button, clicked once per page, and the name of the page it opens. */
const PAGERS: Partial<Record<(typeof PRESENTER_TABS)[number], [string, string][]>> = {
  // Four models' sentences are two pages on a screen up to 1200 px tall.
  models: [['fg-app >>> fg-compare-view >>> .pager', 'words'], ['fg-app >>> fg-compare-view >>> .pager', 'words-2']],
  room: [['fg-app >>> fg-room-view >>> .pager', 'laptop']],
  privacy: [['fg-app >>> fg-privacy-panel >>> .pager', 'network'], ['fg-app >>> fg-privacy-panel >>> .pager', 'stored']],
};

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUT, name) });
  console.log(name);
}

/** Whether the element at a `>>>` selector is on the page and drawn. */
function isVisible(page: Page, selector: string): Promise<boolean> {
  return page.$(selector).then((handle) => handle?.evaluate((element) => element.checkVisibility()) ?? false);
}

/** You vs the groups by race x gender in presenter view, every page at both sizes; the grouping is set back to race after. */
async function shootManyGroups(page: Page): Promise<void> {
  const picker = 'fg-app >>> fg-you-vs-groups >>> fg-group-picker >>> input';
  const pager = 'fg-app >>> fg-you-vs-groups >>> .pager';
  await page.locator('fg-app >>> #tab-groups').click();
  await page.locator(`${picker}[value="race/gender"]`).click();
  await new Promise((done) => setTimeout(done, 3000));
  await page.locator('fg-app >>> .presenter-toggle').click();
  for (const [width, height] of [[1920, 1080], [1280, 720]]) {
    await page.setViewport({ width, height });
    await new Promise((done) => setTimeout(done, 3000));
    await shoot(page, `app-presenter-groups-race-gender-${width}x${height}.png`);
    for (let next = 2; (await isVisible(page, pager)) && !/back/i.test(await page.$eval(pager, (button) => button.textContent ?? '')); next++) {
      await page.locator(pager).click();
      await new Promise((done) => setTimeout(done, 1000));
      await shoot(page, `app-presenter-groups-race-gender-${next}-${width}x${height}.png`);
    }
    // Back to the first page, so the next size starts there.
    if (await isVisible(page, pager)) await page.locator(pager).click();
  }
  await page.setViewport({ width: 1280, height: 800 });
  await page.locator('fg-app >>> .presenter-toggle').click();
  await page.locator(`${picker}[value="race"]`).click();
}

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
    // Every other view in presenter view, at both projector sizes; a paged view also shows its next pages.
    await page.setViewport({ width: 1280, height: 800 });
    await page.locator('fg-app >>> #tab-gap').click();
    await usePack(page, PACKS[0][1]);
    await new Promise((done) => setTimeout(done, 6000));
    await page.locator('fg-app >>> .presenter-toggle').click();
    for (const [width, height] of [[1920, 1080], [1280, 720]]) {
      await page.setViewport({ width, height });
      for (const tab of PRESENTER_TABS) {
        await page.locator(`fg-app >>> #tab-${tab}`).click();
        await new Promise((done) => setTimeout(done, tab === 'groups' ? 8000 : 3000));
        // Three models are compared on the same faces: on a loaded machine that takes a while.
        if (tab === 'models') await page.waitForFunction(() => (document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-compare-view') as { report?: unknown } | null)?.report != null, { timeout: 180_000 });
        await shoot(page, `app-presenter-${tab}-${width}x${height}.png`);
        for (const [pager, name] of PAGERS[tab] ?? []) {
          if (!(await isVisible(page, pager))) continue;
          await page.locator(pager).click();
          await new Promise((done) => setTimeout(done, 1000));
          await shoot(page, `app-presenter-${tab}-${name}-${width}x${height}.png`);
        }
        // Back to the first page, so the next size starts there.
        const last = PAGERS[tab]?.at(-1)?.[0];
        if (last && (await isVisible(page, last))) await page.locator(last).click();
      }
    }
    await page.setViewport({ width: 1280, height: 800 });
    await page.locator('fg-app >>> .presenter-toggle').click();
    await shootManyGroups(page);
  } finally {
    await close();
  }
}

await main();
