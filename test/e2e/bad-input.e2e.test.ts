/**
 * Bad input on the production build: no camera, a camera refused, unplugged or taken back, face
 * models or wasm that fail to load, and a reload. Each case checks the words on screen (what
 * happened, what was kept, what to do) and that the rest of the app and the enrolled people stay.
 *
 * How each failure is made:
 * - no camera: a Chromium launched without fake-device flags (headless has no camera: NotFoundError);
 * - permission denied: fake device but no --use-fake-ui-for-media-stream (that flag would accept
 *   every prompt, overrides included), and `overridePermissions(origin, [])` on the context;
 * - unplugged: `track.stop()` fires no 'ended', so the page stops the track the app holds (the
 *   camera view's srcObject) and dispatches 'ended' on it, as Chromium does when a device goes away;
 * - permission taken back mid-session: CDP `Browser.setPermission` 'denied', on which Chromium
 *   itself ends the track with a real 'ended' event;
 * - models or wasm failing: CDP `Fetch` on the browser target, which (unlike puppeteer's
 *   page-level interception) also pauses the vision worker's requests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type CDPSession, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, ENROL_TIMEOUT_MS, readAppSnapshot, VISION_READY_TIMEOUT_MS, type AppSnapshot } from './helpers/app';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from './helpers/chromium';
import { makeFakeVideo } from './helpers/fake-video';
import { REPO_ROOT, startPreviewServer, type PreviewServer } from './helpers/preview-server';

/** Frames in the fake camera's loop: one photo, repeated. */
const CAMERA_FRAMES = 30;
/** How long a failure may take to be reported; they come in a second or two here. */
const FAILURE_TIMEOUT_MS = 30_000;
/** Scoring every pair of the bundled pack, in its worker. */
/** The default pack (utkface-3000: 6.8 MB, 4.5 M pairs) fetched, scored and shown, on a loaded machine. */
const GAP_READY_TIMEOUT_MS = 120_000;
/** The default pack's name (packs/index.json `defaultPack`). */
const UTKFACE_NAME = 'UTKFace 3000';

/** Like helpers/app's `waitForApp`, without giving up when the vision engine fails: here it is meant to. */
async function waitForState(page: Page, what: string, isDone: (snapshot: AppSnapshot) => boolean, timeoutMs: number): Promise<AppSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let snapshot = await readAppSnapshot(page);
  while (!isDone(snapshot)) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}; the app shows ${JSON.stringify(snapshot, null, 2)}`);
    await new Promise((done) => setTimeout(done, 250));
    snapshot = await readAppSnapshot(page);
  }
  return snapshot;
}

/** The text of an element inside fg-app's shadow root (and its own shadow root), spaces collapsed. */
function readText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const element = document.querySelector('fg-app')?.shadowRoot?.querySelector(sel);
    return ((element?.shadowRoot ?? element)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }, selector);
}

/** Opens a tab and waits until "The gap" shows the bundled pack's figures (all pairs scored). */
async function expectTheGapWorks(page: Page): Promise<void> {
  await page.locator('fg-app >>> #tab-gap').click();
  await page.waitForFunction((name) => {
    const view = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-gap-view')?.shadowRoot;
    return view?.querySelector('h2')?.textContent?.includes(`The gap: ${name}`) === true && view.querySelector('fg-gap-panels') !== null;
  }, { timeout: GAP_READY_TIMEOUT_MS, polling: 250 }, UTKFACE_NAME);
  await page.locator('fg-app >>> #tab-groups').click();
  await page.waitForFunction(() => document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-you-vs-groups') !== null, { timeout: 10_000 });
  expect(await readText(page, '#panel-groups')).not.toContain('could not be opened');
  await page.locator('fg-app >>> #tab-live').click();
}

/**
 * A Chromium with a fake camera but without --use-fake-ui-for-media-stream, so a context's
 * permission decides: granted or denied per test. (helpers/chromium's fake camera always accepts.)
 */
async function launchWithCameraPermissionPrompt(fakeVideo: string): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'facegap-e2e-profile-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH, headless: true, protocolTimeout: 300_000,
    args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`, '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${fakeVideo}`],
  });
  browser.once('disconnected', () => {
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5 });
    } catch {
      // Chromium may still be flushing its profile; a stray temp folder is harmless.
    }
  });
  return browser;
}

/**
 * Answers every request matching `urlPattern`, from any page or worker of `browser`, with a 404 or
 * a network error, until the returned function is called.
 */
