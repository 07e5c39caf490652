/**
 * Threshold at a target false-match rate, and equal error rates.
 * shared/spec/bias-metrics.md, "Thresholds".
 */
import { findLowerBound, findUpperBound, nextUp } from './float';
import type { ScoreIndex, SortedScores } from './score-index';

/** The false-match rate a global threshold is set at unless told otherwise (views and CLI). */
export const DEFAULT_TARGET_FMR = 1e-3;

/**
 * Smallest candidate c with fmr(c) <= target, where candidates are the distinct impostor scores
 * plus nextUp(max) (spec). Set globally over all impostor pairs when given `index.overall`.
 * Returns null when there are no impostor scores (fmr is undefined everywhere). O(log n).
 */
export function findThresholdAtFmr(impostorSorted: Float64Array, target: number): number | null {
  const n = impostorSorted.length;
  if (n === 0) return null;
  // fmr at the candidate starting at sorted index k is (n - k) / n, which falls as k grows.
  let low = 0;
  let high = n;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((n - mid) / n <= target) high = mid;
    else low = mid + 1;
  }
  if (low === n) return nextUp(impostorSorted[n - 1]);
  const value = impostorSorted[low];
  if (findLowerBound(impostorSorted, value) === low) return value;
  // `low` sits inside a run of equal scores whose fmr is too high: take the next distinct score.
  const next = findUpperBound(impostorSorted, value);
  return next < n ? impostorSorted[next] : nextUp(impostorSorted[n - 1]);
}

/** An equal error rate and the threshold it is found at. */
export interface EqualErrorRate {
  /** The chosen candidate threshold. */
  readonly threshold: number;
  /** (fmr + fnmr) / 2 at that threshold. */
  readonly eer: number;
}

/**
 * Equal error rate over one population (spec, "Equal error rate"): candidates are the distinct
 * scores of all its pairs plus nextUp(max); the one minimising |fmr - fnmr| wins, ties going to the
 * smallest. Returns null when genuine or impostor pairs are missing. One merged O(n) sweep.
 */
export function computeEqualErrorRate(scores: SortedScores): EqualErrorRate | null {
  const { genuine, impostor } = scores;
  const nG = genuine.length;
  const nI = impostor.length;
  if (nG === 0 || nI === 0) return null;
  let g = 0;
  let i = 0;
  let bestThreshold = NaN;
  let bestGap = Infinity;
  let bestEer = NaN;
  const consider = (candidate: number): void => {
    // Pointers g and i count the scores strictly below the candidate.
    const fmr = (nI - i) / nI;
    const fnmr = g / nG;
    const gap = Math.abs(fmr - fnmr);
    if (gap < bestGap) {
      bestGap = gap;
      bestThreshold = candidate;
      bestEer = (fmr + fnmr) / 2;
    }
  };
  while (g < nG || i < nI) {
    const candidate = g < nG && (i >= nI || genuine[g] <= impostor[i]) ? genuine[g] : impostor[i];
    consider(candidate);
    while (g < nG && genuine[g] === candidate) g++;
    while (i < nI && impostor[i] === candidate) i++;
  }
  consider(nextUp(Math.max(genuine[nG - 1], impostor[nI - 1])));
  return { threshold: bestThreshold, eer: bestEer };
}

/** Equal error rates overall and per group; a group missing either kind of pair gets null. */
export function computeEqualErrorRates(index: ScoreIndex): {
  overall: EqualErrorRate | null;
  byGroup: Map<string, EqualErrorRate | null>;
} {
  const byGroup = new Map<string, EqualErrorRate | null>();
  for (const group of index.groups) {
    byGroup.set(group, computeEqualErrorRate(index.byGroup.get(group) as SortedScores));
  }
  return { overall: computeEqualErrorRate(index.overall), byGroup };
}
