/**
 * Subject-level bootstrap of per-group FMR and FNMR and of their max/min ratios, beside the Wilson
 * intervals of shared/spec/bias-metrics.md ("a subject-level bootstrap may be offered beside it").
 * Also the ratio of two named groups' rates (the views' "X is 4.6x (95% interval 1.1-9.7) as
 * likely as Y"), from the same replicates.
 *
 * Resampling scheme (docs/statistics.md): the two-way subject bootstrap for pairwise comparisons.
 * In each replicate, subjects are drawn with replacement within each group (one draw per subject
 * over all groups in the same replicate, so `probe` grouping's other-group side B follows the same
 * draw); subject s drawn c_s times weights each impostor pair (a, b) by c_a * c_b, whichever side
 * either sits on, and each genuine pair of s by c_s. Rates are weighted errors over weighted pairs.
 * A sample without a subject id is its own subject; see bootstrap-units.ts for faces seen once.
 * Group membership of pairs follows the spec's impostor grouping; cross-group impostors in
 * `within` mode take no part.
 */
import { toPairTable } from './pair-table';
import type { RandomSource } from './random';
import { computeMaxMinRatio, computeRateRatio } from './summaries';
import { DEFAULT_IMPOSTOR_GROUPING, type ComparisonPair, type ImpostorGrouping, type PairTable } from './types';
import {
  accumulatePairWeights, buildResamplingDesign, drawUnitCounts, UNIT_KIND_PAIR, UNIT_KIND_SUBJECT, type ResamplingDesign,
} from './bootstrap-units';

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
  /** Pairs of named groups whose rate ratio gets an interval at every threshold; default none. */
  readonly groupRatios?: readonly GroupRatioRequest[];
}

/** Two named groups: the interval is of rate(numerator) / rate(denominator). */
export interface GroupRatioRequest {
  readonly numerator: string;
  readonly denominator: string;
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
  /** Resampling units of this group (subjects, or pairs without subject ids) with pairs of this kind. */
  readonly units: number;
  /** True when measurable but below {@link MIN_BOOTSTRAP_UNITS} units or {@link MIN_BOOTSTRAP_PAIRS} pairs. */
  readonly tooSmall: boolean;
  /** Replicates in which the rate was defined (the drawn units had pairs of this kind). */
  readonly definedReplicates: number;
}

/** Bootstrap result of one group. */
export interface BootstrapGroup {
  readonly group: string;
  /** What was resampled: subjects (a face without id counts as its own), single pairs (no ids, faces seen once), or both. */
  readonly resamplingUnit: 'subject' | 'pair' | 'mixed' | 'none';
  /** True when any measurable rate of the group is `tooSmall`. */
  readonly tooSmall: boolean;
  /** One entry per threshold, in the order given. */
  readonly byThreshold: readonly { threshold: number; fmr: BootstrapRate; fnmr: BootstrapRate }[];
}

/** A resampled ratio of rates; `low`/`high` may be Infinity. */
export interface BootstrapRatio extends BootstrapInterval {
  /** Replicates in which the ratio was defined (both rates defined, some errors). */
  readonly definedReplicates: number;
}

/**
 * Ratio of two named groups' rates at one threshold, with {@link computeRateRatio}'s zero rules:
 * undefined (null estimate, replicate left out) where either rate is undefined or both are 0,
 * Infinity where only the denominator's is 0. A group without pairs gives null throughout.
 */
export interface BootstrapGroupRatio extends GroupRatioRequest {
  readonly threshold: number;
  readonly fmr: BootstrapRatio;
  readonly fnmr: BootstrapRatio;
}

