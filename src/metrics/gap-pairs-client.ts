/**
 * Main-thread bridge for the gap index: {@link indexGapPairs} run in a fresh all-pairs worker
 * (src/metrics/all-pairs.worker.ts), shut down once it answers, so grouping and sorting 4.5 million
 * pairs never blocks the page. Same call shape as the scoring client: an AbortSignal, always settles.
 */
import type { AllPairsResponse, IndexMessage } from './all-pairs-protocol';
import { indexGapPairs, type GapPairs, type GapPairsInput } from './gap-pairs';
import { unpackGapPairs } from './gap-pairs-message';
import { shareColumn } from './shared-columns';
import { callWorkerOnce } from '../shared/worker-call';

/** Options of {@link indexGapPairsInWorker}. */
export interface WorkerIndexOptions {
  /** Aborting terminates the worker at once and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/**
 * {@link indexGapPairs} in a module worker: the same numbers, bit for bit. The input's pairs reach
 * the worker in shared memory where the page is cross-origin isolated (src/metrics/shared-columns.ts),
 * else as copies; the caller's stay usable. The sorted arrays come back transferred, and the table
 * reuses the caller's own pairs when every face is kept.
 */
export function indexGapPairsInWorker(input: GapPairsInput, options: WorkerIndexOptions = {}): Promise<GapPairs> {
  const { scored, labels, isIncluded, impostorGrouping } = input;
  // Shared memory crosses without a copy; elsewhere postMessage copies the columns.
  const shared = { scores: shareColumn(scored.scores), indexA: shareColumn(scored.indexA), indexB: shareColumn(scored.indexB) };
  const request: IndexMessage = { type: 'index', scored: shared, labels, isIncluded, impostorGrouping };
  return callWorkerOnce<AllPairsResponse, GapPairs>({
    createWorker: () => new Worker(new URL('./all-pairs.worker.ts', import.meta.url), { type: 'module' }),
    request,
    signal: options.signal,
    onMessage: (message) => {
      if (message.type === 'indexed') return { kind: 'done', value: unpackGapPairs(message, scored) };
      if (message.type === 'error') return { kind: 'failed', error: new Error(`Grouping the pairs failed: ${message.message}`) };
      return { kind: 'wait' };
    },
    onWorkerError: (event) => ({ kind: 'failed', error: new Error(`The all-pairs worker could not run: ${event.message || 'unknown error'}. The pairs were not grouped.`) }),
  });
}

/**
 * {@link indexGapPairs} off this thread where workers exist; in node, or when the worker cannot
 * start or fails, on this thread (same numbers: both run src/metrics/gap-pairs.ts). An abort
 * rejects with the signal's reason and never falls back.
 */
export async function indexGapPairsInBackground(input: GapPairsInput, options: WorkerIndexOptions = {}): Promise<GapPairs> {
  const { signal } = options;
  signal?.throwIfAborted();
  if (typeof Worker !== 'undefined') {
    try {
      return await indexGapPairsInWorker(input, options);
    } catch (error) {
      if (signal?.aborted) throw error;
    }
  }
  return indexGapPairs(input);
}
