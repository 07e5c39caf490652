/**
 * Screenshots of the model picker and the Compare models tab in the real app (production build,
 * fake camera, Person A enrolled with faceres, then dlib picked):
 * app-models-live-1280x800.png, compare-models.png (1280x800, full page) and
 * compare-models-presenter-<size>.png at 1920x1080 and 1280x720.
 * Run: `npx vite build && npx tsx scripts/models-screenshots.ts`.
 */
import { join } from 'node:path';
import { MODELS } from '../src/models/registry';
import { openEnrolledSession, SCREENSHOT_DIR } from './screenshot-session';

/** How long the comparison of every model may take on a loaded 2-core machine. */
const COMPARE_TIMEOUT_MS = 180_000;

async function main(): Promise<void> {
  const { page, close } = await openEnrolledSession({ width: 1280, height: 800 });
  try {
    await page.locator('fg-app >>> fg-model-picker >>> input[value="dlib"]').click();
    await page.waitForFunction(() => document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-model-picker')?.getAttribute('status') === 'ready',
      { timeout: 120_000, polling: 500 });
    await new Promise((done) => setTimeout(done, 4000));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'app-models-live-1280x800.png'), fullPage: true });
    await page.locator('fg-app >>> #tab-models').click();
    await page.waitForFunction((count) => (document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-compare-view')?.shadowRoot?.querySelectorAll('li[data-model]').length ?? 0) >= count,
      { timeout: COMPARE_TIMEOUT_MS, polling: 500 }, MODELS.length);
    // The full page once the table under the chart is drawn too (a shot taken with the sentences alone came out one screen tall).
    await page.waitForFunction((count) => (document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-compare-view')?.shadowRoot?.querySelectorAll('tbody tr[data-model]').length ?? 0) >= count,
      { timeout: COMPARE_TIMEOUT_MS, polling: 500 }, MODELS.length);
    await new Promise((done) => setTimeout(done, 2000));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'compare-models.png'), fullPage: true });
    await page.locator('fg-app >>> .presenter-toggle').click();
    for (const [width, height] of [[1920, 1080], [1280, 720]]) {
      await page.setViewport({ width, height });
      await new Promise((done) => setTimeout(done, 2000));
      await page.screenshot({ path: join(SCREENSHOT_DIR, `compare-models-presenter-${width}x${height}.png`) });
    }
  } finally {
    await close();
  }
}

await main();
