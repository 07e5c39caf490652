/**
 * Chart data of the bias views, read from src/metrics/distributions (the same histograms and DET
 * curves the metrics module and its tests define): score shares per bin of 0..1, and DET points
 * (false non-match rate against false-match rate as the threshold moves), per group.
 */
import { computeDetCurves, computeScoreHistograms, type DetPoint, type ScoreHistogram } from '../metrics/distributions';
import type { ScoreIndex } from '../metrics/score-index';

/** Bins of the 0..1 score axis in the distribution charts. */
export const HISTOGRAM_BINS = 40;
/** Most points kept per DET curve; more add nothing a screen can show. */
export const MAX_DET_POINTS = 160;

/** One group's histograms: share of that kind's pairs per bin (empty when the kind is missing). */
export interface GroupHistograms {
  readonly group: string;
  readonly genuine: readonly number[];
  readonly impostor: readonly number[];
  readonly genuinePairs: number;
  readonly impostorPairs: number;
}

/** What the DET chart draws of a point (the metrics' point without its log-axis flag). */
export type DetChartPoint = Pick<DetPoint, 'threshold' | 'fmr' | 'fnmr'>;

/** One group's DET points; none when the group lacks genuine or impostor pairs (no curve). */
export interface GroupDetPoints {
  readonly group: string;
  readonly points: readonly DetChartPoint[];
}

/**
 * Histograms of every group of the index, {@link HISTOGRAM_BINS} equal bins over 0..1. Shares are
 * over all of the group's pairs of that kind (scores lie in 0..1, so none fall outside the bins).
 */
export function buildGroupHistograms(index: ScoreIndex): GroupHistograms[] {
  const histograms = computeScoreHistograms(index, { binWidth: 1 / HISTOGRAM_BINS });
  const find = (group: string, kind: ScoreHistogram['kind']): ScoreHistogram =>
    histograms.find((h) => h.group === group && h.kind === kind) as ScoreHistogram;
  const pairsOf = (h: ScoreHistogram): number => h.total + h.below + h.above;
  const sharesOf = (h: ScoreHistogram): number[] => (pairsOf(h) === 0 ? [] : h.counts.map((count) => count / pairsOf(h)));
  return index.groups.map((group) => {
    const genuine = find(group, 'genuine');
    const impostor = find(group, 'impostor');
    return { group, genuine: sharesOf(genuine), impostor: sharesOf(impostor), genuinePairs: pairsOf(genuine), impostorPairs: pairsOf(impostor) };
  });
}

/** DET points of every group of the index (at most {@link MAX_DET_POINTS} each), in index order. */
export function buildGroupDetPoints(index: ScoreIndex): GroupDetPoints[] {
  const curves = new Map(computeDetCurves(index, { maxPoints: MAX_DET_POINTS }).map((curve) => [curve.group, curve.points]));
  return index.groups.map((group) => ({ group, points: curves.get(group) ?? [] }));
}

/** Each group's DET point at `threshold` (the marker of the current threshold); groups without a curve are absent. */
export function findDetPointsAt(index: ScoreIndex, threshold: number): Map<string, DetChartPoint> {
  return new Map(computeDetCurves(index, { thresholds: [threshold] }).map((curve) => [curve.group, curve.points[0]]));
}
