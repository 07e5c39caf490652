/**
 * Encodes a v1 pack (JSON) as v2 (binary, docs/pack-format.md) the way every shipped pack is made,
 * and measures how far the encoding moves the scores: every pair's human-similarity-v1 (or
 * cosine-v1) before and after, the largest difference, and the pairs that cross a threshold either
 * way; float16 crossings are put back on their side. Used by scripts/pack-convert.ts and build:pack.
 */
import { getFloat16, setFloat16 } from '@petamoriken/float16';
import { decodeBinaryPack, decodePack, encodeBinaryPack, type PackVectorDtype, type ReferencePack } from '../src/datasets/pack';
import { DEFAULT_THRESHOLD_SIMILARITY } from '../src/matching/threshold';
import { computeSimilarity } from '../src/matching/similarity';

/** The score the pack is meant for; cosine for models other than faceres. */
function scoreOf(pack: ReferencePack): (a: Float32Array, b: Float32Array) => number {
  if (pack.score === 'human-similarity-v1') return computeSimilarity;
  return (a, b) => {
    let dot = 0, na = 0, nb = 0;
    for (let i = 0; i < a.length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
    return dot / Math.sqrt(na * nb);
  };
}

/** Largest score difference over all pairs, and pairs on either side of `threshold` that switch. */
export function measureScoreError(before: ReferencePack, after: ReferencePack, threshold: number) {
  const score = scoreOf(before);
  let maxError = 0, sumError = 0, pairs = 0, crossedUp = 0, crossedDown = 0;
  const n = before.samples.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s0 = score(before.samples[i].embedding, before.samples[j].embedding);
      const s1 = score(after.samples[i].embedding, after.samples[j].embedding);
      const error = Math.abs(s1 - s0);
      maxError = Math.max(maxError, error);
      sumError += error;
      pairs++;
      if (s0 < threshold && s1 >= threshold) crossedUp++;
      if (s0 >= threshold && s1 < threshold) crossedDown++;
    }
  }
  return { pairs, maxError, meanError: sumError / Math.max(pairs, 1), crossedUp, crossedDown };
}

/** The float16 next to `value` (already a float16) one step up or down, by bit pattern. */
function stepFloat16(value: number, up: boolean): number {
  const view = new DataView(new ArrayBuffer(2));
  setFloat16(view, 0, value);
  const bits = view.getUint16(0);
  const isNegative = (bits & 0x8000) !== 0;
  // Magnitude grows with the bits on either sign; zero's neighbours are the smallest subnormals.
  if (value === 0) return up ? 2 ** -24 : -(2 ** -24);
  view.setUint16(0, up !== isNegative ? bits + 1 : bits - 1);
  return getFloat16(view, 0);
}

/**
 * Pairs that round-to-nearest pushed across `threshold` are put back on their side by moving
 * elements of one vector one float16 step further in the needed direction (largest |a-b| first,
 * each element at most once, so every value stays within two float16 steps of the original).
 * The vector's other pairs are checked again. Returns the pairs it could not put back.
 */
export function fixCrossings(before: ReferencePack, after: ReferencePack, threshold: number): number {
  const score = scoreOf(before);
  const n = before.samples.length;
  let unfixed = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s0 = score(before.samples[i].embedding, before.samples[j].embedding);
      const a = after.samples[i].embedding, b = after.samples[j].embedding;
      const isAbove = () => score(a, b) >= threshold;
      if ((s0 >= threshold) === isAbove()) continue;
      // Higher scores mean closer vectors for both scores here: move a away from b to lower it.
      const wantsLower = s0 < threshold;
      const order = [...a.keys()].sort((x, y) => Math.abs(a[y] - b[y]) - Math.abs(a[x] - b[x]));
      for (const k of order) {
        if ((s0 >= threshold) === isAbove()) break;
        a[k] = stepFloat16(a[k], wantsLower === a[k] > b[k]);
      }
      let isFixed = (s0 >= threshold) === isAbove();
      for (let m = 0; m < n && isFixed; m++) {
        if (m === i) continue;
        const t0 = score(before.samples[i].embedding, before.samples[m].embedding);
        isFixed = (t0 >= threshold) === (score(a, after.samples[m].embedding) >= threshold);
      }
      if (!isFixed) unfixed++;
    }
  }
  return unfixed;
}

/** What `encodePackV2` wrote and measured. */
export interface PackV2Encoding {
  bytes: Uint8Array;
  samples: number;
  threshold: number;
  pairs: number;
  maxError: number;
  meanError: number;
  crossedUp: number;
  crossedDown: number;
  /** Crossings that could not be put back (null: none needed fixing). */
  unfixed: number | null;
}

/** Encodes v1 pack text as v2 with `dtype`, measuring the score error at `threshold` over all pairs. */
export function encodePackV2(text: string, dtype: PackVectorDtype = 'float16', threshold = DEFAULT_THRESHOLD_SIMILARITY): PackV2Encoding {
  const root = JSON.parse(text) as { model: { sha256: string; dim: number }; score: string };
  const expected = { modelSha256: root.model.sha256, dim: root.model.dim, scoreId: root.score };
  const before = decodePack(text, expected);
  let bytes = encodeBinaryPack(before, dtype);
  let after = decodeBinaryPack(bytes, expected);
  let error = measureScoreError(before, after, threshold);
  let unfixed = null;
  if (dtype === 'float16' && error.crossedUp + error.crossedDown > 0) {
    unfixed = fixCrossings(before, after, threshold);
    bytes = encodeBinaryPack(after, dtype);
    after = decodeBinaryPack(bytes, expected);
    error = measureScoreError(before, after, threshold);
  }
  return { bytes, samples: before.samples.length, threshold, ...error, unfixed };
}
