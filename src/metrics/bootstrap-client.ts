/**
 * Main-thread bridge to src/metrics/bootstrap.worker.ts: the subject bootstrap (1,000 replicates
 * over every pair) runs in a module worker, so a 3,000-face pack resamples while the threshold
 * slider stays responsive. One worker per call, terminated when the call settles or is aborted
 * (Squoosh style: every call takes an AbortSignal, no idle worker is kept).
 */
import { bootstrapGroupRates, type BootstrapResult, type GroupRatioRequest } from './bootstrap';
import { createMulberry32 } from './random';
import type { ImpostorGrouping, PairTable } from './types';

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
 * this thread, with the same numbers. The table is copied to the worker, so the caller's stays
 * usable. Always settles: result, error, or abort.
 */
export function bootstrapInWorker(job: BootstrapJob, options: BootstrapCallOptions = {}): Promise<BootstrapResult> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (typeof Worker === 'undefined') return Promise.resolve(runBootstrapJob(job));
  return new Promise<BootstrapResult>((resolve, reject) => {
    const worker = new Worker(new URL('./bootstrap.worker.ts', import.meta.url), { type: 'module' });
    const finish = (): void => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = (): void => {
      finish();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<BootstrapResponse>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress?.(message.share);
        return;
      }
      finish();
      if (message.type === 'result') resolve(message.result);
      else reject(new Error(`The people-level resampling failed: ${message.message}`));
    });
    worker.addEventListener('error', () => {
      // The worker could not load: the intervals still matter more than the main thread's time.
      finish();
      try {
        resolve(runBootstrapJob(job));
      } catch (error) {
        reject(error);
      }
    });
    const start: BootstrapStartMessage = { type: 'start', job };
    worker.postMessage(start);
  });
}
