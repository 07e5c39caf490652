/**
 * The pages the live benches drive (live.ts, live-models.ts): the app's own loop recorded by the
 * probe on the bench video, the bare human loop (bench/bare-loop.html), Person A enrolled once in a
 * kept profile (with each model asked for), and a model picked on Live as a user picks it.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { ENROL_TIMEOUT_MS, enrol, readAppSnapshot, startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from '../../test/e2e/helpers/app';
import { launchChromium } from '../../test/e2e/helpers/chromium';
import { makeFakeVideo } from '../../test/e2e/helpers/fake-video';
import { REPO_ROOT } from '../../test/e2e/helpers/preview-server';
import type { BareFrame, BareLoopReport } from '../../bench/bare-loop';
import { APP_PROBE_SOURCE, liveRecorderSource, type AppProbeFrame, type LiveRecording } from './app-probe';
import { computeLiveFigures, type VideoTruth } from './live-analysis';
import type { LoopSamples } from './live-summary';
import { MARKER_BITS, MARKER_BLOCK_PX } from './live-video';

/** The face of the videos that is enrolled (Person A). */
export const ENROLLED_PHOTO = 'test/fixtures/camera-person-a.jpg';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** How one app round runs. */
export interface AppRound {
  backend: string;
  seconds: number;
  warmupMs: number;
  truth: VideoTruth;
  /** How many people the kept profile holds (enrolOnce enrolled them before). */
  people: number;
  /** Detect options the probe puts in place of the app's own (an A/B variant), or null. */
  override?: Record<string, unknown> | null;
  /** Runs once the live loop runs, before the warm-up: e.g. picks a model. */
  prepare?: (page: Page) => Promise<void>;
  /** Reads more from the page right after the measured stretch, given the stretch's answers and recording. */
  read?: (page: Page, stretch: { frames: AppProbeFrame[]; recording: LiveRecording }) => Promise<void>;
}

/**
 * The app at `/?backend=...` in the browser's own (persistent) profile: models, camera, the
 * enrolled people found, `prepare`, warm-up, then `seconds` of its own loop, recorded.
 */
export async function measureApp(browser: Browser, origin: string, round: AppRound): Promise<LoopSamples<AppProbeFrame>> {
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(`window.__facegapProbeOverride = ${JSON.stringify(round.override ?? null)};`);
    await page.evaluateOnNewDocument(APP_PROBE_SOURCE);
    await page.goto(new URL(`/?backend=${round.backend}`, origin).href);
    const ready = await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(page);
    await waitForApp(page, 'the live loop', (s) => s.camera === 'on' && (s.fps ?? 0) > 0, VISION_READY_TIMEOUT_MS);
    // enrolOnce enrolled them in this profile before the measuring browser started.
    if (ready.people !== String(round.people)) throw new Error(`The bench profile should hold ${round.people} enrolled, and holds ${ready.people ?? 'nobody'}.`);
    await round.prepare?.(page);
    await sleep(round.warmupMs);
    await page.evaluate(liveRecorderSource(MARKER_BITS, MARKER_BLOCK_PX));
    const from = await page.evaluate(() => performance.now());
    await sleep(round.seconds * 1000);
    const { frames, recording, to } = await page.evaluate(() => ({ frames: window.__facegapProbe?.frames ?? [], recording: window.__facegapLive!, to: performance.now() })) as { frames: AppProbeFrame[]; recording: LiveRecording; to: number };
    const measured = frames.filter((frame: AppProbeFrame) => frame.at >= from && frame.at <= to);
    await round.read?.(page, { frames: measured, recording });
    const readout = await readAppSnapshot(page);
    if (measured.length === 0) throw new Error(`The app processed no frame in ${round.seconds} s: ${JSON.stringify(readout)}`);
    const figures = computeLiveFigures(recording.shown, recording.drawn, measured, round.truth);
    return { engine: readout.engine ?? ready.engine, elapsedMs: to - from, frames: measured, readoutFps: readout.fps, figures: [figures] };
  } finally {
    await page.close();
  }
}

