/**
 * The live-loop bench (`npm run bench -- live`): the app's own loop and a bare human loop that
 * computes every answer from its frame (cacheSensitivity 0, detect + mesh + embedding every frame),
 * in alternating rounds in one run, on a fake camera whose faces enter and move (live-video.ts),
 * with one face and with three. Prints and records answers/s, embeddings/s, time to match an
 * entering face, the drawn box's lag and swing, and the ratio to the bare loop; writes
 * bench-results/live.json and the "Live loop" section of BENCHMARKS.md, with the machine's load.
 * BENCH_SECONDS (24 per loop and face count), BENCH_ROUNDS (2), BENCH_BACKEND (wasm),
 * BENCH_FACES (`1,3`) change the run.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { ENROL_TIMEOUT_MS, enrol, readAppSnapshot, startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from '../../test/e2e/helpers/app';
import { launchChromium, makeProfileDir } from '../../test/e2e/helpers/chromium';
import { makeFakeVideo } from '../../test/e2e/helpers/fake-video';
import { REPO_ROOT, startPreviewServer } from '../../test/e2e/helpers/preview-server';
import type { BareFrame, BareLoopReport } from '../../bench/bare-loop';
import { APP_PROBE_SOURCE, liveRecorderSource, type AppProbeFrame, type LiveRecording } from './app-probe';
import { computeLiveFigures, type VideoTruth } from './live-analysis';
import { formatLiveMarkdown, formatLiveTable, type LiveReport, type LoopResult, updateBenchmarksSection } from './live-report';
import { computeFaceAnchorsX, computeShiftPx, hasFaces, MARKER_BITS, MARKER_BLOCK_PX, writeLiveVideo } from './live-video';
import { addRound, mergeFigures, summarizeApp, summarizeBare, type LoopSamples } from './live-summary';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 24);
/** Each loop's SECONDS are split into this many rounds, app and bare taking turns. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const BACKEND = process.env.BENCH_BACKEND ?? 'wasm';
const FACE_COUNTS = (process.env.BENCH_FACES ?? '1,3').split(',').map(Number).filter((n): n is 1 | 3 => n === 1 || n === 3);
/** Frames before the measured stretch: wasm kernels compile and tensors settle in the first ones. */
const WARMUP_MS = 3_000;
/** The faces of the videos: person A largest (the one enrolled), then B, then A again. */
const PHOTOS = ['test/fixtures/camera-person-a.jpg', 'test/fixtures/camera-person-b.jpg'];
const BENCH_CONFIG = resolve(REPO_ROOT, 'scripts/bench/vite.bench.config.ts');
const RESULTS_FILE = resolve(REPO_ROOT, 'bench-results/live.json');
/**
 * BENCH_AB=1 also measures the app as it was before the live loop embedded the largest face only
 * (every face embedded, the probe rewrites the requests), in the same alternating rounds.
 */
const IS_AB = process.env.BENCH_AB === '1';
/** How the app is run: as shipped, or with its detect requests rewritten by the probe. */
const APP_VARIANTS = { 'as shipped': null, 'every face embedded': { embedFaces: 'all' } } as const;
type AppVariant = keyof typeof APP_VARIANTS;

function describeVideo(faces: 1 | 3): VideoTruth {
  return { hasFaces, shiftPx: computeShiftPx, anchorsX: computeFaceAnchorsX(faces) };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The app at `/?backend=...` in the browser's own (persistent) profile: models, camera, Person A
 * enrolled once (the first round), warm-up, then `seconds` of its own loop, recorded.
 */
async function measureApp(browser: Browser, origin: string, seconds: number, truth: VideoTruth, variant: AppVariant = 'as shipped'): Promise<LoopSamples<AppProbeFrame>> {
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(`window.__facegapProbeOverride = ${JSON.stringify(APP_VARIANTS[variant])};`);
    await page.evaluateOnNewDocument(APP_PROBE_SOURCE);
    await page.goto(new URL(`/?backend=${BACKEND}`, origin).href);
    const ready = await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(page);
    await waitForApp(page, 'the live loop', (s) => s.camera === 'on' && (s.fps ?? 0) > 0, VISION_READY_TIMEOUT_MS);
    // enrolOnce enrolled Person A in this profile before the measuring browser started.
    if (ready.people !== '1') throw new Error(`The bench profile should hold Person A, and holds ${ready.people ?? 'nobody'}.`);
    await sleep(WARMUP_MS);
    await page.evaluate(liveRecorderSource(MARKER_BITS, MARKER_BLOCK_PX));
    const from = await page.evaluate(() => performance.now());
    await sleep(seconds * 1000);
    const { frames, recording, to } = await page.evaluate(() => ({ frames: window.__facegapProbe?.frames ?? [], recording: window.__facegapLive!, to: performance.now() }));
    const readout = await readAppSnapshot(page);
    const measured = frames.filter((frame: AppProbeFrame) => frame.at >= from && frame.at <= to);
    if (measured.length === 0) throw new Error(`The app processed no frame in ${seconds} s: ${JSON.stringify(readout)}`);
    const figures = computeLiveFigures(recording.shown, recording.drawn, measured, truth);
    return { engine: ready.engine, elapsedMs: to - from, frames: measured, readoutFps: readout.fps, figures: [figures] };
  } finally {
    await page.close();
  }
}

