/**
 * Grows a {@link PairTable} one pair at a time, for pairs that stream in (a pairs CSV of any
 * size): memory is typed arrays per pair plus one copy of each distinct group and subject name.
 */
import { Interner, isGenuinePair, UNKNOWN_SUBJECT } from './pair-table';
import type { ComparisonPair, PairTable } from './types';

const INITIAL_CAPACITY = 1024;

function grow<T extends Float64Array | Uint8Array | Uint32Array | Int32Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(length);
  bigger.set(array);
  return bigger;
}

/** Collects pairs into columns; {@link build} returns the table (each pair has two samples of its own). */
export class PairTableBuilder {
  private count = 0;
  private scores = new Float64Array(INITIAL_CAPACITY);
  private isGenuine = new Uint8Array(INITIAL_CAPACITY);
  private sampleGroup = new Uint32Array(2 * INITIAL_CAPACITY);
  private sampleSubject = new Int32Array(2 * INITIAL_CAPACITY);
  private readonly groups = new Interner();
  private readonly subjects = new Interner();

  /** Pairs added so far. */
  get size(): number {
    return this.count;
  }

  /** Adds one pair; its score must be finite (the readers check before). */
  add(pair: ComparisonPair): void {
    if (!Number.isFinite(pair.score)) throw new RangeError(`Pair ${this.count} has a score that is not a finite number (${pair.score}).`);
    if (this.count === this.scores.length) {
      const capacity = 2 * this.count;
      this.scores = grow(this.scores, capacity);
      this.isGenuine = grow(this.isGenuine, capacity);
      this.sampleGroup = grow(this.sampleGroup, 2 * capacity);
      this.sampleSubject = grow(this.sampleSubject, 2 * capacity);
    }
    const k = this.count++;
    this.scores[k] = pair.score;
    this.isGenuine[k] = isGenuinePair(pair) ? 1 : 0;
    this.sampleGroup[2 * k] = this.groups.codeOf(pair.groupA);
    this.sampleGroup[2 * k + 1] = this.groups.codeOf(pair.groupB);
    this.sampleSubject[2 * k] = pair.subjectA === undefined ? UNKNOWN_SUBJECT : this.subjects.codeOf(pair.subjectA);
    this.sampleSubject[2 * k + 1] = pair.subjectB === undefined ? UNKNOWN_SUBJECT : this.subjects.codeOf(pair.subjectB);
  }

  /** The table of every pair added, trimmed to size. */
  build(): PairTable {
    const n = this.count;
    const sampleA = new Uint32Array(n);
    const sampleB = new Uint32Array(n);
    for (let k = 0; k < n; k++) {
      sampleA[k] = 2 * k;
      sampleB[k] = 2 * k + 1;
    }
    return {
      scores: this.scores.slice(0, n), isGenuine: this.isGenuine.slice(0, n), sampleA, sampleB,
      sampleGroup: this.sampleGroup.slice(0, 2 * n), sampleSubject: this.sampleSubject.slice(0, 2 * n),
      groupLabels: this.groups.labels, subjectLabels: this.subjects.labels,
    };
  }
}
