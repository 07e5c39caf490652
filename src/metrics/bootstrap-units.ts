/**
 * Resampling design of the two-way subject bootstrap (src/metrics/bootstrap.ts, docs/statistics.md).
 * One pass over the pairs finds the resampling units (a subject within a group; a sample without a
 * subject id is its own subject), the one or two units each counted pair's weight depends on, and
 * the cell (group, kind, threshold level) its weight adds to. A replicate is then one loop over
 * typed arrays: no per-pair objects, nothing allocated.
 */
import { UNKNOWN_SUBJECT } from './pair-table';
import { compareCodePoints, findPairGroup, findSecondPairGroup } from './score-index';
import type { ImpostorGrouping, PairTable } from './types';
import type { RandomSource } from './random';

/** Bit of {@link ResamplingDesign.groupUnitKinds}: some pair's weight follows a subject (or a face as its own subject). */
export const UNIT_KIND_SUBJECT = 1;
/** Bit of {@link ResamplingDesign.groupUnitKinds}: some pair is resampled on its own (no subject ids, faces seen once). */
export const UNIT_KIND_PAIR = 2;

/** Everything a replicate needs, as typed arrays. */
export interface ResamplingDesign {
  /** Groups with counted pairs, sorted by code point; group index g in every array below. */
  readonly groups: readonly string[];
  /** Number of units U; a counts array has U + 1 entries, the last one fixed at 1 (no factor). */
  readonly unitCount: number;
  /** Strata (one per group that has units): the units of stratum h are [strataStart[h], strataStart[h + 1]). */
  readonly strataStart: Int32Array;
  /**
   * Counted pairs in runs sharing their first weight factor and their cell: run r holds the pairs
   * [runStart[r], runStart[r + 1]) of {@link pairUnitB}, all with first factor runUnit[r].
   */
  readonly runStart: Int32Array;
  /** Per run: the unit of the first weight factor. */
  readonly runUnit: Int32Array;
  /** Per run: ((g * 2 + kind) * (T + 1) + level), kind 0 impostor, 1 genuine, level = #{thresholds <= score}. */
  readonly runCell: Int32Array;
  /** Per counted pair, in run order: the unit of its second weight factor, or U (count fixed at 1). */
  readonly pairUnitB: Int32Array;
  /** Per threshold (as given): its rank among the ascending thresholds. */
  readonly thresholdRank: Int32Array;
  /** Per group and kind (g * 2 + kind): units of the group that carry pairs of this kind. */
  readonly unitsPerRate: Int32Array;
  /** Per group: {@link UNIT_KIND_SUBJECT} and/or {@link UNIT_KIND_PAIR}. */
  readonly groupUnitKinds: Uint8Array;
  /** Counted pairs resampled as their own unit (no subject id on either side, each face in this pair only). */
  readonly pairsWithoutSubject: number;
  /** Samples without a subject id, in several pairs, resampled as their own subject. */
  readonly samplesAsSubjects: number;
}

/**
 * Builds the design. Which pairs count for which group follows the spec's impostor grouping;
 * cross-group impostors in `within` mode take no part. Weights: a genuine pair follows the unit
 * of its side A (both sides are that subject); an impostor pair (a, b) follows both units, weight
 * c_a * c_b. A sample without subject id is its own subject, except that a sample seen in no other
 * counted pair adds no factor (nothing ties it to other pairs); a pair with two such samples is its
 * own unit. O(pairs + units log units).
 */