/** bench/bare-loop.html: human alone in a worker, detect + mesh + embed on every frame for `seconds`. */
export async function measureBare(browser: Browser, origin: string, backend: string, seconds: number): Promise<LoopSamples<BareFrame>> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(new URL(`/bench/bare-loop.html?backend=${backend}&seconds=${seconds}`, origin).href);
    await page.waitForFunction(() => window.__bareLoop?.state === 'done' || window.__bareLoop?.state === 'failed',
      { timeout: seconds * 1000 + VISION_READY_TIMEOUT_MS, polling: 500 });
    const report = (await page.evaluate(() => window.__bareLoop)) as BareLoopReport;
    if (report.state !== 'done' || !report.frames || !report.elapsedMs) throw new Error(`The bare loop failed: ${report.error}`);
    const engine = report.engine ? { backend: report.engine.backend, thread: 'worker', wasmSimd: report.engine.wasmSimd,
      wasmMultithread: report.engine.wasmMultithread, crossOriginIsolated: report.engine.crossOriginIsolated } : null;
    return { engine, elapsedMs: report.elapsedMs, frames: report.frames, readoutFps: null };
  } finally {
    await context.close();
  }
}

/** The model picker's active model and status (src/components/models/fg-model-picker.ts). */
export function readPicker(page: Page): Promise<{ modelId: string | null; status: string | null }> {
  return page.evaluate(() => {
    const picker = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-model-picker');
    return { modelId: picker?.getAttribute('modelid') ?? null, status: picker?.getAttribute('status') ?? null };
  });
}

/**
 * Picks `modelId` on Live as a user does (its radio button in the model picker) and waits until
 * its engine runs with the recognition model loaded. Resolves with performance.now() of the click
 * (page clock). A model already active is picked again after another, so every round pays the switch.
 */
export async function pickModel(page: Page, modelId: string, otherModelId: string): Promise<number> {
  if ((await readPicker(page)).modelId === modelId) await pickModel(page, otherModelId, modelId);
  const clickedAt = await page.evaluate(() => performance.now());
  await page.locator(`fg-app >>> fg-model-picker >>> input[value="${modelId}"]`).click();
  const deadline = Date.now() + VISION_READY_TIMEOUT_MS;
  for (;;) {
    const picker = await readPicker(page);
    const app = await readAppSnapshot(page);
    if (picker.modelId === modelId && picker.status === 'ready' && app.vision === 'ready' && app.engine?.isRecogniserLoading === false) return clickedAt;
    if (picker.status === 'failed' || Date.now() > deadline) throw new Error(`${modelId} did not start: ${JSON.stringify(picker)} ${JSON.stringify(app)}`);
    await sleep(100);
  }
}

/**
 * Enrols Person A once in the bench's profile, from a camera that turns her head a little
 * (test/e2e/helpers/fake-video.ts): enrolment takes only captures that differ, and the bench's own
 * video only slides the face sideways. With `modelIds`, once per model, each picked before (as
 * "Person A <model>"); without, with the model the app starts with. Later pages of the same
 * profile find her enrolled.
 */
export async function enrolOnce(origin: string, profile: string, backend: string, modelIds: readonly string[] = []): Promise<void> {
  const browser = await launchChromium({ fakeVideo: makeFakeVideo([resolve(REPO_ROOT, ENROLLED_PHOTO)], 30), userDataDir: profile });
  try {
    const page = await browser.newPage();
    await page.goto(new URL(`/?backend=${backend}`, origin).href);
    const ready = await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    const wanted = Math.max(1, modelIds.length);
    if (Number(ready.people ?? 0) >= wanted) return;
    await startCameraIfNeeded(page);
    for (const [index, modelId] of (modelIds.length > 0 ? modelIds : [null]).entries()) {
      if (modelId !== null && (await readPicker(page)).modelId !== modelId) await pickModel(page, modelId, modelIds[0]);
      await waitForApp(page, 'a face to enrol', (s) => s.camera === 'on' && s.meterState !== null && s.meterState !== 'no-face', VISION_READY_TIMEOUT_MS);
      await enrol(page, modelId === null ? 'Person A' : `Person A ${modelId}`);
      await waitForApp(page, 'the enrolment', (s) => s.people === String(index + 1) && s.enrol === 'idle', ENROL_TIMEOUT_MS);
    }
  } finally {
    await browser.close();
  }
}
