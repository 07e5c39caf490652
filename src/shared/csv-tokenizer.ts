/**
 * The one CSV tokeniser (RFC 4180: quoted fields with "" escapes, a UTF-8 byte-order mark, CRLF,
 * LF or CR line ends), fed in chunks so a file of any size streams through it. The label reader
 * and the pairs reader both use it and differ only in what they do with a problem: labels report
 * it and go on, pairs refuse the file with file:line:column.
 */

/** Field separators. */
export type CsvDelimiter = ',' | ';' | '\t';

/** One record, as the tokeniser found it. */
export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  /** Cells as written, quotes removed; a blank line is one empty cell. */
  cells: string[];
  /** Where a quoted cell was left open: at the end of the input, or at a line end when forbidden. */
  unclosedQuote?: { line: number; column: number };
}

/** Options of {@link CsvTokenizer}. */
export interface CsvTokenizerOptions {
  delimiter?: CsvDelimiter;
  /**
   * Whether a quoted cell may span lines (RFC 4180 allows it). When false, a line end inside
   * quotes ends the record with `unclosedQuote` set, so a stray quote cannot swallow the rest of
   * a large file into one cell.
   */
  isNewlineInQuotesAllowed?: boolean;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Feeds chunks of CSV text and hands back each complete record in order. */
export class CsvTokenizer {
  private readonly delimiter: number;
  private readonly isNewlineInQuotesAllowed: boolean;
  private cells: string[] = [];
  private cell = '';
  private isQuoted = false;
  /** A quote was seen inside a quoted cell: an escape ("") or the closing quote, told by the next character. */
  private isQuotePending = false;
  /** The previous chunk ended in CR: a LF starting this one belongs to it. */
  private isCrPending = false;
  private isStarted = false;
  private line = 1;
  private recordLine = 1;
  private unclosedQuote: CsvRecord['unclosedQuote'];

  constructor(options: CsvTokenizerOptions = {}) {
    this.delimiter = (options.delimiter ?? ',').charCodeAt(0);
    this.isNewlineInQuotesAllowed = options.isNewlineInQuotesAllowed ?? true;
  }

  /** Tokenises a chunk; calls `onRecord` for every record it completes. */
  push(chunk: string, onRecord: (record: CsvRecord) => void): void {
    let text = chunk;
    if (!this.isStarted && text.length > 0) {
      this.isStarted = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let i = 0;
    const n = text.length;
    while (i < n) {
      let code = text.charCodeAt(i);
      if (this.isCrPending) {
        this.isCrPending = false;
        if (code === LF) {
          i++;
          continue;
        }
      }
      if (this.isQuotePending) {
        this.isQuotePending = false;
        if (code === QUOTE) {
          this.cell += '"';
          i++;
          continue;
        }
        this.isQuoted = false;
      }
      if (this.isQuoted) {
        let j = i;
        while (j < n && (code = text.charCodeAt(j)) !== QUOTE && code !== LF && code !== CR) j++;
        this.cell += text.slice(i, j);
        if (j === n) break;
        if (code === QUOTE) this.isQuotePending = true;
        else if (this.isNewlineInQuotesAllowed) {
          this.cell += text[j];
          if (code === LF) this.line++;
        } else {
          this.unclosedQuote = { line: this.recordLine, column: this.cells.length + 1 };
          this.isQuoted = false;
          i = this.endLine(text, j, onRecord);
          continue;
        }
        i = j + 1;
        continue;
      }
      let j = i;
      while (j < n && (code = text.charCodeAt(j)) !== this.delimiter && code !== LF && code !== CR && code !== QUOTE) j++;
      this.cell += text.slice(i, j);
      if (j === n) break;
      if (code === QUOTE) {
        // A quote opens a quoted cell only at its start (after blanks); elsewhere it is a character.
        if (this.cell.trim() === '') {
          this.isQuoted = true;
          this.cell = '';
        } else this.cell += '"';
        i = j + 1;
      } else if (code === this.delimiter) {
        this.cells.push(this.cell);
        this.cell = '';
        i = j + 1;
      } else i = this.endLine(text, j, onRecord);
    }
  }

  /** Ends the input: hands back the last record, if the text did not end with a line end. */
  end(onRecord: (record: CsvRecord) => void): void {
    if (this.isQuotePending) this.isQuoted = false;
    this.isQuotePending = false;
    if (this.isQuoted) this.unclosedQuote = { line: this.recordLine, column: this.cells.length + 1 };
    if (this.isQuoted || this.cells.length > 0 || this.cell !== '') this.endRecord(onRecord);
    this.isQuoted = false;
  }

  /** Ends the record at the line end at `j`; returns the index after it. */
  private endLine(text: string, j: number, onRecord: (record: CsvRecord) => void): number {
    this.endRecord(onRecord);
    this.line++;
    this.recordLine = this.line;
    if (text.charCodeAt(j) === CR) {
      if (j + 1 === text.length) this.isCrPending = true;
      else if (text.charCodeAt(j + 1) === LF) return j + 2;
    }
    return j + 1;
  }

  private endRecord(onRecord: (record: CsvRecord) => void): void {
    this.cells.push(this.cell);
    const record: CsvRecord = { line: this.recordLine, cells: this.cells };
    if (this.unclosedQuote) record.unclosedQuote = this.unclosedQuote;
    this.cells = [];
    this.cell = '';
    this.unclosedQuote = undefined;
    onRecord(record);
  }
}

/** Whether a record is a blank line (one empty or all-blank cell). */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.cells.length === 1 && record.cells[0].trim() === '';
}
