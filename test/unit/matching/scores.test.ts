import { describe, expect, it } from 'vitest';
import {
  COSINE_SCORE_ID, HUMAN_SIMILARITY_SCORE_ID, assertSameScore, computeCosineSimilarity, getScoreFunction, isScoreId,
} from '../../../src/matching/scores';
import { computeSimilarity } from '../../../src/matching/similarity';

describe('score functions', () => {
  it.each([
    { a: [1, 0], b: [1, 0], expected: 1 },
    { a: [1, 0], b: [0, 2], expected: 0 },
    { a: [1, 1], b: [-2, -2], expected: -1 },
    { a: [3, 4], b: [4, 3], expected: 24 / 25 },
    { a: [0, 0], b: [1, 0], expected: 0 },
  ])('cosine of $a and $b is $expected', ({ a, b, expected }) => {
    expect(computeCosineSimilarity(a, b)).toBeCloseTo(expected, 12);
  });

  it('refuses embeddings of different lengths, naming both', () => {
    expect(() => computeCosineSimilarity([1, 2], [1, 2, 3])).toThrow(/2 and 3/);
  });

  it('maps each score id to its function and refuses unknown ids by name', () => {
    expect(getScoreFunction(HUMAN_SIMILARITY_SCORE_ID)).toBe(computeSimilarity);
    expect(getScoreFunction(COSINE_SCORE_ID)).toBe(computeCosineSimilarity);
    expect(isScoreId('cosine-v1')).toBe(true);
    expect(isScoreId('euclid')).toBe(false);
    expect(() => getScoreFunction('euclid')).toThrow(/"euclid".*human-similarity-v1, cosine-v1/);
  });

  it('refuses to compare scores of two score ids, naming both', () => {
    expect(() => assertSameScore('cosine-v1', 'cosine-v1', 'x')).not.toThrow();
    expect(() => assertSameScore('human-similarity-v1', 'cosine-v1', 'The pack')).toThrow(/The pack: scores "cosine-v1" and "human-similarity-v1"/);
  });
});
