/** Columns in shared memory (src/metrics/shared-columns.ts) and the all-pairs scorer writing into it. */
import { afterEach, describe, expect, it } from 'vitest';
import { packEmbeddings, scoreAllPairs, scoreAllPairsAsync } from '../../../src/metrics/all-pairs';
import { canShareMemory, isSharedColumn, shareColumn } from '../../../src/metrics/shared-columns';
import { makeClusteredEmbeddings } from './seeded-embeddings';

const isolated = globalThis as { crossOriginIsolated?: boolean };

describe('shared columns', () => {
  afterEach(() => { delete isolated.crossOriginIsolated; });

  it('leaves columns as they are where the page is not cross-origin isolated', () => {
    const column = Float64Array.of(1, 2, 3);
    expect(canShareMemory()).toBe(false);
    expect(shareColumn(column)).toBe(column);
  });

  it('copies a column into shared memory once, and never one already there', () => {
    isolated.crossOriginIsolated = true;
    const column = Uint32Array.of(4, 5, 6);
    const shared = shareColumn(column);
    expect(isSharedColumn(shared)).toBe(true);
    expect(shared).not.toBe(column);
    expect([...shared]).toEqual([...column]);
    expect(shareColumn(column), 'the same copy again').toBe(shared);
    expect(shareColumn(shared), 'already shared').toBe(shared);
  });

  it('scores into shared memory when asked, with the same scores', async () => {
    const { packed, dim } = packEmbeddings(makeClusteredEmbeddings(40, 16, 3));
    const plain = scoreAllPairs(packed, dim);
    const shared = await scoreAllPairsAsync(packed, dim, { isShared: true });
    for (const key of ['scores', 'indexA', 'indexB'] as const) {
      expect(isSharedColumn(shared[key]), key).toBe(true);
      expect(isSharedColumn(plain[key]), key).toBe(false);
      expect([...shared[key]], key).toEqual([...plain[key]]);
    }
  });
});
