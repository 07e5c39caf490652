/**
 * The gap view's model: a scored sample set -> pairs grouped by labels -> the spec's rates and
 * summaries at a threshold (shared/spec/bias-metrics.md). Every number comes from src/metrics, the
 * same code the `metrics` CLI runs, so the view and the CLI agree to the last digit.
 */
import { attachGapOverall, indexGapPairs, readGapOverall, type GapOverall, type GapPairs, type GapPairsInput } from '../metrics/gap-pairs';
import { indexGapPairsInBackground } from '../metrics/gap-pairs-client';
import type { IndexedScores, SampleLabels } from '../metrics/pair-table';
import { computeGroupRates, computeOverallRates, type GroupRates } from '../metrics/rates';
import { reportAtThreshold, type ReportAtThreshold } from '../metrics/report';
import type { ScoreIndex } from '../metrics/score-index';
import type { EqualErrorRate } from '../metrics/thresholds';
import type { ImpostorGrouping, PairTable } from '../metrics/types';
import { findGroupLabel, RACE_LABEL_SOURCE, UNVERIFIED_SOURCE } from './grouping';
import { findPersonId, type ScoredSampleSet, type ViewSample } from './sample-set';

/** Below this many people a group's rates are shown but flagged, and left out of the sentence. */
export const SMALL_GROUP_PEOPLE = 5;
/**
 * From this many pairs the index is built in a worker ({@link buildGapIndexInBackground}). Below,
 * it is built here and the view updates in the same frame: lfw-94's 64,620 pairs take a few tens
 * of ms. utkface-600's 179,101 took 50-240 ms in node at load 12, utkface-3000's 4.5M about a second.
 */
export const MIN_PAIRS_FOR_BACKGROUND_INDEX = 100_000;

/** How the pairs are grouped and filtered. */
export interface GapOptions {
  /** Labels to group by, e.g. ["race", "gender"]. */
  readonly groupBy: readonly string[];
  /** Which impostor pairs count for a group (spec); default within. */
  readonly impostorGrouping: ImpostorGrouping;
  /** Leave out faces whose race label is unverified (race_label_source=unverified). */
  readonly excludeUnverified: boolean;
}

/** The options a user toggles in the gap view (grouping is shared with the other views). */
export type GapPairOptions = Omit<GapOptions, 'groupBy'>;

/** People and faces behind one group. */
export interface GroupMembers {
  readonly group: string;
  /** Distinct people (a face without subject counts as its own person). */
  readonly people: number;
  /** Faces. */
  readonly samples: number;
}

/** Grouped, sorted scores: rebuilt on regrouping, reused across threshold changes. */
export interface GapIndex {
  readonly options: GapOptions;
  /** The all-pairs run it was built from (a regrouping of the same run reuses `index.overall`). */
  readonly scored: IndexedScores;
  /** The included pairs; each sample's subject is its person ({@link findPersonId}). */
  readonly table: PairTable;
  readonly index: ScoreIndex;
  /** Members of each group in `index.groups` order. */
  readonly members: ReadonlyMap<string, GroupMembers>;
  /** Faces left out by the unverified-label filter. */
  readonly excludedSamples: number;
  /** Faces kept. */
  readonly includedSamples: number;
  /** Global threshold at FMR 1e-3 over all impostor pairs (spec "Thresholds"), null without impostors. */
  readonly thresholdAtTargetFmr: number | null;
  /** Overall equal error rate, null without genuine or impostor pairs. */
  readonly eer: EqualErrorRate | null;
}

/** One group's row at a threshold. */
export interface GapRow extends GroupMembers {
  readonly fmr: GroupRates['fmr'];
  readonly fnmr: GroupRates['fnmr'];
  /** Too few people for the numbers to carry weight; `smallReason` says why. */
  readonly isSmall: boolean;
  readonly smallReason: string | null;
}

/** Everything the gap view shows at one threshold. */
export interface GapAtThreshold {
  readonly threshold: number;
  readonly rows: readonly GapRow[];
  readonly overall: GroupRates;
  /** The spec report at this threshold (summaries in JSON form, "Infinity" for infinite). */
  readonly report: ReportAtThreshold;
}

/** Whether a face is kept under the unverified-label filter. */
export function isSampleIncluded(sample: ViewSample, excludeUnverified: boolean): boolean {
  return !excludeUnverified || sample.labels[RACE_LABEL_SOURCE] !== UNVERIFIED_SOURCE;
}

/** Whether any face of a set carries an unverified race label (so the filter is worth offering). */
export function hasUnverifiedLabels(samples: readonly ViewSample[]): boolean {
  return samples.some((s) => s.labels[RACE_LABEL_SOURCE] === UNVERIFIED_SOURCE);
}

/** Counts people and faces per group among the included faces. */
function countMembers(samples: readonly ViewSample[], labels: readonly SampleLabels[], isIncluded: Uint8Array): Map<string, GroupMembers> {
  const people = new Map<string, Set<string>>();
  const faces = new Map<string, number>();
  samples.forEach((sample, i) => {
    if (!isIncluded[i]) return;
    const group = labels[i].group;
    faces.set(group, (faces.get(group) ?? 0) + 1);
    const set = people.get(group) ?? new Set<string>();
    set.add(findPersonId(sample));
    people.set(group, set);
  });
  const out = new Map<string, GroupMembers>();
  for (const [group, set] of people) out.set(group, { group, people: set.size, samples: faces.get(group) ?? 0 });
  return out;
}

