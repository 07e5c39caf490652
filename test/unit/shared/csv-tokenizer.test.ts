import { describe, expect, it } from 'vitest';
import { CsvTokenizer, type CsvRecord, type CsvTokenizerOptions } from '../../../src/shared/csv-tokenizer';

function tokenize(chunks: readonly string[], options: CsvTokenizerOptions = {}): CsvRecord[] {
  const records: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer(options);
  for (const chunk of chunks) tokenizer.push(chunk, (r) => records.push(r));
  tokenizer.end((r) => records.push(r));
  return records;
}

/** Every way of cutting the text in two, plus one character per chunk. */
function splits(text: string): string[][] {
  const out = [[text], [...text]];
  for (let i = 1; i < text.length; i++) out.push([text.slice(0, i), text.slice(i)]);
  return out;
}

describe('CsvTokenizer', () => {
  const text = '\uFEFFa,"b ""q"" c",d\r\n"multi\nline",,x\r"end"';

  it('reads quotes, escapes, CRLF, CR, a byte-order mark and a last line without a line end', () => {
    expect(tokenize([text])).toEqual([
      { line: 1, cells: ['a', 'b "q" c', 'd'] },
      { line: 2, cells: ['multi\nline', '', 'x'] },
      { line: 4, cells: ['end'] },
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const whole = tokenize([text]);
    for (const chunks of splits(text)) expect(tokenize(chunks)).toEqual(whole);
  });

  it('ends a record at a line end inside quotes when quoted line breaks are not allowed, naming line and column', () => {
    const records = tokenize(['x,"open\n1,2\n'], { isNewlineInQuotesAllowed: false });
    expect(records[0]).toEqual({ line: 1, cells: ['x', 'open'], unclosedQuote: { line: 1, column: 2 } });
    expect(records[1]).toEqual({ line: 2, cells: ['1', '2'] });
  });

  it('reports a quote left open at the end of the input', () => {
    expect(tokenize(['a\n"b,c'])[1]).toEqual({ line: 2, cells: ['b,c'], unclosedQuote: { line: 2, column: 1 } });
  });

  it('reads other delimiters and keeps a quote inside an unquoted cell', () => {
    expect(tokenize(['a;b"c;d\n'], { delimiter: ';' })).toEqual([{ line: 1, cells: ['a', 'b"c', 'd'] }]);
  });
});
