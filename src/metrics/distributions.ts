/**
 * Data ready to draw: score histograms per group and pair kind, and DET curves (FMR vs FNMR over
 * thresholds) per group. Rates follow shared/spec/bias-metrics.md ("Per-group rates").
 */
import { findLowerBound } from './float';
import { countAtLeast, countBelow, type ScoreIndex, type SortedScores } from './score-index';

/** Default histogram bin width, in score units. */
export const DEFAULT_BIN_WIDTH_SCORE = 0.02;
/** Default number of DET points per group when thresholds are not given. */
export const DEFAULT_DET_POINTS = 400;
/** Bin edges are snapped to this many decimals so 0.06 / 0.02 lands in bin 3, not 2. */
const EDGE_DECIMALS = 9;

/** Counts of one group's scores of one kind in equal bins over [min, max]. */
export interface ScoreHistogram {
  readonly group: string;
  readonly kind: 'genuine' | 'impostor';
  /** Bin width in score units; bin b covers [min + b w, min + (b + 1) w), the last one includes max. */
  readonly binWidth: number;
  readonly min: number;
  readonly max: number;
  readonly counts: readonly number[];
  /** Scores in the bins (below/above are not). */
  readonly total: number;
  /** Scores below `min` and above `max`, kept out of the bins but not dropped silently. */
  readonly below: number;
  readonly above: number;
}

/** Options of {@link computeScoreHistograms}. */
export interface HistogramOptions {
  readonly binWidth?: number;
  readonly min?: number;
  readonly max?: number;
}

/** Bins one ascending array. */
function binSorted(sorted: Float64Array, min: number, max: number, binWidth: number, bins: number): { counts: number[]; below: number; above: number } {
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (const score of sorted) {
    if (score < min) below++;
    else if (score > max) above++;
    else {
      const position = Math.floor(Number(((score - min) / binWidth).toFixed(EDGE_DECIMALS)));
      counts[Math.min(bins - 1, position)]++;
    }
  }
  return { counts, below, above };
}

/**
 * Histograms of every group's genuine and impostor scores (spec membership), default bins of
 * 0.02 over 0..1. A group without pairs of a kind gets all-zero counts and total 0.
 */
export function computeScoreHistograms(index: ScoreIndex, options: HistogramOptions = {}): ScoreHistogram[] {
  const binWidth = options.binWidth ?? DEFAULT_BIN_WIDTH_SCORE;
  const min = options.min ?? 0;
  const max = options.max ?? 1;
  if (!(binWidth > 0) || !(max > min)) throw new RangeError(`Histogram needs binWidth > 0 and max > min (got ${binWidth}, ${min}..${max}).`);
  const bins = Math.max(1, Math.round((max - min) / binWidth));
  const out: ScoreHistogram[] = [];
  for (const group of index.groups) {
    const scores = index.byGroup.get(group) as SortedScores;
    for (const kind of ['genuine', 'impostor'] as const) {
      const { counts, below, above } = binSorted(scores[kind], min, max, binWidth, bins);
      out.push({ group, kind, binWidth, min, max, counts, total: scores[kind].length - below - above, below, above });
    }
  }
  return out;
}

/** One point of a DET curve. */
export interface DetPoint {
  readonly threshold: number;
  readonly fmr: number;
  readonly fnmr: number;
  /** False when either rate is 0: such a point has no place on log axes. */
  readonly isLogPlottable: boolean;
}

/** A group's DET curve; null rates make no curve, so groups missing a pair kind are left out. */
export interface DetCurve {
  readonly group: string;
  readonly points: readonly DetPoint[];
  /** Points with a zero rate (kept in `points`, flagged, for the caller to skip on log axes). */
  readonly zeroRatePoints: number;
}

/** Options of {@link computeDetCurves}. */
export interface DetOptions {
  /** Thresholds to evaluate, ascending; default: the group's distinct scores, thinned. */
  readonly thresholds?: readonly number[];
  /** Maximum points per group when thresholds are not given. */
  readonly maxPoints?: number;
}

/** Distinct scores of a group, thinned evenly to at most `maxPoints` (ends kept). */
function pickThresholds(scores: SortedScores, maxPoints: number): number[] {
  const all = new Float64Array(scores.genuine.length + scores.impostor.length);
  all.set(scores.genuine);
  all.set(scores.impostor, scores.genuine.length);
  all.sort();
  const distinct: number[] = [];
  for (let k = 0; k < all.length; k++) if (k === 0 || all[k] !== all[k - 1]) distinct.push(all[k]);
  if (distinct.length <= maxPoints) return distinct;
  const step = (distinct.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, p) => distinct[Math.round(p * step)]);
}

/**
 * DET curves per group: (fmr(t), fnmr(t)) at each threshold, each point a pair of binary searches.
 * Groups without genuine or without impostor pairs have no curve and are left out.
 */
export function computeDetCurves(index: ScoreIndex, options: DetOptions = {}): DetCurve[] {
  const curves: DetCurve[] = [];
  for (const group of index.groups) {
    const scores = index.byGroup.get(group) as SortedScores;
    if (scores.genuine.length === 0 || scores.impostor.length === 0) continue;
    const thresholds = options.thresholds ?? pickThresholds(scores, options.maxPoints ?? DEFAULT_DET_POINTS);
    let zeroRatePoints = 0;
    const points = thresholds.map((threshold) => {
      const fmr = countAtLeast(scores.impostor, threshold) / scores.impostor.length;
      const fnmr = countBelow(scores.genuine, threshold) / scores.genuine.length;
      const isLogPlottable = fmr > 0 && fnmr > 0;
      if (!isLogPlottable) zeroRatePoints++;
      return { threshold, fmr, fnmr, isLogPlottable };
    });
    curves.push({ group, points, zeroRatePoints });
  }
  return curves;
}
