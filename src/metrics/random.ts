/**
 * Seeded pseudo-random numbers, injected wherever statistics resample (STYLE.md: randomness is
 * injected so tests are reproducible). Not for anything security related.
 */

/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator, public domain): small, fast, and good enough
 * for bootstrap resampling. Same seed, same sequence.
 */
export function createMulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Approximately normal numbers (mean 0, sd 1) by Box-Muller, for synthetic test embeddings. */
export function createNormalSource(random: RandomSource): RandomSource {
  return () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}
