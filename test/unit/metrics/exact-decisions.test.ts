import { describe, expect, it } from 'vitest';
import { computeSimilarity } from '../../../src/matching/similarity';
import { packEmbeddings, scoreAllPairs } from '../../../src/metrics/all-pairs';
import { createMulberry32, createNormalSource } from '../../../src/metrics/random';

const DIM = 1024;
const THRESHOLDS = [0.5, 0.6, 0.594];

/**
 * Pairs (a, b) whose exact score lies within 1e-6 of a threshold, on both sides: b = a + s * d with
 * s found by bisection on the float32 vectors actually stored, as a real near-tie would be.
 */
function makeNearThresholdPairs(perThreshold: number, seed: number): { embeddings: Float32Array[]; targets: number[] } {
  const normal = createNormalSource(createMulberry32(seed));
  const embeddings: Float32Array[] = [];
  const targets: number[] = [];
  for (const threshold of THRESHOLDS) {
    for (let p = 0; p < perThreshold; p++) {
      const a = Float32Array.from({ length: DIM }, () => normal() * Math.sqrt(30 / DIM));
      const d = Float32Array.from({ length: DIM }, () => normal() * Math.sqrt(60 / DIM));
      const at = (s: number) => Float32Array.from(a, (x, k) => x + s * d[k]);
      let [lo, hi] = [0, 4]; // score(lo) > threshold > score(hi)
      for (let step = 0; step < 80 && computeSimilarity(a, at((lo + hi) / 2)) !== threshold; step++) {
        if (computeSimilarity(a, at((lo + hi) / 2)) >= threshold) lo = (lo + hi) / 2;
        else hi = (lo + hi) / 2;
      }
      // Alternate just above and just below the threshold.
      const b = at(p % 2 === 0 ? lo : hi);
      expect(Math.abs(computeSimilarity(a, b) - threshold)).toBeLessThan(1e-6);
      embeddings.push(a, b);
      targets.push(threshold);
    }
  }
  return { embeddings, targets };
}

describe('decisions at a threshold are exact (float64 accumulation and storage)', () => {
  const { embeddings, targets } = makeNearThresholdPairs(40, 5);
  const { packed } = packEmbeddings(embeddings);
  const results = { simd: scoreAllPairs(packed, DIM), js: scoreAllPairs(packed, DIM, { kernel: 'js' }) };

  it('uses both kernels', () => {
    expect(results.simd.kernel).toBe('wasm-simd');
    expect(results.js.kernel).toBe('js');
  });

  it('SIMD, JS and computeSimilarity agree on every decision for pairs within 1e-6 of the threshold', () => {
    const n = embeddings.length;
    let checked = 0;
    let above = 0;
    for (let pair = 0; pair < targets.length; pair++) {
      const [i, j] = [2 * pair, 2 * pair + 1];
      const k = i * n - (i * (i + 1)) / 2 + (j - i - 1);
      const exact = computeSimilarity(embeddings[i], embeddings[j]);
      for (const threshold of THRESHOLDS) {
        const decision = exact >= threshold;
        expect(results.simd.scores[k] >= threshold, `SIMD, pair ${pair} at ${threshold}`).toBe(decision);
        expect(results.js.scores[k] >= threshold, `JS, pair ${pair} at ${threshold}`).toBe(decision);
      }
      expect(Math.abs(results.simd.scores[k] - exact)).toBeLessThan(1e-12);
      expect(Math.abs(results.js.scores[k] - exact)).toBeLessThan(1e-12);
      if (exact >= targets[pair]) above++;
      checked++;
    }
    expect(checked).toBe(120);
    expect(above).toBeGreaterThan(30); // both sides of each threshold are exercised
    expect(above).toBeLessThan(90);
  });
});
