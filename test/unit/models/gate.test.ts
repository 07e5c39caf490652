import { describe, expect, it } from 'vitest';
import type { ReferencePack } from '../../../src/datasets/pack-types';
import { computeDPrime, measureGate, median } from '../../../src/models/gate';

function pack(embeddings: { subject: string; v: number[] }[]): ReferencePack {
  return {
    name: 'test', score: 'cosine-v1', failures: [],
    model: { id: 'faceres-deep', package: 'p', sha256: 'a'.repeat(64), dim: 2 },
    samples: embeddings.map((e, i) => ({ id: String(i), subject: e.subject, labels: {}, embedding: Float32Array.from(e.v) })),
  } as unknown as ReferencePack;
}

describe('quality gate', () => {
  it('separates a pack whose genuine pairs all score above its impostors: EER 0, offered', () => {
    const result = measureGate(pack([
      { subject: 'a', v: [1, 0] }, { subject: 'a', v: [1, 0.1] },
      { subject: 'b', v: [0, 1] }, { subject: 'b', v: [0.1, 1] },
    ]));
    expect(result.genuinePairs).toBe(2);
    expect(result.impostorPairs).toBe(4);
    expect(result.eer).toBe(0);
    expect(result.isOffered).toBe(true);
    expect(result.genuineMedian).toBeGreaterThan(result.impostorMedian);
  });

  it('fails a model that cannot tell people apart', () => {
    const result = measureGate(pack([
      { subject: 'a', v: [1, 0] }, { subject: 'a', v: [0, 1] },
      { subject: 'b', v: [1, 0] }, { subject: 'b', v: [0, 1] },
    ]));
    expect(result.eer).toBeGreaterThan(0.12);
    expect(result.isOffered).toBe(false);
  });

  it('refuses a pack without genuine pairs', () => {
    expect(() => measureGate(pack([{ subject: 'a', v: [1, 0] }, { subject: 'b', v: [0, 1] }]))).toThrow(/no genuine or no impostor/);
  });

  it('computes median and d\' as defined', () => {
    expect(median(Float64Array.from([1, 2, 3]))).toBe(2);
    expect(median(Float64Array.from([1, 2, 3, 4]))).toBe(2.5);
    // means 2 and 0, sample variances 1 and 1: d' = 2 / 1.
    expect(computeDPrime([1, 2, 3], [-1, 0, 1])).toBeCloseTo(2, 12);
    expect(computeDPrime([1, 1], [1, 1])).toBe(0);
  });
});
