/**
 * Per-unit error counts for the bootstrap (src/metrics/bootstrap.ts): one pass over the pairs
 * turns each group into resampling units (subjects, or lone pairs) with their pair and error
 * counts at every threshold, so replicates never touch the pairs again.
 */
import { UNKNOWN_SUBJECT } from './pair-table';
import { compareCodePoints } from './score-index';
import type { PairTable } from './types';

/** A group's resampling units and their counts. */
export interface GroupUnits {
  readonly group: string;
  /** Number of units. */
  readonly count: number;
  /** Units that are subjects. */
  readonly subjectUnits: number;
  /** Units that are single pairs lacking a subject id on side A. */
  readonly pairUnits: number;
  /** Impostor pairs of each unit. */
  readonly impostorPairs: Float64Array;
  /** Genuine pairs of each unit. */
  readonly genuinePairs: Float64Array;
  /** False matches of unit u at threshold t, at u * T + t. */
  readonly impostorErrors: Float64Array;
  /** False non-matches of unit u at threshold t, at u * T + t. */
  readonly genuineErrors: Float64Array;
}

/**
 * Collects the units of every group that has pairs, sorted by code point. `groupOf(k)` gives the
 * group code pair k counts for (-1: overall only), per the spec's membership rules.
 */
export function collectGroupUnits(
  table: PairTable,
  thresholds: readonly number[],
  groupOf: (k: number) => number,
): GroupUnits[] {
  const T = thresholds.length;
  const n = table.scores.length;
  // unitOfSubject[group] maps subject code -> unit index; lone pairs get fresh indexes.
  const unitOfSubject = new Map<number, Map<number, number>>();
  const rows = new Map<number, { imp: number[]; gen: number[]; impErr: number[]; genErr: number[]; subjects: number; pairs: number }>();
  for (let k = 0; k < n; k++) {
    const group = groupOf(k);
    if (group < 0) continue;
    let row = rows.get(group);
    if (!row) {
      row = { imp: [], gen: [], impErr: [], genErr: [], subjects: 0, pairs: 0 };
      rows.set(group, row);
      unitOfSubject.set(group, new Map());
    }
    const subject = table.sampleSubject[table.sampleA[k]];
    const bySubject = unitOfSubject.get(group) as Map<number, number>;
    let unit = subject === UNKNOWN_SUBJECT ? undefined : bySubject.get(subject);
    if (unit === undefined) {
      unit = row.imp.length;
      row.imp.push(0);
      row.gen.push(0);
      for (let t = 0; t < T; t++) {
        row.impErr.push(0);
        row.genErr.push(0);
      }
      if (subject === UNKNOWN_SUBJECT) row.pairs++;
      else {
        bySubject.set(subject, unit);
        row.subjects++;
      }
    }
    const score = table.scores[k];
    if (table.isGenuine[k] === 1) {
      row.gen[unit]++;
      for (let t = 0; t < T; t++) if (score < thresholds[t]) row.genErr[unit * T + t]++;
    } else {
      row.imp[unit]++;
      for (let t = 0; t < T; t++) if (score >= thresholds[t]) row.impErr[unit * T + t]++;
    }
  }
  return [...rows.entries()]
    .map(([code, row]) => ({
      group: table.groupLabels[code],
      count: row.imp.length,
      subjectUnits: row.subjects,
      pairUnits: row.pairs,
      impostorPairs: Float64Array.from(row.imp),
      genuinePairs: Float64Array.from(row.gen),
      impostorErrors: Float64Array.from(row.impErr),
      genuineErrors: Float64Array.from(row.genErr),
    }))
    .sort((a, b) => compareCodePoints(a.group, b.group));
}
