import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROL_TIMEOUT_MS, enrol, startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from './helpers/app';
import { launchChromium } from './helpers/chromium';
import { makeFakeVideo } from './helpers/fake-video';
import { REPO_ROOT, startPreviewServer, type PreviewServer } from './helpers/preview-server';
import { offOrigin, recordRequests, type ActivityRecorder } from './helpers/requests';
import { writeY4m } from './helpers/y4m';

/** The presenter's fake camera: a 640x480 frame with the attendee's code in the middle. */
const CAMERA_WIDTH = 640;
const CAMERA_HEIGHT = 480;
const CODE_SIZE_PX = 440;
const COLLECT_TIMEOUT_MS = 60_000;

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

    // The screenshot is decoded by the attendee's own browser into RGBA, then written as Y4M here.
    const code = await attendee.$('fg-app >>> fg-room-share >>> fg-qr-code');
    const png = await code!.screenshot({ encoding: 'base64' });
    const rgba = await attendee.evaluate(async (base64, width, height, size) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, width, height);
      context.imageSmoothingEnabled = false;
      context.drawImage(image, (width - size) / 2, (height - size) / 2, size, size);
      return Array.from(context.getImageData(0, 0, width, height).data);
    }, png, CAMERA_WIDTH, CAMERA_HEIGHT, CODE_SIZE_PX);
    const camera = writeY4m(Uint8Array.from(rgba), CAMERA_WIDTH, CAMERA_HEIGHT, 30);

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
    // The camera keeps showing the same code: it is read again and again, and still counts once.
    await presenter.waitForFunction(() => /Already counted/.test(document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-room-view')?.shadowRoot?.querySelector('.room-message')?.textContent ?? ''), { timeout: COLLECT_TIMEOUT_MS });
    // The room's own people are grouped by what they said of themselves: here, gender.
    await presenter.locator('fg-app >>> fg-room-view >>> fg-group-picker >>> input[value="gender"]').click();
    await presenter.waitForFunction(() => /female/.test(document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-room-view')?.shadowRoot?.querySelector('fg-room-stats')?.shadowRoot?.textContent ?? ''), { timeout: 10_000 });
    const room = await readCollected(presenter);
    expect(room.people).toBe('1');
    expect(room.stats).toMatch(/1 laptop collected/);
    expect(room.stats).toMatch(/female ?1 \(small\) ?\d+(\.\d+)?% \(95% interval/);
    // The pack's strangers, by group, each with an interval.
    expect(room.stats).toMatch(/White ?\d+(\.\d+)?% \(95% interval/);
  }, 600_000);

  it('refuses a code of another model with a message, and the count stays', async () => {
    const other = JSON.stringify({ ...JSON.parse(payloadText), m: '0123456789abcdef', a: 'someoneelse' });
    // Stop the camera's endless re-reads of the first code, then hand in the other model's code as the scanner would.
    await presenter.locator('fg-app >>> fg-room-view >>> button.collect').click();
    await presenter.evaluate((text) => {
      const view = document.querySelector('fg-app')!.shadowRoot!.querySelector('fg-room-view')!;
      view.dispatchEvent(Object.assign(new Event('room-code', { bubbles: true, composed: true }), { text }));
    }, other);
    await presenter.waitForFunction(() => /another face model/.test(document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-room-view')?.shadowRoot?.querySelector('.room-message')?.textContent ?? ''), { timeout: 10_000 });
    expect((await readCollected(presenter)).people).toBe('1');
  });

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
    await page.close();
  }, 300_000);

  it('no request left the origin in either browser', async () => {
    for (const activity of activities) await activity.collectResourceTimings();
    for (const activity of activities) expect(offOrigin(activity.requests, server.url)).toEqual([]);
  });
});
