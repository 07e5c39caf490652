/**
 * Bench page: the app's own vision worker (client, config, engine) on each backend asked for,
 * detecting and embedding the same photos, backends taking turns every round. For each photo it
 * keeps the largest face's embedding per backend, so scripts/bench/webgpu.ts can compare them.
 * Exposes `window.facegapBenchBackends`.
 */
import { MODEL_BASE_PATH, WASM_PATH, WorkerVisionClient } from '../src/vision/client';
import type { BackendRequest } from '../src/vision/types';

/** One backend's run: load time, per-photo detect+embed times, each photo's largest-face embedding. */
export interface BackendBenchResult {
  backend: BackendRequest;
  /** Null when the backend did not start; then `error` says why. */
  loadMs: number | null;
  error?: string;
  totalMs: number[];
  embedMs: number[];
  embeddings: (number[] | null)[];
}

async function benchBackends(backends: BackendRequest[], photoUrls: string[], rounds: number): Promise<BackendBenchResult[]> {
  const photos = await Promise.all(photoUrls.map(async (url) => (await fetch(url)).blob()));
  const runs: { client: WorkerVisionClient; result: BackendBenchResult }[] = [];
  const results: BackendBenchResult[] = [];
  for (const backend of backends) {
    const client = new WorkerVisionClient();
    const result: BackendBenchResult = { backend, loadMs: null, totalMs: [], embedMs: [], embeddings: [] };
    results.push(result);
    const started = performance.now();
    try {
      await client.load({ backend, modelBasePath: MODEL_BASE_PATH, wasmPath: WASM_PATH });
      await client.whenRecogniserReady();
      result.loadMs = performance.now() - started;
      console.log(`${backend}: loaded in ${result.loadMs.toFixed(0)} ms`);
      // The first call compiles kernels (wasm) or shaders (WebGPU): not measured.
      await client.detect(await createImageBitmap(photos[0]), { embed: true });
      console.log(`${backend}: first photo (compiling) after ${(performance.now() - started).toFixed(0)} ms`);
      runs.push({ client, result });
    } catch (error) {
      result.error = error instanceof Error ? error.message : String(error);
      client.dispose();
    }
  }
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? runs : [...runs].reverse();
    for (const { client, result } of order) {
      for (const [index, photo] of photos.entries()) {
        const observation = await client.detect(await createImageBitmap(photo), { embed: true });
        result.totalMs.push(observation.timings.total);
        result.embedMs.push(observation.timings.embed);
        if (round === 0) result.embeddings[index] = observation.faces[0]?.embedding ? [...observation.faces[0].embedding] : null;
        console.log(`${result.backend}: round ${round + 1}, photo ${index + 1}: ${observation.timings.total.toFixed(0)} ms, ${observation.faces.length} faces`);
      }
    }
  }
  for (const { client } of runs) client.dispose();
  return results;
}

const scope = window as unknown as { facegapBenchBackends: typeof benchBackends };
scope.facegapBenchBackends = benchBackends;
document.querySelector('#result')!.setAttribute('data-state', 'ready');
