/**
 * The live loop per model (`npm run bench -- live-models`): the app's production build on the
 * bench's fake camera (one face entering and moving, live-video.ts), Person A enrolled once with
 * every offered model (src/models/registry.ts), then for each model: picked in the model picker on
 * Live as a user picks it, matching, its own loop recorded; and the bare human loop (faceres, every
 * frame fresh) in the same run, the rounds alternating (models then bare, then the reverse) so a
 * neighbour's load falls on all alike. Prints and records per model answers/s, embeddings/s, ms per
 * embedding per face (the engine's timings and the picker's own figure), time to match and from
 * the pick to the first match; writes bench-results/live-models.json and the "live-models" section
 * of BENCHMARKS.md, with the machine's load.
 * BENCH_SECONDS (24 per loop), BENCH_ROUNDS (2), BENCH_BACKEND (wasm), BENCH_MODELS (all, `a,b`).
 */
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchChromium, makeProfileDir } from '../../test/e2e/helpers/chromium';
import { REPO_ROOT, startPreviewServer } from '../../test/e2e/helpers/preview-server';
import type { BareFrame } from '../../bench/bare-loop';
import { MODELS } from '../../src/models/registry';
import type { VideoTruth } from './live-analysis';
import { formatLiveModelsMarkdown, formatLiveModelsTable, summarizeModel, type LiveModelsReport, type ModelSamples } from './live-models-report';
import { measureGrabToMatch } from './grab-to-match';
import { ENROLLED_PHOTO, enrolOnce, measureApp, measureBare, pickModel } from './live-pages';
import { saveBenchReport } from './live-report';
import { addRound, summarizeBare, type LoopSamples } from './live-summary';
import { summarizeSamples } from './stats';
import { computeFaceAnchorsX, computeShiftPx, hasFaces, writeLiveVideo } from './live-video';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 24);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const BACKEND = process.env.BENCH_BACKEND ?? 'wasm';
const WANTED = process.env.BENCH_MODELS?.split(',');
const BENCH_MODELS = MODELS.filter((model) => !WANTED || WANTED.includes(model.id));
/** Frames before the measured stretch: wasm kernels compile and tensors settle in the first ones. */
const WARMUP_MS = 3_000;
/** Longest wait from the pick to the first match: the model loads, the face leaves and comes back. */
const PICK_TO_MATCH_TIMEOUT_MS = 90_000;
const BENCH_CONFIG = resolve(REPO_ROOT, 'scripts/bench/vite.bench.config.ts');
const RESULTS_FILE = resolve(REPO_ROOT, 'bench-results/live-models.json');
const TRUTH: VideoTruth = { hasFaces, shiftPx: computeShiftPx, anchorsX: computeFaceAnchorsX(1) };

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Picks the model and waits for the meter to show Person A matched: the page clock from the click
 * to that, or null when no match came in time. A string for the page: tsx would wrap a function's
 * inner helpers in a `__name` the page lacks.
 */
async function pickAndMatch(page: Page, modelId: string, otherModelId: string): Promise<number | null> {
  const clickedAt = await pickModel(page, modelId, otherModelId);
  try {
    const matched = await page.waitForFunction(`(() => {
      const meter = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-match-meter');
      return meter && meter.dataset.state === 'matched' ? performance.now() : false;
    })()`, { polling: 'raf', timeout: PICK_TO_MATCH_TIMEOUT_MS });
    return ((await matched.jsonValue()) as number) - clickedAt;
  } catch {
    return null;
  }
}

/** The model picker's "ms per face here" for `modelId` (src/app/embed-times.ts), or null before any. */
function readPickerMsPerFace(page: Page, modelId: string): Promise<number | null> {
  return page.evaluate((id) => {
    const picker = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-model-picker') as (Element & { msPerFace?: Record<string, number> }) | null | undefined;
    return picker?.msPerFace?.[id] ?? null;
  }, modelId);
}

