/**
 * A small RFC 4180 CSV reader: quoted fields with "" escapes and line breaks, a UTF-8 byte-order
 * mark, CRLF or LF line ends, and "," ";" or tab delimiters (spreadsheets in many locales save ";").
 */
import { CsvRecordReader, splitLines, type CsvRecord } from '../../shared/csv-records';
import type { LabelProblem } from './types';

/** Field separators the reader can detect. */
export type CsvDelimiter = ',' | ';' | '\t';

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

/** Records of `text` through the one tokeniser; blank lines are skipped, as spreadsheets do. */
function splitRecords(text: string, delimiter: CsvDelimiter, problems: LabelProblem[]): CsvRecord[] {
  const reader = new CsvRecordReader(delimiter);
  const records: CsvRecord[] = [];
  const keep = (record: CsvRecord | null) => {
    if (record && (record.cells.length > 1 || record.cells[0].trim() !== '')) records.push(record);
  };
  for (const line of splitLines(text)) keep(reader.pushLine(line));
  if (reader.isInsideQuotes) {
    const line = reader.recordLine;
    problems.push({ kind: 'malformed-row', line, message: `A quoted value opened on line ${line} is never closed; the rest of the file was read as that one value.` });
    keep(reader.flush());
  }
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
