/**
 * The live-loop bench: the app's own loop and a bare human loop, one after the other on the same
 * fake camera, same build, same browser. Prints a table, writes bench-results/live.json and the
 * "Live loop" section of BENCHMARKS.md. Run through `npm run bench` (which builds first), or
 * `tsx scripts/bench/live.ts` on a fresh .cache/bench-dist. BENCH_SECONDS (20), BENCH_ROUNDS (2)
 * and BENCH_BACKEND (wasm) change the run.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { readAppSnapshot, startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from '../../test/e2e/helpers/app';
import { launchChromium } from '../../test/e2e/helpers/chromium';
import { makeFakeVideo } from '../../test/e2e/helpers/fake-video';
import { REPO_ROOT, startPreviewServer } from '../../test/e2e/helpers/preview-server';
import type { BareFrame, BareLoopReport } from '../../bench/bare-loop';
import { APP_PROBE_SOURCE, type AppProbeFrame } from './app-probe';
import { formatLiveMarkdown, formatLiveTable, type LiveReport, type LoopResult, updateBenchmarksSection } from './live-report';
import { computeFps, summarizeSamples } from './stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Each loop's SECONDS are split into this many rounds, app and bare taking turns. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const BACKEND = process.env.BENCH_BACKEND ?? 'wasm';
/** Frames before the measured stretch: wasm kernels compile and tensors settle in the first ones. */
const WARMUP_MS = 3_000;
const CAMERA_FIXTURE = 'test/fixtures/camera-person-a.jpg';
const CAMERA_FRAMES = 30;
const BENCH_CONFIG = resolve(REPO_ROOT, 'scripts/bench/vite.bench.config.ts');
const RESULTS_FILE = resolve(REPO_ROOT, 'bench-results/live.json');

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const round = (value: number) => Math.round(value * 100) / 100;

/** Raw samples of one loop over one or more rounds. */
interface LoopSamples<F> {
  engine: LoopResult['engine'];
  elapsedMs: number;
  frames: F[];
  readoutFps: number | null;
}

/** The app at `/?backend=...`: models, camera, warm-up, then `seconds` of its own loop. */
async function measureApp(browser: Browser, origin: string, seconds: number): Promise<LoopSamples<AppProbeFrame>> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.evaluateOnNewDocument(APP_PROBE_SOURCE);
    await page.goto(new URL(`/?backend=${BACKEND}`, origin).href);
    const ready = await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(page);
    await waitForApp(page, 'the live loop', (s) => s.camera === 'on' && (s.fps ?? 0) > 0, VISION_READY_TIMEOUT_MS);
    await sleep(WARMUP_MS);
    const from = await page.evaluate(() => performance.now());
    await sleep(seconds * 1000);
    const { frames, to } = await page.evaluate(() => ({ frames: window.__facegapProbe?.frames ?? [], to: performance.now() }));
    const readout = await readAppSnapshot(page);
    const measured = frames.filter((frame: AppProbeFrame) => frame.at >= from && frame.at <= to);
    if (measured.length === 0) throw new Error(`The app processed no frame in ${seconds} s: ${JSON.stringify(readout)}`);
    return { engine: ready.engine, elapsedMs: to - from, frames: measured, readoutFps: readout.fps };
  } finally {
    await context.close();
  }
}

/** bench/bare-loop.html: human alone in a worker, detect + embed on every frame for `seconds`. */
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

/** Appends one round's samples to the ones so far. */
function addRound<F>(total: LoopSamples<F> | null, round: LoopSamples<F>): LoopSamples<F> {
  if (!total) return round;
  return { engine: round.engine, elapsedMs: total.elapsedMs + round.elapsedMs, frames: [...total.frames, ...round.frames], readoutFps: round.readoutFps };
}

