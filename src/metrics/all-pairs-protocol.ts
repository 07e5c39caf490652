/**
 * Messages between the main thread and src/metrics/all-pairs.worker.ts.
 * start -> progress* -> result | error; cancel at any time (the client also terminates the worker).
 */
import type { AllPairsResult } from './all-pairs';

/** Main thread to worker: score every pair of the packed N x dim embeddings. */
export interface StartMessage {
  readonly type: 'start';
  /** Row-major N x dim; its buffer is transferred to the worker. */
  readonly embeddings: Float32Array;
  readonly dim: number;
  /** The score id of the embeddings' model (src/matching/scores.ts). */
  readonly scoreId: string;
}

/** Main thread to worker: stop at the next band of rows. */
export interface CancelMessage {
  readonly type: 'cancel';
}

/** Worker to main thread: pairs done so far. */
export interface ProgressMessage {
  readonly type: 'progress';
  readonly donePairs: number;
  readonly totalPairs: number;
}

/** Worker to main thread: all scores and the kernel that ran; the three buffers are transferred. */
export interface ResultMessage extends AllPairsResult {
  readonly type: 'result';
}

/** Worker to main thread: scoring failed or was cancelled. */
export interface ErrorMessage {
  readonly type: 'error';
  readonly message: string;
  readonly isCancelled: boolean;
}

/** Any message the worker receives. */
export type AllPairsRequest = StartMessage | CancelMessage;
/** Any message the worker sends. */
export type AllPairsResponse = ProgressMessage | ResultMessage | ErrorMessage;
