import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROL_TIMEOUT_MS, enrol, startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from './helpers/app';
import { launchChromium } from './helpers/chromium';
import { makeFakeVideo } from './helpers/fake-video';
import { REPO_ROOT, startPreviewServer, type PreviewServer } from './helpers/preview-server';
import { offOrigin, recordRequests, type ActivityRecorder } from './helpers/requests';
import { writeY4mScenes } from './helpers/y4m';

/** The presenter's fake camera: 640x480 frames with a code in the middle, or an empty view. */
const CAMERA_WIDTH = 640;
const CAMERA_HEIGHT = 480;
const CODE_SIZE_PX = 440;
/** Its loop at 5 frames a second: the attendee's code 4 s, nothing 3 s, another model's code 4 s, nothing 3 s. */
const CAMERA_FPS = 5;
const HELD_FRAMES = 20;
const AWAY_FRAMES = 15;
const COLLECT_TIMEOUT_MS = 90_000;

/** The room message's text, as the presenter sees it. */
function readRoomMessage(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-room-view')?.shadowRoot?.querySelector('.room-message')?.textContent ?? '');
}

/** Waits until the room message matches `pattern` (its source, so it crosses into the page). */
async function waitForRoomMessage(page: Page, pattern: RegExp): Promise<string> {
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-room-view')?.shadowRoot?.querySelector('.room-message')?.textContent ?? ''), { timeout: COLLECT_TIMEOUT_MS }, pattern.source);
  return readRoomMessage(page);
}

/**
 * A camera frame of the QR code `element` shows in `page`: its screenshot, decoded by the page's
 * own browser into RGBA, centred on white (an empty frame when `element` is null).
 */
async function captureFrame(page: Page, selector: string | null): Promise<Uint8Array> {
  const png = selector ? await (await page.$(selector))!.screenshot({ encoding: 'base64' }) : null;
  const rgba = await page.evaluate(async (base64, width, height, size) => {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    if (base64) {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      context.imageSmoothingEnabled = false;
      context.drawImage(image, (width - size) / 2, (height - size) / 2, size, size);
    }
    return Array.from(context.getImageData(0, 0, width, height).data);
  }, png, CAMERA_WIDTH, CAMERA_HEIGHT, CODE_SIZE_PX);
  return Uint8Array.from(rgba);
}

