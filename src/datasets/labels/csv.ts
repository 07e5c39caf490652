/**
 * Label CSV files: the shared tokeniser (src/shared/csv-tokenizer.ts: quoted fields with ""
 * escapes and line breaks, a byte-order mark, CRLF or LF) plus "," ";" or tab detection
 * (spreadsheets in many locales save ";") and problems reported per line, never thrown.
 */
import { CsvTokenizer, isBlankRecord, type CsvDelimiter, type CsvRecord } from '../../shared/csv-tokenizer';
import type { LabelProblem } from './types';

/** Field separators the reader can detect. */
export type { CsvDelimiter };

/** One data record and the line it starts on (1-based; the header is line 1). */
export interface CsvRow {
  line: number;
  /** Exactly as many cells as the header: short records are padded with "". */
  cells: string[];
}

/** A parsed CSV file. */
export interface CsvTable {
  /** Column names, trimmed. */
  header: string[];
  rows: CsvRow[];
  delimiter: CsvDelimiter;
  /** Ragged records and unclosed quotes. */
  problems: LabelProblem[];
}

/** Options of {@link parseCsv}. */
export interface CsvOptions {
  /** Field separator; detected from the header line when omitted. */
  delimiter?: CsvDelimiter;
}

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** The candidate delimiter seen most often outside quotes in the first line; "," on a tie or none. */
export function detectCsvDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let isQuoted = false;
  for (const ch of text) {
    if (ch === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (ch === '\n' || ch === '\r')) break;
    else if (!isQuoted && counts.has(ch as CsvDelimiter)) counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
  }
  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best), ',');
}

/** Splits the text into non-blank records (blank lines are skipped, as spreadsheets do). */
function splitRecords(text: string, delimiter: CsvDelimiter, problems: LabelProblem[]): CsvRecord[] {
  const records: CsvRecord[] = [];
  const collect = (record: CsvRecord) => {
    if (record.unclosedQuote) {
      const { line } = record.unclosedQuote;
      problems.push({ kind: 'malformed-row', line, message: `A quoted value opened on line ${line} is never closed; the rest of the file was read as that one value.` });
    }
    if (!isBlankRecord(record)) records.push(record);
  };
  const tokenizer = new CsvTokenizer({ delimiter });
  tokenizer.push(text, collect);
  tokenizer.end(collect);
  return records;
}

/**
 * Parses CSV text. The first non-blank record is the header. Records with fewer cells than the
 * header are padded, records with more are cut; both are reported with their line.
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectCsvDelimiter(body);
  const problems: LabelProblem[] = [];
  const records = splitRecords(body, delimiter, problems);
  if (records.length === 0) return { header: [], rows: [], delimiter, problems };
  const header = records[0].cells.map((name) => name.trim());
  const rows = records.slice(1).map(({ line, cells }) => {
    if (cells.length !== header.length) {
      const fix = cells.length < header.length ? 'the missing ones were left empty' : `the extra ${cells.length - header.length} were ignored`;
      problems.push({ kind: 'malformed-row', line, message: `Line ${line} has ${cells.length} values but the header names ${header.length} columns; ${fix}.` });
    }
    const padded = Array.from({ length: header.length }, (_, i) => cells[i] ?? '');
    return { line, cells: padded };
  });
  return { header, rows, delimiter, problems };
}

/** Index of a column by case-insensitive name, -1 when absent. */
export function findColumn(header: readonly string[], name: string): number {
  const wanted = name.trim().toLowerCase();
  return header.findIndex((column) => column.trim().toLowerCase() === wanted);
}
