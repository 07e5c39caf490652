/**
 * Main-thread bridge to src/metrics/all-pairs.worker.ts: one worker per call, shut down when the
 * call settles, so no idle worker holds memory. Every call takes an AbortSignal (Squoosh style).
 */
import type { AllPairsResult } from './all-pairs';
import type { AllPairsResponse, StartMessage } from './all-pairs-protocol';

/** Options of {@link scoreAllPairsInWorker}. */
export interface WorkerScoreOptions {
  /** Aborting terminates the worker at once and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Pairs done and pairs in total, at most every 100 ms. */
  readonly onProgress?: (donePairs: number, totalPairs: number) => void;
}

/**
 * Scores every pair i < j of the packed N x dim embeddings in a module worker. The embeddings
 * are copied before transfer, so the caller's array stays usable. Always settles: result, error,
 * or abort (the worker is terminated in every case).
 */
export function scoreAllPairsInWorker(embeddings: Float32Array, dim: number, options: WorkerScoreOptions = {}): Promise<AllPairsResult> {
  const { signal, onProgress } = options;
  return new Promise<AllPairsResult>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const worker = new Worker(new URL('./all-pairs.worker.ts', import.meta.url), { type: 'module' });
    const finish = (): void => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = (): void => {
      worker.postMessage({ type: 'cancel' });
      finish();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<AllPairsResponse>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress?.(message.donePairs, message.totalPairs);
        return;
      }
      finish();
      if (message.type === 'result') {
        const { type: _type, ...result } = message;
        resolve(result);
      } else {
        reject(new Error(`All-pairs scoring failed: ${message.message}`));
      }
    });
    worker.addEventListener('error', (event) => {
      finish();
      reject(new Error(`The all-pairs worker could not run: ${event.message || 'unknown error'}. Nothing was scored.`));
    });
    const copy = embeddings.slice();
    const start: StartMessage = { type: 'start', embeddings: copy, dim };
    worker.postMessage(start, [copy.buffer]);
  });
}
