import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISION_READY_TIMEOUT_MS, waitForApp } from './helpers/app';
import { launchChromium } from './helpers/chromium';
import { REPO_ROOT, startPreviewServer, type PreviewServer } from './helpers/preview-server';
import { cspViolations, offOrigin, recordRequests, type ActivityRecorder } from './helpers/requests';
import { openTab } from './helpers/views';

/** UTKFace-named crops: the labels are in the file names, one person per photo. */
const IMPORT_PHOTOS = [
  '25_0_0_20170109150557335.jpg.chip.jpg',
  '41_1_1_20170113000000001.jpg.chip.jpg',
  '63_0_2_20170116000000002.jpg.chip.jpg',
  '33_1_3_20170119000000003.jpg.chip.jpg',
].map((name) => resolve(REPO_ROOT, 'test/fixtures/import/utkface', name));
/** How long importing four photos with a second model (its worker and weights loaded first) may take here. */
const IMPORT_TIMEOUT_MS = 120_000;

/** The import panel's text, as the user reads it. */
function readPanel(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-import-panel')?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
}

describe('import with another model on the production build (real models, fixture photos)', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let activity: ActivityRecorder;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreviewServer(), launchChromium()]);
    page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 1400 });
    activity = await recordRequests(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('offers the other models in the Import tab, builds a faceres and a dlib pack in one pass, and fetches no model not chosen', async () => {
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForApp(page, 'the engine', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await openTab(page, 'import');
    const input = await page.waitForSelector('fg-app >>> fg-import-panel >>> input[type="file"][multiple]');
    await input!.uploadFile(...IMPORT_PHOTOS);
    await page.locator('fg-app >>> fg-import-panel >>> #preview-heading').wait();
    await page.locator('fg-app >>> fg-import-panel >>> input:not([type])').fill('My class');
    const choice = await page.evaluate(() => [...document.querySelector('fg-app')!.shadowRoot!.querySelector('fg-import-panel')!.shadowRoot!
      .querySelector('fg-import-models')!.shadowRoot!.querySelectorAll('label')].map((label) => (label.textContent ?? '').replace(/\s+/g, ' ').trim()));
    expect(choice.map((text) => text.split(' (')[0])).toEqual(['faceres-deep', 'dlib ResNet-34', 'MobileFace']);
    for (const text of choice) expect(text).toMatch(/MB to download|already on this device/);
    await page.locator('fg-app >>> fg-import-panel >>> fg-import-models >>> input[value="dlib"]').click();
    mkdirSync(resolve(REPO_ROOT, 'test-results'), { recursive: true });
    await (await page.$('fg-app >>> fg-import-panel'))!.screenshot({ path: resolve(REPO_ROOT, 'test-results/import-models-choice.png') });

    const button = await page.waitForFunction(() => [...document.querySelector('fg-app')!.shadowRoot!.querySelector('fg-import-panel')!.shadowRoot!.querySelectorAll('button')]
      .find((b) => b.textContent?.trim() === 'Import' && !b.disabled) ?? null, { timeout: 30_000 });
    await (button as unknown as ElementHandle<HTMLButtonElement>).click();
    const running = await page.waitForFunction(() => {
      const panel = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-import-panel')?.shadowRoot;
      return panel?.querySelector('progress') ? (panel.querySelector('label')?.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
    }, { timeout: 30_000 });
    expect(await running.jsonValue()).toBe('Importing 4 files with faceres, dlib ResNet-34');
    await (await page.$('fg-app >>> fg-import-panel'))!.screenshot({ path: resolve(REPO_ROOT, 'test-results/import-models-running.png') });
    await page.waitForFunction(() => /Saved "|stopped|failed/.test(document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-import-panel')?.shadowRoot?.querySelector('[role=status]')?.textContent ?? ''), { timeout: IMPORT_TIMEOUT_MS });
    const message = await readPanel(page);
    expect(message).toContain('Saved "My class (faceres)": 4 faces');
    expect(message).toContain('Also saved "My class (dlib)": 4 faces embedded by dlib ResNet-34.');
    await (await page.$('fg-app >>> fg-import-panel'))!.screenshot({ path: resolve(REPO_ROOT, 'test-results/import-models-done.png') });

    await activity.collectResourceTimings();
    const paths = activity.requests.map(({ url }) => new URL(url).pathname);
    expect(paths).toContain('/models/dlib/face_recognition_model.bin');
    for (const unchosen of ['/models/faceres-deep.bin', '/models/faceres-deep.json', '/models/mobileface.bin', '/models/mobileface.json']) expect(paths).not.toContain(unchosen);
    expect(offOrigin(activity.requests, new URL(server.url).origin)).toEqual([]);
    expect(cspViolations(activity.messages)).toEqual([]);

    // Both packs are listed with the imported packs, the active model's in use.
    await openTab(page, 'gap');
    const listed = await page.waitForFunction(() => {
      const list = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-pack-manager')?.shadowRoot?.querySelector('ul[aria-labelledby="imported-heading"]');
      const names = [...(list?.querySelectorAll('li .name') ?? [])].map((name) => name.textContent?.trim() ?? '');
      return names.length >= 2 ? names : null;
    }, { timeout: 30_000 });
    expect((await listed.jsonValue() as string[]).sort()).toEqual(['My class (dlib)', 'My class (faceres)']);

    // Compare models puts the import's two packs side by side, each at its own threshold.
    await openTab(page, 'models');
    const compared = await page.waitForFunction(() => {
      const root = document.querySelector('fg-app')?.shadowRoot;
      const view = root?.querySelector<HTMLElement & { report?: { models: { model_id: string; score_id: string }[] } | null }>('fg-compare-view');
      const notice = root?.querySelector('fg-message[heading="Compare models"]')?.textContent;
      if (notice) return { notice };
      return view?.report ? { models: view.report.models.map((m) => [m.model_id, m.score_id]) } : null;
    }, { timeout: 60_000 });
    expect(await compared.jsonValue()).toEqual({ models: [['faceres', 'human-similarity-v1'], ['dlib', 'cosine-v1']] });
    await (await page.$('fg-app >>> fg-compare-view'))!.screenshot({ path: resolve(REPO_ROOT, 'test-results/import-models-compare.png') });
  });
});
