/** Seeded pseudo-random numbers, so bootstrap intervals and jitter are the same on every render. */

/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/** Seed the views use unless told otherwise: the same figures on every laptop in a room. */
export const DEFAULT_SEED = 20240517;

/** mulberry32: a small, fast generator, good enough for resampling and jitter (not for secrets). */
export function createRandom(seed: number = DEFAULT_SEED): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
