/**
 * Reads comparison pairs from CSV: header `score,same,group_a,group_b` plus optional
 * `subject_a,subject_b`, in any column order (shared/spec/bias-metrics.md, "Input").
 * Accepts a byte-order mark, CRLF line ends and double-quoted fields. Refuses, never skips:
 * every problem is a {@link PairsCsvError} naming file, line and column. Fed line by line
 * ({@link PairsCsvReader}), so a file of any size streams; {@link parsePairsCsv} reads a string.
 */
import { CsvRecordReader, splitLines, type CsvRecord } from '../shared/csv-records';
import type { ComparisonPair } from './types';

/** Columns every pairs CSV must have. */
export const REQUIRED_PAIR_COLUMNS = ['score', 'same', 'group_a', 'group_b'] as const;
/** Columns a pairs CSV may add. */
export const OPTIONAL_PAIR_COLUMNS = ['subject_a', 'subject_b'] as const;

/** A plain decimal number: no hex (`0x1F` would read as 31), no `Infinity`, no blanks. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A readable refusal of a pairs file: what, where, and what to do. */
export class PairsCsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}: ${problem}`);
    this.name = 'PairsCsvError';
  }
}

/** Column positions, found in the header. */
interface Columns {
  count: number;
  score: number;
  same: number;
  groupA: number;
  groupB: number;
  subjectA: number;
  subjectB: number;
}

/** Parses one line at a time and hands each pair to `onPair`; keeps nothing itself. */
export class PairsCsvReader {
  private readonly _records = new CsvRecordReader(',');
  private _columns: Columns | null = null;
  private _pairs = 0;
  private _pendingBlank: number | null = null;
  private _isFirstLine = true;

  constructor(
    private readonly file: string,
    private readonly onPair: (pair: ComparisonPair, line: number) => void,
  ) {}

  /** Feeds one physical line, without its line end. */
  pushLine(text: string): void {
    if (this._isFirstLine && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this._isFirstLine = false;
    const record = this._records.pushLine(text);
    if (record === null) return;
    // Blank lines are allowed only at the very end: remember one and refuse it if a pair follows.
    if (record.cells.length === 1 && record.cells[0].trim() === '') {
      this._pendingBlank ??= record.line;
      return;
    }
    if (this._pendingBlank !== null) {
      const line = this._pendingBlank;
      throw new PairsCsvError(this.file, line, 1, `expected ${this._columns?.count ?? REQUIRED_PAIR_COLUMNS.length} fields, found 1 (a blank line).`);
    }
    if (this._columns === null) this._columns = this._readHeader(record);
    else this._readPair(record, this._columns);
  }

  /** Ends the input; refuses a file with no header, no pairs or an unclosed quote. Returns the number of pairs. */
  end(): number {
    if (this._records.isInsideQuotes) {
      const line = this._records.recordLine;
      throw new PairsCsvError(this.file, line, this._records.flush().cells.length, `a quoted field opened on line ${line} is never closed.`);
    }
    if (this._columns === null) throw new PairsCsvError(this.file, 1, 1, `the file is empty; expected a header "${REQUIRED_PAIR_COLUMNS.join(',')}" and one row per pair.`);
    if (this._pairs === 0) throw new PairsCsvError(this.file, 2, 1, 'the file has a header but no pairs.');
    return this._pairs;
  }

  private _readHeader({ cells }: CsvRecord): Columns {
    const header = cells.map((name) => name.trim());
    const known = new Set<string>([...REQUIRED_PAIR_COLUMNS, ...OPTIONAL_PAIR_COLUMNS]);
    const unknown = header.map((name, i) => ({ name, i })).filter(({ name }) => !known.has(name));
    if (unknown.length > 0) {
      throw new PairsCsvError(this.file, 1, unknown[0].i + 1, `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u.name}"`).join(', ')}; allowed: ${[...known].join(', ')}.`);
    }
    const duplicate = header.findIndex((name, i) => header.indexOf(name) !== i);
    if (duplicate >= 0) throw new PairsCsvError(this.file, 1, duplicate + 1, `column "${header[duplicate]}" appears twice.`);
    const missing = REQUIRED_PAIR_COLUMNS.filter((name) => !header.includes(name));
    if (missing.length > 0) throw new PairsCsvError(this.file, 1, header.length + 1, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`);
    const at = (name: string) => header.indexOf(name);
    return {
      count: header.length, score: at('score'), same: at('same'), groupA: at('group_a'), groupB: at('group_b'),
      subjectA: at('subject_a'), subjectB: at('subject_b'),
    };
  }

  private _readPair({ line, cells }: CsvRecord, columns: Columns): void {
    if (cells.length !== columns.count) {
      throw new PairsCsvError(this.file, line, Math.min(cells.length, columns.count) + 1, `expected ${columns.count} fields, found ${cells.length}.`);
    }
    const scoreText = cells[columns.score].trim();
    const score = DECIMAL.test(scoreText) ? Number(scoreText) : NaN;
    if (!Number.isFinite(score)) throw new PairsCsvError(this.file, line, columns.score + 1, `score "${cells[columns.score]}" is not a finite decimal number (such as 0.42).`);
    const sameText = cells[columns.same].trim();
    if (sameText !== '0' && sameText !== '1') throw new PairsCsvError(this.file, line, columns.same + 1, `same must be 0 (impostor) or 1 (genuine), found "${cells[columns.same]}".`);
    for (const [name, index] of [['group_a', columns.groupA], ['group_b', columns.groupB]] as const) {
      if (cells[index].trim() === '') throw new PairsCsvError(this.file, line, index + 1, `${name} is empty; every pair needs both group labels.`);
    }
    const pair: ComparisonPair = { score, same: sameText === '1' ? 1 : 0, groupA: cells[columns.groupA].trim(), groupB: cells[columns.groupB].trim() };
    if (columns.subjectA >= 0 && cells[columns.subjectA].trim() !== '') pair.subjectA = cells[columns.subjectA].trim();
    if (columns.subjectB >= 0 && cells[columns.subjectB].trim() !== '') pair.subjectB = cells[columns.subjectB].trim();
    this._pairs++;
    this.onPair(pair, line);
  }
}

/**
 * Parses a pairs CSV held in a string. Throws {@link PairsCsvError} for an empty file, missing or
 * unknown columns, a wrong number of fields, a score that is not a decimal number, or `same`
 * other than 0 or 1. Blank lines only at the very end are allowed.
 */
export function parsePairsCsv(text: string, file = '<pairs>'): ComparisonPair[] {
  const pairs: ComparisonPair[] = [];
  const reader = new PairsCsvReader(file, (pair) => void pairs.push(pair));
  for (const line of splitLines(text)) reader.pushLine(line);
  reader.end();
  return pairs;
}
