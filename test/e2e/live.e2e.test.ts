import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROL_TIMEOUT_MS, enrolFromCamera, VISION_READY_TIMEOUT_MS, waitForApp } from './helpers/app';
import { TABS } from '../../src/app/tabs';
import { launchChromium } from './helpers/chromium';
import { makeFakeVideo } from './helpers/fake-video';
import { startPreviewServer, REPO_ROOT, type PreviewServer } from './helpers/preview-server';
import { consoleErrors, cspViolations, offOrigin, recordRequests, type ActivityRecorder } from './helpers/requests';

/** Time each tab gets to make its requests before the next one is opened. */
const TAB_SETTLE_MS = 1_000;
/** Frames in the fake camera's loop; one photo repeated, so every frame shows the same face. */
const CAMERA_FRAMES = 30;

describe('live view on the production build (vite preview, fake camera, real models)', () => {
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    const camera = makeFakeVideo([resolve(REPO_ROOT, 'test/fixtures/camera-person-a.jpg')], CAMERA_FRAMES);
    [server, browser] = await Promise.all([startPreviewServer(), launchChromium({ fakeVideo: camera })]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * Opens `path` in a fresh browser context (empty storage, so the models are fetched again
   * rather than read from human's IndexedDB cache) with every request and console message recorded.
   */
  async function open(path: string): Promise<{ page: Page; activity: ActivityRecorder }> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const activity = await recordRequests(page);
    await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
    return { page, activity };
  }

  /** Fails on any request that left the page's origin or any CSP violation, page and workers alike. */
  async function expectNothingLeftTheOrigin(page: Page, activity: ActivityRecorder): Promise<void> {
    await activity.collectResourceTimings();
    await activity.stop();
    await page.browserContext().close();
    const errors = consoleErrors(activity.messages);
    if (errors.length > 0) console.warn('Console errors:', errors);
    expect(activity.requests.some(({ url }) => url.endsWith('/models/faceres.bin')), 'the recorder saw the worker fetch the models').toBe(true);
    expect(offOrigin(activity.requests, server.url)).toEqual([]);
    expect(cspViolations(activity.messages)).toEqual([]);
  }

  it('finds a face, enrols it and matches it, survives a vision worker crash, with nothing leaving the origin', async () => {
    const { page, activity } = await open('/');
    await enrolFromCamera(page, 'Person A');
    const matched = await waitForApp(page, 'a match', (s) => s.meterState === 'matched', ENROL_TIMEOUT_MS);

    expect(matched.threshold).not.toBeNull();
    expect(matched.meterScore).toBeGreaterThanOrEqual(matched.threshold!);

    // The vision worker crashes mid-session: the app says so, starts a new worker and matches again.
    const visionWorker = page.workers().find((worker) => worker.url().includes('vision'));
    expect(visionWorker, 'the vision worker is running').toBeDefined();
    await visionWorker!.evaluate(() => void setTimeout(() => { throw new Error('simulated crash'); }));
    const restarted = await waitForApp(page, 'the restart notice', (s) => s.notices.some((text) => /A new vision worker was started/.test(text)), VISION_READY_TIMEOUT_MS);
    expect(restarted.notices.join(' ')).toMatch(/simulated crash.*enrolled people are untouched/);
    expect(restarted.people).toBe('1');
    expect(restarted.camera).toBe('on');
    await waitForApp(page, 'a match after the restart', (s) => s.meterState === 'matched', ENROL_TIMEOUT_MS);
    expect(page.workers().filter((worker) => worker.url().includes('vision'))).toHaveLength(1);
    await expectNothingLeftTheOrigin(page, activity);
  });

  it('runs ?backend=wasm multithreaded, because vite preview isolates the page; every tab opens within the origin', async () => {
    const { page, activity } = await open('/?backend=wasm');
    const ready = await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);

    expect(ready.engine).toMatchObject({ backend: 'wasm', thread: 'worker', crossOriginIsolated: true, wasmMultithread: true });
    expect(ready.engineStatus).toMatch(/multithreaded/);
    for (const tab of TABS) {
      await page.locator(`fg-app >>> #tab-${tab.id}`).click();
      await page.waitForFunction((id) => document.querySelector('fg-app')?.shadowRoot?.querySelector(`#panel-${id}`)?.hasAttribute('hidden') === false,
        { timeout: 10_000 }, tab.id);
      // Panels load their data (packs, storage estimates) when shown; give them a moment to ask.
      await new Promise((done) => setTimeout(done, TAB_SETTLE_MS));
    }
    await expectNothingLeftTheOrigin(page, activity);
  });
});
