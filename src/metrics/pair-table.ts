/**
 * Builds the columnar {@link PairTable} from comparison pair objects or from per-sample labels.
 * shared/spec/bias-metrics.md, "Input: comparison pairs".
 */
import { compareCodePoints } from './score-index';
import type { ComparisonPair, PairTable } from './types';

/** Subject code of a sample whose subject is not known. */
export const UNKNOWN_SUBJECT = -1;

/** Interns strings to dense integer codes, in order of first appearance. */
class Interner {
  readonly labels: string[] = [];
  private readonly codes = new Map<string, number>();

  codeOf(label: string): number {
    let code = this.codes.get(label);
    if (code === undefined) {
      code = this.labels.length;
      this.codes.set(label, code);
      this.labels.push(label);
    }
    return code;
  }
}

/** Tells whether a pair object is genuine, from `isGenuine` or the spec's `same`. */
export function isGenuinePair(pair: ComparisonPair): boolean {
  if (pair.isGenuine !== undefined) return pair.isGenuine;
  if (pair.same === 1) return true;
  if (pair.same === 0) return false;
  throw new TypeError(`A pair needs isGenuine or same (0 or 1); got same=${String(pair.same)}.`);
}

/**
 * Builds a {@link PairTable} one pair at a time into growing typed arrays, so a pairs file of any
 * size is held as compact columns (about 25 bytes a pair), never as one object per pair. Each pair
 * gets two samples of its own (2k, 2k+1), so pairs keep exactly the labels they were given.
 */
export class PairTableBuilder {
  private readonly _groups = new Interner();
  private readonly _subjects = new Interner();
  private _count = 0;
  private _scores = new Float64Array(1024);
  private _isGenuine = new Uint8Array(1024);
  private _sampleGroup = new Uint32Array(2048);
  private _sampleSubject = new Int32Array(2048);

  /** Adds one pair; throws a RangeError naming it when its score is not finite. */
  add(pair: ComparisonPair): void {
    const k = this._count;
    if (!Number.isFinite(pair.score)) throw new RangeError(`Pair ${k} has a score that is not a finite number (${pair.score}).`);
    if (k === this._scores.length) this._grow();
    this._scores[k] = pair.score;
    this._isGenuine[k] = isGenuinePair(pair) ? 1 : 0;
    this._sampleGroup[2 * k] = this._groups.codeOf(pair.groupA);
    this._sampleGroup[2 * k + 1] = this._groups.codeOf(pair.groupB);
    this._sampleSubject[2 * k] = pair.subjectA === undefined ? UNKNOWN_SUBJECT : this._subjects.codeOf(pair.subjectA);
    this._sampleSubject[2 * k + 1] = pair.subjectB === undefined ? UNKNOWN_SUBJECT : this._subjects.codeOf(pair.subjectB);
    this._count++;
  }

  /** The table of the pairs added so far (the arrays are trimmed to size). */
  build(): PairTable {
    const n = this._count;
    const sampleA = new Uint32Array(n);
    const sampleB = new Uint32Array(n);
    for (let k = 0; k < n; k++) {
      sampleA[k] = 2 * k;
      sampleB[k] = 2 * k + 1;
    }
    return {
      scores: this._scores.slice(0, n), isGenuine: this._isGenuine.slice(0, n),
      sampleA, sampleB,
      sampleGroup: this._sampleGroup.slice(0, 2 * n), sampleSubject: this._sampleSubject.slice(0, 2 * n),
      groupLabels: this._groups.labels, subjectLabels: this._subjects.labels,
    };
  }

