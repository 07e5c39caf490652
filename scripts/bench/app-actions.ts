/**
 * What the memory benches (soak.ts, heap-diff.ts) do to the app, as a user would: move the
 * threshold of "You vs the groups", import a small folder through the Import tab. Every puppeteer
 * handle is disposed: a handle keeps its element, and with it every view the app has since
 * replaced, alive in the page (undisposed, they were most of the page-heap growth a soak reported).
 */
import { resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { REPO_ROOT } from '../../test/e2e/helpers/preview-server';
import { openTab, waitForRateTable } from '../../test/e2e/helpers/views';
import type { TabId } from '../../src/app/tabs';

export const IMPORT_PHOTOS = [
  '25_0_0_20170109150557335.jpg.chip.jpg',
  '41_1_1_20170113000000001.jpg.chip.jpg',
  '63_0_2_20170116000000002.jpg.chip.jpg',
  '33_1_3_20170119000000003.jpg.chip.jpg',
].map((name) => resolve(REPO_ROOT, 'test/fixtures/import/utkface', name));

/** The rate tables of the two bias views the soak opens, as shadow paths from the document. */
const VIEW_TABLES: Partial<Record<TabId, string[]>> = {
  groups: ['fg-app', 'fg-you-vs-groups', 'fg-rate-table'],
  gap: ['fg-app', 'fg-gap-view', 'fg-gap-panels', 'fg-rate-table'],
};

/**
 * Opens `tab`; with `isWaitingForView`, also waits until a bias view shows its table, so that its
 * work (the first time, sorting the pack's pairs in a worker, then its charts) is done before the
 * next step instead of being cut short by it.
 */
async function openView(page: Page, tab: TabId, isWaitingForView: boolean): Promise<void> {
  await openTab(page, tab);
  const table = VIEW_TABLES[tab];
  if (isWaitingForView && table) await waitForRateTable(page, table, `the ${tab} view's table`, (rows) => rows.length > 0);
}

/** Moves the threshold slider of "You vs the groups" to `value`, as a drag would (an input event). */
export async function moveThreshold(page: Page, value: number, isWaitingForView = false): Promise<void> {
  await openView(page, 'groups', isWaitingForView);
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

/** The tabs the soak opens, in turn (Live between the bias views, as a workshop goes back to it). */
export const SOAK_TABS = ['groups', 'gap', 'live', 'privacy', 'live'] as const;
/** The thresholds the soak sets on "You vs the groups", in turn. */
export const SOAK_THRESHOLDS = [0.45, 0.6, 0.52, 0.7, 0.5];

/**
 * Step `step` of the soak's schedule: an even step opens the next of SOAK_TABS, an odd step moves
 * the threshold to the next of SOAK_THRESHOLDS and goes back to Live. With `isWaitingForView`
 * (the warm-up's steps, one right after the other), a bias view's table is waited for.
 */
export async function soakStep(page: Page, step: number, isWaitingForView = false): Promise<void> {
  if (step % 2 === 0) {
    await openView(page, SOAK_TABS[(step / 2) % SOAK_TABS.length], isWaitingForView);
    return;
  }
  await moveThreshold(page, SOAK_THRESHOLDS[((step - 1) / 2) % SOAK_THRESHOLDS.length], isWaitingForView);
  await openTab(page, 'live');
}

/** Imports IMPORT_PHOTOS as `name` and waits until the Import tab says the pack is saved. */
export async function importFolder(page: Page, name = 'Soak folder'): Promise<void> {
  await openTab(page, 'import');
  const input = await page.waitForSelector('fg-app >>> fg-import-panel >>> input[type="file"][multiple]');
  await input!.uploadFile(...IMPORT_PHOTOS);
  await input!.dispose();
  await page.locator('fg-app >>> fg-import-panel >>> #preview-heading').wait();
  // Filled through a handle that is disposed: `Locator.fill` keeps its handle, and with it this panel.
  const nameInput = await page.locator('fg-app >>> fg-import-panel >>> input:not([type])').waitHandle();
  try {
    await nameInput.evaluate((input, value) => {
      (input as HTMLInputElement).value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }, name);
  } finally {
    await nameInput.dispose();
  }
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

/**
 * Makes the bundled pack named `name` the active one again (the pack list on The gap, as a user
 * goes back from their own folder to the reference set), and waits until the list says it is in use.
 */
export async function useBundledPack(page: Page, name = 'UTKFace 3000'): Promise<void> {
  await openTab(page, 'gap');
  /** The pack's "Use" button, once listed; with `pressed`, only once it says the pack is in use. */
  const findButton = (packName: string, pressed: boolean | null) => {
    const manager = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-pack-manager')?.shadowRoot;
    const bundled = manager?.querySelector('ul[aria-labelledby="bundled-heading"]');
    const item = [...(bundled?.querySelectorAll('li') ?? [])].find((li) => li.querySelector('.name')?.textContent?.trim() === packName);
    const button = item?.querySelector('button') ?? null;
    return pressed === null || button?.getAttribute('aria-pressed') === String(pressed) ? button : null;
  };
  const button = (await page.waitForFunction(findButton, { timeout: 30_000 }, name, null)) as unknown as ElementHandle<HTMLButtonElement>;
  if (await button.evaluate((b) => b.getAttribute('aria-pressed') === 'false')) await button.click();
  await button.dispose();
  const inUse = await page.waitForFunction(findButton, { timeout: 60_000 }, name, true);
  await inUse.dispose();
}
