import { Human } from '@vladmandic/human';
import { chooseBackend, parseBackendRequest, readWebglRenderer } from '../src/vision/backend';
import { MODEL_BASE_PATH, WASM_PATH } from '../src/vision/client';
import { buildHumanConfig } from '../src/vision/config';

/**
 * The floor the app's live loop is measured against: human alone, same configuration, same
 * camera, detect + mesh + embedding on every frame, as fast as it goes. Reports per-frame
 * timings on `window.__bareLoop` and in `#result`; scripts/bench/live.ts reads them.
 */

/** One processed frame, in milliseconds. */
export interface BareFrame {
  /** Wall time of `human.detect` as the page sees it. */
  total: number;
  /** human's own stages: the whole face pipeline, and the faceres embedding within it. */
  face: number;
  embed: number;
  faces: number;
}

/** What the page publishes when it is done (or failed). */
export interface BareLoopReport {
  state: 'running' | 'done' | 'failed';
  error?: string;
  backend?: string;
  wasmSimd?: boolean;
  wasmMultithread?: boolean;
  crossOriginIsolated?: boolean;
  hardwareConcurrency?: number;
  humanVersion?: string;
  loadMs?: number;
  /** Measured window: wall time and frames within it. */
  elapsedMs?: number;
  frames?: BareFrame[];
}

declare global {
  interface Window {
    __bareLoop?: BareLoopReport;
  }
}

const DEFAULT_SECONDS = 20;
/** Frames run before measuring: the first calls compile wasm kernels and allocate tensors. */
const WARMUP_FRAMES = 3;

const params = new URLSearchParams(location.search);
const seconds = Number(params.get('seconds') ?? DEFAULT_SECONDS);
const output = document.querySelector<HTMLPreElement>('#result')!;
const video = document.querySelector<HTMLVideoElement>('#camera')!;

function publish(report: BareLoopReport): void {
  window.__bareLoop = report;
  output.dataset.state = report.state;
  const { frames, ...summary } = report;
  output.textContent = JSON.stringify({ ...summary, frameCount: frames?.length ?? 0 }, null, 2);
}

async function run(): Promise<void> {
  publish({ state: 'running' });
  const started = performance.now();
  const { backend } = chooseBackend(parseBackendRequest(params.get('backend')), readWebglRenderer());
  const human = new Human(buildHumanConfig(backend, MODEL_BASE_PATH, WASM_PATH));
  await human.init();
  await human.load();
  if (human.tf.getBackend() !== backend) throw new Error(`Asked for ${backend}, ${human.tf.getBackend()} started.`);
  const loadMs = performance.now() - started;

  video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  await video.play();
  for (let index = 0; index < WARMUP_FRAMES; index++) await human.detect(video);

  const frames: BareFrame[] = [];
  const windowStart = performance.now();
  while (performance.now() - windowStart < seconds * 1000) {
    const frameStart = performance.now();
    const result = await human.detect(video);
    if (result.error) throw new Error(result.error);
    frames.push({
      total: performance.now() - frameStart,
      face: Number(human.performance.face ?? 0),
      embed: Number(human.performance.description ?? 0),
      faces: result.face.length,
    });
  }
  const elapsedMs = performance.now() - windowStart;
  (video.srcObject as MediaStream).getTracks().forEach((track) => track.stop());
  publish({
    state: 'done',
    backend,
    wasmSimd: backend === 'wasm' && Boolean(human.env.wasm.simd),
    wasmMultithread: backend === 'wasm' && Boolean(human.env.wasm.multithread),
    crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
    humanVersion: human.version,
    loadMs,
    elapsedMs,
    frames,
  });
}

run().catch((error: unknown) => publish({ state: 'failed', error: error instanceof Error ? error.message : String(error) }));
