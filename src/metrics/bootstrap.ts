/**
 * Subject-level bootstrap of per-group FMR and FNMR and of their max/min ratios, beside the Wilson
 * intervals of shared/spec/bias-metrics.md ("a subject-level bootstrap may be offered beside it").
 *
 * Resampling unit: within each group, subjects are drawn with replacement, and each drawn subject
 * brings all the group's pairs whose side A (the probe) is that subject. Pairs without a subject id
 * on side A are their own unit (reported as `pair` or `mixed`). Group membership of pairs follows
 * the spec's impostor grouping; cross-group impostors in `within` mode take no part.
 */
import { toPairTable } from './pair-table';
import type { RandomSource } from './random';
import { findPairGroup } from './score-index';
import { computeMaxMinRatio } from './summaries';
import { DEFAULT_IMPOSTOR_GROUPING, type ComparisonPair, type ImpostorGrouping, type PairTable } from './types';
import { collectGroupUnits, type GroupUnits } from './bootstrap-units';

/** Default number of bootstrap replicates. */
export const DEFAULT_BOOTSTRAP_REPLICATES = 1000;
/** Default two-sided confidence of the percentile intervals. */
export const DEFAULT_BOOTSTRAP_CONFIDENCE = 0.95;
/** A rate over fewer resampling units (subjects) than this is flagged `tooSmall`. */
export const MIN_BOOTSTRAP_UNITS = 10;
/** A rate over fewer pairs than this is flagged `tooSmall`. */
export const MIN_BOOTSTRAP_PAIRS = 30;

/** Options of {@link bootstrapGroupRates}. */
export interface BootstrapOptions {
  /** Thresholds to resample the rates at. */
  readonly thresholds: readonly number[];
  /** Injected seeded generator (e.g. `createMulberry32(seed)`): same seed, same intervals. */
  readonly random: RandomSource;
  /** Number of replicates; default {@link DEFAULT_BOOTSTRAP_REPLICATES}. */
  readonly replicates?: number;
  /** Two-sided confidence; default 0.95 (2.5th and 97.5th percentiles). */
  readonly confidence?: number;
  /** Impostor grouping; default `within`. */
  readonly impostorGrouping?: ImpostorGrouping;
}

/** A percentile interval around a point estimate; all null when the rate is undefined. */
export interface BootstrapInterval {
  /** The estimate on the original data (same as the spec's rate). */
  readonly estimate: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** A resampled rate of one group. */
export interface BootstrapRate extends BootstrapInterval {
  /** Pairs behind the rate. */
  readonly pairs: number;
  /** Resampling units (subjects, or pairs without subject ids) with pairs of this kind. */
  readonly units: number;
  /** True when measurable but below {@link MIN_BOOTSTRAP_UNITS} units or {@link MIN_BOOTSTRAP_PAIRS} pairs. */
  readonly tooSmall: boolean;
}

/** Bootstrap result of one group. */
export interface BootstrapGroup {
  readonly group: string;
  /** What was resampled: subjects, single pairs (no subject ids), or both. */
  readonly resamplingUnit: 'subject' | 'pair' | 'mixed' | 'none';
  /** True when any measurable rate of the group is `tooSmall`. */
  readonly tooSmall: boolean;
  /** One entry per threshold, in the order given. */
  readonly byThreshold: readonly { threshold: number; fmr: BootstrapRate; fnmr: BootstrapRate }[];
}

/** A resampled max/min ratio; `low`/`high` may be Infinity. */
export interface BootstrapRatio extends BootstrapInterval {
  /** Replicates in which the ratio was defined (>= 2 groups, some errors). */
  readonly definedReplicates: number;
}

/** Everything the bootstrap found. */
export interface BootstrapResult {
  readonly replicates: number;
  readonly confidence: number;
  /** Groups sorted as in the report. */
  readonly groups: readonly BootstrapGroup[];
  /** Max/min ratios across groups per threshold. */
  readonly ratios: readonly { threshold: number; fmrMaxMinRatio: BootstrapRatio; fnmrMaxMinRatio: BootstrapRatio }[];
  /** Pairs that were resampled as their own unit for lack of a subject id on side A. */
  readonly pairsWithoutSubject: number;
}

/** Linear-interpolation quantile (type 7) of ascending values; handles Infinity. */
export function computeQuantile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below];
  const high = sorted[above];
  if (below === above || low === high) return low;
  return low + (high - low) * (position - below);
}

/** Percentile interval of the defined (non-NaN) replicate values. */
function summariseReplicates(values: Float64Array, estimate: number | null, confidence: number): BootstrapRatio {
  const defined = values.filter((v) => !Number.isNaN(v)).sort();
  const tail = (1 - confidence) / 2;
  return {
    estimate,
    low: estimate === null ? null : computeQuantile(defined, tail),
    high: estimate === null ? null : computeQuantile(defined, 1 - tail),
    definedReplicates: defined.length,
  };
}

