/**
 * The score functions of the all-pairs scorer, keyed by score id (src/matching/scores.ts): each
 * turns one pair's dot product into that pair's score, with per-row norms computed once for the
 * whole matrix. The tiles (src/metrics/all-pairs-tiles.ts) compute dot products only, so every
 * score id runs through the same kernels, in the worker as in node. Pure.
 */
import { COSINE_SCORE_ID, HUMAN_SIMILARITY_SCORE_ID, SCORE_IDS } from '../matching/scores';
import { similarityFromSquaredDistance } from '../matching/similarity';

/** The score of pair (i, j) from their dot product a.b. */
export type DotScorer = (i: number, j: number, dot: number) => number;

/** Squared norm of each row, in float64, summed in index order as the pair-by-pair functions do. */
function computeSquaredNorms(packed: Float32Array, dim: number, count: number): Float64Array {
  const norms = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let k = i * dim, end = k + dim; k < end; k++) sum += packed[k] * packed[k];
    norms[i] = sum;
  }
  return norms;
}

/**
 * The dot-to-score step of `scoreId` for the N x dim rows of `packed`:
 * - `human-similarity-v1`: ||a||^2 + ||b||^2 - 2 a.b is the squared distance human's similarity
 *   maps to 0..1 (`similarityFromSquaredDistance`).
 * - `cosine-v1`: a.b / (||a|| ||b||), a zero row scoring 0, as `computeCosineSimilarity` does.
 *   The rows are normalised by dividing the float64 dot by the float64 norms rather than by
 *   rescaling the float32 rows first: rescaled rows would round to float32 (about 1e-7), this
 *   keeps each score within float64 rounding of the pair-by-pair function.
 * Throws a readable RangeError for a score id this build does not know.
 */
export function createDotScorer(scoreId: string, packed: Float32Array, dim: number, count: number): DotScorer {
  const squared = computeSquaredNorms(packed, dim, count);
  if (scoreId === HUMAN_SIMILARITY_SCORE_ID) {
    return (i, j, dot) => similarityFromSquaredDistance(squared[i] + squared[j] - 2 * dot);
  }
  if (scoreId === COSINE_SCORE_ID) {
    const norms = squared.map(Math.sqrt);
    return (i, j, dot) => {
      const product = norms[i] * norms[j];
      return product > 0 ? dot / product : 0;
    };
  }
  throw new RangeError(`The all-pairs scorer cannot compute the score "${scoreId}" (it knows ${SCORE_IDS.join(', ')}). Nothing was scored.`);
}
