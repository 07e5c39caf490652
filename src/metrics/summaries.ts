/**
 * Summaries of per-group rates at one threshold (shared/spec/bias-metrics.md, "Summaries across
 * groups"). Every function takes only the defined rates (null rates are left out by the caller or
 * filtered here) and returns null over fewer than two groups. An infinite value is `Infinity`
 * here and becomes the JSON string "Infinity" in the report.
 */
import { DEFAULT_ALPHA } from './types';

/** Minimum number of groups with a defined rate for any summary (spec). */
export const MIN_GROUPS_FOR_SUMMARY = 2;

/** Keeps the defined rates only. */
export function selectDefinedRates(rates: readonly (number | null)[]): number[] {
  return rates.filter((rate): rate is number => rate !== null);
}

/**
 * Ratio of two rates with the spec's zero rules for ratio summaries ("Max/min ratio"): null when
 * either rate is undefined or both are 0 (no errors to compare), Infinity when only the
 * denominator is 0. Used for the max/min and max/geomean summaries and for the ratio of two named
 * groups (the views' sentence, the bootstrap's group ratios).
 */
export function computeRateRatio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null) return null;
  if (numerator === 0 && denominator === 0) return null;
  if (denominator === 0) return Infinity;
  return numerator / denominator;
}

/**
 * Max/min ratio, `max r / min r` (spec). Null over < 2 groups or when the max is 0 (no errors
 * anywhere); Infinity when only the min is 0.
 */
export function computeMaxMinRatio(rates: readonly (number | null)[]): number | null {
  const defined = selectDefinedRates(rates);
  if (defined.length < MIN_GROUPS_FOR_SUMMARY) return null;
  return computeRateRatio(Math.max(...defined), Math.min(...defined));
}

/**
 * Max/geometric-mean ratio, `max r / exp(mean ln r)` (NIST's proposed summary; spec), with the
 * zero rules of {@link computeMaxMinRatio}: a zero rate makes the geometric mean 0 (ln 0 = -Infinity).
 */
export function computeMaxGeomeanRatio(rates: readonly (number | null)[]): number | null {
  const defined = selectDefinedRates(rates);
  if (defined.length < MIN_GROUPS_FOR_SUMMARY) return null;
  const meanLog = defined.reduce((sum, rate) => sum + Math.log(rate), 0) / defined.length;
  return computeRateRatio(Math.max(...defined), Math.exp(meanLog));
}

/** Largest pairwise absolute difference, `max_ij |r_i - r_j|`; null over < 2 groups. */
export function computeMaxDifference(rates: readonly (number | null)[]): number | null {
  const defined = selectDefinedRates(rates);
  if (defined.length < MIN_GROUPS_FOR_SUMMARY) return null;
  return Math.max(...defined) - Math.min(...defined);
}

/** `alpha * fmrValue + (1 - alpha) * fnmrValue`, the spec's weighting in FDR and GARBE; null if either is. */
function weighRates(fmrValue: number | null, fnmrValue: number | null, alpha: number): number | null {
  return fmrValue === null || fnmrValue === null ? null : alpha * fmrValue + (1 - alpha) * fnmrValue;
}

/**
 * Fairness Discrepancy Rate (de Freitas Pereira & Marcel 2021; spec):
 * `1 - (alpha * maxdiff(fmr) + (1 - alpha) * maxdiff(fnmr))`; 1 is parity.
 * Null when either rate is defined for fewer than two groups.
 */
export function computeFairnessDiscrepancyRate(
  fmr: readonly (number | null)[],
  fnmr: readonly (number | null)[],
  alpha = DEFAULT_ALPHA,
): number | null {
  const weighted = weighRates(computeMaxDifference(fmr), computeMaxDifference(fnmr), alpha);
  return weighted === null ? null : 1 - weighted;
}

/**
 * Inequity rate, `(fmr max/min)^alpha * (fnmr max/min)^(1 - alpha)` (spec). Null when either
 * ratio is null; Infinity when either ratio is infinite.
 */
export function computeInequityRate(
  fmr: readonly (number | null)[],
  fnmr: readonly (number | null)[],
  alpha = DEFAULT_ALPHA,
): number | null {
  const fmrRatio = computeMaxMinRatio(fmr);
  const fnmrRatio = computeMaxMinRatio(fnmr);
  if (fmrRatio === null || fnmrRatio === null) return null;
  if (fmrRatio === Infinity || fnmrRatio === Infinity) return Infinity;
  return fmrRatio ** alpha * fnmrRatio ** (1 - alpha);
}

/**
 * Gini coefficient with the small-sample factor of Howard et al. (spec):
 * `n/(n-1) * sum_i sum_j |x_i - x_j| / (2 n^2 mean(x))`, 0 when the mean is 0, null over < 2 values.
 */
export function computeGini(rates: readonly (number | null)[]): number | null {
  const x = selectDefinedRates(rates);
  const n = x.length;
  if (n < MIN_GROUPS_FOR_SUMMARY) return null;
  const mean = x.reduce((sum, v) => sum + v, 0) / n;
  if (mean === 0) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) total += Math.abs(x[i] - x[j]);
  return (n / (n - 1)) * (total / (2 * n * n * mean));
}

/**
 * GARBE (Howard et al.; spec): `alpha * G(fmr) + (1 - alpha) * G(fnmr)`.
 * Null when either Gini is undefined (fewer than two groups with that rate).
 */
export function computeGarbe(
  fmr: readonly (number | null)[],
  fnmr: readonly (number | null)[],
  alpha = DEFAULT_ALPHA,
): number | null {
  return weighRates(computeGini(fmr), computeGini(fnmr), alpha);
}

/** All summaries of the spec at one threshold, numbers possibly Infinity. */
export interface BiasSummary {
  readonly fmrMaxMinRatio: number | null;
  readonly fnmrMaxMinRatio: number | null;
  readonly fmrMaxGeomeanRatio: number | null;
  readonly fnmrMaxGeomeanRatio: number | null;
  readonly fdr: number | null;
  readonly inequityRate: number | null;
  readonly garbe: number | null;
}

/** Computes every summary of the spec from per-group rates (null entries are undefined rates). */
export function summariseRates(
  fmr: readonly (number | null)[],
  fnmr: readonly (number | null)[],
  alpha = DEFAULT_ALPHA,
): BiasSummary {
  return {
    fmrMaxMinRatio: computeMaxMinRatio(fmr),
    fnmrMaxMinRatio: computeMaxMinRatio(fnmr),
    fmrMaxGeomeanRatio: computeMaxGeomeanRatio(fmr),
    fnmrMaxGeomeanRatio: computeMaxGeomeanRatio(fnmr),
    fdr: computeFairnessDiscrepancyRate(fmr, fnmr, alpha),
    inequityRate: computeInequityRate(fmr, fnmr, alpha),
    garbe: computeGarbe(fmr, fnmr, alpha),
  };
}
