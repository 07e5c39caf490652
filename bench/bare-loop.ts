import { parseBackendRequest } from '../src/vision/backend';
import type { BareRequest, BareResponse } from './bare-loop.worker';

/**
 * The floor the app's live loop is measured against: human alone in a worker, same
 * configuration, same camera, detect + mesh + embedding on every frame, as fast as it goes.
 * The page only grabs frames. Reports per-frame timings on `window.__bareLoop` and in `#result`;
 * scripts/bench/live.ts reads them. `?seconds=20&backend=wasm`; `&video=hidden` takes the video
 * out of the page, `&video=app` shows it as the app does (mirrored, scaled, a box over it), for
 * the A/B runs of scripts/bench/live-ab.ts.
 */

/** One processed frame, in milliseconds. */
export interface BareFrame {
  /** From grabbing the frame to the worker's answer, as the page sees it. */
  roundTrip: number;
  /** Wall time of `human.detect` in the worker. */
  total: number;
  /** human's own stages: the whole face pipeline, and the faceres embedding within it. */
  face: number;
  embed: number;
  faces: number;
  /** performance.now() when the answer arrived. */
  endedAt?: number;
}

/** What the page publishes when it is done (or failed). */
export interface BareLoopReport {
  state: 'running' | 'done' | 'failed';
  error?: string;
  engine?: Omit<Extract<BareResponse, { type: 'loaded' }>, 'type'>;
  hardwareConcurrency?: number;
  /** The measured stretch: its wall time and the frames within it. */
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
showVideo(video, params.get('video'));
const worker = new Worker(new URL('./bare-loop.worker.ts', import.meta.url), { type: 'module', name: 'facegap-bare-loop' });

/** How the video is on the page: as is (default), hidden, or like fg-camera-view. */
function showVideo(element: HTMLVideoElement, how: string | null): void {
  if (how === 'hidden') element.hidden = true;
  if (how !== 'app') return;
  // Styles set through the CSSOM: the app's CSP forbids inline style attributes, not this.
  Object.assign(element.style, { width: '800px', height: '600px', objectFit: 'contain', transform: 'scaleX(-1)', background: '#1d2228' });
  const overlay = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  overlay.setAttribute('viewBox', '0 0 640 480');
  overlay.setAttribute('width', '800');
  overlay.setAttribute('height', '600');
  Object.assign(overlay.style, { position: 'absolute', left: '8px', transform: 'scaleX(-1)' });
  overlay.innerHTML = '<rect x="200" y="120" width="220" height="260" rx="8" fill="none" stroke="green" stroke-width="3"></rect>';
  element.after(overlay);
}

function publish(report: BareLoopReport): void {
  window.__bareLoop = report;
  output.dataset.state = report.state;
  const { frames, ...summary } = report;
  output.textContent = JSON.stringify({ ...summary, frameCount: frames?.length ?? 0 }, null, 2);
}

function ask(request: BareRequest, transfer: Transferable[] = []): Promise<BareResponse> {
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<BareResponse>) => {
      if (event.data.type === 'failed') reject(new Error(event.data.message));
      else resolve(event.data);
    }, { once: true });
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'the bench worker did not start')), { once: true });
    worker.postMessage(request, transfer);
  });
}

async function detectOnce(): Promise<BareFrame> {
  const started = performance.now();
  const frame = await createImageBitmap(video);
  const answer = await ask({ type: 'detect', frame }, [frame]);
  if (answer.type !== 'detected') throw new Error(`unexpected answer ${answer.type}`);
  const endedAt = performance.now();
  return { endedAt, roundTrip: endedAt - started, total: answer.total, face: answer.face, embed: answer.embed, faces: answer.faces };
}

async function run(): Promise<void> {
  publish({ state: 'running' });
  const loaded = await ask({
    type: 'load',
    backend: parseBackendRequest(params.get('backend')),
    modelBasePath: new URL('/models/', location.href).href,
    wasmPath: new URL('/models/wasm/', location.href).href,
  });
  if (loaded.type !== 'loaded') throw new Error(`unexpected answer ${loaded.type}`);
  const { type: _, ...engine } = loaded;

  video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  await video.play();
  for (let index = 0; index < WARMUP_FRAMES; index++) await detectOnce();

  const frames: BareFrame[] = [];
  const windowStart = performance.now();
  while (performance.now() - windowStart < seconds * 1000) frames.push(await detectOnce());
  const elapsedMs = performance.now() - windowStart;
  (video.srcObject as MediaStream).getTracks().forEach((track) => track.stop());
  worker.terminate();
  publish({ state: 'done', engine, hardwareConcurrency: navigator.hardwareConcurrency, elapsedMs, frames });
}

run().catch((error: unknown) => publish({ state: 'failed', error: error instanceof Error ? error.message : String(error) }));
