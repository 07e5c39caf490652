/**
 * Seeded synthetic embeddings for the all-pairs tests (node: test/unit/metrics/all-pairs.test.ts,
 * Chromium: test/browser/all-pairs-worker.test.ts), so both score the same kind of data.
 */
import { createMulberry32, createNormalSource } from '../../../src/metrics/random';

/** Embeddings around five centres, so scores spread over 0..1 instead of clamping at 0. */
export function makeClusteredEmbeddings(count: number, dim: number, seed: number): Float32Array[] {
  const normal = createNormalSource(createMulberry32(seed));
  // Squared distances near 40 within a centre and 100 between: scores from about 0.3 to 0.8.
  const centreSd = Math.sqrt(30 / dim);
  const noiseSd = Math.sqrt(20 / dim);
  const centres = Array.from({ length: 5 }, () => Array.from({ length: dim }, () => normal() * centreSd));
  return Array.from({ length: count }, (_, i) => Float32Array.from(centres[i % 5], (c) => c + normal() * noiseSd));
}
