/**
 * A one-sided bound for a rate with no errors, so a group without errors never reads as "0%-0%"
 * (certainty) next to groups with intervals.
 */

/**
 * Exact one-sided 95% upper bound of a rate after 0 errors in `trials` independent trials:
 * 1 - 0.05^(1/n), which the "rule of three" (3/n) approximates for large n. Pairs sharing faces
 * are not independent, so the true bound is wider; the views say "at most". 1 when trials is 0.
 */
export function computeNoErrorUpperBound(trials: number): number {
  if (trials <= 0) return 1;
  return 1 - Math.pow(0.05, 1 / trials);
}
