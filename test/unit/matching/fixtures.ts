import { EMBEDDING_LENGTH, type Template } from '../../../src/matching/templates';
import { SCORE_ID } from '../../../src/matching/similarity';

/** Model hash the fixture templates claim; any fixed string will do. */
export const TEST_MODEL_SHA256 = 'test-model-sha256';

/**
 * An embedding at euclidean distance `offset` from the origin along axis `axis`.
 * With human-similarity-v1, similarity to the origin is (0.8 - 0.05 * offset) / 0.6, clamped:
 * offset 4 -> 1, 7 -> 0.75, 10 -> 0.5, 13 -> 0.25, 16 -> 0.
 */
export function makeEmbedding(offset = 0, axis = 0): Float32Array {
  const embedding = new Float32Array(EMBEDDING_LENGTH);
  embedding[axis] = offset;
  return embedding;
}

/** A template whose captures sit at the given offsets from the origin. */
export function makeTemplate(id: string, name: string, offsets: number[], overrides: Partial<Template> = {}): Template {
  return {
    id,
    name,
    createdAt: 0,
    updatedAt: 0,
    labels: {},
    embeddings: offsets.map((offset, index) => makeEmbedding(offset, index)),
    modelSha256: TEST_MODEL_SHA256,
    scoreId: SCORE_ID,
    ...overrides,
  };
}
