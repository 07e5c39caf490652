import { resolve } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, ENROL_TIMEOUT_MS, enrolFromCamera, waitForApp } from './helpers/app';
import { launchChromium } from './helpers/chromium';
import { captureDownloads, type DownloadCatcher } from './helpers/downloads';
import { makeFakeVideo } from './helpers/fake-video';
import { REPO_ROOT, startPreviewServer, type PreviewServer } from './helpers/preview-server';
import { consoleErrors, cspViolations, offOrigin, recordRequests, type ActivityRecorder } from './helpers/requests';
import { openTab, usePack, waitForRateTable } from './helpers/views';

/** Frames in the fake camera's loop: one photo repeated. */
const CAMERA_FRAMES = 30;
/** UTKFace-named crops: the labels are in the file names, one person per photo. */
const IMPORT_PHOTOS = [
  '25_0_0_20170109150557335.jpg.chip.jpg',
  '41_1_1_20170113000000001.jpg.chip.jpg',
  '63_0_2_20170116000000002.jpg.chip.jpg',
  '33_1_3_20170119000000003.jpg.chip.jpg',
].map((name) => resolve(REPO_ROOT, 'test/fixtures/import/utkface', name));
const IMPORTED_PACK_NAME = 'Fixture crops';
/** How long importing four photos may take on this machine. */
const IMPORT_TIMEOUT_MS = 60_000;
/** Length in bytes of one faceres embedding (1,024 float32 values). */
const EMBEDDING_BYTES = 1024 * 4;

const GAP_TABLE = ['fg-app', 'fg-gap-view', 'fg-gap-panels', 'fg-rate-table'];
const YOU_TABLE = ['fg-app', 'fg-you-vs-groups', 'fg-rate-table'];

/** The imported packs the pack manager lists: name, and whether it is the one in use. */
function readImportedPacks(page: Page): Promise<{ name: string; isActive: boolean }[]> {
  return page.evaluate(() => {
    const manager = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-pack-manager')?.shadowRoot;
    const list = manager?.querySelector('ul[aria-labelledby="imported-heading"]');
    return [...(list?.querySelectorAll('li') ?? [])].map((li) => ({
      name: li.querySelector('.name')?.textContent?.trim() ?? '',
      isActive: li.querySelector('button[aria-pressed]')?.getAttribute('aria-pressed') === 'true',
    }));
  });
}

