/**
 * Reads comparison pairs from CSV: header `score,same,group_a,group_b` plus optional
 * `subject_a,subject_b`, in any column order (shared/spec/bias-metrics.md, "Input").
 * Accepts a byte-order mark, CRLF line ends and double-quoted fields (on one line). Refuses, never
 * skips: every problem is a {@link PairsCsvError} naming file, line and column. Text streams in
 * chunks through the shared tokeniser, so a file's size is bounded by memory for its pairs.
 */
import { parseDecimal } from '../shared/decimal';
import { CsvTokenizer, isBlankRecord, type CsvRecord } from '../shared/csv-tokenizer';
import type { ComparisonPair } from './types';

/** Columns every pairs CSV must have. */
export const REQUIRED_PAIR_COLUMNS = ['score', 'same', 'group_a', 'group_b'] as const;
/** Columns a pairs CSV may add. */
export const OPTIONAL_PAIR_COLUMNS = ['subject_a', 'subject_b'] as const;

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

interface Columns {
  count: number;
  score: number;
  same: number;
  groupA: number;
  groupB: number;
  subjectA: number;
  subjectB: number;
}

function readHeader(record: CsvRecord, file: string): Columns {
  const header = record.cells.map((name) => name.trim());
  const known = new Set<string>([...REQUIRED_PAIR_COLUMNS, ...OPTIONAL_PAIR_COLUMNS]);
  const unknown = header.map((name, i) => ({ name, i })).filter(({ name }) => !known.has(name));
  if (unknown.length > 0) {
    throw new PairsCsvError(file, 1, unknown[0].i + 1, `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u.name}"`).join(', ')}; allowed: ${[...known].join(', ')}.`);
  }
  const duplicate = header.findIndex((name, i) => header.indexOf(name) !== i);
  if (duplicate >= 0) throw new PairsCsvError(file, 1, duplicate + 1, `column "${header[duplicate]}" appears twice.`);
  const missing = REQUIRED_PAIR_COLUMNS.filter((name) => !header.includes(name));
  if (missing.length > 0) throw new PairsCsvError(file, 1, header.length + 1, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`);
  const at = (name: string) => header.indexOf(name);
  return { count: header.length, score: at('score'), same: at('same'), groupA: at('group_a'), groupB: at('group_b'), subjectA: at('subject_a'), subjectB: at('subject_b') };
}

function readPair(record: CsvRecord, columns: Columns, file: string): ComparisonPair {
  const { line, cells } = record;
  if (cells.length !== columns.count) {
    const isBlank = isBlankRecord(record);
    const column = isBlank ? 1 : Math.min(cells.length, columns.count) + 1;
    throw new PairsCsvError(file, line, column, `expected ${columns.count} fields, found ${cells.length}${isBlank ? ' (a blank line)' : ''}.`);
  }
  const score = parseDecimal(cells[columns.score]);
  if (score === null) throw new PairsCsvError(file, line, columns.score + 1, `score "${cells[columns.score]}" is not a finite number in decimal notation.`);
  const sameText = cells[columns.same].trim();
  if (sameText !== '0' && sameText !== '1') throw new PairsCsvError(file, line, columns.same + 1, `same must be 0 (impostor) or 1 (genuine), found "${cells[columns.same]}".`);
  for (const [name, index] of [['group_a', columns.groupA], ['group_b', columns.groupB]] as const) {
    if (cells[index].trim() === '') throw new PairsCsvError(file, line, index + 1, `${name} is empty; every pair needs both group labels.`);
  }
  const pair: ComparisonPair = { score, same: sameText === '1' ? 1 : 0, groupA: cells[columns.groupA].trim(), groupB: cells[columns.groupB].trim() };
  if (columns.subjectA >= 0 && cells[columns.subjectA].trim() !== '') pair.subjectA = cells[columns.subjectA].trim();
  if (columns.subjectB >= 0 && cells[columns.subjectB].trim() !== '') pair.subjectB = cells[columns.subjectB].trim();
  return pair;
}

/**
 * Reads a pairs CSV chunk by chunk and hands each pair to `onPair`. Throws {@link PairsCsvError}
 * for an empty file, missing or unknown columns, a wrong number of fields, a score that is not a
 * finite decimal number (`0x1F` is refused), or `same` other than 0 or 1. Blank lines are allowed
 * only at the very end.
 */
export class PairsCsvReader {
  private readonly tokenizer = new CsvTokenizer({ delimiter: ',', isNewlineInQuotesAllowed: false });
  private columns: Columns | null = null;
  private firstBlankLine: number | null = null;
  private pairCount = 0;
  private readonly onRecord = (record: CsvRecord) => this.readRecord(record);

  constructor(
    private readonly file: string,
    private readonly onPair: (pair: ComparisonPair) => void,
  ) {}

  /** Reads the next chunk of text. */
  push(chunk: string): void {
    this.tokenizer.push(chunk, this.onRecord);
  }

  /** Ends the file; throws when it held no header or no pairs. */
  end(): void {
    this.tokenizer.end(this.onRecord);
    if (this.columns === null) throw new PairsCsvError(this.file, 1, 1, `the file is empty; expected a header "${REQUIRED_PAIR_COLUMNS.join(',')}" and one row per pair.`);
    if (this.pairCount === 0) throw new PairsCsvError(this.file, 2, 1, 'the file has a header but no pairs.');
  }

  private readRecord(record: CsvRecord): void {
    if (record.unclosedQuote) throw new PairsCsvError(this.file, record.line, record.unclosedQuote.column, 'a quoted field is not closed on this line.');
    if (isBlankRecord(record)) {
      // Blank lines are fine at the end of a file; one followed by a pair is refused there.
      this.firstBlankLine ??= record.line;
      return;
    }
    if (this.firstBlankLine !== null) {
      const line = this.firstBlankLine;
      if (this.columns === null && line === 1) throw new PairsCsvError(this.file, 1, 1, 'the first line is blank; it must be the header.');
      throw new PairsCsvError(this.file, line, 1, `expected ${this.columns?.count ?? REQUIRED_PAIR_COLUMNS.length} fields, found 1 (a blank line).`);
    }
    if (this.columns === null) this.columns = readHeader(record, this.file);
    else {
      this.onPair(readPair(record, this.columns, this.file));
      this.pairCount++;
    }
  }
}

/** Parses a whole pairs CSV held in memory (small files, tests); see {@link PairsCsvReader}. */
export function parsePairsCsv(text: string, file = '<pairs>'): ComparisonPair[] {
  const pairs: ComparisonPair[] = [];
  const reader = new PairsCsvReader(file, (pair) => pairs.push(pair));
  reader.push(text);
  reader.end();
  return pairs;
}

/** Streams a pairs CSV from chunks of text (a file read stream), pair by pair; see {@link PairsCsvReader}. */
export async function streamPairsCsv(chunks: AsyncIterable<string>, file: string, onPair: (pair: ComparisonPair) => void): Promise<void> {
  const reader = new PairsCsvReader(file, onPair);
  for await (const chunk of chunks) reader.push(chunk);
  reader.end();
}
