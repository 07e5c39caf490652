/**
 * Sorted scores per group and pair kind: the one structure every rate, threshold and curve reads.
 * Membership follows shared/spec/bias-metrics.md, "Which pairs belong to a group".
 */
import { findLowerBound } from './float';
import type { ImpostorGrouping, PairTable } from './types';

/** Ascending scores of one population, split by pair kind. */
export interface SortedScores {
  /** Genuine scores, ascending. */
  readonly genuine: Float64Array;
  /** Impostor scores, ascending. */
  readonly impostor: Float64Array;
}

/** Sorted scores of every group and of all pairs together. */
export interface ScoreIndex {
  /** Every group label seen on either side of any pair, sorted by code point. */
  readonly groups: readonly string[];
  /** Scores of each group's pairs (empty arrays for a group without pairs of a kind). */
  readonly byGroup: ReadonlyMap<string, SortedScores>;
  /** All genuine and all impostor pairs, cross-group impostors included. */
  readonly overall: SortedScores;
  /** The impostor grouping the groups were built with. */
  readonly impostorGrouping: ImpostorGrouping;
}

/** Compares strings by code point (not locale, not UTF-16 units), as the spec orders groups. */
export function compareCodePoints(a: string, b: string): number {
  const ca = Array.from(a, (ch) => ch.codePointAt(0) as number);
  const cb = Array.from(b, (ch) => ch.codePointAt(0) as number);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    if (ca[i] !== cb[i]) return ca[i] - cb[i];
  }
  return ca.length - cb.length;
}

/**
 * Returns the group code a pair counts for, or -1 when it counts only overall.
 * Genuine pairs belong to `groupA`; impostors per `grouping` (spec, "Which pairs belong to a group").
 */
export function findPairGroup(table: PairTable, k: number, grouping: ImpostorGrouping): number {
  const groupA = table.sampleGroup[table.sampleA[k]];
  if (table.isGenuine[k] === 1 || grouping === 'probe') return groupA;
  return groupA === table.sampleGroup[table.sampleB[k]] ? groupA : -1;
}

/**
 * Returns the second group a pair counts for, or -1. Only under `probe`, for an impostor pair of a
 * face set (`table.isFaceSet`) whose faces are in different groups: each face is a probe once, so
 * the pair counts for `groupB` as well as `groupA` (spec, "Which pairs belong to a group"). A pairs
 * file keeps its column order as the probe order, so its pairs count for `groupA` only.
 */
export function findSecondPairGroup(table: PairTable, k: number, grouping: ImpostorGrouping): number {
  if (grouping !== 'probe' || table.isFaceSet !== true || table.isGenuine[k] === 1) return -1;
  const groupB = table.sampleGroup[table.sampleB[k]];
  return groupB === table.sampleGroup[table.sampleA[k]] ? -1 : groupB;
}

/**
 * Sorts every group's scores once (O(n log n)), so rates at any threshold are binary searches.
 * A group with no pairs of a kind gets an empty array; its rate is then undefined. `knownOverall`,
 * the `overall` of an index of the same pairs (it does not depend on the groups), is reused as it
 * is instead of sorted again.
 */
export function indexScores(table: PairTable, grouping: ImpostorGrouping, knownOverall?: SortedScores): ScoreIndex {
  const n = table.scores.length;
  const groupCount = table.groupLabels.length;
  const genuineCounts = new Uint32Array(groupCount);
  const impostorCounts = new Uint32Array(groupCount);
  const isSeen = new Uint8Array(groupCount);
  let genuineTotal = 0;
  for (let k = 0; k < n; k++) {
    isSeen[table.sampleGroup[table.sampleA[k]]] = 1;
    isSeen[table.sampleGroup[table.sampleB[k]]] = 1;
    const group = findPairGroup(table, k, grouping);
    if (table.isGenuine[k] === 1) {
      genuineTotal++;
      genuineCounts[group]++;
    } else if (group >= 0) {
      impostorCounts[group]++;
      const second = findSecondPairGroup(table, k, grouping);
      if (second >= 0) impostorCounts[second]++;
    }
  }
  const genuine = Array.from(genuineCounts, (c) => new Float64Array(c));
  const impostor = Array.from(impostorCounts, (c) => new Float64Array(c));
  const allGenuine = knownOverall ? null : new Float64Array(genuineTotal);
  const allImpostor = knownOverall ? null : new Float64Array(n - genuineTotal);
  genuineCounts.fill(0);
  impostorCounts.fill(0);
  let g = 0;
  let i = 0;
  for (let k = 0; k < n; k++) {
    const score = table.scores[k];
    const group = findPairGroup(table, k, grouping);
    if (table.isGenuine[k] === 1) {
      if (allGenuine) allGenuine[g++] = score;
      genuine[group][genuineCounts[group]++] = score;
    } else {
      if (allImpostor) allImpostor[i++] = score;
      if (group >= 0) impostor[group][impostorCounts[group]++] = score;
      const second = findSecondPairGroup(table, k, grouping);
      if (second >= 0) impostor[second][impostorCounts[second]++] = score;
    }
  }
  const byGroup = new Map<string, SortedScores>();
  for (let code = 0; code < groupCount; code++) {
    if (isSeen[code] === 0) continue;
    byGroup.set(table.groupLabels[code], { genuine: genuine[code].sort(), impostor: impostor[code].sort() });
  }
  return {
    groups: [...byGroup.keys()].sort(compareCodePoints),
    byGroup,
    overall: allGenuine && allImpostor ? { genuine: allGenuine.sort(), impostor: allImpostor.sort() } : (knownOverall as SortedScores),
    impostorGrouping: grouping,
  };
}

/** Number of scores `>= threshold` (false matches when the scores are impostors). */
export function countAtLeast(sorted: Float64Array, threshold: number): number {
  return sorted.length - findLowerBound(sorted, threshold);
}

/** Number of scores `< threshold` (false non-matches when the scores are genuine). */
export function countBelow(sorted: Float64Array, threshold: number): number {
  return findLowerBound(sorted, threshold);
}