export function buildResamplingDesign(table: PairTable, thresholds: readonly number[], grouping: ImpostorGrouping): ResamplingDesign {
  if (thresholds.some(Number.isNaN)) throw new RangeError('Bootstrap thresholds must be numbers; got NaN.');
  const n = table.scores.length;
  const sampleCount = table.sampleGroup.length;
  const levels = thresholds.length + 1;
  const seen = new Uint32Array(sampleCount);
  const isGroupCounted = new Uint8Array(table.groupLabels.length);
  let counted = 0;
  for (let k = 0; k < n; k++) {
    const group = findPairGroup(table, k, grouping);
    if (group < 0) continue;
    counted++;
    isGroupCounted[group] = 1;
    const second = findSecondPairGroup(table, k, grouping);
    if (second >= 0) {
      counted++;
      isGroupCounted[second] = 1;
    }
    // Once per pair, however many groups it counts for: "seen" asks whether a face is in other pairs.
    seen[table.sampleA[k]]++;
    seen[table.sampleB[k]]++;
  }
  const groupRank = rankGroups(table.groupLabels);
  const groups = table.groupLabels.filter((_, code) => isGroupCounted[code] === 1).sort(compareCodePoints);
  const groupIndex = new Int32Array(table.groupLabels.length).fill(-1);
  table.groupLabels.forEach((label, code) => { groupIndex[code] = groups.indexOf(label); });
  const sorted = [...thresholds].sort((a, b) => a - b);
  const thresholdRank = Int32Array.from(thresholds, (t) => sorted.indexOf(t));

  // Units in order of first use, keyed so that sorting by key orders them by group, subject, sample.
  const subjectSpan = table.subjectLabels.length + sampleCount;
  const unitOfSample = new Int32Array(sampleCount).fill(-1);
  const unitOfKey = new Map<number, number>();
  const unitKeys: number[] = [];
  const unitGroupFirst: number[] = [];
  const unitOf = (sample: number): number => {
    let unit = unitOfSample[sample];
    if (unit >= 0) return unit;
    const subject = table.sampleSubject[sample];
    const key = groupRank[table.sampleGroup[sample]] * subjectSpan
      + (subject === UNKNOWN_SUBJECT ? table.subjectLabels.length + sample : subject);
    unit = unitOfKey.get(key) ?? -1;
    if (unit < 0) {
      unit = unitKeys.length;
      unitOfKey.set(key, unit);
      unitKeys.push(key);
      unitGroupFirst.push(groupIndex[table.sampleGroup[sample]]);
    }
    unitOfSample[sample] = unit;
    return unit;
  };
  const pairUnitA = new Int32Array(counted);
  const pairUnitB = new Int32Array(counted);
  const pairCell = new Int32Array(counted);
  const groupUnitKinds = new Uint8Array(groups.length);
  const isPairUnit: boolean[] = [];
  let pairsWithoutSubject = 0;
  let w = 0;
  // A pair of a face set counted for two groups (probe) is entered twice, the second time with
  // its sides swapped so side A is the probe of that group; its weight c_a * c_b is the same.
  const enter = (k: number, code: number, a: number, b: number): void => {
    const isGenuine = table.isGenuine[k] === 1;
    const isLoneA = table.sampleSubject[a] === UNKNOWN_SUBJECT && seen[a] === 1;
    const isLoneB = table.sampleSubject[b] === UNKNOWN_SUBJECT && seen[b] === 1;
    const g = groupIndex[code];
    if (isGenuine || (isLoneA && isLoneB)) {
      pairUnitA[w] = unitOf(a);
      pairUnitB[w] = -1;
    } else {
      pairUnitA[w] = isLoneA ? -1 : unitOf(a);
      pairUnitB[w] = isLoneB ? -1 : unitOf(b);
    }
    if (isLoneA && (isGenuine || isLoneB)) {
      isPairUnit[pairUnitA[w]] = true;
      pairsWithoutSubject++;
      groupUnitKinds[g] |= UNIT_KIND_PAIR;
    } else {
      groupUnitKinds[g] |= UNIT_KIND_SUBJECT;
    }
    const score = table.scores[k];
    let level = 0;
    while (level < sorted.length && sorted[level] <= score) level++;
    pairCell[w] = ((g * 2 + (isGenuine ? 1 : 0)) * levels) + level;
    w++;
  };
  for (let k = 0; k < n; k++) {
    const code = findPairGroup(table, k, grouping);
    if (code < 0) continue;
    enter(k, code, table.sampleA[k], table.sampleB[k]);
    const second = findSecondPairGroup(table, k, grouping);
    if (second >= 0) enter(k, second, table.sampleB[k], table.sampleA[k]);
  }
  // Sort units by key, so the draws do not depend on which side or pair a unit was met first.
  const U = unitKeys.length;
  const order = Array.from({ length: U }, (_, u) => u).sort((x, y) => unitKeys[x] - unitKeys[y]);
  const newIndex = new Int32Array(U);
  order.forEach((old, u) => { newIndex[old] = u; });
  for (let p = 0; p < counted; p++) {
    pairUnitA[p] = pairUnitA[p] < 0 ? U : newIndex[pairUnitA[p]];
    pairUnitB[p] = pairUnitB[p] < 0 ? U : newIndex[pairUnitB[p]];
  }
  // The sentinel unit U belongs to no group.
  const unitGroup = Int32Array.from({ length: U + 1 }, (_, u) => (u < U ? unitGroupFirst[order[u]] : -1));
  const starts: number[] = [];
  order.forEach((old, u) => {
    if (u === 0 || Math.floor(unitKeys[old] / subjectSpan) !== Math.floor(unitKeys[order[u - 1]] / subjectSpan)) starts.push(u);
  });
  starts.push(U);
  return {
    groups, unitCount: U, strataStart: Int32Array.from(starts), thresholdRank,
    ...sortIntoRuns(pairUnitA, pairUnitB, pairCell, U + 1, 2 * groups.length * levels),
    unitsPerRate: countUnitsPerRate(pairUnitA, pairUnitB, pairCell, unitGroup, U, groups.length, levels),
    groupUnitKinds, pairsWithoutSubject,
    samplesAsSubjects: order.filter((old) => unitKeys[old] % subjectSpan >= table.subjectLabels.length && !isPairUnit[old]).length,
  };
}

