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
 * each element at most once per move: within two float16 steps of the original, unless the vector
 * is moved for several pairs; utkface-3000.dlib's went to 2.7 steps, scripts/pack-check.ts measures it).
 * The moved vector's other pairs are checked again; when the move pushed one of them across, the
 * vector is restored and the pair's other vector is tried instead (dlib's scores crowd its
 * threshold, so one vector often cannot move without another pair crossing). Returns the pairs
 * it could not put back: those stay as round-to-nearest left them.
 */
export function fixCrossings(before: ReferencePack, after: ReferencePack, threshold: number): number {
  const score = scoreOf(before);
  const n = before.samples.length;
  const isSideKept = (p: number, q: number) => (score(before.samples[p].embedding, before.samples[q].embedding) >= threshold) === (score(after.samples[p].embedding, after.samples[q].embedding) >= threshold);
  /** Moves vector `p` of the pair (p, q) back to the pair's side; keeps the move only if none of p's pairs crosses. */
  const tryMove = (p: number, q: number): boolean => {
    const a = after.samples[p].embedding, b = after.samples[q].embedding;
    const saved = Float32Array.from(a);
    // p's pairs on their side now must stay there (pairs already across are fixed in their own turn).
    const kept = [...before.samples.keys()].filter((m) => m !== p && m !== q && isSideKept(p, m));
    // Higher scores mean closer vectors for both scores here: move a away from b to lower it.
    const wantsLower = score(before.samples[p].embedding, before.samples[q].embedding) < threshold;
    const order = [...a.keys()].sort((x, y) => Math.abs(a[y] - b[y]) - Math.abs(a[x] - b[x]));
    for (const k of order) {
      if (isSideKept(p, q)) break;
      a[k] = stepFloat16(a[k], wantsLower === a[k] > b[k]);
    }
    const isFixed = isSideKept(p, q) && kept.every((m) => isSideKept(p, m));
    if (!isFixed) a.set(saved);
    return isFixed;
  };
  let unfixed = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (isSideKept(i, j)) continue;
      if (!tryMove(i, j) && !tryMove(j, i)) unfixed++;
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