async function main(): Promise<void> {
  if (BENCH_MODELS.length === 0) throw new Error(`BENCH_MODELS names no offered model (offered: ${MODELS.map((m) => m.id).join(', ')}).`);
  const server = await startPreviewServer({ configFile: BENCH_CONFIG });
  const folder = mkdtempSync(join(tmpdir(), 'facegap-live-models-'));
  const profile = makeProfileDir();
  try {
    console.log(`live-models bench: ${BENCH_MODELS.map((m) => m.id).join(', ')} and the bare loop, ${SECONDS} s each in ${ROUNDS} alternating rounds, backend ${BACKEND}, ${server.url}; load ${loadavg().map(round).join(' ')}`);
    const photos = [ENROLLED_PHOTO, 'test/fixtures/camera-person-b.jpg'].map((path) => readFileSync(resolve(REPO_ROOT, path)));
    const painter = await launchChromium();
    const video = await writeLiveVideo(painter, photos, 1, folder).finally(() => painter.close());
    const enrolStarted = Date.now();
    await enrolOnce(server.url, profile, BACKEND, BENCH_MODELS.map((model) => model.id));
    console.log(`enrolled Person A with ${BENCH_MODELS.length} model(s) in ${((Date.now() - enrolStarted) / 1000).toFixed(0)} s`);

    const browser = await launchChromium({ fakeVideo: video, userDataDir: profile });
    const loadBefore = round(loadavg()[0]);
    const models: ModelSamples[] = BENCH_MODELS.map((model) => ({ modelId: model.id, label: model.label, samples: null, pickerMsPerFace: [], pickToMatchMs: [], grabToMatchMs: [] }));
    let bare: LoopSamples<BareFrame> | null = null;
    try {
      for (let index = 0; index < ROUNDS; index++) {
        const runs = [
          ...models.map((model, m) => async () => {
            const other = (BENCH_MODELS.length > 1 ? BENCH_MODELS[(m + 1) % BENCH_MODELS.length] : MODELS.find((candidate) => candidate.id !== model.modelId)!).id;
            const samples = await measureApp(browser, server.url, {
              backend: BACKEND, seconds: SECONDS / ROUNDS, warmupMs: WARMUP_MS, truth: TRUTH, people: BENCH_MODELS.length,
              prepare: async (page) => { model.pickToMatchMs.push(await pickAndMatch(page, model.modelId, other)); },
              read: async (page, { frames, recording }) => {
                const ms = await readPickerMsPerFace(page, model.modelId);
                if (ms !== null) model.pickerMsPerFace.push(ms);
                model.grabToMatchMs.push(...measureGrabToMatch(frames, recording.drawn));
              },
            });
            model.samples = addRound(model.samples, samples);
            console.log(`  round ${index + 1}: ${model.modelId} ${samples.frames.length} answers, pick to match ${model.pickToMatchMs.at(-1)?.toFixed(0) ?? 'none'} ms, load ${round(loadavg()[0])}`);
          }),
          async () => {
            bare = addRound(bare, await measureBare(browser, server.url, BACKEND, SECONDS / ROUNDS));
            console.log(`  round ${index + 1}: bare loop, load ${round(loadavg()[0])}`);
          },
        ];
        for (const run of index % 2 === 0 ? runs : runs.reverse()) await run();
      }
    } finally {
      await browser.close();
    }
    const bareSamples = bare as LoopSamples<BareFrame> | null;
    if (!bareSamples) throw new Error('The bare loop measured no round.');
    const bareLoop = summarizeBare(bareSamples);
    const version = await launchChromium().then(async (b) => { try { return await b.version(); } finally { await b.close(); } });
    const report: LiveModelsReport = {
      date: new Date().toISOString(),
      command: 'npm run bench -- live-models',
      machine: {
        cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30),
        gpu: 'none (SwiftShader WebGL; inference on wasm)', browser: version, node: process.version,
        loadAverage1m: [loadBefore, round(loadavg()[0])],
      },
      settings: { seconds: SECONDS, rounds: ROUNDS, warmupMs: WARMUP_MS, backend: BACKEND,
        camera: 'Y4M loop of 6 s (scripts/bench/live-video.ts): 1 s grey, then the face enters and moves sideways 80 px on a 2 s period, 640x480 at 30 frames/s' },
      models: models.map((model) => summarizeModel(model, bareLoop.fps)),
      bare: bareLoop,
      bareEmbeddingsPerSecond: round((bareSamples.frames.filter((frame) => frame.faces > 0).length * 1000) / bareSamples.elapsedMs),
      bareEmbedMsPerFace: summarizeSamples(bareSamples.frames.filter((frame) => frame.faces > 0).map((frame) => frame.embed / frame.faces)),
    };
    console.log(formatLiveModelsTable(report));
    saveBenchReport(RESULTS_FILE, report, 'live-models', formatLiveModelsMarkdown(report));
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
