/**
 * What the memory benches (soak.ts, heap-diff.ts) do to the app, as a user would: move the
 * threshold of "You vs the groups", import a small folder through the Import tab. Every puppeteer
 * handle is disposed: a handle keeps its element, and with it every view the app has since
 * replaced, alive in the page (undisposed, they were most of the page-heap growth a soak reported).
 */
import { resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { REPO_ROOT } from '../../test/e2e/helpers/preview-server';
import { openTab } from '../../test/e2e/helpers/views';

export const IMPORT_PHOTOS = [
  '25_0_0_20170109150557335.jpg.chip.jpg',
  '41_1_1_20170113000000001.jpg.chip.jpg',
  '63_0_2_20170116000000002.jpg.chip.jpg',
  '33_1_3_20170119000000003.jpg.chip.jpg',
].map((name) => resolve(REPO_ROOT, 'test/fixtures/import/utkface', name));

/** Moves the threshold slider of "You vs the groups" to `value`, as a drag would (an input event). */
export async function moveThreshold(page: Page, value: number): Promise<void> {
  await openTab(page, 'groups');
  const range = await page.waitForSelector('fg-app >>> fg-you-vs-groups >>> fg-threshold-slider >>> input#range', { timeout: 10_000 });
  try {
    await range!.evaluate((input, next) => {
      input.value = String(next);
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }, value);
  } finally {
    await range!.dispose();
  }
}

/** Imports IMPORT_PHOTOS as "Soak folder" and waits until the Import tab says the pack is saved. */
export async function importFolder(page: Page): Promise<void> {
  await openTab(page, 'import');
  const input = await page.waitForSelector('fg-app >>> fg-import-panel >>> input[type="file"][multiple]');
  await input!.uploadFile(...IMPORT_PHOTOS);
  await input!.dispose();
  await page.locator('fg-app >>> fg-import-panel >>> #preview-heading').wait();
  await page.locator('fg-app >>> fg-import-panel >>> input:not([type])').fill('Soak folder');
  const button = await page.waitForFunction(() => {
    const panel = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-import-panel')?.shadowRoot;
    return [...(panel?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Import' && !b.disabled) ?? null;
  }, { timeout: 30_000 });
  await (button as unknown as ElementHandle<HTMLButtonElement>).click();
  await button.dispose();
  // The Import tab says when the pack is saved (as the session e2e test waits for it).
  await page.waitForFunction(() => /Saved "/.test(document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-import-panel')?.shadowRoot?.textContent ?? ''),
    { timeout: 120_000, polling: 500 });
}
