import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppSnapshot } from './helpers/app';
import { launchChromium } from './helpers/chromium';
import { startPreviewServer, type PreviewServer } from './helpers/preview-server';
import { openTab, readNumberProperty, usePack } from './helpers/views';

const GAP = ['fg-app', 'fg-gap-view'];
/** How long the new pack's all-pairs scoring may take on a loaded 2-core machine. */
const FOLLOW_TIMEOUT_MS = 60_000;

/**
 * In the page: the value of faceres's kept "1 in 1,000" preset when it was worked out on
 * `packName` (settings `thresholdPresets` in IndexedDB), else false, for waitForFunction.
 */
function readKeptPreset(packName: string): Promise<number | false> {
  return new Promise((resolve) => {
    const open = indexedDB.open('facegap');
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('settings').objectStore('settings').get('thresholdPresets');
      get.onerror = () => (db.close(), resolve(false));
      get.onsuccess = () => {
        db.close();
        const kept = (get.result as Record<string, { id: string; packName: string; value: number }> | undefined)?.faceres;
        resolve(kept?.id === 'fmr-1e-3' && kept.packName === packName ? kept.value : false);
      };
    };
  });
}

/**
 * Waits until the gap view shows `packName` and offers "1 in 1,000 false matches" with its value
 * (that pack's pairs are scored). The pack name matters: the gap opens on the default pack, and
 * its preset must not be taken for the next pack's while that one loads.
 */
async function waitForFmrPreset(page: Page, packName: string): Promise<void> {
  await page.waitForFunction((name) => {
    const view = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-gap-view')?.shadowRoot;
    return view?.querySelector('h2')?.textContent?.includes(`The gap: ${name}`) === true
      && view.querySelector('fg-threshold-slider')?.shadowRoot?.querySelector('button[data-preset="fmr-1e-3"]')?.textContent?.includes('(') === true;
  }, { timeout: FOLLOW_TIMEOUT_MS }, packName);
}

