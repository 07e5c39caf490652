/// <reference lib="webworker" />
import { Human } from '@vladmandic/human';
import { chooseBackend, readWebglRenderer } from '../src/vision/backend';
import { buildHumanConfig } from '../src/vision/config';
import type { BackendRequest } from '../src/vision/types';

/** Messages from bare-loop.ts. */
export type BareRequest =
  | { type: 'load'; backend: BackendRequest; modelBasePath: string; wasmPath: string }
  | { type: 'detect'; frame: ImageBitmap };

/** Answers to bare-loop.ts; times in milliseconds. */
export type BareResponse =
  | { type: 'loaded'; backend: string; wasmSimd: boolean; wasmMultithread: boolean; crossOriginIsolated: boolean; humanVersion: string; loadMs: number }
  | { type: 'detected'; total: number; face: number; embed: number; faces: number }
  | { type: 'failed'; message: string };

/**
 * human alone in a module worker, as the app runs it, with the app's configuration: no
 * observation mapping, no cancellation, no matching. A worker, not the page, because the app's
 * CSP (script-src without blob:) stops tfjs's wasm threads from starting on the main thread.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let human: Human | null = null;

scope.addEventListener('message', (event: MessageEvent<BareRequest>) => {
  void handle(event.data).then(
    (response) => scope.postMessage(response),
    (error: unknown) => scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies BareResponse),
  );
});

async function handle(request: BareRequest): Promise<BareResponse> {
  if (request.type === 'load') {
    const started = performance.now();
    const { backend } = chooseBackend(request.backend, readWebglRenderer());
    human = new Human(buildHumanConfig(backend, request.modelBasePath, request.wasmPath));
    await human.init();
    await human.load();
    if (human.tf.getBackend() !== backend) throw new Error(`Asked for ${backend}, ${human.tf.getBackend()} started.`);
    return {
      type: 'loaded',
      backend,
      wasmSimd: backend === 'wasm' && Boolean(human.env.wasm.simd),
      wasmMultithread: backend === 'wasm' && Boolean(human.env.wasm.multithread),
      crossOriginIsolated: Boolean(globalThis.crossOriginIsolated),
      humanVersion: human.version,
      loadMs: performance.now() - started,
    };
  }
  if (!human) throw new Error('detect before load');
  const started = performance.now();
  try {
    const result = await human.detect(request.frame);
    if (result.error) throw new Error(result.error);
    return {
      type: 'detected',
      total: performance.now() - started,
      face: Number(human.performance.face ?? 0),
      embed: Number(human.performance.description ?? 0),
      faces: result.face.length,
    };
  } finally {
    request.frame.close();
  }
}
