/**
 * Main-thread bridge to src/metrics/bootstrap.worker.ts: the subject bootstrap (1,000 replicates
 * over every pair) runs in a module worker, so a 3,000-face pack resamples while the threshold
 * slider stays responsive. One worker per call, terminated when the call settles or is aborted
 * (`callWorkerOnce`, Squoosh style: every call takes an AbortSignal, no idle worker is kept).
 */
import { bootstrapGroupRates, type BootstrapResult, type GroupRatioRequest } from './bootstrap';
import { createMulberry32 } from './random';
import type { ImpostorGrouping, PairTable } from './types';
import { canShareMemory, shareColumn } from './shared-columns';
import { callWorkerOnce } from '../shared/worker-call';

/** What to resample: `bootstrapGroupRates`'s options, with a seed instead of a generator (a function cannot cross to a worker). */
export interface BootstrapJob {
  readonly table: PairTable;
  readonly thresholds: readonly number[];
  /** Seed of mulberry32: the same seed gives the same intervals here, on the main thread and in scripts. */
  readonly seed: number;
  readonly replicates?: number;
  readonly impostorGrouping?: ImpostorGrouping;
  readonly groupRatios?: readonly GroupRatioRequest[];
}

/** Options of {@link bootstrapInWorker}. */
export interface BootstrapCallOptions {
  /** Aborting terminates the worker at once and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Share of the work done, 0..1, at most every 100 ms. */
  readonly onProgress?: (share: number) => void;
}

/** Main thread to worker. */
export interface BootstrapStartMessage {
  readonly type: 'start';
  readonly job: BootstrapJob;
}

/** Worker to main thread. */
export type BootstrapResponse =
  | { readonly type: 'progress'; readonly share: number }
  | { readonly type: 'result'; readonly result: BootstrapResult }
  | { readonly type: 'error'; readonly message: string };

/** Runs the job on this thread (`bootstrapGroupRates` with mulberry32 seeded as asked). */
export function runBootstrapJob(job: BootstrapJob, random = createMulberry32(job.seed)): BootstrapResult {
  return bootstrapGroupRates(job.table, {
    thresholds: job.thresholds,
    random,
    replicates: job.replicates,
    impostorGrouping: job.impostorGrouping,
    groupRatios: job.groupRatios,
  });
}

/**
 * Resamples in a module worker; where workers do not exist (node) or the worker cannot start, on
 * this thread, with the same numbers. The table goes to the worker in shared memory where the page
 * is cross-origin isolated (copied once per table), else as a copy; the caller's stays usable.
 * Always settles: result, error, or abort.
 */
export function bootstrapInWorker(job: BootstrapJob, options: BootstrapCallOptions = {}): Promise<BootstrapResult> {
  const { signal, onProgress } = options;
  if (typeof Worker === 'undefined' && !signal?.aborted) return Promise.resolve(runBootstrapJob(job));
  const start: BootstrapStartMessage = { type: 'start', job: { ...job, table: shareTable(job.table) } };
  return callWorkerOnce<BootstrapResponse, BootstrapResult>({
    createWorker: () => new Worker(new URL('./bootstrap.worker.ts', import.meta.url), { type: 'module' }),
    request: start,
    signal,
    onMessage: (message) => {
      if (message.type === 'progress') {
        onProgress?.(message.share);
        return { kind: 'wait' };
      }
      if (message.type === 'error') return { kind: 'failed', error: new Error(`The people-level resampling failed: ${message.message}`) };
      return { kind: 'done', value: message.result };
    },
    // The worker could not load: the intervals still matter more than the main thread's time.
    onWorkerError: () => {
      try {
        return { kind: 'done', value: runBootstrapJob(job) };
      } catch (error) {
        return { kind: 'failed', error };
      }
    },
  });
}

/**
 * The table with its columns in SharedArrayBuffers, which cross to a worker without a copy: a
 * 3,000-face table is about 60 MB, and cloning it on every start stalled the main thread for
 * 400 ms (test/browser/utkface-3000.test.ts). Each column is copied once at most
 * (src/metrics/shared-columns.ts), and not at all when the all-pairs worker made it in shared
 * memory (the scores, and the gap index's own columns). Without cross-origin isolation, the table as it is.
 */
function shareTable(table: PairTable): PairTable {
  if (!canShareMemory()) return table;
  return {
    ...table,
    scores: shareColumn(table.scores), isGenuine: shareColumn(table.isGenuine), sampleA: shareColumn(table.sampleA), sampleB: shareColumn(table.sampleB),
    sampleGroup: shareColumn(table.sampleGroup), sampleSubject: shareColumn(table.sampleSubject),
  };
}