async function failRequests(browser: Browser, urlPattern: string, how: '404' | 'network-error'): Promise<{ seen: string[]; stop(): Promise<void> }> {
  const session: CDPSession = await browser.target().createCDPSession();
  const seen: string[] = [];
  session.on('Fetch.requestPaused', (event) => {
    seen.push(event.request.url);
    const answer = how === '404'
      ? session.send('Fetch.fulfillRequest', {
        requestId: event.requestId, responseCode: 404,
        responseHeaders: [{ name: 'Content-Type', value: 'text/plain' }], body: Buffer.from('Not found').toString('base64'),
      })
      : session.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'Failed' });
    void answer.catch(() => undefined);
  });
  await session.send('Fetch.enable', { patterns: [{ urlPattern }] });
  return {
    seen,
    async stop() {
      await session.send('Fetch.disable').catch(() => undefined);
      await session.detach().catch(() => undefined);
    },
  };
}

describe('bad input on the production build (vite preview, real models)', () => {
  let server: PreviewServer;
  /** Headless Chromium as it comes: no camera at all. */
  let noCamera: Browser;
  /** A fake camera behind the real permission check. */
  let withCamera: Browser;

  beforeAll(async () => {
    const video = makeFakeVideo([resolve(REPO_ROOT, 'test/fixtures/camera-person-a.jpg')], CAMERA_FRAMES);
    [server, noCamera, withCamera] = await Promise.all([startPreviewServer(), launchChromium(), launchWithCameraPermissionPrompt(video)]);
  });

  afterAll(async () => {
    await Promise.all([noCamera?.close(), withCamera?.close()]);
    await server?.close();
  });

  async function open(browser: Browser, path: string, permissions?: 'camera-granted' | 'camera-denied'): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.createBrowserContext();
    if (permissions) await context.overridePermissions(new URL(server.url).origin, permissions === 'camera-granted' ? ['camera'] : []);
    const page = await context.newPage();
    await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
    return { page, context };
  }

  it('without a camera: says none was found, what still works, and the bias tabs work', async () => {
    const { page, context } = await open(noCamera, '/');
    try {
      await page.locator('fg-app >>> fg-camera-view >>> button::-p-text(Start camera)').click();
      await waitForState(page, 'the camera to fail', (s) => s.camera === 'failed', FAILURE_TIMEOUT_MS);
      const camera = await readText(page, 'fg-camera-view');
      expect(camera).toContain('No camera was found on this device. Your enrolled people and packs are untouched. ' +
        'You can still use The gap view and import reference packs; connect a camera and press Start camera to use the live view.');
      await expectTheGapWorks(page);
    } finally {
      await context.close();
    }
  });

  it('with the camera permission denied: says so and how to allow it', async () => {
    const { page, context } = await open(withCamera, '/', 'camera-denied');
    try {
      // A denied permission must not start the camera on load, nor leave it "starting".
      expect((await readAppSnapshot(page)).camera).toBe('off');
      await page.locator('fg-app >>> fg-camera-view >>> button::-p-text(Start camera)').click();
      await waitForState(page, 'the camera to fail', (s) => s.camera === 'failed', FAILURE_TIMEOUT_MS);
      expect(await readText(page, 'fg-camera-view')).toContain('Camera permission was denied, so the live view cannot start. ' +
        'Your enrolled people and packs are untouched. To allow it, click the camera icon in the address bar (or the site settings), allow the camera, then press Start camera.');
    } finally {
      await context.close();
    }
  });

  it('when faceres.bin answers 404: says which model failed, and the other tabs still work', async () => {
    const interception = await failRequests(noCamera, '*/models/faceres.bin*', '404');
    const { page, context } = await open(noCamera, '/');
    try {
      // The detector answers first and the recognition model loads behind it: wait until that is
      // settled, failed or (wrongly) ready, not just for the first boxes.
      const failed = await waitForState(page, 'the models to fail', (s) => s.vision === 'failed' || (s.vision === 'ready' && s.engine?.isRecogniserLoading === false), VISION_READY_TIMEOUT_MS);
      expect(interception.seen.length, 'the worker asked for faceres.bin and got the 404').toBeGreaterThan(0);
      expect(failed.vision, 'faceres failed to load, so the engine must not report itself ready').toBe('failed');
      const notice = failed.notices.find((text) => text.startsWith('The face models did not start'));
      expect(notice).toContain(`The face models did not load from ${server.url}models/: faceres missing.`);
      expect(notice).toContain('Your enrolled people, packs and the other tabs still work; only the live camera needs the models. Reload the page to try again.');
      // No endless spinner: the engine panel and the enrol form say the models are not running.
      expect(failed.engineStatus).toMatch(/^Engine Not running: The face models did not start/);
      expect(await readText(page, 'fg-enrol-panel')).toContain('Enrolment needs the face models, which are not running.');
      await expectTheGapWorks(page);
    } finally {
      await interception.stop();
      await context.close();
    }
  });

  it('when the wasm binaries fail under ?backend=wasm: a readable error, not another backend', async () => {
    const interception = await failRequests(noCamera, '*/models/wasm/*.wasm*', 'network-error');
    const { page, context } = await open(noCamera, '/?backend=wasm');
    try {
      const failed = await waitForState(page, 'the wasm backend to fail', (s) => s.vision !== 'loading', VISION_READY_TIMEOUT_MS);
      expect(interception.seen.length).toBeGreaterThan(0);
      expect(failed.vision).toBe('failed');
      expect(failed.engine, 'no engine runs on a backend nobody asked for').toBeNull();
      const notice = failed.notices.find((text) => text.startsWith('The face models did not start'));
      expect(notice).toContain(`Asked for the wasm backend but webgl started: the wasm binaries did not load from ${server.url}models/wasm/.`);
      expect(notice).toContain('Your enrolled people, packs and the other tabs still work');
      // The way out is another backend, not the one that just failed.
      expect(notice).toContain('add ?backend=cpu to the address');
      expect(notice).not.toContain('add ?backend=wasm');
    } finally {
      await interception.stop();
      await context.close();
    }
  });

  it('keeps enrolled people across a reload, a camera unplugged and a permission taken back', async () => {
    const { page, context } = await open(withCamera, '/', 'camera-granted');
    const origin = new URL(server.url).origin;
    const cleanups: (() => Promise<unknown>)[] = [];
    try {
      // Permission given, so the camera starts by itself.
      await waitForState(page, 'a face in the camera', (s) => s.vision === 'ready' && s.camera === 'on' && s.meterState !== null && s.meterState !== 'no-face', VISION_READY_TIMEOUT_MS);
      await enrol(page, 'Person A');
      await waitForState(page, 'the enrolment to be saved', (s) => s.people === '1' && s.enrol === 'idle', ENROL_TIMEOUT_MS);

      await page.reload({ waitUntil: 'load' });
      await waitForState(page, 'the stored people after the reload', (s) => s.people === '1', FAILURE_TIMEOUT_MS);
      expect(await readText(page, 'fg-people-list')).toContain('Person A');
      await waitForState(page, 'the camera to start again', (s) => s.camera === 'on', FAILURE_TIMEOUT_MS);

      // Unplugged: the track the app holds ends.
      await page.evaluate(() => {
        const video = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-camera-view')?.shadowRoot?.querySelector('video');
        const track = (video?.srcObject as MediaStream | null)?.getVideoTracks()[0];
        if (!track) throw new Error('The camera view shows no camera track.');
        track.stop();
        track.dispatchEvent(new Event('ended'));
      });
      const unplugged = await waitForState(page, 'the camera to be reported unplugged', (s) => s.camera === 'failed', FAILURE_TIMEOUT_MS);
      expect(await readText(page, 'fg-camera-view')).toContain('The camera stopped: it was unplugged or switched off. ' +
        'Your enrolled people and packs are untouched. Plug it back in, then press Start camera.');
      expect(unplugged.people).toBe('1');

      // Plugged back in, then the permission is taken back in the site settings.
      await page.locator('fg-app >>> fg-camera-view >>> button::-p-text(Start camera)').click();
      await waitForState(page, 'the camera to run again', (s) => s.camera === 'on', FAILURE_TIMEOUT_MS);
      // The session stays attached to the end: detaching it would drop its override, and the permission would read "prompt".
      const session = await withCamera.target().createCDPSession();
      cleanups.push(() => session.detach());
      await session.send('Browser.setPermission', { permission: { name: 'camera' }, setting: 'denied', origin, browserContextId: context.id });
      // The track ends first ("unplugged"); the sentence turns to the permission once Chromium reports it denied.
      await page.waitForFunction(() => document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-camera-view')?.shadowRoot?.textContent?.includes('Camera permission was taken back'),
        { timeout: FAILURE_TIMEOUT_MS, polling: 100 });
      const revoked = await readAppSnapshot(page);
      expect(revoked.camera).toBe('failed');
      expect(await readText(page, 'fg-camera-view')).toContain('Camera permission was taken back while the camera ran, so the live view stopped. ' +
        'Your enrolled people and packs are untouched. To allow it again, click the camera icon in the address bar (or the site settings), allow the camera, then press Start camera.');
      expect(revoked.people).toBe('1');
      expect(await readText(page, 'fg-people-list')).toContain('Person A');
    } finally {
      await Promise.all(cleanups.map((cleanup) => cleanup().catch(() => undefined)));
      await context.close();
    }
  });
});
