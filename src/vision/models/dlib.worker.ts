/// <reference lib="webworker" />
/**
 * The dlib ResNet-34 face descriptor, run by face-api's own tfjs in this worker, which is started
 * only when the dlib model is chosen. It embeds face crops that human found, so detection and
 * alignment are the same for every model. Model and wasm come from the app's origin.
 */
// First: refuses off-origin requests before any other module of this worker runs (no CSP on a header-less host).
import '../../privacy/install-origin-guard';
import * as faceapi from '@vladmandic/face-api';
import { collectResourceEntries } from '../../privacy/resource-entries';
import type { DlibRequest, DlibResponse } from './dlib-protocol';
import { describeError } from '../../shared/errors';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const WORKER_CONTEXT = 'dlib worker';
/** dlib's descriptor is trained on 0..255 pixel values; human's crops are 0..1. */
const PIXEL_SCALE = 255;
let queue: Promise<void> = Promise.resolve();

/** The parts of face-api's bundled tfjs used here; its typings declare only a subset of them. */
interface BundledTfjs {
  setWasmPaths(prefix: string, usePlatformFetch?: boolean): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  tensor3d(values: Float32Array, shape: [number, number, number]): faceapi.tf.Tensor3D;
  mul(a: faceapi.tf.Tensor, b: number): faceapi.tf.Tensor3D;
  tidy<T>(fn: () => T): T;
}
const tf = faceapi.tf as unknown as BundledTfjs;

// face-api recognises only a window or node; a worker needs its environment set by hand. It gets
// tensors (never images), so only `fetch` is used, and it is the page origin's own fetch.
faceapi.env.setEnv({
  Canvas: OffscreenCanvas,
  CanvasRenderingContext2D: OffscreenCanvasRenderingContext2D,
  ImageData,
  // Never instances here: stand-ins so face-api's instanceof checks on its input have a class.
  Image: class NoImage {},
  Video: class NoVideo {},
  createCanvasElement: () => new OffscreenCanvas(1, 1),
  fetch: (url: string, init?: RequestInit) => fetch(url, init),
} as unknown as Parameters<typeof faceapi.env.setEnv>[0]);

scope.addEventListener('message', (event: MessageEvent<DlibRequest>) => {
  const request = event.data;
  if (request.type === 'audit') {
    reply({ id: request.id, type: 'audited', requests: collectResourceEntries(WORKER_CONTEXT) });
    return;
  }
  queue = queue.then(() => handle(request));
});

async function handle(request: Exclude<DlibRequest, { type: 'audit' }>): Promise<void> {
  try {
    if (request.type === 'load') {
      const started = performance.now();
      // Same binaries as human's (both bundle tfjs 4.22.0), from the app's origin.
      tf.setWasmPaths(request.wasmPath, false);
      // wasm first (what the vision worker prefers on this kind of machine), cpu if it cannot start.
      const backend = (await tf.setBackend('wasm').catch(() => false)) ? 'wasm' : 'cpu';
      if (backend === 'cpu') await tf.setBackend('cpu');
      await tf.ready();
      await faceapi.nets.faceRecognitionNet.loadFromUri(request.modelUrl);
      reply({ id: request.id, type: 'loaded', backend: tf.getBackend(), loadMs: Math.round(performance.now() - started) });
      return;
    }
    const { width, height, rgb } = request.crop;
    const input = tf.tidy(() => tf.mul(tf.tensor3d(rgb, [height, width, 3]), PIXEL_SCALE));
    try {
      const descriptor = (await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(input)) as Float32Array;
      reply({ id: request.id, type: 'embedded', descriptor: Float32Array.from(descriptor) });
    } finally {
      input.dispose();
    }
  } catch (error) {
    reply({ id: request.id, type: 'failed', message: describeError(error) });
  }
}

function reply(response: DlibResponse): void {
  scope.postMessage(response, response.type === 'embedded' ? [response.descriptor.buffer as ArrayBuffer] : []);
}
