/**
 * Input types of the bias metrics (shared/spec/bias-metrics.md, "Input: comparison pairs").
 * Pure data: no DOM, no browser APIs.
 */

/**
 * Which impostor pairs count for a group (spec, "Which pairs belong to a group"):
 * `within` keeps only pairs with both sides in the group, `probe` every pair whose `groupA` is it.
 */
export type ImpostorGrouping = 'within' | 'probe';

/** Default impostor grouping of the spec (NIST's "demographically matched" impostors). */
export const DEFAULT_IMPOSTOR_GROUPING: ImpostorGrouping = 'within';

/** Default weight of the false-match side in FDR, inequity rate and GARBE (spec: alpha = 0.5). */
export const DEFAULT_ALPHA = 0.5;

/**
 * One comparison of two face samples (spec, "Input: comparison pairs").
 * Either `isGenuine` or the spec's `same` (1 genuine, 0 impostor) must be given.
 */
export interface ComparisonPair {
  /** Similarity, finite, higher meaning more alike (the app's own scores lie in 0..1). */
  score: number;
  /** True for a genuine pair (same person). Takes precedence over `same`. */
  isGenuine?: boolean;
  /** The spec's spelling of `isGenuine`: 1 genuine, 0 impostor. */
  same?: 0 | 1;
  /** Group label of side A, e.g. `Black` or the intersection `Black/female`. */
  groupA: string;
  /** Group label of side B. */
  groupB: string;
  /** Optional subject id of side A, the resampling unit of the bootstrap. */
  subjectA?: string;
  /** Optional subject id of side B. */
  subjectB?: string;
}

/**
 * Compact, columnar form of many comparison pairs, so millions of pairs (5,000 faces all-pairs is
 * 12.5M) never become objects. Pairs point at samples; samples carry group and subject codes.
 */
export interface PairTable {
  /** Score of each pair. */
  readonly scores: Float32Array | Float64Array;
  /** 1 for a genuine pair, 0 for an impostor pair, one byte per pair. */
  readonly isGenuine: Uint8Array;
  /** Sample index of side A of each pair. */
  readonly sampleA: Uint32Array;
  /** Sample index of side B of each pair. */
  readonly sampleB: Uint32Array;
  /** Group code of each sample: an index into `groupLabels`. */
  readonly sampleGroup: Uint32Array;
  /** Subject code of each sample: an index into `subjectLabels`, or -1 when unknown. */
  readonly sampleSubject: Int32Array;
  /** Group label of each group code. */
  readonly groupLabels: readonly string[];
  /** Subject id of each subject code. */
  readonly subjectLabels: readonly string[];
  /**
   * True when the pairs are the unordered pairs of a set of faces (all pairs of a pack), false or
   * absent for a pairs file. Under `probe` grouping each such impostor pair is a probe in both
   * directions and counts for both faces' groups; a pairs file keeps its column order as the
   * probe order (shared/spec/bias-metrics.md, "Which pairs belong to a group").
   */
  readonly isFaceSet?: boolean;
}

/** A rate with its Wilson 95% interval; `rate` and `ci95` are null for a group with no pairs. */
export interface RateEstimate {
  /** Errors over pairs, or null when there are no pairs (spec: "not measurable"). */
  readonly rate: number | null;
  /** Number of errors (false matches or false non-matches). */
  readonly errors: number;
  /** Number of pairs the rate is taken over. */
  readonly pairs: number;
  /** Wilson score interval, clamped to [0, 1], or null without pairs. */
  readonly ci95: readonly [number, number] | null;
}
