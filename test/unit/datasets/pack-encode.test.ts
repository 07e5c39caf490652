import { f16round } from '@petamoriken/float16';
import { describe, expect, it } from 'vitest';
import type { ReferencePack } from '../../../src/datasets/pack';
import { computeCosineSimilarity as cosine } from '../../../src/matching/scores';
import { createMulberry32 } from '../../../src/metrics/random';
import { fixCrossings, measureScoreError } from '../../../scripts/pack-encode';

const DIM = 16;

/** One float16 step at `value` (normal numbers; the smallest subnormal step below them). */
const float16Step = (value: number) => Math.max(2 ** -24, 2 ** (Math.floor(Math.log2(Math.abs(value))) - 10));

/** A cosine pack of `count` seeded vectors, and the same rounded to float16 (as a v2 file holds them). */
function makePacks(seed: number, count: number): { before: ReferencePack; after: ReferencePack } {
  const random = createMulberry32(seed);
  const vectors = Array.from({ length: count }, () => Float32Array.from({ length: DIM }, () => random() * 2 - 1));
  const pack = (embeddings: Float32Array[]) => ({ score: 'cosine-v1', samples: embeddings.map((embedding, i) => ({ id: `s${i}`, embedding })) }) as unknown as ReferencePack;
  return { before: pack(vectors), after: pack(vectors.map((vector) => Float32Array.from(vector, (value) => f16round(value)))) };
}

/** A threshold between one pair's float32 and float16 scores, so rounding moved that pair across it. */
function findCrossingThreshold({ before, after }: { before: ReferencePack; after: ReferencePack }): number {
  let best = { gap: 0, threshold: 0 };
  for (let i = 0; i < before.samples.length; i++) {
    for (let j = i + 1; j < before.samples.length; j++) {
      const s0 = cosine(before.samples[i].embedding, before.samples[j].embedding);
      const s1 = cosine(after.samples[i].embedding, after.samples[j].embedding);
      if (Math.abs(s1 - s0) > best.gap) best = { gap: Math.abs(s1 - s0), threshold: (s0 + s1) / 2 };
    }
  }
  return best.threshold;
}

describe('float16 crossings put back (scripts/pack-encode.ts)', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: the pair rounding moved across the threshold is back on its side, no other pair moved across', (seed) => {
    const packs = makePacks(seed, 30);
    const threshold = findCrossingThreshold(packs);
    const rounded = measureScoreError(packs.before, packs.after, threshold);
    expect(rounded.crossedUp + rounded.crossedDown).toBeGreaterThan(0);
    expect(fixCrossings(packs.before, packs.after, threshold)).toBe(0);
    expect(measureScoreError(packs.before, packs.after, threshold)).toMatchObject({ crossedUp: 0, crossedDown: 0 });
    // Every value stays a float16, within two steps of float32.
    for (const [i, sample] of packs.after.samples.entries()) {
      for (const [k, value] of sample.embedding.entries()) {
        expect(f16round(value)).toBe(value);
        const original = packs.before.samples[i].embedding[k];
        expect(Math.abs(value - original)).toBeLessThanOrEqual(2 * float16Step(original));
      }
    }
  });
});
