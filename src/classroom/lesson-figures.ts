/**
 * The numbers the lesson's live figures show, from the app's state. Pure: no DOM.
 */
import type { ReferencePack } from '../datasets/pack-types';
import type { RateEstimate } from '../metrics';
import { computeSimilarity } from '../matching/similarity';
import { formatRate, formatRateInterval } from '../views/format';
import { findGroupLabel } from '../views/grouping';
import { computeGapAtThreshold, type GapIndex, type GapRow } from '../views/gap-model';

/** The pack face most like the live face: its score and group. */
export interface ClosestStranger {
  score: number;
  group: string;
}

/** Finds the pack face most like `embedding`, or null without a face or a pack. */
export function findClosestStranger(embedding: Float32Array | null, pack: ReferencePack | null, groupBy: readonly string[]): ClosestStranger | null {
  if (!embedding || !pack || pack.samples.length === 0) return null;
  let best: ClosestStranger | null = null;
  for (const sample of pack.samples) {
    if (sample.embedding.length !== embedding.length) return null;
    const score = computeSimilarity(embedding, sample.embedding);
    if (!best || score > best.score) best = { score, group: findGroupLabel(sample.labels, groupBy) };
  }
  return best;
}

/** The highest- and lowest-rate groups at a threshold, among groups that are not small. */
export interface GapExtremes {
  threshold: number;
  high: GapRow | null;
  low: GapRow | null;
}

/** Highest and lowest false-match rate among the measurable, not-small groups at `threshold`. */
export function findGapExtremes(gap: GapIndex, threshold: number): GapExtremes {
  const rows = computeGapAtThreshold(gap, threshold).rows.filter((r) => !r.isSmall && r.fmr.rate !== null);
  const sorted = [...rows].sort((a, b) => (b.fmr.rate ?? 0) - (a.fmr.rate ?? 0));
  return { threshold, high: sorted[0] ?? null, low: sorted[sorted.length - 1] ?? null };
}

/** Thresholds the "threshold moves the gap" step compares: a step below, the current one, a step above. */
export function listLessonThresholds(threshold: number, stepSimilarity = 0.05): number[] {
  return [threshold - stepSimilarity, threshold, threshold + stepSimilarity].map((t) => Math.round(Math.min(1, Math.max(0, t)) * 1000) / 1000);
}

/** A rate as "1.2% (95% interval 0.8%–1.9%)", "not measurable" without pairs. */
export function formatRateWithInterval(rate: RateEstimate): string {
  if (rate.rate === null) return formatRate(null);
  return `${formatRate(rate.rate)} (95% interval ${formatRateInterval(rate.ci95)})`;
}
