/**
 * Main-thread bridge to src/metrics/all-pairs.worker.ts: one worker per call, shut down when the
 * call settles, so no idle worker holds memory (`callWorkerOnce`). Every call takes an AbortSignal
 * (Squoosh style). Also the cache that shares one scoring run between views (`SharedScoring`).
 */
import type { AllPairsResult } from './all-pairs';
import type { AllPairsResponse, StartMessage } from './all-pairs-protocol';
import { callWorkerOnce } from '../shared/worker-call';

/** Options of {@link scoreAllPairsInWorker}. */
export interface WorkerScoreOptions {
  /** The score id of the embeddings' model (a pack's `score`, src/matching/scores.ts). */
  readonly scoreId: string;
  /** Aborting terminates the worker at once and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Pairs done and pairs in total, at most every 100 ms. */
  readonly onProgress?: (donePairs: number, totalPairs: number) => void;
}

/**
 * Scores every pair i < j of the packed N x dim embeddings with `options.scoreId` in a module
 * worker. The embeddings are copied before transfer, so the caller's array stays usable. Always
 * settles: result, error, or abort (the worker is terminated in every case).
 */
export function scoreAllPairsInWorker(embeddings: Float32Array, dim: number, options: WorkerScoreOptions): Promise<AllPairsResult> {
  const { scoreId, signal, onProgress } = options;
  // Copied only once the call goes ahead: an aborted signal refuses before any work.
  const copy = signal?.aborted ? embeddings : embeddings.slice();
  const start: StartMessage = { type: 'start', embeddings: copy, dim, scoreId };
  return callWorkerOnce<AllPairsResponse, AllPairsResult>({
    createWorker: () => new Worker(new URL('./all-pairs.worker.ts', import.meta.url), { type: 'module' }),
    request: start,
    transfer: [copy.buffer],
    signal,
    onAbort: (worker) => worker.postMessage({ type: 'cancel' }),
    onMessage: (message) => {
      if (message.type === 'progress') {
        onProgress?.(message.donePairs, message.totalPairs);
        return { kind: 'wait' };
      }
      if (message.type === 'error') return { kind: 'failed', error: new Error(`All-pairs scoring failed: ${message.message}`) };
      if (message.type !== 'result') return { kind: 'wait' };
      const { type: _type, ...result } = message;
      return { kind: 'done', value: result };
    },
    onWorkerError: (event) => ({ kind: 'failed', error: new Error(`The all-pairs worker could not run: ${event.message || 'unknown error'}. Nothing was scored.`) }),
  });
}

/** What one caller of a shared job hears: its own cancellation and its own progress. */
export interface SharedJobCaller {
  /** Aborting rejects this caller's promise; the job stops only when every caller waiting has aborted. */
  readonly signal?: AbortSignal;
  /** Progress of the shared job (pairs done, pairs in total); a late caller hears the latest at once. */
  readonly onProgress?: (donePairs: number, totalPairs: number) => void;
}

/** Starts the work of a shared job: its own signal (aborted when nobody waits) and progress. */
export type SharedJobStart<T> = (signal: AbortSignal, onProgress: (donePairs: number, totalPairs: number) => void) => Promise<T>;

interface SharedJob<T> {
  readonly controller: AbortController;
  result: Promise<T>;
  readonly callers: Set<SharedJobCaller>;
  latest: readonly [number, number] | null;
  isDone: boolean;
}

/**
 * All-pairs scoring shared by every view that needs the same set's scores (the gap view and "you
 * vs the groups" both score the active pack): the work runs once per key, and each caller keeps its
 * own AbortSignal and progress callback. A caller's abort rejects that caller only; the work is
 * cancelled when every caller still waiting has aborted, and a failed or cancelled run is forgotten
 * so the next caller starts it again. A finished run stays cached for as long as its key lives.
 */
export class SharedScoring<K extends object, T> {
  private readonly jobs = new WeakMap<K, SharedJob<T>>();

  /** The result of the work for `key`, started by `start` unless a run for `key` is cached or under way. */
  run(key: K, start: SharedJobStart<T>, caller: SharedJobCaller = {}): Promise<T> {
    const { signal } = caller;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const job = this.jobs.get(key) ?? this.startJob(key, start);
    if (job.isDone) return job.result;
    job.callers.add(caller);
    if (job.latest) caller.onProgress?.(...job.latest);
    return new Promise<T>((resolve, reject) => {
      const leave = (): void => {
        signal?.removeEventListener('abort', onAbort);
        job.callers.delete(caller);
      };
      const onAbort = (): void => {
        leave();
        reject(signal?.reason);
        if (job.callers.size === 0 && !job.isDone) {
          this.jobs.delete(key);
          job.controller.abort(signal?.reason);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      job.result.then(
        (value) => { leave(); resolve(value); },
        (error: unknown) => { leave(); reject(error); },
      );
    });
  }

  private startJob(key: K, start: SharedJobStart<T>): SharedJob<T> {
    const controller = new AbortController();
    const callers = new Set<SharedJobCaller>();
    const job: SharedJob<T> = { controller, callers, latest: null, isDone: false, result: Promise.resolve() as Promise<T> };
    const onProgress = (done: number, total: number): void => {
      job.latest = [done, total];
      for (const caller of callers) caller.onProgress?.(done, total);
    };
    // Started a microtask later, so a synchronous throw becomes a rejection like any other failure.
    job.result = Promise.resolve().then(() => start(controller.signal, onProgress));
    this.jobs.set(key, job);
    job.result.then(
      () => { job.isDone = true; },
      // Forget a failed run, unless a newer one for the key has replaced it meanwhile.
      () => { if (this.jobs.get(key) === job) this.jobs.delete(key); },
    );
    return job;
  }
}
