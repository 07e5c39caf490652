/**
 * `cosine-v1` in the all-pairs scorer (what src/metrics/all-pairs.worker.ts runs for faceres-deep
 * and dlib packs): every pair equals a plain float64 cosine, in both kernels, and the row order and
 * refusals are the all-pairs scorer's.
 */
import { describe, expect, it } from 'vitest';
import { countPairs, packEmbeddings, scoreAllPairs, scoreAllPairsAsync } from '../../../src/metrics/all-pairs';
import { createSyntheticPack } from '../../fixtures/synthetic-pack';
import { makeClusteredEmbeddings } from './seeded-embeddings';

/** Cosine written out in float64 with no shared code: the reference the scorer must meet. */
function cosineInFloat64(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0, aa = 0, bb = 0;
  for (let k = 0; k < a.length; k++) {
    dot += a[k] * b[k];
    aa += a[k] * a[k];
    bb += b[k] * b[k];
  }
  return aa > 0 && bb > 0 ? dot / Math.sqrt(aa * bb) : 0;
}

/** Largest |scorer - reference| over all pairs, checking the row order on the way. */
function measureLargestDifference(rows: readonly ArrayLike<number>[], scores: Float64Array, indexA: Uint32Array, indexB: Uint32Array): number {
  let largest = 0;
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++, k++) {
      if (indexA[k] !== i || indexB[k] !== j) throw new Error(`pair ${k} is (${indexA[k]}, ${indexB[k]}), not (${i}, ${j})`);
      largest = Math.max(largest, Math.abs(scores[k] - cosineInFloat64(rows[i], rows[j])));
    }
  }
  return largest;
}

describe('all-pairs scorer with cosine-v1', () => {
  it('gives every pair of a small pack a plain float64 cosine to 1e-6, in both kernels', () => {
    const samples = createSyntheticPack({ seed: 3, name: 'cosine' }).samples;
    const rows = samples.map((s) => s.embedding);
    const { packed, dim } = packEmbeddings(rows);
    for (const kernel of ['auto', 'js'] as const) {
      const result = scoreAllPairs(packed, dim, { scoreId: 'cosine-v1', kernel, tileRows: 16 });
      expect(result.kernel).toBe(kernel === 'js' ? 'js' : 'wasm-simd');
      expect(result.scores.length).toBe(countPairs(samples.length));
      expect(measureLargestDifference(rows, result.scores, result.indexA, result.indexB)).toBeLessThanOrEqual(1e-6);
    }
  });

  it.each([
    { count: 70, dim: 1024 }, // faceres-deep
    { count: 70, dim: 128 }, // dlib
    { count: 23, dim: 13 }, // dim % 4 != 0: the JS tiles
  ])('scores $count x $dim like the float64 cosine, spread over -1..1, asynchronously too', async ({ count, dim }) => {
    const rows = makeClusteredEmbeddings(count, dim, count + dim).map((row, i) => (i % 7 === 3 ? row.map((v) => -v) : row));
    const { packed } = packEmbeddings(rows);
    const result = await scoreAllPairsAsync(packed, dim, { scoreId: 'cosine-v1', tileRows: 8 });
    expect(measureLargestDifference(rows, result.scores, result.indexA, result.indexB)).toBeLessThanOrEqual(1e-6);
    expect(Math.min(...result.scores)).toBeLessThan(0);
    expect(Math.max(...result.scores)).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('scores a zero vector 0 against anything, as the pair-by-pair cosine does', () => {
    for (const kernel of ['auto', 'js'] as const) {
      expect(Array.from(scoreAllPairs(new Float32Array([0, 0, 0, 0, 1, 0, 0, 0]), 4, { scoreId: 'cosine-v1', kernel }).scores)).toEqual([0]);
    }
  });

  it('refuses a score id it does not know before any work, naming it', () => {
    expect(() => scoreAllPairs(new Float32Array(8), 4, { scoreId: 'euclid-v9' })).toThrow(/"euclid-v9".*human-similarity-v1, cosine-v1/);
  });
});