/** Everything the bootstrap found. */
export interface BootstrapResult {
  readonly replicates: number;
  readonly confidence: number;
  /** Groups sorted as in the report. */
  readonly groups: readonly BootstrapGroup[];
  /** Max/min ratios across groups per threshold. */
  readonly ratios: readonly { threshold: number; fmrMaxMinRatio: BootstrapRatio; fnmrMaxMinRatio: BootstrapRatio }[];
  /** One entry per threshold and requested pair of groups, thresholds outer, in the order given. */
  readonly groupRatios: readonly BootstrapGroupRatio[];
  /** Pairs resampled as their own unit: no subject id on either side, and each face in no other pair. */
  readonly pairsWithoutSubject: number;
  /** Samples without a subject id resampled as their own subject (they appear in several pairs). */
  readonly samplesAsSubjects: number;
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
 * Bootstraps per-group FMR and FNMR (weighted errors over weighted pairs, two-way subject weights),
 * the max/min ratios across groups and the requested ratios of named groups, with percentile
 * intervals. A group without pairs of a kind gets null estimate and interval for that rate; a
 * replicate in which a rate has no weighted pairs leaves it out (see `definedReplicates`).
 * Cost: one pass over the pairs, then O(replicates x (pairs + subjects + groups x thresholds)),
 * allocation-free per replicate (utkface-600, 180k pairs, `probe`: about 0.5 s per 1000 replicates in
 * node on a busy 2-core machine; `within` counts 36k of them: about 0.15 s).
 */
export function bootstrapGroupRates(pairs: readonly ComparisonPair[] | PairTable, options: BootstrapOptions): BootstrapResult {
  const table = toPairTable(pairs);
  const replicates = options.replicates ?? DEFAULT_BOOTSTRAP_REPLICATES;
  const confidence = options.confidence ?? DEFAULT_BOOTSTRAP_CONFIDENCE;
  const thresholds = options.thresholds;
  const T = thresholds.length;
  const design = buildResamplingDesign(table, thresholds, options.impostorGrouping ?? DEFAULT_IMPOSTOR_GROUPING);
  const G = design.groups.length;
  const counts = new Float64Array(design.unitCount + 1);
  const cells = new Float64Array(G * 2 * (T + 1));
  const rates = new Float64Array(G * 2 * T * 2);
  counts.fill(1);
  accumulatePairWeights(design, counts, cells);
  readWeightedRates(design, cells, T, rates);
  const observed = rates.slice();
  // samples[g][t * 2 + kind][r]: the rate of group g, threshold t, kind (0 fmr, 1 fnmr) in replicate r.
  const samples = design.groups.map(() => Array.from({ length: 2 * T }, () => new Float64Array(replicates)));
  for (let r = 0; r < replicates; r++) {
    drawUnitCounts(design, options.random, counts);
    accumulatePairWeights(design, counts, cells);
    readWeightedRates(design, cells, T, rates);
    for (let g = 0; g < G; g++) {
      for (let t = 0; t < T; t++) {
        for (let kind = 0; kind < 2; kind++) {
          const at = ((g * T + t) * 2 + kind) * 2;
          samples[g][2 * t + kind][r] = rates[at + 1] > 0 ? rates[at] / rates[at + 1] : NaN;
        }
      }
    }
  }
  const groups = design.groups.map((_, g) => describeGroup(design, g, thresholds, observed, samples[g], confidence));
  const { ratios, groupRatios } = resampleRatios(samples, groups, options.groupRatios ?? [], thresholds, replicates, confidence);
  return {
    replicates, confidence, groups, ratios, groupRatios,
    pairsWithoutSubject: design.pairsWithoutSubject, samplesAsSubjects: design.samplesAsSubjects,
  };
}

/**
 * Turns cell weights into (weighted errors, weighted pairs) at `out[((g * T + t) * 2 + kind) * 2]`
 * and the next entry. Impostors err at ranks below their level, genuine pairs at and above it.
 */
function readWeightedRates(design: ResamplingDesign, cells: Float64Array, T: number, out: Float64Array): void {
  const levels = T + 1;
  for (let slot = 0; slot < 2 * design.groups.length; slot++) {
    const base = slot * levels;
    let total = 0;
    for (let level = 0; level < levels; level++) total += cells[base + level];
    const g = slot >> 1;
    const kind = slot & 1;
    for (let t = 0; t < T; t++) {
      let atOrBelow = 0;
      for (let level = 0; level <= design.thresholdRank[t]; level++) atOrBelow += cells[base + level];
      const at = ((g * T + t) * 2 + kind) * 2;
      out[at] = kind === 0 ? total - atOrBelow : atOrBelow;
      out[at + 1] = total;
    }
  }
}

/**
 * Max/min ratios across groups and ratios of named groups, from the per-group replicate rates
 * (`samples[g][t * 2 + kind][r]`, NaN where undefined) and the groups' point estimates.
 */
function resampleRatios(
  samples: readonly Float64Array[][], groups: readonly BootstrapGroup[], requests: readonly GroupRatioRequest[],
  thresholds: readonly number[], replicates: number, confidence: number,
): Pick<BootstrapResult, 'ratios' | 'groupRatios'> {
  const rateIn = (g: number, t: number, kind: 0 | 1, r: number): number | null => {
    const rate = samples[g][2 * t + kind][r];
    return Number.isNaN(rate) ? null : rate;
  };
  const estimateOf = (g: number, t: number, kind: 0 | 1): number | null => {
    const rates = groups[g].byThreshold[t];
    return (kind === 0 ? rates.fmr : rates.fnmr).estimate;
  };
  const resampleRatio = (estimate: number | null, ratioIn: (r: number) => number | null): BootstrapRatio => {
    const values = new Float64Array(replicates);
    for (let r = 0; r < replicates; r++) values[r] = ratioIn(r) ?? NaN;
    return summariseReplicates(values, estimate, confidence);
  };
  const all = groups.map((_, g) => g);
  const ratios = thresholds.map((threshold, t) => {
    const maxMinOf = (kind: 0 | 1): BootstrapRatio => resampleRatio(
      computeMaxMinRatio(all.map((g) => estimateOf(g, t, kind))),
      (r) => computeMaxMinRatio(all.map((g) => rateIn(g, t, kind, r))),
    );
    return { threshold, fmrMaxMinRatio: maxMinOf(0), fnmrMaxMinRatio: maxMinOf(1) };
  });
  const groupRatios = thresholds.flatMap((threshold, t) => requests.map((request): BootstrapGroupRatio => {
    const n = groups.findIndex((group) => group.group === request.numerator);
    const d = groups.findIndex((group) => group.group === request.denominator);
    const ratioOf = (kind: 0 | 1): BootstrapRatio => (n < 0 || d < 0
      ? resampleRatio(null, () => null)
      : resampleRatio(
        computeRateRatio(estimateOf(n, t, kind), estimateOf(d, t, kind)),
        (r) => computeRateRatio(rateIn(n, t, kind, r), rateIn(d, t, kind, r)),
      ));
    return { numerator: request.numerator, denominator: request.denominator, threshold, fmr: ratioOf(0), fnmr: ratioOf(1) };
  }));
  return { ratios, groupRatios };
}

/** Point estimates (from the unweighted pass), intervals and flags of one group. */
function describeGroup(
  design: ResamplingDesign, g: number, thresholds: readonly number[], observed: Float64Array, samples: Float64Array[], confidence: number,
): BootstrapGroup {
  const T = thresholds.length;
  const rateOf = (t: number, kind: 0 | 1): BootstrapRate => {
    const at = ((g * T + t) * 2 + kind) * 2;
    const pairs = observed[at + 1];
    const units = design.unitsPerRate[2 * g + kind];
    const interval = summariseReplicates(samples[2 * t + kind], pairs > 0 ? observed[at] / pairs : null, confidence);
    return {
      estimate: interval.estimate, low: interval.low, high: interval.high, pairs, units,
      definedReplicates: interval.definedReplicates,
      tooSmall: pairs > 0 && (units < MIN_BOOTSTRAP_UNITS || pairs < MIN_BOOTSTRAP_PAIRS),
    };
  };
  const byThreshold = thresholds.map((threshold, t) => ({ threshold, fmr: rateOf(t, 0), fnmr: rateOf(t, 1) }));
  const hasSubjects = (design.groupUnitKinds[g] & UNIT_KIND_SUBJECT) !== 0;
  const hasPairs = (design.groupUnitKinds[g] & UNIT_KIND_PAIR) !== 0;
  return {
    group: design.groups[g],
    resamplingUnit: hasSubjects && hasPairs ? 'mixed' : hasSubjects ? 'subject' : hasPairs ? 'pair' : 'none',
    tooSmall: byThreshold.some((entry) => entry.fmr.tooSmall || entry.fnmr.tooSmall),
    byThreshold,
  };
}
