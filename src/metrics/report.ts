/**
 * The bias report in exactly the JSON shape of shared/spec/bias-metrics.md, "Output shape of the
 * worked cases": `JSON.stringify(computeBiasReport(...))` is what the spec's cases hold.
 */
import { toPairTable } from './pair-table';
import { computeGroupRates, computeOverallRates } from './rates';
import { indexScores, type ScoreIndex } from './score-index';
import { summariseRates } from './summaries';
import { computeEqualErrorRates, findThresholdAtFmr } from './thresholds';
import { DEFAULT_ALPHA, DEFAULT_IMPOSTOR_GROUPING, type ComparisonPair, type ImpostorGrouping, type PairTable } from './types';

/** A summary value in JSON: a number, the string "Infinity", or null (spec). */
export type JsonSummaryValue = number | 'Infinity' | null;

/** One group's rates at one threshold, spec field names. */
export interface ReportGroupRates {
  genuine_pairs: number;
  impostor_pairs: number;
  fmr: number | null;
  fnmr: number | null;
  fmr_ci95: [number, number] | null;
  fnmr_ci95: [number, number] | null;
}

/** The report at one threshold. */
export interface ReportAtThreshold {
  threshold: number;
  by_group: Record<string, ReportGroupRates>;
  overall: { fmr: number | null; fnmr: number | null };
  summary: {
    fmr_max_min_ratio: JsonSummaryValue;
    fnmr_max_min_ratio: JsonSummaryValue;
    fmr_max_geomean_ratio: JsonSummaryValue;
    fnmr_max_geomean_ratio: JsonSummaryValue;
    fdr: JsonSummaryValue;
    inequity_rate: JsonSummaryValue;
    garbe: JsonSummaryValue;
  };
}

/** An equal error rate in the report. */
export interface ReportEer {
  threshold: number;
  eer: number;
}

/** The whole report (spec, "Output shape of the worked cases"). */
export interface BiasReport {
  groups: string[];
  thresholds: ReportAtThreshold[];
  threshold_at_fmr: { target: number; threshold: number | null }[];
  eer: { overall: ReportEer | null; by_group: Record<string, ReportEer | null> };
}

/** Options of {@link computeBiasReport}. */
export interface BiasReportOptions {
  /** Thresholds to report at, in this order. */
  thresholds: readonly number[];
  /** Target false-match rates for `threshold_at_fmr`, in this order. */
  fmrTargets: readonly number[];
  /** Impostor grouping; default `within`. */
  impostorGrouping?: ImpostorGrouping;
  /** Weight of the false-match side in FDR, inequity rate and GARBE; default 0.5. */
  alpha?: number;
}

/** Writes an infinite summary as the JSON string "Infinity" (spec); NaN is a bug, so it throws. */
export function toJsonSummaryValue(value: number | null): JsonSummaryValue {
  if (value === null) return null;
  if (value === Infinity) return 'Infinity';
  if (!Number.isFinite(value)) throw new RangeError(`A summary came out as ${value}; this is a bug.`);
  return value;
}

/** Builds the report at one threshold from an index (spec, "Per-group rates" and "Summaries"). */
export function reportAtThreshold(index: ScoreIndex, threshold: number, alpha = DEFAULT_ALPHA): ReportAtThreshold {
  const rates = computeGroupRates(index, threshold);
  // Null prototype: a group named "__proto__" or "constructor" is a key like any other.
  const byGroup: Record<string, ReportGroupRates> = Object.create(null) as Record<string, ReportGroupRates>;
  for (const { group, fmr, fnmr } of rates) {
    byGroup[group] = {
      genuine_pairs: fnmr.pairs,
      impostor_pairs: fmr.pairs,
      fmr: fmr.rate,
      fnmr: fnmr.rate,
      fmr_ci95: fmr.ci95 ? [fmr.ci95[0], fmr.ci95[1]] : null,
      fnmr_ci95: fnmr.ci95 ? [fnmr.ci95[0], fnmr.ci95[1]] : null,
    };
  }
  const overall = computeOverallRates(index, threshold);
  const summary = summariseRates(rates.map((r) => r.fmr.rate), rates.map((r) => r.fnmr.rate), alpha);
  return {
    threshold,
    by_group: byGroup,
    overall: { fmr: overall.fmr.rate, fnmr: overall.fnmr.rate },
    summary: {
      fmr_max_min_ratio: toJsonSummaryValue(summary.fmrMaxMinRatio),
      fnmr_max_min_ratio: toJsonSummaryValue(summary.fnmrMaxMinRatio),
      fmr_max_geomean_ratio: toJsonSummaryValue(summary.fmrMaxGeomeanRatio),
      fnmr_max_geomean_ratio: toJsonSummaryValue(summary.fnmrMaxGeomeanRatio),
      fdr: toJsonSummaryValue(summary.fdr),
      inequity_rate: toJsonSummaryValue(summary.inequityRate),
      garbe: toJsonSummaryValue(summary.garbe),
    },
  };
}

/** Builds the report from an already sorted index (reuse it across threshold changes in views). */
export function computeBiasReportFromIndex(index: ScoreIndex, options: BiasReportOptions): BiasReport {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const eers = computeEqualErrorRates(index);
  const eerByGroup: Record<string, ReportEer | null> = Object.create(null) as Record<string, ReportEer | null>;
  for (const group of index.groups) eerByGroup[group] = eers.byGroup.get(group) ?? null;
  return {
    groups: [...index.groups],
    thresholds: options.thresholds.map((t) => reportAtThreshold(index, t, alpha)),
    threshold_at_fmr: options.fmrTargets.map((target) => ({
      target,
      threshold: findThresholdAtFmr(index.overall.impostor, target),
    })),
    eer: { overall: eers.overall, by_group: eerByGroup },
  };
}

/**
 * Computes the spec's full report: per-group rates with Wilson intervals at each threshold,
 * overall rates, summaries, global thresholds at target FMRs and equal error rates.
 * Accepts pair objects or the compact {@link PairTable}. Undefined rates are null; an empty
 * input gives no groups, null overall rates and null thresholds.
 */
export function computeBiasReport(pairs: readonly ComparisonPair[] | PairTable, options: BiasReportOptions): BiasReport {
  const index = indexScores(toPairTable(pairs), options.impostorGrouping ?? DEFAULT_IMPOSTOR_GROUPING);
  return computeBiasReportFromIndex(index, options);
}