/** What the worker needs besides the scores: each face's group and person, and which are kept. */
export function describeGapSamples(set: ScoredSampleSet, options: GapOptions): GapPairsInput {
  const isIncluded = Uint8Array.from(set.samples, (s) => (isSampleIncluded(s, options.excludeUnverified) ? 1 : 0));
  // People as subjects: the bootstrap resamples people, and a face without subject is its own
  // person. Genuine pairs are unchanged, as no two faces share such an id.
  const labels: SampleLabels[] = set.samples.map((s) => ({ group: findGroupLabel(s.labels, options.groupBy), subject: findPersonId(s) }));
  return { scored: set.scored, labels, isIncluded, impostorGrouping: options.impostorGrouping };
}

/** The gap index from the sorted pairs: group members and face counts, computed here (small). */
export function assembleGapIndex(set: ScoredSampleSet, options: GapOptions, input: GapPairsInput, pairs: GapPairs): GapIndex {
  const included = input.isIncluded.reduce((sum, v) => sum + v, 0);
  return {
    options,
    scored: set.scored,
    table: pairs.table,
    index: pairs.index,
    members: countMembers(set.samples, input.labels, input.isIncluded),
    excludedSamples: set.samples.length - included,
    includedSamples: included,
    thresholdAtTargetFmr: pairs.thresholdAtTargetFmr,
    eer: pairs.eer,
  };
}

/**
 * Groups a scored set's pairs (spec "Which pairs belong to a group") and sorts them once, on this
 * thread. A group of one person has no within-group impostor pairs: its false-match rate is undefined.
 */
export function buildGapIndex(set: ScoredSampleSet, options: GapOptions): GapIndex {
  const input = describeGapSamples(set, options);
  return assembleGapIndex(set, options, input, indexGapPairs(input));
}

/** Whether {@link buildGapIndexInBackground} sends this set's pairs to a worker. */
export function isIndexedInBackground(set: ScoredSampleSet): boolean {
  return set.scored.scores.length >= MIN_PAIRS_FOR_BACKGROUND_INDEX;
}

/** Options of {@link buildGapIndexInBackground}. */
export interface BackgroundGapOptions {
  /** Aborting rejects with the signal's reason (and stops the worker). */
  readonly signal?: AbortSignal;
  /** The index shown until now: its overall part is reused when it is of the same run and faces. */
  readonly previous?: GapIndex | null;
}

/** The overall part of `previous` when it holds the same pairs as the index asked for. */
function findReusableOverall(set: ScoredSampleSet, options: GapOptions, previous: GapIndex | null | undefined): GapOverall | null {
  if (!previous || previous.scored !== set.scored || previous.options.excludeUnverified !== options.excludeUnverified) return null;
  return readGapOverall(previous);
}

/**
 * {@link buildGapIndex} with the sorting in the all-pairs worker when the set is large
 * ({@link isIndexedInBackground}), so regrouping 4.5 million pairs does not freeze the page. The
 * same index, bit for bit; a regrouping of the index shown (`previous`) neither sorts nor sends
 * the overall scores again (they do not depend on the groups). Rejects with the signal's reason
 * when aborted.
 */
export async function buildGapIndexInBackground(set: ScoredSampleSet, options: GapOptions, background: BackgroundGapOptions = {}): Promise<GapIndex> {
  const { signal, previous } = background;
  signal?.throwIfAborted();
  const known = findReusableOverall(set, options, previous);
  const input = { ...describeGapSamples(set, options), isOverallKnown: known !== null };
  const pairs = isIndexedInBackground(set) ? await indexGapPairsInBackground(input, { signal }) : indexGapPairs(input);
  return assembleGapIndex(set, options, input, known ? attachGapOverall(pairs, known) : pairs);
}

/** Why a group's numbers should not be over-read, or null when it is big enough. */
export function describeSmallGroup(people: number): string | null {
  if (people < 2) return 'one person: no pairs of different people inside this group';
  if (people < SMALL_GROUP_PEOPLE) return `only ${people} people: treat its rates as a rough hint`;
  return null;
}

/** Rates of every group at `threshold`, with the spec report; O(groups x log pairs). */
export function computeGapAtThreshold(gap: GapIndex, threshold: number): GapAtThreshold {
  const rows = computeGroupRates(gap.index, threshold).map((rates): GapRow => {
    const members = gap.members.get(rates.group) ?? { group: rates.group, people: 0, samples: 0 };
    const smallReason = describeSmallGroup(members.people);
    return { ...members, fmr: rates.fmr, fnmr: rates.fnmr, isSmall: smallReason !== null, smallReason };
  });
  return {
    threshold,
    rows,
    overall: computeOverallRates(gap.index, threshold),
    report: reportAtThreshold(gap.index, threshold),
  };
}
