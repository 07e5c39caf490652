import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROL_TIMEOUT_MS, enrolFromCamera, startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from './helpers/app';
import { launchChromium, makeProfileDir } from './helpers/chromium';
import { makeFakeVideo } from './helpers/fake-video';
import { REPO_ROOT, startPreviewServer, type PreviewServer } from './helpers/preview-server';
import { computeBoxIou } from '../../src/vision/tracking';
import type { Box } from '../../src/vision/types';

/** Frames of each person in the cut video; Chromium's fake camera plays about 30 a second. */
const FRAMES_PER_PERSON = 60;
/** How long the meter and the box are watched on the cut video (several A-to-B cuts). */
const WATCH_MS = 20_000;
const A_PHOTO = resolve(REPO_ROOT, 'test/fixtures/camera-person-a.jpg');
const B_PHOTO = resolve(REPO_ROOT, 'test/fixtures/camera-person-b.jpg');

/** How far person B's photo is shifted sideways, so a cut to B moves the face box as a real cut does. */
const B_SHIFT_PX = 160;

/**
 * Person B's photo moved sideways by B_SHIFT_PX (grey fill), re-encoded as a baseline JPEG by the
 * browser's canvas: the two fixture photos have their faces in the same place, and the tracker
 * tells faces apart by where they are.
 */
async function makeShiftedPhoto(page: Page, path: string, shiftPx: number, folder: string): Promise<string> {
  const dataUrl = `data:image/jpeg;base64,${readFileSync(path).toString('base64')}`;
  const base64 = await page.evaluate(async (url, shift) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#808080';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, shift, 0);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1];
  }, dataUrl, shiftPx);
  const shifted = join(folder, 'camera-person-b-shifted.jpg');
  writeFileSync(shifted, Buffer.from(base64, 'base64'));
  return shifted;
}

/** One look at the page: the drawn box (null: none) and what the meter says. */
interface Sample { box: Box | null; state: string | null; text: string }

/** Samples the box and the meter every 20 ms for `ms`, in the page, so nothing between is missed. */
async function watch(page: Page, ms: number): Promise<Sample[]> {
  return page.evaluate((duration) => new Promise<Sample[]>((done) => {
    const app = document.querySelector('fg-app')!.shadowRoot!;
    const samples: Sample[] = [];
    const timer = setInterval(() => {
      const rect = app.querySelector('fg-camera-view')?.shadowRoot?.querySelector('rect.box');
      const meter = app.querySelector<HTMLElement>('fg-match-meter');
      const box = rect ? (['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name))) as Box) : null;
      samples.push({ box, state: meter?.dataset.state ?? null, text: meter?.shadowRoot?.textContent ?? '' });
    }, 20);
    setTimeout(() => { clearInterval(timer); done(samples); }, duration);
  }), ms);
}

/*
 * On a loaded machine a detection takes longer than EMBED_INTERVAL_MS, so every frame embeds and
 * there is no window for a false match: this test then passes even without the tracker's rule
 * (checked with SAME_FACE_MIN_IOU = 0 at load 26). The unit test in test/unit/vision/tracking.test.ts
 * fails in that case; this one guards the real pipeline on a machine fast enough to track.
 */
describe('live view with a camera that cuts from person A to person B', () => {
  let server: PreviewServer;
  const profile = makeProfileDir();
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startPreviewServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('never shows B as A, while A is matched', async () => {
    // Enrol A with a camera that shows only A; the profile keeps the enrolment for the next browser.
    browser = await launchChromium({ fakeVideo: makeFakeVideo([A_PHOTO], 30), userDataDir: profile });
    let page = await browser.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    await enrolFromCamera(page, 'Person A');
    await waitForApp(page, 'A matched', (s) => s.meterState === 'matched', ENROL_TIMEOUT_MS);
    const aSamples = await watch(page, 1_000);
    const aBox = aSamples.findLast((sample) => sample.box !== null)!.box!;
    const bPhoto = await makeShiftedPhoto(page, B_PHOTO, B_SHIFT_PX, profile);
    await browser.close();

    const cut = Array.from({ length: 2 * FRAMES_PER_PERSON }, (_, index) => (index < FRAMES_PER_PERSON ? A_PHOTO : bPhoto));
    browser = await launchChromium({ fakeVideo: makeFakeVideo(cut, cut.length), userDataDir: profile });
    page = await browser.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForApp(page, 'the models and Person A', (s) => s.vision === 'ready' && s.people === '1', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(page);
    await waitForApp(page, 'a face', (s) => s.camera === 'on' && s.meterState !== null && s.meterState !== 'no-face', VISION_READY_TIMEOUT_MS);
    const samples = await watch(page, WATCH_MS);

    const isA = (box: Box) => computeBoxIou(box, aBox) >= 0.5;
    const onB = samples.filter((sample) => sample.box !== null && !isA(sample.box));
    const onA = samples.filter((sample) => sample.box !== null && isA(sample.box));
    expect(onB.length, 'B was on screen (its face box differs from A\'s)').toBeGreaterThan(20);
    expect(onA.some((sample) => sample.state === 'matched' && sample.text.includes('Person A')), 'A was matched').toBe(true);
    const bShownAsA = onB.filter((sample) => sample.state === 'matched' && sample.text.includes('Person A'));
    expect(bShownAsA, 'samples with B on screen and the meter naming Person A').toEqual([]);
  }, 600_000);
});
