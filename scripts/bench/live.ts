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
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { launchChromium, makeProfileDir } from '../../test/e2e/helpers/chromium';
import { REPO_ROOT, startPreviewServer } from '../../test/e2e/helpers/preview-server';
import type { BareFrame } from '../../bench/bare-loop';
import type { AppProbeFrame } from './app-probe';
import type { VideoTruth } from './live-analysis';
import { ENROLLED_PHOTO, enrolOnce, measureApp as measureAppRound, measureBare as measureBareRound } from './live-pages';
import { formatLiveMarkdown, formatLiveTable, type LiveReport, type LoopResult, saveBenchReport } from './live-report';
import { computeFaceAnchorsX, computeShiftPx, hasFaces, writeLiveVideo } from './live-video';
import { addRound, mergeFigures, summarizeApp, summarizeBare, type LoopSamples } from './live-summary';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 24);
/** Each loop's SECONDS are split into this many rounds, app and bare taking turns. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const BACKEND = process.env.BENCH_BACKEND ?? 'wasm';
const FACE_COUNTS = (process.env.BENCH_FACES ?? '1,3').split(',').map(Number).filter((n): n is 1 | 3 => n === 1 || n === 3);
/** Frames before the measured stretch: wasm kernels compile and tensors settle in the first ones. */
const WARMUP_MS = 3_000;
/** The faces of the videos: person A largest (the one enrolled), then B, then A again. */
const PHOTOS = [ENROLLED_PHOTO, 'test/fixtures/camera-person-b.jpg'];
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

const round = (value: number) => Math.round(value * 100) / 100;

function measureApp(browser: Browser, origin: string, seconds: number, truth: VideoTruth, variant: AppVariant = 'as shipped'): Promise<LoopSamples<AppProbeFrame>> {
  return measureAppRound(browser, origin, { backend: BACKEND, seconds, warmupMs: WARMUP_MS, truth, people: 1, override: APP_VARIANTS[variant] });
}

function measureBare(browser: Browser, origin: string, seconds: number): Promise<LoopSamples<BareFrame>> {
  return measureBareRound(browser, origin, BACKEND, seconds);
}

async function measureFaces(faces: 1 | 3, origin: string, profile: string, folder: string): Promise<LiveReport['scenarios'][number]> {
  const photos = PHOTOS.map((path) => readFileSync(resolve(REPO_ROOT, path)));
  const painter = await launchChromium();
  const video = await writeLiveVideo(painter, photos, faces, folder).finally(() => painter.close());
  await enrolOnce(origin, profile, BACKEND);
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
    console.log(formatLiveTable(report));
    saveBenchReport(RESULTS_FILE, report, 'live', formatLiveMarkdown(report));
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
