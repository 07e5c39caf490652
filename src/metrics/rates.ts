/**
 * Per-group and overall error rates at a threshold, with Wilson intervals.
 * shared/spec/bias-metrics.md, "Per-group rates at threshold t".
 */
import { countAtLeast, countBelow, type ScoreIndex, type SortedScores } from './score-index';
import type { RateEstimate } from './types';

/** z of a two-sided 95% interval, as the spec fixes it. */
export const WILSON_Z_95 = 1.959963984540054;

/**
 * Wilson score interval of `errors` out of `trials`, clamped to [0, 1] (spec).
 * Returns null for zero trials (the rate is undefined). Treats pairs as independent.
 */
export function computeWilsonInterval(errors: number, trials: number, z = WILSON_Z_95): [number, number] | null {
  if (trials <= 0) return null;
  const p = errors / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Builds a {@link RateEstimate}; a rate over no pairs is null (spec: undefined). */
export function estimateRate(errors: number, pairs: number): RateEstimate {
  return {
    rate: pairs > 0 ? errors / pairs : null,
    errors,
    pairs,
    ci95: computeWilsonInterval(errors, pairs),
  };
}

/**
 * False-match rate at `threshold`: impostor scores `>= threshold` over impostor pairs (spec `fmr_g`).
 * Null rate for an empty population.
 */
export function computeFalseMatchRate(scores: SortedScores, threshold: number): RateEstimate {
  return estimateRate(countAtLeast(scores.impostor, threshold), scores.impostor.length);
}

/**
 * False non-match rate at `threshold`: genuine scores `< threshold` over genuine pairs
 * (spec `fnmr_g`). Null rate for an empty population.
 */
export function computeFalseNonMatchRate(scores: SortedScores, threshold: number): RateEstimate {
  return estimateRate(countBelow(scores.genuine, threshold), scores.genuine.length);
}

/** Both rates of one group (or of all pairs) at one threshold. */
export interface GroupRates {
  /** Group label, or `overall`. */
  readonly group: string;
  /** False-match rate and interval. */
  readonly fmr: RateEstimate;
  /** False non-match rate and interval. */
  readonly fnmr: RateEstimate;
}

/** Rates of every group at `threshold`, in the index's group order (spec "Per-group rates"). */
export function computeGroupRates(index: ScoreIndex, threshold: number): GroupRates[] {
  return index.groups.map((group) => {
    const scores = index.byGroup.get(group) as SortedScores;
    return { group, fmr: computeFalseMatchRate(scores, threshold), fnmr: computeFalseNonMatchRate(scores, threshold) };
  });
}

/** Overall rates at `threshold` over all pairs, cross-group impostors included (spec `overall`). */
export function computeOverallRates(index: ScoreIndex, threshold: number): GroupRates {
  return {
    group: 'overall',
    fmr: computeFalseMatchRate(index.overall, threshold),
    fnmr: computeFalseNonMatchRate(index.overall, threshold),
  };
}
