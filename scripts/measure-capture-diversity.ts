/**
 * Measures what enrolment's "captures must differ" bounds (src/app/capture-diversity.ts) rest on,
 * through the app's own live loop (production build, Chromium's fake camera):
 * 1. cosine and pose between frames of a still photo, of the photo under camera noise only
 *    (grain, a 3 px shift, JPEG quality 60, 10% brighter), and of small head movements
 *    (test/fixtures/camera-person-a-moves/);
 * 2. how long enrolment takes with the moving video, and that a still photo does not enrol.
 * Run: `npx vite build && npx tsx scripts/measure-capture-diversity.ts` (prints JSON and `uptime`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { computeCosine, measurePoseChange, type CaptureSample } from '../src/app/capture-diversity';
import { enrol, readAppSnapshot, startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from '../test/e2e/helpers/app';
import { launchChromium } from '../test/e2e/helpers/chromium';
import { makeFakeVideo, MOVE_HOLD_FRAMES } from '../test/e2e/helpers/fake-video';
import { REPO_ROOT, startPreviewServer } from '../test/e2e/helpers/preview-server';

const PHOTO = join(REPO_ROOT, 'test/fixtures/camera-person-a.jpg');
const SAMPLE_MS = 12_000;
const STILL_ENROL_WAIT_MS = 30_000;

/** The photo under camera noise only, drawn by Chromium's canvas (no image library needed). */
async function makeNoiseFrames(page: Page): Promise<string[]> {
  const base64 = readFileSync(PHOTO).toString('base64');
  const frames = await page.evaluate(async (photo: string) => {
    const image = new Image();
    image.src = `data:image/jpeg;base64,${photo}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    let seed = 1;
    return ['grain4', 'grain8', 'shift3', 'quality60', 'brighter'].map((variant) => {
      context.filter = variant === 'brighter' ? 'brightness(1.1)' : 'none';
      context.drawImage(image, variant === 'shift3' ? 3 : 0, variant === 'shift3' ? 2 : 0);
      context.filter = 'none';
      if (variant.startsWith('grain')) {
        const sigma = Number(variant.slice(5));
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 0; i < pixels.data.length; i++) {
          if (i % 4 === 3) continue;
          seed = (seed * 16807) % 2147483647;
          const u = seed / 2147483647;
          seed = (seed * 16807) % 2147483647;
          pixels.data[i] += Math.sqrt(-2 * Math.log(u + 1e-12)) * Math.cos((2 * Math.PI * seed) / 2147483647) * sigma;
        }
        context.putImageData(pixels, 0, 0);
      }
      return canvas.toDataURL('image/jpeg', variant === 'quality60' ? 0.6 : 0.9).split(',')[1];
    });
  }, base64);
  const folder = mkdtempSync(join(tmpdir(), 'facegap-noise-'));
  return frames.map((frame, index) => {
    const path = join(folder, `${index}.jpg`);
    writeFileSync(path, Buffer.from(frame, 'base64'));
    return path;
  });
}

/** The distinct faces the live loop embedded over SAMPLE_MS, with their pose. */
async function sampleFaces(page: Page): Promise<CaptureSample[]> {
  const distinct: CaptureSample[] = [];
  const until = Date.now() + SAMPLE_MS;
  while (Date.now() < until) {
    const face = await page.evaluate(() => {
      const app = document.querySelector('fg-app') as unknown as { _state: { observation: { faces: { yaw: number | null; pitch: number | null; roll: number | null; embedding: Float32Array | null }[] } | null } };
      const found = app._state.observation?.faces[0];
      return found?.embedding ? { embedding: [...found.embedding], pose: { yaw: found.yaw, pitch: found.pitch, roll: found.roll } } : null;
    });
    if (face && !distinct.some((seen) => computeCosine(seen.embedding, face.embedding) > 0.999999)) distinct.push(face);
    await new Promise((done) => setTimeout(done, 200));
  }
  return distinct;
}

/** Pairwise cosine and largest pose change between distinct faces: their range. */
function summarize(faces: CaptureSample[]) {
  const cosines: number[] = [];
  const poseChanges: number[] = [];
  for (let i = 0; i < faces.length; i++) {
    for (let j = i + 1; j < faces.length; j++) {
      cosines.push(computeCosine(faces[i].embedding, faces[j].embedding));
      poseChanges.push(measurePoseChange(faces[i].pose, faces[j].pose));
    }
  }
  const range = (values: number[]) => (values.length ? [Math.min(...values), Math.max(...values)].map((v) => Number(v.toFixed(3))) : null);
  return { distinctFaces: faces.length, cosine: range(cosines), poseChangeRad: range(poseChanges) };
}

/** Opens the app with `video` as the camera; `run` gets the page once the camera is on. */
async function withCamera<T>(video: string, run: (page: Page) => Promise<T>): Promise<T> {
  const server = await startPreviewServer();
  const browser = await launchChromium({ fakeVideo: video });
  try {
    const page = await browser.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(page);
    return await run(page);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Seconds from pressing Enrol me to one person enrolled, or null when not within `waitMs`. */
async function timeEnrolment(page: Page, waitMs: number): Promise<number | null> {
  await waitForApp(page, 'a face', (s) => s.meterState !== 'no-face' && s.meterState !== null, 60_000);
  const from = Date.now();
  await enrol(page, 'Person A');
  while (Date.now() - from < waitMs) {
    if ((await readAppSnapshot(page)).people === '1') return Number(((Date.now() - from) / 1000).toFixed(1));
    await new Promise((done) => setTimeout(done, 200));
  }
  return null;
}

const helper = await launchChromium();
const noiseFrames = await makeNoiseFrames(await helper.newPage()).finally(() => helper.close());
const moving = makeFakeVideo([PHOTO], 1);
const result = {
  uptime: execFileSync('uptime').toString().trim(),
  moveHoldFrames: MOVE_HOLD_FRAMES,
  still: await withCamera(makeFakeVideo([PHOTO, PHOTO], 30), async (page) => summarize(await sampleFaces(page))),
  cameraNoise: await withCamera(makeFakeVideo([PHOTO, ...noiseFrames].flatMap((path) => Array<string>(MOVE_HOLD_FRAMES).fill(path)), 6 * MOVE_HOLD_FRAMES), async (page) => summarize(await sampleFaces(page))),
  smallMoves: await withCamera(moving, async (page) => summarize(await sampleFaces(page))),
  enrolSecondsMoving: await withCamera(moving, (page) => timeEnrolment(page, 120_000)),
  enrolSecondsStill: await withCamera(makeFakeVideo([PHOTO, PHOTO], 30), (page) => timeEnrolment(page, STILL_ENROL_WAIT_MS)),
};
console.log(JSON.stringify(result, null, 1));
