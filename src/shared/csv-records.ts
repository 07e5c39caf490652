/**
 * The one CSV tokeniser (RFC 4180): fields split on a delimiter, double-quoted fields with ""
 * escapes, a quoted field may span lines. Fed one physical line at a time, so a caller can stream a
 * file of any size; used by the label files (src/datasets/labels/csv.ts) and the pairs files
 * (src/metrics/pairs-csv.ts), each of which words its own errors. Pure.
 */

/** One record and the line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Splits lines into records; `pushLine` returns a record once its last quote is closed. */
export class CsvRecordReader {
  private _cells: string[] = [];
  private _cell = '';
  private _isQuoted = false;
  private _line = 0;
  private _recordLine = 1;

  constructor(private readonly delimiter: string = ',') {}

  /** True while a quoted value is open at the end of the lines fed so far. */
  get isInsideQuotes(): boolean {
    return this._isQuoted;
  }

  /** The line the record being read started on. */
  get recordLine(): number {
    return this._recordLine;
  }

  /** Feeds one line (without its line end); returns the finished record, or null inside quotes. */
  pushLine(text: string): CsvRecord | null {
    this._line++;
    // Most lines of a large file have no quote at all: split them at once (the same result as the
    // character loop below, which only a quote can change), instead of growing a string per character.
    if (!this._isQuoted && !text.includes('"')) {
      this._recordLine = this._line;
      return { line: this._line, cells: text.split(this.delimiter) };
    }
    if (this._isQuoted) this._cell += '\n';
    else this._recordLine = this._line;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (this._isQuoted) {
        if (ch === '"' && text[i + 1] === '"') {
          this._cell += '"';
          i++;
        } else if (ch === '"') this._isQuoted = false;
        else this._cell += ch;
      } else if (ch === '"' && this._cell.trim() === '') {
        this._isQuoted = true;
        this._cell = '';
      } else if (ch === this.delimiter) {
        this._cells.push(this._cell);
        this._cell = '';
      } else this._cell += ch;
    }
    return this._isQuoted ? null : this.flush();
  }

  /** Ends the record being read (at the end of the input, even inside quotes) and returns it. */
  flush(): CsvRecord {
    const record = { line: this._recordLine, cells: [...this._cells, this._cell] };
    this._cells = [];
    this._cell = '';
    this._isQuoted = false;
    return record;
  }
}

/** The lines of `text`, its byte-order mark removed, split at CRLF, LF or CR. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\n|\r/);
}