function summarizeApp({ engine, elapsedMs, frames, readoutFps }: LoopSamples<AppProbeFrame>): LoopResult {
  const embedded = frames.filter((frame) => frame.isEmbedded);
  const intervals = frames.slice(1).map((frame, index) => frame.at - frames[index].at).filter((gap) => gap > 0 && gap < elapsedMs);
  return {
    loop: 'app',
    engine,
    elapsedMs,
    frames: frames.length,
    fps: computeFps(frames.length, elapsedMs),
    appReadoutFps: readoutFps,
    facesPerFrame: summarizeSamples(frames.map((frame) => frame.faces))?.mean ?? 0,
    embeddedFrames: embedded.length,
    stages: {
      detect: summarizeSamples(frames.map((frame) => frame.detect)),
      embed: summarizeSamples(embedded.map((frame) => frame.embed)),
      workerTotal: summarizeSamples(frames.map((frame) => frame.total)),
      workerTotalEmbedded: summarizeSamples(embedded.map((frame) => frame.total)),
      roundTrip: summarizeSamples(frames.map((frame) => frame.roundTrip)),
      interval: summarizeSamples(intervals),
    },
  };
}

function summarizeBare({ engine, elapsedMs, frames }: LoopSamples<BareFrame>): LoopResult {
  return {
    loop: 'bare',
    engine,
    elapsedMs,
    frames: frames.length,
    fps: computeFps(frames.length, elapsedMs),
    appReadoutFps: null,
    facesPerFrame: summarizeSamples(frames.map((frame) => frame.faces))?.mean ?? 0,
    embeddedFrames: frames.length,
    stages: {
      // human's face stage includes the embedding; the app's engine reports them apart the same way.
      detect: summarizeSamples(frames.map((frame) => frame.total - frame.embed)),
      embed: summarizeSamples(frames.map((frame) => frame.embed)),
      workerTotal: summarizeSamples(frames.map((frame) => frame.total)),
      workerTotalEmbedded: summarizeSamples(frames.map((frame) => frame.total)),
      roundTrip: summarizeSamples(frames.map((frame) => frame.roundTrip)),
      // The bare loop grabs the next frame as soon as the answer arrives.
      interval: summarizeSamples(frames.map((frame) => frame.roundTrip)),
    },
  };
}

async function main(): Promise<void> {
  const camera = makeFakeVideo([resolve(REPO_ROOT, CAMERA_FIXTURE)], CAMERA_FRAMES);
  const [server, browser] = await Promise.all([startPreviewServer({ configFile: BENCH_CONFIG }), launchChromium({ fakeVideo: camera })]);
  try {
    console.log(`live bench: ${SECONDS} s per loop in ${ROUNDS} alternating rounds, backend ${BACKEND}, ${server.url}`);
    const loadBefore = loadavg()[0];
    let app: LoopSamples<AppProbeFrame> | null = null;
    let bare: LoopSamples<BareFrame> | null = null;
    // Alternating rounds, so a neighbour's load on this shared machine falls on both loops alike;
    // the order flips every round (app, bare, bare, app, ...), or a load that rises or falls over
    // the run would always favour the loop measured second.
    for (let round = 0; round < ROUNDS; round++) {
      const runApp = async () => { app = addRound(app, await measureApp(browser, server.url, SECONDS / ROUNDS)); };
      const runBare = async () => { bare = addRound(bare, await measureBare(browser, server.url, SECONDS / ROUNDS)); };
      for (const run of round % 2 === 0 ? [runApp, runBare] : [runBare, runApp]) await run();
    }
    const report: LiveReport = {
      date: new Date().toISOString(),
      command: 'npm run bench',
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        gpu: 'none (SwiftShader WebGL; inference on wasm)',
        browser: await browser.version(),
        node: process.version,
        loadAverage1m: [round(loadBefore), round(loadavg()[0])],
      },
      settings: { seconds: SECONDS, rounds: ROUNDS, warmupMs: WARMUP_MS, backend: BACKEND, camera: `${CAMERA_FIXTURE}, 640x480 MJPEG loop` },
      loops: [summarizeApp(app!), summarizeBare(bare!)],
    };
    mkdirSync(resolve(RESULTS_FILE, '..'), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatLiveTable(report));
    updateBenchmarksSection(resolve(REPO_ROOT, 'BENCHMARKS.md'), 'live', formatLiveMarkdown(report));
    console.log(`wrote ${RESULTS_FILE} and the live section of BENCHMARKS.md`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
