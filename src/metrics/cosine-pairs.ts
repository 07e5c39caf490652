/**
 * Scores every pair i < j of N embeddings with `cosine-v1` (src/matching/scores.ts), in the same
 * arithmetic as `computeCosineSimilarity` (float64 sums in index order), so each pair's score is
 * the pair-by-pair function's to the last bit. Yields to the event loop between rows, so a view
 * can show progress and cancel. Pure: no DOM.
 */
import type { AllPairsResult } from './all-pairs';
import { countPairs } from './all-pairs';

/** How long the scorer computes before yielding, in ms. */
const YIELD_INTERVAL_MS = 50;

/** Options of {@link scoreCosinePairsAsync}. */
export interface CosinePairsOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (donePairs: number, totalPairs: number) => void;
}

/** Every pair's cosine similarity of the packed N x dim rows, in the all-pairs row order. */
export async function scoreCosinePairsAsync(packed: Float32Array, dim: number, options: CosinePairsOptions = {}): Promise<AllPairsResult> {
  const count = dim > 0 ? packed.length / dim : 0;
  const total = countPairs(count);
  const scores = new Float64Array(total);
  const indexA = new Uint32Array(total);
  const indexB = new Uint32Array(total);
  const norms = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let k = i * dim, end = k + dim; k < end; k++) sum += packed[k] * packed[k];
    norms[i] = Math.sqrt(sum);
  }
  let position = 0;
  let lastYield = performance.now();
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++, position++) {
      let dot = 0;
      for (let k = 0, a = i * dim, b = j * dim; k < dim; k++) dot += packed[a + k] * packed[b + k];
      const product = norms[i] * norms[j];
      scores[position] = product > 0 ? dot / product : 0;
      indexA[position] = i;
      indexB[position] = j;
    }
    if (performance.now() - lastYield > YIELD_INTERVAL_MS) {
      options.onProgress?.(position, total);
      await new Promise((resolve) => setTimeout(resolve, 0));
      options.signal?.throwIfAborted();
      lastYield = performance.now();
    }
  }
  options.onProgress?.(total, total);
  return { count, scores, indexA, indexB, kernel: 'js' };
}
