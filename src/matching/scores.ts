/**
 * The score functions, one per score id. Each recognition model declares the id of the score its
 * embeddings are compared with (src/models/registry.ts); scores and thresholds with different ids
 * live on different scales and are never compared.
 */
import { SCORE_ID, computeSimilarity, type Embedding } from './similarity';

/** human's own similarity, calibrated for faceres embeddings (src/matching/similarity.ts). */
export const HUMAN_SIMILARITY_SCORE_ID = SCORE_ID;
/** Cosine similarity in -1..1: the score for models with no calibrated similarity of their own. */
export const COSINE_SCORE_ID = 'cosine-v1';

/** Every score id this build can compute. */
export const SCORE_IDS = [HUMAN_SIMILARITY_SCORE_ID, COSINE_SCORE_ID] as const;
/** A score id this build can compute. */
export type ScoreId = (typeof SCORE_IDS)[number];

/** A function comparing two embeddings of one model; higher means more alike. */
export type ScoreFunction = (a: Embedding, b: Embedding) => number;

/**
 * Cosine similarity of two embeddings of equal length: their dot product over the product of their
 * norms, in -1..1. A zero vector has no direction, so it scores 0 against anything.
 */
export function computeCosineSimilarity(a: Embedding, b: Embedding): number {
  if (a.length !== b.length) {
    throw new RangeError(`Embeddings differ in length (${a.length} and ${b.length}): they come from different models.`);
  }
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  const norms = Math.sqrt(normA) * Math.sqrt(normB);
  return norms > 0 ? dot / norms : 0;
}

/** Whether `id` names a score this build can compute. */
export function isScoreId(id: string): id is ScoreId {
  return (SCORE_IDS as readonly string[]).includes(id);
}

/** The function behind a score id; throws a readable error for an id this build does not know. */
export function getScoreFunction(id: string): ScoreFunction {
  if (id === HUMAN_SIMILARITY_SCORE_ID) return computeSimilarity;
  if (id === COSINE_SCORE_ID) return computeCosineSimilarity;
  throw new RangeError(`The score "${id}" is not one this FaceGap can compute (it knows ${SCORE_IDS.join(', ')}).`);
}

/**
 * Refuses to compare scores or thresholds from two score ids: they are on different scales, so a
 * threshold of one means nothing for the other. `what` names the two things, for the message.
 */
export function assertSameScore(expected: string, actual: string, what: string): void {
  if (expected !== actual) {
    throw new RangeError(`${what}: scores "${actual}" and "${expected}" are on different scales and cannot be compared.`);
  }
}