/** What the presenter's Room tab shows about the collected room. */
function readCollected(page: Page): Promise<{ people: string; message: string; stats: string }> {
  return page.evaluate(() => {
    const room = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-room-view')?.shadowRoot;
    const stats = room?.querySelector<HTMLElement>('fg-room-stats');
    return { people: stats?.dataset.people ?? '', message: room?.querySelector('.room-message')?.textContent ?? '', stats: (stats?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ') };
  });
}

describe('the room with no server: an attendee shows its code, the presenter reads it from its camera', () => {
  let server: PreviewServer;
  const browsers: Browser[] = [];
  const activities: ActivityRecorder[] = [];
  let payloadText = '';
  let presenter: Page;

  beforeAll(async () => {
    server = await startPreviewServer();
  });

  afterAll(async () => {
    for (const activity of activities) await activity.stop().catch(() => undefined);
    for (const browser of browsers) await browser.close();
    await server?.close();
  });

  it('the attendee enrols and shows its code; a screenshot of it becomes the presenter\u2019s camera; the room goes from 0 to 1 and counts the code once', async () => {
    const attendeeBrowser = await launchChromium({ fakeVideo: makeFakeVideo([resolve(REPO_ROOT, 'test/fixtures/camera-person-a.jpg')], 30) });
    browsers.push(attendeeBrowser);
    const attendee = await attendeeBrowser.newPage();
    activities.push(await recordRequests(attendee));
    await attendee.goto(server.url, { waitUntil: 'load' });
    await waitForApp(attendee, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(attendee);
    await enrol(attendee, 'Person A', { gender: 'female' });
    await waitForApp(attendee, 'the enrolment saved', (s) => s.people === '1' && s.enrol === 'idle', ENROL_TIMEOUT_MS);
    await attendee.locator('fg-app >>> #tab-room').click();
    await attendee.locator('fg-app >>> fg-room-share >>> button::-p-text(Show the presenter)').click();
    await attendee.waitForFunction(() => Boolean(document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-room-view')?.shadowRoot?.querySelector<HTMLElement>('fg-room-share')?.dataset.payload));
    payloadText = await attendee.evaluate(() => document.querySelector('fg-app')!.shadowRoot!.querySelector('fg-room-view')!.shadowRoot!.querySelector<HTMLElement>('fg-room-share')!.dataset.payload!);
    const shown = await attendee.evaluate(() => document.querySelector('fg-app')!.shadowRoot!.querySelector('fg-room-view')!.shadowRoot!.querySelector('fg-room-share')!.shadowRoot!.textContent!);
    expect(shown).toContain('No picture of you and no face embedding');

    // The other model's code: the same scores, marked with another model's sha256 and another attendee.
    const otherModel = JSON.stringify({ ...JSON.parse(payloadText), m: '0123456789abcdef', a: 'someoneelse' });
    await attendee.evaluate((text) => {
      const other = Object.assign(document.createElement('fg-qr-code'), { text, id: 'other-model-code', label: 'Another model\u2019s code' });
      other.style.setProperty('--fg-qr-size', '26rem');
      document.body.append(other);
    }, otherModel);
    const scenes = [
      { rgba: await captureFrame(attendee, 'fg-app >>> fg-room-share >>> fg-qr-code'), frames: HELD_FRAMES },
      { rgba: await captureFrame(attendee, null), frames: AWAY_FRAMES },
      { rgba: await captureFrame(attendee, '#other-model-code'), frames: HELD_FRAMES },
      { rgba: await captureFrame(attendee, null), frames: AWAY_FRAMES },
    ];
    const camera = writeY4mScenes(scenes, CAMERA_WIDTH, CAMERA_HEIGHT, CAMERA_FPS);

    const presenterBrowser = await launchChromium({ fakeVideo: camera });
    browsers.push(presenterBrowser);
    presenter = await presenterBrowser.newPage();
    activities.push(await recordRequests(presenter));
    await presenter.goto(server.url, { waitUntil: 'load' });
    await waitForApp(presenter, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await presenter.locator('fg-app >>> #tab-room').click();
    expect((await readCollected(presenter)).people).toBe('0');
    await presenter.locator('fg-app >>> fg-room-view >>> button.collect').click();
    await presenter.waitForFunction(() => document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-room-view')?.shadowRoot?.querySelector<HTMLElement>('fg-room-stats')?.dataset.people === '1', { timeout: COLLECT_TIMEOUT_MS });
    expect(await readRoomMessage(presenter)).toMatch(/^Added: the room now has 1\.$/);
    // Through the camera: the other model's code comes round and is refused with a message; the count stays.
    expect(await waitForRoomMessage(presenter, /another face model/)).toMatch(/made with another face model \(0123456789abcdef, .*not added\. The room still has 1\./);
    expect((await readCollected(presenter)).people).toBe('1');
    // The attendee's code is held up again: counted once, said once.
    await waitForRoomMessage(presenter, /Already counted/);
    expect((await readCollected(presenter)).people).toBe('1');
    await presenter.locator('fg-app >>> fg-room-view >>> button.collect').click();
    // The room's own people are grouped by what they said of themselves: here, gender.
    await presenter.locator('fg-app >>> fg-room-view >>> fg-group-picker >>> input[value="gender"]').click();
    await presenter.waitForFunction(() => /female/.test(document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-room-view')?.shadowRoot?.querySelector('fg-room-stats')?.shadowRoot?.textContent ?? ''), { timeout: 10_000 });
    const room = await readCollected(presenter);
    expect(room.people).toBe('1');
    expect(room.stats).toMatch(/1 laptop collected/);
    expect(room.stats).toMatch(/female ?1 \(small\) ?\d+(\.\d+)?% \(\d+(\.\d+)?%–\d+(\.\d+)?%\)/);
    // The pack's strangers, by group, each with an interval.
    expect(room.stats).toMatch(/White ?\d+(\.\d+)?% \(\d+(\.\d+)?%–\d+(\.\d+)?%\)/);
  }, 600_000);

  it('keeps the room on this device only when chosen: it survives a reload, and Clear the room empties it there too', async () => {
    const reloadRoom = async () => {
      await presenter.reload({ waitUntil: 'load' });
      await waitForApp(presenter, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
      await presenter.locator('fg-app >>> #tab-room').click();
      await presenter.waitForFunction(() => document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-room-view')?.shadowRoot?.querySelector('fg-room-stats') !== null);
      // The kept room is read just after the store opens.
      await new Promise((done) => setTimeout(done, 1000));
      return readCollected(presenter);
    };
    expect((await reloadRoom()).people).toBe('0');
    // Collect again (the camera loop comes round to the attendee's code), then keep the room.
    await presenter.locator('fg-app >>> fg-room-view >>> button.collect').click();
    await presenter.waitForFunction(() => document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-room-view')?.shadowRoot?.querySelector<HTMLElement>('fg-room-stats')?.dataset.people === '1', { timeout: COLLECT_TIMEOUT_MS });
    await presenter.locator('fg-app >>> fg-room-view >>> button.collect').click();
    await presenter.locator('fg-app >>> fg-room-view >>> label.keep input').click();
    await presenter.waitForFunction(() => /kept on this device/.test(document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-room-view')?.shadowRoot?.textContent ?? ''));
    await new Promise((done) => setTimeout(done, 500));
    const kept = await reloadRoom();
    expect(kept.people).toBe('1');
    expect(kept.stats).toMatch(/1 laptop collected/);
    await presenter.locator('fg-app >>> #tab-privacy').click();
    await presenter.waitForFunction(() => (document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-privacy-panel')?.shadowRoot?.querySelector('fg-storage-panel')?.shadowRoot?.querySelector('tr[data-stores="roomCodes"] td')?.textContent ?? '') === '1', { timeout: 10_000 });
    await presenter.locator('fg-app >>> #tab-room').click();
    await presenter.locator('fg-app >>> fg-room-view >>> button.clear').click();
    await new Promise((done) => setTimeout(done, 500));
    expect((await reloadRoom()).people).toBe('0');
  }, 300_000);

  it('prints the handout to one or two A4 pages in Chromium, with no clipped table', async () => {
    const page = await browsers[1].newPage();
    await page.goto(`${server.url}?handout`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('fg-app')?.shadowRoot?.querySelector<HTMLElement>('fg-handout')?.dataset.ready === 'true', { timeout: VISION_READY_TIMEOUT_MS });
    const pdf = Buffer.from(await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } }));
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    // A4 less 30 mm of margins is 180 mm, 680 CSS px: the table must fit that width in print.
    await page.emulateMediaType('print');
    await page.setViewport({ width: 680, height: 1000 });
    const fit = await page.evaluate(() => {
      const handout = document.querySelector('fg-app')!.shadowRoot!.querySelector('fg-handout')!;
      const table = handout.shadowRoot!.querySelector('table')!;
      return { table: table.getBoundingClientRect().right, page: handout.getBoundingClientRect().right, rows: table.querySelectorAll('tbody tr').length };
    });
    expect(fit.rows).toBeGreaterThan(0);
    expect(fit.table).toBeLessThanOrEqual(fit.page + 0.5);
    // The handout names the active model and its score id (faceres by default).
    const text = await page.evaluate(() => document.querySelector('fg-app')!.shadowRoot!.querySelector('fg-handout')!.shadowRoot!.textContent!.replace(/\s+/g, ' '));
    expect(text).toMatch(/Model: faceres, .*; score human-similarity-v1; weights sha256 [0-9a-f]{16}/);
    await page.close();
  }, 300_000);

  it('no request left the origin in either browser', async () => {
    for (const activity of activities) await activity.collectResourceTimings();
    for (const activity of activities) expect(offOrigin(activity.requests, server.url)).toEqual([]);
  });
});