/** Code-point rank of every group code, so strata come in the report's order. */
function rankGroups(labels: readonly string[]): Int32Array {
  const rank = new Int32Array(labels.length);
  labels.map((label, code) => ({ label, code }))
    .sort((x, y) => compareCodePoints(x.label, y.label))
    .forEach(({ code }, r) => { rank[code] = r; });
  return rank;
}

/** Units of each group carrying pairs of each kind; a unit of another group (side B under `probe`) is not counted. */
function countUnitsPerRate(
  pairUnitA: Int32Array, pairUnitB: Int32Array, pairCell: Int32Array, unitGroup: Int32Array, unitCount: number, groupCount: number, levels: number,
): Int32Array {
  const isCarrying = new Uint8Array(2 * (unitCount + 1));
  for (let p = 0; p < pairCell.length; p++) {
    const slot = Math.floor(pairCell[p] / levels);
    const g = slot >> 1;
    if (unitGroup[pairUnitA[p]] === g) isCarrying[2 * pairUnitA[p] + (slot & 1)] = 1;
    if (unitGroup[pairUnitB[p]] === g) isCarrying[2 * pairUnitB[p] + (slot & 1)] = 1;
  }
  const perRate = new Int32Array(2 * groupCount);
  for (let u = 0; u < unitCount; u++) {
    if (unitGroup[u] < 0) continue;
    perRate[2 * unitGroup[u]] += isCarrying[2 * u];
    perRate[2 * unitGroup[u] + 1] += isCarrying[2 * u + 1];
  }
  return perRate;
}

/**
 * Draws one replicate's counts: within each stratum of n units, n draws with replacement.
 * `counts` has U + 1 entries; the last stays 1. One random number per unit.
 */
export function drawUnitCounts(design: ResamplingDesign, random: RandomSource, counts: Float64Array): void {
  counts.fill(0);
  counts[design.unitCount] = 1;
  const starts = design.strataStart;
  for (let h = 0; h + 1 < starts.length; h++) {
    const start = starts[h];
    const size = starts[h + 1] - start;
    for (let draw = 0; draw < size; draw++) counts[start + Math.floor(random() * size)]++;
  }
}

/**
 * Orders the pairs by (first factor, cell) with two stable counting sorts, O(pairs + units + cells),
 * so a replicate skips the runs of undrawn units and sums the second factors in a tight loop.
 */
function sortIntoRuns(
  unitA: Int32Array, unitB: Int32Array, cell: Int32Array, unitKeys: number, cellKeys: number,
): Pick<ResamplingDesign, 'runStart' | 'runUnit' | 'runCell' | 'pairUnitB'> {
  const byCell = sortStably(cell, cellKeys, Int32Array.from({ length: cell.length }, (_, p) => p));
  const order = sortStably(unitA, unitKeys, byCell);
  const starts: number[] = [];
  const units: number[] = [];
  const cells: number[] = [];
  order.forEach((p, i) => {
    if (i > 0 && unitA[order[i - 1]] === unitA[p] && cell[order[i - 1]] === cell[p]) return;
    starts.push(i);
    units.push(unitA[p]);
    cells.push(cell[p]);
  });
  starts.push(order.length);
  return {
    runStart: Int32Array.from(starts), runUnit: Int32Array.from(units), runCell: Int32Array.from(cells),
    pairUnitB: Int32Array.from(order, (p) => unitB[p]),
  };
}

/** Stable counting sort of the indexes `items` by `key[item]` in [0, keys). */
function sortStably(key: Int32Array, keys: number, items: Int32Array): Int32Array {
  const next = new Int32Array(keys + 1);
  for (const item of items) next[key[item] + 1]++;
  for (let k = 0; k < keys; k++) next[k + 1] += next[k];
  const out = new Int32Array(items.length);
  for (const item of items) out[next[key[item]]++] = item;
  return out;
}

/**
 * Adds every counted pair's weight (product of its units' counts) to its cell: per run,
 * count(first) x sum of count(second). O(pairs), allocation-free.
 */
export function accumulatePairWeights(design: ResamplingDesign, counts: Float64Array, cells: Float64Array): void {
  cells.fill(0);
  const { runStart, runUnit, runCell, pairUnitB } = design;
  for (let r = 0; r < runUnit.length; r++) {
    const first = counts[runUnit[r]];
    if (first === 0) continue;
    let second = 0;
    const end = runStart[r + 1];
    for (let p = runStart[r]; p < end; p++) second += counts[pairUnitB[p]];
    cells[runCell[r]] += first * second;
  }
}
