/**
 * Data ready to draw: score histograms per group and pair kind, and DET curves (FMR vs FNMR over
 * thresholds) per group. Rates follow shared/spec/bias-metrics.md ("Per-group rates").
 */
import { findLowerBound, findUpperBound } from './float';
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

/** The bin of a score in [min, max]: edges snapped to EDGE_DECIMALS, max in the last bin. */
function findBin(score: number, min: number, binWidth: number, bins: number): number {
  return Math.min(bins - 1, Math.floor(Number(((score - min) / binWidth).toFixed(EDGE_DECIMALS))));
}

/**
 * Bins one ascending array in O(bins log n), not O(n): the bin never falls as the score grows
 * (subtraction, division, rounding to decimals and floor are all monotone), so each bin's scores
 * are one run found by binary search. 4.5M scores are binned in well under a millisecond. An array
 * holding NaN (sorted last) is binned score by score, as it always was.
 */
function binSorted(sorted: Float64Array, min: number, max: number, binWidth: number, bins: number): { counts: number[]; below: number; above: number } {
  const counts = new Array<number>(bins).fill(0);
  const n = sorted.length;
  if (n > 0 && Number.isNaN(sorted[n - 1])) return binEachScore(sorted, min, max, binWidth, bins);
  const start = findLowerBound(sorted, min);
  const end = findUpperBound(sorted, max);
  for (let k = start; k < end;) {
    const bin = findBin(sorted[k], min, binWidth, bins);
    // First index past k whose bin is above `bin`.
    let low = k + 1;
    let high = end;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (findBin(sorted[mid], min, binWidth, bins) <= bin) low = mid + 1;
      else high = mid;
    }
    counts[bin] += low - k;
    k = low;
  }
  return { counts, below: start, above: n - end };
}

/** Bins score by score: the definition {@link binSorted} follows. */
function binEachScore(sorted: Float64Array, min: number, max: number, binWidth: number, bins: number): { counts: number[]; below: number; above: number } {
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (const score of sorted) {
    if (score < min) below++;
    else if (score > max) above++;
    else counts[findBin(score, min, binWidth, bins)]++;
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

/** Whether `a` sorts before `b` as a Float64Array sorts: by value, -0 before +0, NaN last. */
function sortsBefore(a: number, b: number): boolean {
  if (a < b) return true;
  if (a === b) return a === 0 && Object.is(a, -0) && !Object.is(b, -0);
  return Number.isNaN(b) && !Number.isNaN(a);
}

/**
 * Visits the distinct scores of both ascending arrays in ascending order, with their rank among
 * the distinct values: a merge, O(n), where sorting the two together would be O(n log n).
 */
function forEachDistinct(scores: SortedScores, visit: (score: number, rank: number) => void): number {
  const { genuine, impostor } = scores;
  let g = 0;
  let i = 0;
  let rank = 0;
  let previous = NaN;
  while (g < genuine.length || i < impostor.length) {
    const score = i === impostor.length || (g < genuine.length && !sortsBefore(impostor[i], genuine[g])) ? genuine[g++] : impostor[i++];
    if (rank > 0 && score === previous) continue;
    visit(score, rank++);
    previous = score;
  }
  return rank;
}

/** Distinct scores of a group, thinned evenly to at most `maxPoints` (ends kept). */
function pickThresholds(scores: SortedScores, maxPoints: number): number[] {
  const distinct = forEachDistinct(scores, () => {});
  const picked: number[] = [];
  if (distinct <= maxPoints) {
    forEachDistinct(scores, (score) => picked.push(score));
    return picked;
  }
  const step = (distinct - 1) / (maxPoints - 1);
  // step > 1, so the ranks picked rise strictly and one pass finds them in order.
  forEachDistinct(scores, (score, rank) => {
    if (picked.length < maxPoints && rank === Math.round(picked.length * step)) picked.push(score);
  });
  return picked;
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
