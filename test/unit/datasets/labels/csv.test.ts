import { describe, expect, it } from 'vitest';
import { detectCsvDelimiter, findColumn, parseCsv } from '../../../../src/datasets/labels/csv';
import { readLabelFixture } from '../read-fixture';

describe('parseCsv', () => {
  it('accepts a byte-order mark and CRLF line ends without complaint', () => {
    const table = parseCsv('\uFEFFfile,age\r\na.jpg,3\r\nb.jpg,4\r\n');
    expect(table.header).toEqual(['file', 'age']);
    expect(table.rows).toEqual([{ line: 2, cells: ['a.jpg', '3'] }, { line: 3, cells: ['b.jpg', '4'] }]);
    expect(table.problems).toEqual([]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks, and counts lines', () => {
    const table = parseCsv(readLabelFixture('generic-semicolon.csv'));
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual(['Photo', 'Sex', 'Ethnicity', 'Age', 'Note']);
    expect(table.rows[0].cells[4]).toBe('first; with a semicolon');
    expect(table.rows[1]).toEqual({ line: 3, cells: ['x/two.png', 'M', 'Black', '19', 'says "hi"\nover two lines'] });
  });

  it('skips blank lines and keeps line numbers true to the file', () => {
    const table = parseCsv('a,b\n\n1,2\n   \n3,4');
    expect(table.rows.map((r) => r.line)).toEqual([3, 5]);
  });

  it.each([
    ['a,b\n1\n', 'the missing ones were left empty', ['1', '']],
    ['a,b\n1,2,3\n', 'the extra 1 were ignored', ['1', '2']],
  ])('reports ragged record %j and keeps it', (text, message, cells) => {
    const table = parseCsv(text);
    expect(table.rows[0].cells).toEqual(cells);
    expect(table.problems).toMatchObject([{ kind: 'malformed-row', line: 2 }]);
    expect(table.problems[0].message).toContain(message);
  });

  it('reports an unclosed quote', () => {
    const table = parseCsv('a,b\n"1,2\n3,4\n');
    expect(table.problems[0]).toMatchObject({ kind: 'malformed-row', line: 2, message: expect.stringMatching(/never closed/) });
    expect(table.rows[0].cells[0]).toBe('1,2\n3,4\n');
  });

  it('returns an empty table for empty text', () => {
    expect(parseCsv('')).toMatchObject({ header: [], rows: [], problems: [] });
  });

  it.each([
    ['a,b,c\n', ','],
    ['a;b;c\n1,5;2;3', ';'],
    ['a\tb\n', '\t'],
    ['"x;y",b\n', ','],
    ['single\n', ','],
  ])('detects the delimiter of %j', (text, delimiter) => {
    expect(detectCsvDelimiter(text)).toBe(delimiter);
  });

  it('finds columns ignoring case and spaces', () => {
    expect(findColumn(['File ', 'AGE'], 'age')).toBe(1);
    expect(findColumn(['file'], 'race')).toBe(-1);
  });
});
