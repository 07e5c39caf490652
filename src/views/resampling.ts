/**
 * The people-level bootstrap shown beside the Wilson intervals of the gap and room views
 * (shared/spec/bias-metrics.md: "a subject-level bootstrap may be offered beside it"). The numbers
 * come from src/metrics/bootstrap (`bootstrapGroupRates`, in a worker for the views), seeded, so a view and a script calling
 * it with the same table, seed and replicates give the same intervals; this module only picks the
 * groups of the sentence's ratio and decides which intervals are worth showing.
 */
import { DEFAULT_BOOTSTRAP_REPLICATES, type BootstrapRatio, type BootstrapResult } from '../metrics/bootstrap';
import { bootstrapInWorker, runBootstrapJob, type BootstrapCallOptions, type BootstrapJob } from '../metrics/bootstrap-client';
import { createMulberry32, type RandomSource } from '../metrics/random';
import type { GapIndex } from './gap-model';

/** Seed the views use unless told otherwise: the same figures on every laptop in a room. */
export const DEFAULT_SEED = 20240517;
/**
 * Share of replicates in which a rate must be defined for its interval to be shown: an interval
 * from fewer would describe a different population.
 */
export const MIN_DEFINED_REPLICATE_SHARE = 0.5;

/** Resampled 95% intervals at one threshold; null where a rate is undefined or rarely defined. */
export interface GapResampling {
  readonly fmr: ReadonlyMap<string, readonly [number, number] | null>;
  readonly fnmr: ReadonlyMap<string, readonly [number, number] | null>;
  /** Interval of fmr(high) / fmr(low), the upper end possibly Infinity; null if not asked or undefined. */
  readonly fmrRatio: readonly [number, number] | null;
  /** The same for the missed-match ratio of `fnmrRatio`'s groups. */
  readonly fnmrRatio: readonly [number, number] | null;
  readonly replicates: number;
}

/** Options of {@link resampleGap}. */
export interface ResampleOptions {
  /** [high, low]: the groups whose false-match rate ratio the sentence states. */
  readonly ratio?: readonly [string, string] | null;
  /** [high, low]: the groups whose false non-match rate ratio the sentence states. */
  readonly fnmrRatio?: readonly [string, string] | null;
  readonly replicates?: number;
  /** Default: mulberry32 seeded with {@link DEFAULT_SEED}. */
  readonly random?: RandomSource;
}

/**
 * Resamples people at `threshold`, two-way: a drawn person weights every pair they are in, on
 * either side (src/metrics/bootstrap, docs/statistics.md). Faces without a subject id count as
 * their own person inside the metrics, so this module passes the gap table as it is. Runs on this
 * thread; the views use {@link resampleGapInBackground}, which gives the same numbers.
 */
export function resampleGap(gap: GapIndex, threshold: number, options: ResampleOptions = {}): GapResampling {
  const job = describeJob(gap, threshold, options);
  return summarizeResampling(runBootstrapJob(job, options.random ?? createMulberry32(job.seed)), job, options);
}

/** Options of {@link resampleGapInBackground}. */
export interface BackgroundResampleOptions extends Omit<ResampleOptions, 'random'>, BootstrapCallOptions {
  /** Default {@link DEFAULT_SEED}. */
  readonly seed?: number;
}

/**
 * {@link resampleGap} in the bootstrap worker (src/metrics/bootstrap-client.ts): cancellable with
 * `signal`, reporting `onProgress` (0..1), the same intervals for the same seed.
 */
export async function resampleGapInBackground(gap: GapIndex, threshold: number, options: BackgroundResampleOptions = {}): Promise<GapResampling> {
  const job = describeJob(gap, threshold, options);
  return summarizeResampling(await bootstrapInWorker(job, options), job, options);
}

function describeJob(gap: GapIndex, threshold: number, options: ResampleOptions & { seed?: number }): BootstrapJob & { replicates: number } {
  const ratio = options.ratio ?? null;
  const fnmrRatio = options.fnmrRatio ?? null;
  return {
    table: gap.table,
    thresholds: [threshold],
    seed: options.seed ?? DEFAULT_SEED,
    replicates: options.replicates ?? DEFAULT_BOOTSTRAP_REPLICATES,
    impostorGrouping: gap.options.impostorGrouping,
    groupRatios: [ratio, fnmrRatio].filter((r) => r !== null).map((r) => ({ numerator: r[0], denominator: r[1] })),
  };
}

function summarizeResampling(result: BootstrapResult, job: { replicates: number }, options: ResampleOptions): GapResampling {
  const { replicates } = job;
  const show = (interval: Pick<BootstrapRatio, 'low' | 'high' | 'definedReplicates'>): readonly [number, number] | null =>
    interval.low === null || interval.high === null || interval.definedReplicates < MIN_DEFINED_REPLICATE_SHARE * replicates
      ? null
      : [interval.low, interval.high];
  const groups = result.groups.map((group) => ({ group: group.group, rates: group.byThreshold[0] }));
  const findRatio = (pair: readonly [string, string] | null | undefined) => {
    const found = pair ? result.groupRatios.find((r) => r.numerator === pair[0] && r.denominator === pair[1]) : undefined;
    return found ? { fmr: show(found.fmr), fnmr: show(found.fnmr) } : null;
  };
  return {
    fmr: new Map(groups.map(({ group, rates }) => [group, show(rates.fmr)])),
    fnmr: new Map(groups.map(({ group, rates }) => [group, show(rates.fnmr)])),
    fmrRatio: findRatio(options.ratio)?.fmr ?? null,
    fnmrRatio: findRatio(options.fnmrRatio)?.fnmr ?? null,
    replicates,
  };
}
