/**
 * Decisions at a threshold are the float64 score's, whatever the kernel: pairs built to score
 * within 1e-6 of the threshold get the same decision from the WebAssembly SIMD kernel, the
 * plain-JS tiles and the pair-by-pair computeSimilarity (the SIMD kernel runs in node's wasm too).
 */
import { describe, expect, it } from 'vitest';
import { computeSimilarity } from '../../../src/matching/similarity';
import { packEmbeddings, scoreAllPairs, findPairPosition } from '../../../src/metrics/all-pairs';
import { createMulberry32, createNormalSource } from '../../../src/metrics/random';

const THRESHOLD = 0.5;
/** human-similarity-v1 scores 0.5 at squared distance 100 (1 - sqrt(25 d2) / 100 = 0.2 + 0.6 * 0.5). */
const SQUARED_DISTANCE_AT_THRESHOLD = 100;
const DIM = 1024;
const PAIRS = 400;

/** Pairs (2m, 2m + 1) whose score lies within about 1e-6 of {@link THRESHOLD}, on both sides. */
function makeNearThresholdEmbeddings(seed: number): Float32Array[] {
  const random = createMulberry32(seed);
  const normal = createNormalSource(random);
  const out: Float32Array[] = [];
  for (let m = 0; m < PAIRS; m++) {
    const a = Float32Array.from({ length: DIM }, () => normal() * 0.2);
    const step = Array.from({ length: DIM }, () => normal());
    const length = Math.sqrt(step.reduce((sum, v) => sum + v * v, 0));
    // The score moves by 0.83x the relative distance change: 1.1e-6 either way stays within 1e-6.
    const scale = (Math.sqrt(SQUARED_DISTANCE_AT_THRESHOLD) / length) * (1 + (random() - 0.5) * 2.2e-6);
    out.push(a, Float32Array.from(a, (v, k) => v + step[k] * scale));
  }
  return out;
}

describe('decisions near the threshold', () => {
  const embeddings = makeNearThresholdEmbeddings(5);
  const { packed, dim } = packEmbeddings(embeddings);
  const simd = scoreAllPairs(packed, dim);
  const js = scoreAllPairs(packed, dim, { kernel: 'js' });
  const near = Array.from({ length: PAIRS }, (_, m) => {
    const position = findPairPosition(2 * m, 2 * m + 1, embeddings.length);
    return { position, exact: computeSimilarity(embeddings[2 * m], embeddings[2 * m + 1]) };
  });

  it('builds pairs that straddle the threshold within 1e-6', () => {
    expect(simd.kernel).toBe('wasm-simd');
    expect(near.every(({ exact }) => Math.abs(exact - THRESHOLD) < 1e-6)).toBe(true);
    expect(near.filter(({ exact }) => exact >= THRESHOLD).length).toBeGreaterThan(PAIRS / 4);
    expect(near.filter(({ exact }) => exact < THRESHOLD).length).toBeGreaterThan(PAIRS / 4);
  });

  it('SIMD, JS and computeSimilarity agree on every decision', () => {
    const decide = (score: number) => score >= THRESHOLD;
    const disagreeing = near.filter(({ position, exact }) =>
      decide(simd.scores[position]) !== decide(exact) || decide(js.scores[position]) !== decide(exact));
    expect(disagreeing).toEqual([]);
  });

  it('scores every pair within 1e-12 of computeSimilarity, with both kernels', () => {
    let worst = 0;
    for (let k = 0; k < simd.scores.length; k++) {
      const exact = computeSimilarity(embeddings[simd.indexA[k]], embeddings[simd.indexB[k]]);
      worst = Math.max(worst, Math.abs(simd.scores[k] - exact), Math.abs(js.scores[k] - exact));
    }
    expect(worst).toBeLessThan(1e-12);
  });
});
