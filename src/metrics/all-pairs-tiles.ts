/**
 * Tile scorers behind the all-pairs scorer (src/metrics/all-pairs.ts): each computes the dot
 * products of rows [i0, i1) against columns [j0, j1) and writes the pairs with j > i, scored by the
 * score id's `DotScorer` (src/metrics/all-pairs-scores.ts). One uses the WebAssembly SIMD kernel,
 * the other plain JavaScript where WebAssembly SIMD is unavailable or dim % 4 != 0.
 */
import type { DotScorer } from './all-pairs-scores';
import { createDotKernel, KERNEL_ROWS } from './dot-kernel-wasm';

/** Where scored pairs go, in row order of (i, j), i < j. */
export interface PairSink {
  /** Number of embeddings N. */
  readonly count: number;
  /** Pair scores in row order: (0,1), (0,2), ..., (0,N-1), (1,2), ...; float64, so no rounding moves a pair across a threshold. */
  readonly scores: Float64Array;
  /** First embedding index of each pair. */
  readonly indexA: Uint32Array;
  /** Second embedding index of each pair (always greater than `indexA`). */
  readonly indexB: Uint32Array;
}

/** Scores one tile of rows [i0, i1) x columns [j0, j1) into the sink. */
export type TileScorer = (i0: number, i1: number, j0: number, j1: number) => void;

/** Bytes in a WebAssembly page. */
const WASM_PAGE_BYTES = 65536;

/** Position of pair (i, j), i < j, in row order among `count` items. */
export function findPairPosition(i: number, j: number, count: number): number {
  return i * count - (i * (i + 1)) / 2 + (j - i - 1);
}

/** Stores one pair's score from its dot product. */
function writePair(sink: PairSink, score: DotScorer, i: number, j: number, dot: number): void {
  const position = findPairPosition(i, j, sink.count);
  sink.scores[position] = score(i, j, dot);
  sink.indexA[position] = i;
  sink.indexB[position] = j;
}

/**
 * Plain JavaScript tiles with a 2 x 2 register block (4 loads per 4 multiply-adds, a quarter of
 * the pair-by-pair loads). About twice the pair-by-pair loop: JavaScript has no SIMD.
 */
export function createJsTileScorer(packed: Float32Array, dim: number, score: DotScorer, sink: PairSink): TileScorer {
  return (i0, i1, j0, j1) => {
    for (let i = i0; i < i1; i += 2) {
      const hasI2 = i + 1 < i1;
      const a0 = i * dim;
      const a1 = hasI2 ? a0 + dim : a0;
      for (let j = Math.max(j0, i + 1); j < j1; j += 2) {
        const hasJ2 = j + 1 < j1;
        const b0 = j * dim;
        const b1 = hasJ2 ? b0 + dim : b0;
        let d00 = 0, d01 = 0, d10 = 0, d11 = 0;
        for (let k = 0; k < dim; k++) {
          const x0 = packed[a0 + k];
          const x1 = packed[a1 + k];
          const y0 = packed[b0 + k];
          const y1 = packed[b1 + k];
          d00 += x0 * y0;
          d01 += x0 * y1;
          d10 += x1 * y0;
          d11 += x1 * y1;
        }
        writePair(sink, score, i, j, d00);
        if (hasJ2) writePair(sink, score, i, j + 1, d01);
        if (hasI2 && j > i + 1) writePair(sink, score, i + 1, j, d10);
        if (hasI2 && hasJ2) writePair(sink, score, i + 1, j + 1, d11);
      }
    }
  };
}

/**
 * WebAssembly SIMD tiles: rows are copied once into the kernel's memory, padded with zero rows
 * to a multiple of 4; the kernel accumulates in float64 and its two lane sums are added here. `maxTileRows` must be a
 * multiple of 4. Returns null when the kernel cannot run (no SIMD, dim % 4 != 0, CSP).
 */
export function createWasmTileScorer(
  packed: Float32Array, dim: number, score: DotScorer, sink: PairSink, maxTileRows: number,
): TileScorer | null {
  if (dim % 4 !== 0 || maxTileRows % KERNEL_ROWS !== 0) return null;
  const kernel = createDotKernel();
  if (kernel === null) return null;
  const count = sink.count;
  const paddedRows = Math.ceil(count / KERNEL_ROWS) * KERNEL_ROWS;
  const rowBytes = dim * 4;
  const outOffset = paddedRows * rowBytes;
  const neededBytes = outOffset + maxTileRows * maxTileRows * 16;
  const pages = Math.ceil(neededBytes / WASM_PAGE_BYTES) - kernel.memory.buffer.byteLength / WASM_PAGE_BYTES;
  try {
    if (pages > 0) kernel.memory.grow(pages);
  } catch {
    return null; // Out of wasm memory: the JavaScript tiles need none.
  }
  new Float32Array(kernel.memory.buffer, 0, packed.length).set(packed);
  const lanes = new Float64Array(kernel.memory.buffer, outOffset, maxTileRows * maxTileRows * 2);
  return (i0, i1, j0, j1) => {
    // i0 and j0 are multiples of the tile size, so padded ends stay multiples of 4.
    const rows = Math.min(i1, paddedRows) - i0;
    const paddedI1 = Math.min(i0 + Math.ceil(rows / KERNEL_ROWS) * KERNEL_ROWS, paddedRows);
    const paddedJ1 = Math.min(j0 + Math.ceil((j1 - j0) / KERNEL_ROWS) * KERNEL_ROWS, paddedRows);
    const na = paddedI1 - i0;
    const nb = paddedJ1 - j0;
    kernel.dots(i0 * rowBytes, na, j0 * rowBytes, nb, dim, outOffset);
    for (let r = 0; r < i1 - i0; r++) {
      const i = i0 + r;
      for (let j = Math.max(j0, i + 1); j < j1; j++) {
        const at = (r * nb + (j - j0)) * 2;
        writePair(sink, score, i, j, lanes[at] + lanes[at + 1]);
      }
    }
  };
}
