/**
 * The seeded generator of src/metrics/random under the name the score strip and the synthetic
 * test pack import (src/components/fg-score-strip.ts, test/fixtures/synthetic-pack.ts). No
 * generator of its own: delete this file once those two import `createMulberry32` directly.
 */
export { createMulberry32 as createRandom, type RandomSource } from '../metrics/random';
