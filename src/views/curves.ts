/**
 * Chart data from sorted scores: histograms of genuine and impostor scores and DET curve points
 * (false non-match rate against false-match rate as the threshold moves), per group.
 * Rates use the spec's decision rule (match when score >= t) through src/metrics.
 */
import { countAtLeast, countBelow, type SortedScores } from '../metrics/score-index';

/** Bins of the 0..1 score axis in the distribution charts. */
export const HISTOGRAM_BINS = 40;
/** Most points kept per DET curve; more add nothing a screen can show. */
export const MAX_DET_POINTS = 160;

/** Share of scores per bin of [0, 1] (sums to 1), empty for no scores. */
export function computeHistogram(sorted: Float64Array, bins = HISTOGRAM_BINS): number[] {
  if (sorted.length === 0) return [];
  const counts = new Array<number>(bins).fill(0);
  for (const score of sorted) counts[Math.min(bins - 1, Math.max(0, Math.floor(score * bins)))]++;
  return counts.map((c) => c / sorted.length);
}

/** One point of a DET curve. */
export interface DetPoint {
  readonly threshold: number;
  readonly fmr: number;
  readonly fnmr: number;
}

/**
 * DET points at up to {@link MAX_DET_POINTS} thresholds spread over the pooled scores' quantiles.
 * Empty when either kind of pair is missing (the curve is undefined).
 */
export function computeDetPoints(scores: SortedScores, maxPoints = MAX_DET_POINTS): DetPoint[] {
  const { genuine, impostor } = scores;
  if (genuine.length === 0 || impostor.length === 0) return [];
  const pooled = Float64Array.from([...genuine, ...impostor]).sort();
  const step = Math.max(1, Math.floor(pooled.length / maxPoints));
  const points: DetPoint[] = [];
  let last = NaN;
  for (let i = 0; i < pooled.length; i += step) {
    const t = pooled[i];
    if (t === last) continue;
    last = t;
    points.push({ threshold: t, fmr: countAtLeast(impostor, t) / impostor.length, fnmr: countBelow(genuine, t) / genuine.length });
  }
  return points;
}

/** The point of a curve at a threshold (for the marker of the current threshold). */
export function computeDetPointAt(scores: SortedScores, threshold: number): DetPoint | null {
  const { genuine, impostor } = scores;
  if (genuine.length === 0 || impostor.length === 0) return null;
  return { threshold, fmr: countAtLeast(impostor, threshold) / impostor.length, fnmr: countBelow(genuine, threshold) / genuine.length };
}
