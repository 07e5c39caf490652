/**
 * The heavy half of the gap view's index: an all-pairs run's scores, filtered by which faces are
 * kept, turned into a pair table and sorted per group (shared/spec/bias-metrics.md, "Which pairs
 * belong to a group", "Thresholds"). O(pairs log pairs), about a second for 4.5 million pairs, so
 * the app runs it in the all-pairs worker (src/metrics/gap-pairs-client.ts); node and the tests
 * call it directly. Pure: the worker and this thread compute the same numbers to the last bit.
 */
import { buildPairTableFromSamples, type IndexedScores, type SampleLabels } from './pair-table';
import { indexScores, type ScoreIndex, type SortedScores } from './score-index';
import { computeEqualErrorRate, DEFAULT_TARGET_FMR, findThresholdAtFmr, type EqualErrorRate } from './thresholds';
import type { ImpostorGrouping, PairTable } from './types';

/** What the index is built from: every pair's score and each face's labels. */
export interface GapPairsInput {
  /** Every pair of the set (pair k compares faces indexA[k] < indexB[k]). */
  readonly scored: IndexedScores;
  /** Group and person of each face, in face order. */
  readonly labels: readonly SampleLabels[];
  /** 1 for a face kept, 0 for one left out (its pairs are dropped); one entry per face. */
  readonly isIncluded: Uint8Array;
  /** Which impostor pairs count for a group (spec). */
  readonly impostorGrouping: ImpostorGrouping;
  /**
   * The caller holds the overall part already (the same pairs in another grouping): leave it out
   * (empty arrays, null thresholds), so it is neither sorted again nor sent back; the caller puts
   * it back with {@link attachGapOverall}.
   */
  readonly isOverallKnown?: boolean;
}

/** What does not depend on the grouping: all pairs sorted, and the thresholds read from them. */
export interface GapOverall {
  readonly overall: SortedScores;
  readonly thresholdAtTargetFmr: number | null;
  readonly eer: EqualErrorRate | null;
}

/** The kept pairs, grouped and sorted, with the two thresholds the presets need. */
export interface GapPairs {
  /** The kept pairs; its scores and indexes are the input's own arrays when every face is kept. */
  readonly table: PairTable;
  readonly index: ScoreIndex;
  /** Global threshold at FMR 1e-3 over all impostor pairs (spec "Thresholds"), null without impostors. */
  readonly thresholdAtTargetFmr: number | null;
  /** Overall equal error rate, null without genuine or impostor pairs. */
  readonly eer: EqualErrorRate | null;
}

/**
 * Keeps the pairs whose two faces are both included, in their order (no rescoring). Returns
 * `scored` itself when every face is included, so nothing is copied in the common case.
 */
export function filterPairs(scored: IndexedScores, isIncluded: Uint8Array): IndexedScores {
  const { scores, indexA, indexB } = scored;
  if (isIncluded.every((v) => v === 1)) return scored;
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

/**
 * Filters, tables and sorts the pairs of `input`. A group with no pairs of a kind gets an empty
 * array (its rate is then undefined); with no pairs at all, both thresholds are null.
 */
export function indexGapPairs(input: GapPairsInput): GapPairs {
  const table = buildPairTableFromSamples(filterPairs(input.scored, input.isIncluded), input.labels);
  if (input.isOverallKnown) {
    // Fresh empty arrays: the worker transfers every array of the index it sends.
    const leftOut = { genuine: new Float64Array(0), impostor: new Float64Array(0) };
    return { table, index: indexScores(table, input.impostorGrouping, leftOut), thresholdAtTargetFmr: null, eer: null };
  }
  const index = indexScores(table, input.impostorGrouping);
  return {
    table,
    index,
    thresholdAtTargetFmr: findThresholdAtFmr(index.overall.impostor, DEFAULT_TARGET_FMR),
    eer: computeEqualErrorRate(index.overall),
  };
}

/** The overall part of an index, to reuse for another grouping of the same pairs. */
export function readGapOverall(pairs: Pick<GapPairs, 'index' | 'thresholdAtTargetFmr' | 'eer'>): GapOverall {
  return { overall: pairs.index.overall, thresholdAtTargetFmr: pairs.thresholdAtTargetFmr, eer: pairs.eer };
}

/** Puts the overall part back into an index built with `isOverallKnown`. */
export function attachGapOverall(pairs: GapPairs, known: GapOverall): GapPairs {
  return { ...pairs, index: { ...pairs.index, overall: known.overall }, thresholdAtTargetFmr: known.thresholdAtTargetFmr, eer: known.eer };
}
