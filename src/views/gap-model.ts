/**
 * The gap view's model: a scored sample set -> pairs grouped by labels -> the spec's rates and
 * summaries at a threshold (shared/spec/bias-metrics.md). Every number comes from src/metrics, the
 * same code the `metrics` CLI runs, so the view and the CLI agree to the last digit.
 */
import { buildPairTableFromSamples, type IndexedScores, type SampleLabels } from '../metrics/pair-table';
import { computeGroupRates, computeOverallRates, type GroupRates } from '../metrics/rates';
import { reportAtThreshold, type ReportAtThreshold } from '../metrics/report';
import { indexScores, type ScoreIndex } from '../metrics/score-index';
import { computeEqualErrorRate, DEFAULT_TARGET_FMR, findThresholdAtFmr, type EqualErrorRate } from '../metrics/thresholds';
import type { ImpostorGrouping, PairTable } from '../metrics/types';
import { findGroupLabel, RACE_LABEL_SOURCE, UNVERIFIED_SOURCE } from './grouping';
import { findPersonId, type ScoredSampleSet, type ViewSample } from './sample-set';

/** Below this many people a group's rates are shown but flagged, and left out of the sentence. */
export const SMALL_GROUP_PEOPLE = 5;

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

/** Keeps the pairs whose two faces are both included (no rescoring: the scores are reused). */
function filterPairs(set: ScoredSampleSet, isIncluded: Uint8Array): IndexedScores {
  const { scores, indexA, indexB } = set.scored;
  if (isIncluded.every((v) => v === 1)) return set.scored;
  let kept = 0;
  for (let k = 0; k < scores.length; k++) if (isIncluded[indexA[k]] && isIncluded[indexB[k]]) kept++;
  const out = { scores: new Float64Array(kept), indexA: new Uint32Array(kept), indexB: new Uint32Array(kept) };
  let w = 0;
  for (let k = 0; k < scores.length; k++) {
    if (!isIncluded[indexA[k]] || !isIncluded[indexB[k]]) continue;
    out.scores[w] = scores[k];
    out.indexA[w] = indexA[k];
    out.indexB[w] = indexB[k];
    w++;
  }
  return out;
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

/**
 * Groups a scored set's pairs (spec "Which pairs belong to a group") and sorts them once.
 * A group of one person has no within-group impostor pairs: its false-match rate is undefined.
 */
export function buildGapIndex(set: ScoredSampleSet, options: GapOptions): GapIndex {
  const isIncluded = Uint8Array.from(set.samples, (s) => (isSampleIncluded(s, options.excludeUnverified) ? 1 : 0));
  // People as subjects: the bootstrap resamples people, and a face without subject is its own
  // person. Genuine pairs are unchanged, as no two faces share such an id.
  const labels: SampleLabels[] = set.samples.map((s) => ({ group: findGroupLabel(s.labels, options.groupBy), subject: findPersonId(s) }));
  const table = buildPairTableFromSamples(filterPairs(set, isIncluded), labels);
  const index = indexScores(table, options.impostorGrouping);
  const included = isIncluded.reduce((sum, v) => sum + v, 0);
  return {
    options,
    table,
    index,
    members: countMembers(set.samples, labels, isIncluded),
    excludedSamples: set.samples.length - included,
    includedSamples: included,
    thresholdAtTargetFmr: findThresholdAtFmr(index.overall.impostor, DEFAULT_TARGET_FMR),
    eer: computeEqualErrorRate(index.overall),
  };
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