/**
 * Bootstraps per-group FMR and FNMR (errors over pairs of the resampled units) and the max/min
 * ratios across groups, with percentile intervals. A group without pairs of a kind gets null
 * estimate and interval for that rate. Cost: O(replicates x units x thresholds) after one pass
 * over the pairs.
 */
export function bootstrapGroupRates(pairs: readonly ComparisonPair[] | PairTable, options: BootstrapOptions): BootstrapResult {
  const table = toPairTable(pairs);
  const grouping = options.impostorGrouping ?? DEFAULT_IMPOSTOR_GROUPING;
  const replicates = options.replicates ?? DEFAULT_BOOTSTRAP_REPLICATES;
  const confidence = options.confidence ?? DEFAULT_BOOTSTRAP_CONFIDENCE;
  const thresholds = options.thresholds;
  const T = thresholds.length;
  const units = collectGroupUnits(table, thresholds, (k) => findPairGroup(table, k, grouping));
  // samples[g][t * 2 + kind][r]: the rate of group g, threshold t, kind (0 fmr, 1 fnmr) in replicate r.
  const samples = units.map(() => Array.from({ length: 2 * T }, () => new Float64Array(replicates)));
  const sums = new Float64Array(4 * T);
  for (let r = 0; r < replicates; r++) {
    units.forEach((group, g) => {
      sums.fill(0);
      for (let draw = 0; draw < group.count; draw++) {
        const u = Math.floor(options.random() * group.count);
        for (let t = 0; t < T; t++) {
          sums[4 * t] += group.impostorErrors[u * T + t];
          sums[4 * t + 1] += group.impostorPairs[u];
          sums[4 * t + 2] += group.genuineErrors[u * T + t];
          sums[4 * t + 3] += group.genuinePairs[u];
        }
      }
      for (let t = 0; t < T; t++) {
        samples[g][2 * t][r] = sums[4 * t + 1] > 0 ? sums[4 * t] / sums[4 * t + 1] : NaN;
        samples[g][2 * t + 1][r] = sums[4 * t + 3] > 0 ? sums[4 * t + 2] / sums[4 * t + 3] : NaN;
      }
    });
  }
  const groups = units.map((group, g) => describeGroup(group, thresholds, samples[g], confidence));
  const ratios = thresholds.map((threshold, t) => {
    const ratioOf = (kind: 0 | 1): BootstrapRatio => {
      const values = new Float64Array(replicates);
      for (let r = 0; r < replicates; r++) {
        const ratio = computeMaxMinRatio(samples.map((s) => (Number.isNaN(s[2 * t + kind][r]) ? null : s[2 * t + kind][r])));
        values[r] = ratio === null ? NaN : ratio;
      }
      const estimate = computeMaxMinRatio(groups.map((group) => (kind === 0 ? group.byThreshold[t].fmr : group.byThreshold[t].fnmr).estimate));
      return summariseReplicates(values, estimate, confidence);
    };
    return { threshold, fmrMaxMinRatio: ratioOf(0), fnmrMaxMinRatio: ratioOf(1) };
  });
  return { replicates, confidence, groups, ratios, pairsWithoutSubject: units.reduce((n, u) => n + u.pairUnits, 0) };
}

/** Point estimates, intervals and flags of one group. */
function describeGroup(group: GroupUnits, thresholds: readonly number[], samples: Float64Array[], confidence: number): BootstrapGroup {
  const T = thresholds.length;
  const rateOf = (t: number, kind: 0 | 1): BootstrapRate => {
    const errors = kind === 0 ? group.impostorErrors : group.genuineErrors;
    const perUnit = kind === 0 ? group.impostorPairs : group.genuinePairs;
    let pairs = 0;
    let errorCount = 0;
    let unitCount = 0;
    for (let u = 0; u < group.count; u++) {
      pairs += perUnit[u];
      errorCount += errors[u * T + t];
      if (perUnit[u] > 0) unitCount++;
    }
    const interval = summariseReplicates(samples[2 * t + kind], pairs > 0 ? errorCount / pairs : null, confidence);
    return {
      estimate: interval.estimate, low: interval.low, high: interval.high, pairs, units: unitCount,
      tooSmall: pairs > 0 && (unitCount < MIN_BOOTSTRAP_UNITS || pairs < MIN_BOOTSTRAP_PAIRS),
    };
  };
  const byThreshold = thresholds.map((threshold, t) => ({ threshold, fmr: rateOf(t, 0), fnmr: rateOf(t, 1) }));
  const hasSubjects = group.subjectUnits > 0;
  const hasPairs = group.pairUnits > 0;
  return {
    group: group.group,
    resamplingUnit: hasSubjects && hasPairs ? 'mixed' : hasSubjects ? 'subject' : hasPairs ? 'pair' : 'none',
    tooSmall: byThreshold.some((entry) => entry.fmr.tooSmall || entry.fnmr.tooSmall),
    byThreshold,
  };
}