/** bench/bare-loop.html: human alone in a worker, detect + mesh + embed on every frame for `seconds`. */
async function measureBare(browser: Browser, origin: string, seconds: number): Promise<LoopSamples<BareFrame>> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(new URL(`/bench/bare-loop.html?backend=${BACKEND}&seconds=${seconds}`, origin).href);
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

async function measureFaces(faces: 1 | 3, origin: string, profile: string, folder: string): Promise<LiveReport['scenarios'][number]> {
  const photos = PHOTOS.map((path) => readFileSync(resolve(REPO_ROOT, path)));
  const painter = await launchChromium();
  const video = await writeLiveVideo(painter, photos, faces, folder).finally(() => painter.close());
  await enrolOnce(origin, profile);
  const browser = await launchChromium({ fakeVideo: video, userDataDir: profile });
  try {
    const loadBefore = loadavg()[0];
    const truth = describeVideo(faces);
    let app: LoopSamples<AppProbeFrame> | null = null;
    let before: LoopSamples<AppProbeFrame> | null = null;
    let bare: LoopSamples<BareFrame> | null = null;
    // Alternating rounds, so a neighbour's load on this shared machine falls on both loops alike;
    // the order flips every round (app, bare, bare, app, ...), or a load that rises or falls over
    // the run would always favour the loop measured second.
    for (let index = 0; index < ROUNDS; index++) {
      const runs = [
        async () => { app = addRound(app, await measureApp(browser, origin, SECONDS / ROUNDS, truth)); },
        ...(IS_AB ? [async () => { before = addRound(before, await measureApp(browser, origin, SECONDS / ROUNDS, truth, 'every face embedded')); }] : []),
        async () => { bare = addRound(bare, await measureBare(browser, origin, SECONDS / ROUNDS)); },
      ];
      for (const run of index % 2 === 0 ? runs : runs.reverse()) await run();
    }
    const appLoop = summarizeApp(app!);
    const bareLoop = summarizeBare(bare!);
    const ratio = (loop: LoopResult) => (bareLoop.fps > 0 ? round(loop.fps / bareLoop.fps) : null);
    const variant = before as LoopSamples<AppProbeFrame> | null;
    const beforeLoop = variant ? { ...summarizeApp(variant), variant: 'every face embedded' } : null;
    return {
      faces,
      loadAverage1m: [round(loadBefore), round(loadavg()[0])],
      figures: mergeFigures((app as LoopSamples<AppProbeFrame> | null)?.figures ?? []),
      ratio: ratio(appLoop),
      loops: beforeLoop ? [appLoop, beforeLoop, bareLoop] : [appLoop, bareLoop],
      variants: variant && beforeLoop ? [{ name: 'every face embedded', figures: mergeFigures(variant.figures ?? []), ratio: ratio(beforeLoop) }] : [],
    };
  } finally {
    await browser.close();
  }
}

/**
 * Enrols Person A once in the bench's profile, from a camera that turns her head a little
 * (test/fixtures/camera-person-a-moves): enrolment takes only captures that differ, and the bench's
 * own video only slides the face sideways. Later pages of the same profile find her enrolled.
 */
async function enrolOnce(origin: string, profile: string): Promise<void> {
  const browser = await launchChromium({ fakeVideo: makeFakeVideo([resolve(REPO_ROOT, PHOTOS[0])], 30), userDataDir: profile });
  try {
    const page = await browser.newPage();
    await page.goto(new URL(`/?backend=${BACKEND}`, origin).href);
    const ready = await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    if (ready.people === '1') return;
    await startCameraIfNeeded(page);
    await waitForApp(page, 'a face to enrol', (s) => s.camera === 'on' && s.meterState !== null && s.meterState !== 'no-face', VISION_READY_TIMEOUT_MS);
    await enrol(page, 'Person A');
    await waitForApp(page, 'the enrolment', (s) => s.people === '1' && s.enrol === 'idle', ENROL_TIMEOUT_MS);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const server = await startPreviewServer({ configFile: BENCH_CONFIG });
  const folder = mkdtempSync(join(tmpdir(), 'facegap-live-bench-'));
  const profile = makeProfileDir();
  try {
    console.log(`live bench: ${SECONDS} s per loop and face count in ${ROUNDS} alternating rounds, backend ${BACKEND}, ${server.url}; load ${loadavg().map(round).join(' ')}`);
    const scenarios: LiveReport['scenarios'] = [];
    for (const faces of FACE_COUNTS) scenarios.push(await measureFaces(faces, server.url, profile, folder));
    const browser = await launchChromium();
    const version = await browser.version();
    await browser.close();
    const report: LiveReport = {
      date: new Date().toISOString(),
      command: 'npm run bench -- live',
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        gpu: 'none (SwiftShader WebGL; inference on wasm)',
        browser: version,
        node: process.version,
        loadAverage1m: [scenarios[0]?.loadAverage1m[0] ?? 0, round(loadavg()[0])],
      },
      settings: { seconds: SECONDS, rounds: ROUNDS, warmupMs: WARMUP_MS, backend: BACKEND,
        camera: 'Y4M loop of 6 s (scripts/bench/live-video.ts): 1 s grey, then the faces enter and move sideways 80 px on a 2 s period, 640x480 at 30 frames/s' },
      scenarios,
    };
    mkdirSync(resolve(RESULTS_FILE, '..'), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatLiveTable(report));
    updateBenchmarksSection(resolve(REPO_ROOT, 'BENCHMARKS.md'), 'live', formatLiveMarkdown(report));
    console.log(`wrote ${RESULTS_FILE} and the live section of BENCHMARKS.md`);
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
