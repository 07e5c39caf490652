/**
 * Scores every pair i < j of N embeddings with the score id the caller names (`human-similarity-v1`
 * or `cosine-v1`, src/matching/scores.ts): dot products a.b over a packed N x dim matrix in
 * cache-sized tiles, each turned into its score with norms computed once per row
 * (src/metrics/all-pairs-scores.ts), instead of N^2/2 separate loops. Pure: runs in node and workers.
 */
import { HUMAN_SIMILARITY_SCORE_ID } from '../matching/scores';
import type { Embedding } from '../matching/similarity';
import { createDotScorer } from './all-pairs-scores';
import { createJsTileScorer, createWasmTileScorer, findPairPosition, type PairSink, type TileScorer } from './all-pairs-tiles';

/** Rows per tile (a multiple of 4): 64 x 1024 float32 is 256 KiB per side, L2-sized. */
export const DEFAULT_TILE_ROWS = 64;
/** How long the async scorer computes before yielding to the event loop (cancel, progress). */
export const YIELD_INTERVAL_MS = 50;

/** Every pair's score, in compact typed arrays (never one object per pair). */
export interface AllPairsResult extends PairSink {
  /** Which tile kernel scored the pairs. */
  readonly kernel: TileKernel;
}

/** The WebAssembly SIMD kernel, or the plain JavaScript tiles (no SIMD, dim % 4 != 0, CSP). */
export type TileKernel = 'wasm-simd' | 'js';

/** Options of the all-pairs scorer. */
export interface ScoreAllPairsOptions {
  /** Aborts between tiles; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called after each band of rows with pairs done and pairs in total. */
  readonly onProgress?: (donePairs: number, totalPairs: number) => void;
  /** Rows per tile, a multiple of 4; default {@link DEFAULT_TILE_ROWS}. */
  readonly tileRows?: number;
  /** Which kernel: `auto` (WebAssembly SIMD when it can run, else JS), or force `js`. */
  readonly kernel?: 'auto' | 'js';
  /**
   * The score id of the embeddings' model (a pack's `score`); default `human-similarity-v1`, the
   * faceres score. An id this build cannot compute is refused before any work.
   */
  readonly scoreId?: string;
  /**
   * Score into SharedArrayBuffers (only where they exist: a cross-origin isolated page, node), so the
   * gap index and the bootstrap workers read the scores without a copy on the main thread.
   */
  readonly isShared?: boolean;
}

/** Number of pairs i < j among `count` items: count (count - 1) / 2. */
export function countPairs(count: number): number {
  return (count * (count - 1)) / 2;
}

export { findPairPosition };

/** Packs separate embeddings of equal length into one row-major N x dim Float32Array. */
export function packEmbeddings(embeddings: readonly Embedding[]): { packed: Float32Array; dim: number } {
  const dim = embeddings.length > 0 ? embeddings[0].length : 0;
  const packed = new Float32Array(embeddings.length * dim);
  embeddings.forEach((embedding, i) => {
    if (embedding.length !== dim) {
      throw new RangeError(`Embedding ${i} has ${embedding.length} values, the first has ${dim}: they come from different models.`);
    }
    packed.set(embedding, i * dim);
  });
  return { packed, dim };
}

/** Checks the packed matrix and returns N. */
function countRows(packed: Float32Array, dim: number): number {
  if (!Number.isInteger(dim) || dim <= 0) throw new RangeError(`Embedding length must be a positive integer, got ${dim}.`);
  if (packed.length % dim !== 0) {
    throw new RangeError(`Packed embeddings hold ${packed.length} values, not a multiple of the length ${dim}.`);
  }
  return packed.length / dim;
}

/** Picks the tile kernel: WebAssembly SIMD unless told `js` or it cannot run. */
function chooseTileScorer(packed: Float32Array, dim: number, options: ScoreAllPairsOptions, out: PairSink): { scoreTile: TileScorer; kernel: TileKernel } {
  const tileRows = options.tileRows ?? DEFAULT_TILE_ROWS;
  const score = createDotScorer(options.scoreId ?? HUMAN_SIMILARITY_SCORE_ID, packed, dim, out.count);
  const wasm = options.kernel !== 'js' ? createWasmTileScorer(packed, dim, score, out, tileRows) : null;
  return wasm ? { scoreTile: wasm, kernel: 'wasm-simd' } : { scoreTile: createJsTileScorer(packed, dim, score, out), kernel: 'js' };
}

/**
 * Generator core: scores one band of `tileRows` rows against all later columns per step and
 * yields the pairs done so far. Both the sync and async scorers drive it.
 */
function* generateScoreBands(scoreTile: TileScorer, options: ScoreAllPairsOptions, count: number): Generator<number> {
  const tileRows = options.tileRows ?? DEFAULT_TILE_ROWS;
  for (let i0 = 0; i0 < count; i0 += tileRows) {
    const i1 = Math.min(count, i0 + tileRows);
    for (let j0 = i0; j0 < count; j0 += tileRows) {
      scoreTile(i0, i1, j0, Math.min(count, j0 + tileRows));
    }
    yield findPairPosition(i1 - 1, count - 1, count) + 1;
  }
}

/** Allocates the result arrays for `count` embeddings, in shared memory when `isShared`. */
function allocateResult(count: number, isShared = false): PairSink {
  const total = countPairs(count);
  const allocate = (bytes: number) => (isShared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return {
    count,
    scores: new Float64Array(allocate(total * Float64Array.BYTES_PER_ELEMENT)),
    indexA: new Uint32Array(allocate(total * Uint32Array.BYTES_PER_ELEMENT)),
    indexB: new Uint32Array(allocate(total * Uint32Array.BYTES_PER_ELEMENT)),
  };
}

/**
 * Scores all pairs synchronously. Float64 accumulation (both kernels) and float64 storage: scores
 * match the pair-by-pair score function (`getScoreFunction(scoreId)`) to about 1e-13, so every
 * decision at a threshold agrees with it for pairs further than that from the threshold. Checks
 * `signal` between bands.
 */
export function scoreAllPairs(packed: Float32Array, dim: number, options: ScoreAllPairsOptions = {}): AllPairsResult {
  const out = allocateResult(countRows(packed, dim), options.isShared);
  const total = out.scores.length;
  const { scoreTile, kernel } = chooseTileScorer(packed, dim, options, out);
  for (const done of generateScoreBands(scoreTile, options, out.count)) {
    options.signal?.throwIfAborted();
    options.onProgress?.(done, total);
  }
  return { ...out, kernel };
}

/**
 * Scores all pairs, yielding to the event loop every {@link YIELD_INTERVAL_MS} so a worker can
 * receive a cancel message. Rejects with the signal's reason when aborted.
 */
export async function scoreAllPairsAsync(packed: Float32Array, dim: number, options: ScoreAllPairsOptions = {}): Promise<AllPairsResult> {
  const out = allocateResult(countRows(packed, dim), options.isShared);
  const total = out.scores.length;
  const { scoreTile, kernel } = chooseTileScorer(packed, dim, options, out);
  let lastYield = Date.now();
  for (const done of generateScoreBands(scoreTile, options, out.count)) {
    options.signal?.throwIfAborted();
    options.onProgress?.(done, total);
    if (Date.now() - lastYield >= YIELD_INTERVAL_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = Date.now();
    }
  }
  options.signal?.throwIfAborted();
  return { ...out, kernel };
}
