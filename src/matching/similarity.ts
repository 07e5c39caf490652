/**
 * The score every FaceGap number is built on: `human-similarity-v1`.
 *
 * It is @vladmandic/human's `match.similarity` with its defaults (order 2, multiplier 25,
 * normalised over 0.2..0.8) but without human's rounding of the distance and of the result to
 * two decimals, so thresholds and metrics see the full resolution of the embedding.
 * Source: node_modules/@vladmandic/human/src/face/match.ts (human 3.3.6).
 */

/** Identifier stored beside every score and threshold, so packs from another formula are refused. */
export const SCORE_ID = 'human-similarity-v1';

/** human's distance multiplier (its "enhance difference" factor). */
export const DISTANCE_MULTIPLIER = 25;
/** Lower end of the normalisation range of `1 - root(distance) / 100`. */
export const NORMALISE_MIN = 0.2;
/** Upper end of the normalisation range. */
export const NORMALISE_MAX = 0.8;

/** A face embedding: human's faceres gives 1024 floats. */
export type Embedding = ArrayLike<number>;

/**
 * Maps a squared euclidean distance between two embeddings to the 0..1 similarity.
 * Shared by the pair-by-pair function and the blocked all-pairs scorer (which gets the squared
 * distance from norms and dot products).
 */
export function similarityFromSquaredDistance(squaredDistance: number): number {
  // Rounding in the matrix form can leave a tiny negative; identical faces must still score 1.
  const distance = DISTANCE_MULTIPLIER * Math.max(squaredDistance, 0);
  const normalised = (1 - Math.sqrt(distance) / 100 - NORMALISE_MIN) / (NORMALISE_MAX - NORMALISE_MIN);
  return Math.min(1, Math.max(0, normalised));
}

/** Similarity of two embeddings of equal length, in 0..1, higher meaning more alike. */
export function computeSimilarity(a: Embedding, b: Embedding): number {
  if (a.length !== b.length) {
    throw new RangeError(`Embeddings differ in length (${a.length} and ${b.length}): they come from different models.`);
  }
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const diff = a[i] - b[i];
    sum += diff * diff;
  }
  return similarityFromSquaredDistance(sum);
}
