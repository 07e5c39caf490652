/**
 * Messages between the main thread and src/metrics/all-pairs.worker.ts. Two jobs, one per worker:
 * start -> progress* -> result | error; cancel at any time (the client also terminates the worker).
 * index -> indexed | error: the gap index of scores already computed (src/metrics/gap-pairs.ts).
 */
import type { AllPairsResult } from './all-pairs';
import type { IndexedMessage } from './gap-pairs-message';
import type { GapPairsInput } from './gap-pairs';

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

/** Worker to main thread: all scores and the kernel that ran; the three buffers are transferred, or shared (SharedArrayBuffer). */
export interface ResultMessage extends AllPairsResult {
  readonly type: 'result';
}

/** Worker to main thread: scoring failed or was cancelled. */
export interface ErrorMessage {
  readonly type: 'error';
  readonly message: string;
  readonly isCancelled: boolean;
}

/** Main thread to worker: group and sort the pairs of a scored set; its arrays arrive as copies. */
export interface IndexMessage extends GapPairsInput {
  readonly type: 'index';
}

export type { IndexedMessage };

/** Any message the worker receives. */
export type AllPairsRequest = StartMessage | CancelMessage | IndexMessage;
/** Any message the worker sends. */
export type AllPairsResponse = ProgressMessage | ResultMessage | ErrorMessage | IndexedMessage;