/** Presses the import panel's button whose whole text is `text`. */
async function pressImportButton(page: Page, text: string): Promise<void> {
  const button = await page.waitForFunction((label) => {
    const panel = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-import-panel')?.shadowRoot;
    return [...(panel?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label && !b.disabled) ?? null;
  }, { timeout: 30_000 }, text);
  await (button as unknown as ElementHandle<HTMLButtonElement>).click();
}

describe('one full session on the production build: camera, enrol, packs, both views, import, export, privacy', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let activity: ActivityRecorder;
  let downloads: DownloadCatcher;

  beforeAll(async () => {
    const camera = makeFakeVideo([resolve(REPO_ROOT, 'test/fixtures/camera-person-a.jpg')], CAMERA_FRAMES);
    [server, browser] = await Promise.all([startPreviewServer(), launchChromium({ fakeVideo: camera })]);
    downloads = await captureDownloads(browser);
    page = await browser.newPage();
    activity = await recordRequests(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads, starts the camera and enrols', async () => {
    await page.goto(server.url, { waitUntil: 'load' });
    await enrolFromCamera(page, 'Person A', { labels: { gender: 'female' } });
    await waitForApp(page, 'a match', (s) => s.meterState === 'matched', ENROL_TIMEOUT_MS);
  });

  it('switches to lfw-94 and opens both bias views on it', async () => {
    await openTab(page, 'gap');
    await usePack(page, 'LFW 94 people');
    const gap = await waitForRateTable(page, GAP_TABLE, 'the gap table of lfw-94', (rows) => rows.length > 0 && rows.every((row) => 'fnmr' in row.cells));
    await openTab(page, 'groups');
    const you = await waitForRateTable(page, YOU_TABLE, 'your scores against lfw-94', (rows) => rows.length > 0);
    expect(you.map((row) => row.group)).toEqual(gap.map((row) => row.group));
  });

  it('imports four labelled photos into a pack that the pack manager lists and the views use', async () => {
    await openTab(page, 'import');
    const input = await page.waitForSelector('fg-app >>> fg-import-panel >>> input[type="file"][multiple]');
    await input!.uploadFile(...IMPORT_PHOTOS);
    await page.locator('fg-app >>> fg-import-panel >>> #preview-heading').wait();
    const preview = await page.evaluate(() => (document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-import-panel')?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
    expect(preview).toContain('4 photos will be imported');
    await page.locator('fg-app >>> fg-import-panel >>> input:not([type])').fill(IMPORTED_PACK_NAME);
    await pressImportButton(page, 'Import');
    // The Import tab says when the pack is saved; The gap's pack manager then lists it, in use.
    await page.waitForFunction(() => /Saved "/.test(document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-import-panel')?.shadowRoot?.textContent ?? ''), { timeout: IMPORT_TIMEOUT_MS });
    await openTab(page, 'gap');

    const deadline = Date.now() + IMPORT_TIMEOUT_MS;
    let packs = await readImportedPacks(page);
    while (!packs.some((pack) => pack.name === IMPORTED_PACK_NAME && pack.isActive)) {
      if (Date.now() > deadline) {
        const panel = await page.evaluate(() => document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-import-panel')?.shadowRoot?.textContent?.replace(/\s+/g, ' '));
        throw new Error(`The imported pack is not listed and in use after ${IMPORT_TIMEOUT_MS / 1000} s; the pack manager lists ${JSON.stringify(packs)}; the import panel says: ${panel}`);
      }
      await new Promise((done) => setTimeout(done, 250));
      packs = await readImportedPacks(page);
    }
    await page.waitForFunction((name) => document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-gap-view')?.shadowRoot?.querySelector('h2')?.textContent?.includes(name),
      { timeout: 10_000 }, IMPORTED_PACK_NAME);
    // Four people, one photo each, labelled White, Black, Asian and Indian by their file names.
    const rows = await waitForRateTable(page, GAP_TABLE, 'the gap table of the imported pack', (r) => r.length === 4);
    expect(rows.map((row) => row.group)).toEqual(['Asian', 'Black', 'Indian', 'White']);
    expect(rows.every((row) => row.cells.people.value === 1)).toBe(true);
  });

  it('exports your data as JSON with embeddings and no image', async () => {
    await openTab(page, 'privacy');
    const next = downloads.next();
    await page.locator('fg-app >>> fg-privacy-panel >>> fg-storage-panel >>> button::-p-text(Download my people and settings)').click();
    const download = await next;
    expect(download.fileName).toMatch(/^facegap-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const text = download.text();
    const data = JSON.parse(text) as { format: string; people: { name: string; labels: Record<string, string>; embeddings: string[]; thumbnail?: string }[]; packs: { name: string }[] };
    expect(data.format).toBe('facegap-personal-data');
    expect(data.people.map((person) => [person.name, person.labels])).toEqual([['Person A', { gender: 'female' }]]);
    const [person] = data.people;
    expect(person.embeddings.length).toBeGreaterThanOrEqual(2);
    for (const embedding of person.embeddings) expect(Buffer.from(embedding, 'base64').length).toBe(EMBEDDING_BYTES);
    expect(person.thumbnail).toBeUndefined();
    expect(data.packs.map((pack) => pack.name)).toEqual([IMPORTED_PACK_NAME]);
    // No picture anywhere: no data: image URL, no JPEG or PNG bytes in base64.
    expect(text).not.toMatch(/data:image\//);
    expect(text).not.toMatch(/"\/9j\/|"iVBORw0KGgo/);
  });

  it('the privacy tab counts 0 requests to other origins and lists the vision worker\'s', async () => {
    await openTab(page, 'privacy');
    await page.locator('fg-app >>> fg-privacy-panel >>> fg-network-panel >>> .badge').wait();
    const shown = await page.evaluate(() => {
      const panel = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-privacy-panel')?.shadowRoot?.querySelector('fg-network-panel') as
        (HTMLElement & { summary: { pageOrigin: string; origins: { origin: string; urls: string[] }[] } | null }) | null | undefined;
      const badge = panel?.shadowRoot?.querySelector<HTMLElement>('.badge');
      return {
        badge: (badge?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        count: badge?.dataset.otherOriginRequests ?? null,
        pageOrigin: panel?.summary?.pageOrigin ?? null,
        urls: panel?.summary?.origins.flatMap((group) => group.urls) ?? [],
      };
    });
    expect(shown.badge).toContain('Requests to other origins: 0');
    expect(shown.count).toBe('0');
    expect(shown.pageOrigin).toBe(new URL(server.url).origin);
    expect(shown.urls.some((url) => url.endsWith('/models/faceres.bin')), 'the audit lists the models the worker fetched').toBe(true);
    expect(shown.urls.some((url) => url.endsWith('.wasm')), 'the audit lists the wasm the worker fetched').toBe(true);
  });

  it('sent every request of the session to the page\'s origin, with no CSP violation and no console error', async () => {
    await activity.collectResourceTimings();
    await activity.stop();
    expect(activity.requests.some(({ url }) => url.endsWith('/models/faceres.bin')), 'the recorder saw the worker fetch the models').toBe(true);
    expect(activity.requests.some(({ url }) => url.endsWith('/packs/lfw-94.faceres.fgpack')), 'the recorder saw the pack requests').toBe(true);
    expect(offOrigin(activity.requests, server.url)).toEqual([]);
    expect(cspViolations(activity.messages)).toEqual([]);
    expect(consoleErrors(activity.messages)).toEqual([]);
  });
});