  private _grow(): void {
    const grow = <T extends Float64Array | Uint8Array | Uint32Array | Int32Array>(array: T, make: (length: number) => T): T => {
      const bigger = make(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this._scores = grow(this._scores, (n) => new Float64Array(n));
    this._isGenuine = grow(this._isGenuine, (n) => new Uint8Array(n));
    this._sampleGroup = grow(this._sampleGroup, (n) => new Uint32Array(n));
    this._sampleSubject = grow(this._sampleSubject, (n) => new Int32Array(n));
  }
}

/** Converts pair objects to a {@link PairTable} (through {@link PairTableBuilder}). */
export function buildPairTable(pairs: readonly ComparisonPair[]): PairTable {
  const builder = new PairTableBuilder();
  for (const pair of pairs) builder.add(pair);
  return builder.build();
}

/** Labels of one sample of an all-pairs run. */
export interface SampleLabels {
  /** Group label (e.g. `Black/female`). */
  readonly group: string;
  /** Subject id, or null when unknown (such a sample is in impostor pairs only). */
  readonly subject: string | null;
}

/** Scored pairs in compact form, as the all-pairs scorer returns them. */
export interface IndexedScores {
  /** Score of each pair. */
  readonly scores: Float32Array | Float64Array;
  /** First sample index of each pair. */
  readonly indexA: Uint32Array;
  /** Second sample index of each pair. */
  readonly indexB: Uint32Array;
}

/**
 * Builds a {@link PairTable} over scored sample pairs without copying scores or indexes.
 * A pair is genuine when both samples have the same non-null subject. The pairs are those of a set
 * of faces (`isFaceSet`), so which side is A carries no meaning: `probe` grouping counts a
 * cross-group impostor pair for both groups.
 */
export function buildPairTableFromSamples(scored: IndexedScores, samples: readonly SampleLabels[]): PairTable {
  const groups = new Interner();
  const subjects = new Interner();
  // Subjects get their codes in code-point order, not in order of first appearance, so the
  // bootstrap's units (ordered by subject code) and its draws do not depend on the order of faces.
  const subjectIds = [...new Set(samples.flatMap((sample) => (sample.subject === null ? [] : [sample.subject])))];
  for (const subject of subjectIds.sort(compareCodePoints)) subjects.codeOf(subject);
  const sampleGroup = new Uint32Array(samples.length);
  const sampleSubject = new Int32Array(samples.length);
  samples.forEach((sample, i) => {
    sampleGroup[i] = groups.codeOf(sample.group);
    sampleSubject[i] = sample.subject === null ? UNKNOWN_SUBJECT : subjects.codeOf(sample.subject);
  });
  const n = scored.scores.length;
  const isGenuine = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const subjectA = sampleSubject[scored.indexA[k]];
    isGenuine[k] = subjectA !== UNKNOWN_SUBJECT && subjectA === sampleSubject[scored.indexB[k]] ? 1 : 0;
  }
  return {
    scores: scored.scores, isGenuine, sampleA: scored.indexA, sampleB: scored.indexB,
    sampleGroup, sampleSubject, groupLabels: groups.labels, subjectLabels: subjects.labels, isFaceSet: true,
  };
}

/** Materialises pair objects from a table: for small tables and views only, never 12.5M pairs. */
export function listComparisonPairs(table: PairTable): ComparisonPair[] {
  const out: ComparisonPair[] = [];
  for (let k = 0; k < table.scores.length; k++) {
    const a = table.sampleA[k];
    const b = table.sampleB[k];
    const pair: ComparisonPair = {
      score: table.scores[k],
      isGenuine: table.isGenuine[k] === 1,
      groupA: table.groupLabels[table.sampleGroup[a]],
      groupB: table.groupLabels[table.sampleGroup[b]],
    };
    if (table.sampleSubject[a] !== UNKNOWN_SUBJECT) pair.subjectA = table.subjectLabels[table.sampleSubject[a]];
    if (table.sampleSubject[b] !== UNKNOWN_SUBJECT) pair.subjectB = table.subjectLabels[table.sampleSubject[b]];
    out.push(pair);
  }
  return out;
}

/** Accepts either form and returns a table (objects are converted once). */
export function toPairTable(pairs: readonly ComparisonPair[] | PairTable): PairTable {
  return Array.isArray(pairs) ? buildPairTable(pairs as readonly ComparisonPair[]) : (pairs as PairTable);
}
