import { describe, expect, it } from 'vitest';
import { computeCosineSimilarity } from '../../../src/matching/scores';
import { packEmbeddings } from '../../../src/metrics/all-pairs';
import { scoreCosinePairsAsync } from '../../../src/metrics/cosine-pairs';
import { createSyntheticPack } from '../../fixtures/synthetic-pack';

describe('all pairs with cosine-v1', () => {
  it('gives every pair the pair-by-pair cosine to the last bit, in the all-pairs row order', async () => {
    const samples = createSyntheticPack({ seed: 3, name: 'cosine' }).samples.slice(0, 40);
    const { packed, dim } = packEmbeddings(samples.map((s) => s.embedding));
    const progress: number[] = [];
    const result = await scoreCosinePairsAsync(packed, dim, { onProgress: (done) => progress.push(done) });
    expect(result.scores.length).toBe((40 * 39) / 2);
    let k = 0;
    for (let i = 0; i < 40; i++) {
      for (let j = i + 1; j < 40; j++, k++) {
        expect([result.indexA[k], result.indexB[k]]).toEqual([i, j]);
        expect(result.scores[k]).toBe(computeCosineSimilarity(samples[i].embedding, samples[j].embedding));
      }
    }
    expect(progress.at(-1)).toBe(result.scores.length);
  });

  it('scores a zero vector 0 against anything, as the pair-by-pair function does', async () => {
    const result = await scoreCosinePairsAsync(new Float32Array([0, 0, 1, 0]), 2);
    expect(Array.from(result.scores)).toEqual([0]);
  });
});