describe('a threshold preset when the pack changes (issue 16)', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startPreviewServer();
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(server.url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('"1 in 1,000 false matches" picked on utkface-600 is recomputed on lfw-94, and the notice says both values', async () => {
    await openTab(page, 'gap');
    await usePack(page, 'UTKFace 600 (balanced)');
    // The preset is offered once every pair of the pack is scored: on a loaded machine, past the click's own 30 s.
    await waitForFmrPreset(page, 'UTKFace 600 (balanced)');
    await page.locator('fg-app >>> fg-gap-view >>> fg-threshold-slider >>> button[data-preset="fmr-1e-3"]:not([disabled])').click();
    await page.waitForFunction(() => {
      const view = document.querySelector('fg-app')?.shadowRoot?.querySelector<HTMLElement & { threshold: number }>('fg-gap-view');
      return view !== null && view !== undefined && view.threshold !== 0.6;
    }, { timeout: 10_000 });
    const onUtkface = await readNumberProperty(page, GAP, 'threshold');
    await usePack(page, 'LFW 94 people');
    await page.waitForFunction((before) => {
      const view = document.querySelector('fg-app')?.shadowRoot?.querySelector<HTMLElement & { threshold: number }>('fg-gap-view');
      return view !== null && view !== undefined && view.threshold !== before;
    }, { timeout: FOLLOW_TIMEOUT_MS }, onUtkface);
    const onLfw = await readNumberProperty(page, GAP, 'threshold');
    expect(onUtkface).not.toBeNull();
    expect(onLfw).not.toBeNull();
    const preset = await page.evaluate(() => document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-gap-view')?.shadowRoot
      ?.querySelector('fg-threshold-slider')?.shadowRoot?.querySelector('button[data-preset="fmr-1e-3"]')?.getAttribute('aria-pressed'));
    expect(preset, 'the lfw-94 preset is the one in force').toBe('true');
    const { notices } = await readAppSnapshot(page);
    expect(notices.join(' ')).toContain(`The threshold follows \u201c1 in 1,000 false matches\u201d to LFW 94 people: ${onLfw!.toFixed(3)} here (it was ${onUtkface!.toFixed(3)} on UTKFace 600 (balanced)).`);
  }, 120_000);

  it('survives a reload: picked on utkface-600, the page reloaded, lfw-94 opened, the threshold is recomputed and the notice says so', async () => {
    await openTab(page, 'gap');
    await usePack(page, 'UTKFace 600 (balanced)');
    const fmrButton = 'fg-app >>> fg-gap-view >>> fg-threshold-slider >>> button[data-preset="fmr-1e-3"]';
    await waitForFmrPreset(page, 'UTKFace 600 (balanced)');
    await page.locator(`${fmrButton}:not([disabled])`).click();
    const kept = await page.waitForFunction(readKeptPreset, { timeout: 10_000 }, 'UTKFace 600 (balanced)');
    const onUtkface = (await kept.jsonValue()) as number;
    expect(await readNumberProperty(page, GAP, 'threshold')).toBeCloseTo(onUtkface, 9);

    await page.reload({ waitUntil: 'load' });
    await openTab(page, 'gap');
    await page.waitForFunction((value) => {
      const view = document.querySelector('fg-app')?.shadowRoot?.querySelector<HTMLElement & { threshold: number }>('fg-gap-view');
      return view?.threshold === value;
    }, { timeout: 30_000 }, onUtkface);
    await usePack(page, 'LFW 94 people');
    await page.waitForFunction((before) => {
      const view = document.querySelector('fg-app')?.shadowRoot?.querySelector<HTMLElement & { threshold: number }>('fg-gap-view');
      return view !== null && view !== undefined && view.threshold !== before;
    }, { timeout: FOLLOW_TIMEOUT_MS }, onUtkface);
    const onLfw = await readNumberProperty(page, GAP, 'threshold');
    const { notices } = await readAppSnapshot(page);
    expect(notices.join(' ')).toContain(`The threshold follows \u201c1 in 1,000 false matches\u201d to LFW 94 people: ${onLfw!.toFixed(3)} here (it was ${onUtkface.toFixed(3)} on UTKFace 600 (balanced)).`);
    // And the preset now kept is lfw-94's, so the next reload follows it from there.
    expect((await (await page.waitForFunction(readKeptPreset, { timeout: 10_000 }, 'LFW 94 people')).jsonValue())).toBeCloseTo(onLfw!, 9);
  }, 180_000);
  // What a user of an earlier build of UTKFace 600 leaves behind: its preset, its content key and
  // its value. A key of the same kind as now (a file's sha256) that differs says the pack was
  // rebuilt; an FNV key, kept before bundled packs were keyed by their file, says nothing either way.
  it.each([
    ['a pack rebuilt under the same name', '599x1024-0000000000000000', ', which changed since it was set', 'an earlier build of UTKFace 600 (balanced)'],
    ['a preset kept with an FNV key', '599x1024-00000000', '', 'UTKFace 600 (balanced) as it was then'],
  ])('%s: after a reload its kept preset is worked out again, not kept', async (_, packKey, changed, before) => {
    const stale = { id: 'fmr-1e-3', packName: 'UTKFace 600 (balanced)', packKey, value: 0.7 };
    await page.evaluate((kept) => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('facegap');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('settings', 'readwrite');
        tx.objectStore('settings').put({ faceres: kept }, 'thresholdPresets');
        tx.objectStore('settings').put({ faceres: kept.value }, 'thresholds');
        tx.objectStore('settings').put(kept.value, 'threshold');
        // Opened on that pack, not on the pack the tests before left open (a pack of another name would be followed to).
        tx.objectStore('settings').put('utkface-600', 'activePackId');
        tx.oncomplete = () => (db.close(), resolve());
        tx.onerror = () => (db.close(), reject(tx.error));
      };
    }), stale);
    await page.reload({ waitUntil: 'load' });
    await openTab(page, 'gap');
    await usePack(page, 'UTKFace 600 (balanced)');
    // Wait for the notice, not a threshold change: before the settings are read the view shows the default.
    await page.waitForFunction(() => [...(document.querySelector('fg-app')?.shadowRoot?.querySelectorAll('fg-message') ?? [])]
      .some((notice) => /worked out again/.test(notice.textContent ?? '')), { timeout: FOLLOW_TIMEOUT_MS });
    const now = await readNumberProperty(page, GAP, 'threshold');
    const { notices } = await readAppSnapshot(page);
    expect(notices.join(' ')).toContain(`\u201c1 in 1,000 false matches\u201d worked out again on UTKFace 600 (balanced)${changed}: ${now!.toFixed(3)} now (it was 0.700 on ${before}).`);
    // The preset now kept carries this build's content key (its file's sha256), so the next reload keeps it.
    const key = await page.evaluate(() => new Promise<string | null>((resolve) => {
      const open = indexedDB.open('facegap');
      open.onsuccess = () => {
        const get = open.result.transaction('settings').objectStore('settings').get('thresholdPresets');
        get.onsuccess = () => (open.result.close(), resolve((get.result as Record<string, { packKey?: string }>).faceres?.packKey ?? null));
      };
    }));
    expect(key).toMatch(/^\d+x\d+-[0-9a-f]{16}$/);
    expect(key).not.toBe(stale.packKey);
  }, 180_000);
});
