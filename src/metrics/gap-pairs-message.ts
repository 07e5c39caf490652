/**
 * The gap index (src/metrics/gap-pairs.ts) as one worker message: every sorted array is
 * transferred, never copied, and the pairs the main thread already holds are not sent back. The
 * table's new columns can be put in shared memory first ({@link shareGapTable}), so the bootstrap
 * worker later reads them without a copy on the main thread. Tested in node with `structuredClone`.
 */
import type { GapPairs } from './gap-pairs';
import type { IndexedScores } from './pair-table';
import type { ScoreIndex } from './score-index';
import { shareColumn } from './shared-columns';
import type { PairTable } from './types';

/** Worker to main thread: the gap index of the pairs an `index` request sent. */
export interface IndexedMessage extends Omit<GapPairs, 'table'> {
  readonly type: 'indexed';
  /** The kept pairs when faces were left out; null when all were kept (the sender has them). */
  readonly keptPairs: IndexedScores | null;
  /** The pair table without its pairs (`keptPairs`, or those sent). */
  readonly table: Omit<PairTable, 'scores' | 'sampleA' | 'sampleB'>;
}

/** Every buffer the sorted arrays of an index hold (each array owns its buffer). */
function listIndexBuffers(index: ScoreIndex): ArrayBufferLike[] {
  const buffers = [index.overall.genuine.buffer, index.overall.impostor.buffer];
  for (const sorted of index.byGroup.values()) buffers.push(sorted.genuine.buffer, sorted.impostor.buffer);
  return buffers;
}

/**
 * Turns the index of the pairs `sent` into a message and the buffers to transfer with it. The
 * buffers become unusable here once posted: call it where the index is not kept (the worker).
 */
export function packGapPairs(pairs: GapPairs, sent: IndexedScores): { message: IndexedMessage; transfer: ArrayBuffer[] } {
  const { scores, sampleA, sampleB, ...rest } = pairs.table;
  const isKept = scores === sent.scores;
  const keptPairs = isKept ? null : { scores, indexA: sampleA, indexB: sampleB };
  const buffers = [...listIndexBuffers(pairs.index), rest.isGenuine.buffer];
  if (keptPairs) buffers.push(keptPairs.scores.buffer, keptPairs.indexA.buffer, keptPairs.indexB.buffer);
  // Shared memory crosses as it is; only private buffers are transferred.
  const isPrivate = (buffer: ArrayBufferLike) => typeof SharedArrayBuffer === 'undefined' || !(buffer instanceof SharedArrayBuffer);
  return {
    message: { type: 'indexed', keptPairs, table: rest, index: pairs.index, thresholdAtTargetFmr: pairs.thresholdAtTargetFmr, eer: pairs.eer },
    transfer: [...new Set(buffers)].filter(isPrivate) as ArrayBuffer[],
  };
}

/**
 * The index with the table's own new columns (`isGenuine`, and the kept pairs when faces were left
 * out) in shared memory where the context can share it: the copy is made here, in the worker, once.
 * Columns the sender shared stay as they are. Elsewhere the index as it is.
 */
export function shareGapTable(pairs: GapPairs, sent: IndexedScores): GapPairs {
  const { table } = pairs;
  const isKept = table.scores === sent.scores;
  return {
    ...pairs,
    table: {
      ...table,
      isGenuine: shareColumn(table.isGenuine),
      ...(isKept ? {} : { scores: shareColumn(table.scores), sampleA: shareColumn(table.sampleA), sampleB: shareColumn(table.sampleB) }),
    },
  };
}

/** The gap index a message carries, its table completed with the pairs `sent` when all were kept. */
export function unpackGapPairs(message: IndexedMessage, sent: IndexedScores): GapPairs {
  const pairs = message.keptPairs ?? sent;
  return {
    table: { ...message.table, scores: pairs.scores, sampleA: pairs.indexA, sampleB: pairs.indexB },
    index: message.index,
    thresholdAtTargetFmr: message.thresholdAtTargetFmr,
    eer: message.eer,
  };
}
