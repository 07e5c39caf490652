import { describe, expect, it } from 'vitest';
import { applyColumnMapping, suggestColumnMapping } from '../../../../src/datasets/labels/column-mapping';
import { parseCsv } from '../../../../src/datasets/labels/csv';
import { createFileMatcher, normalisePath } from '../../../../src/datasets/labels/paths';
import { readLabelFixture } from '../read-fixture';

describe('suggestColumnMapping', () => {
  it.each([
    [['file', 'age', 'gender', 'race'], { file: 'file', age: 'age', labels: { gender: 'gender', race: 'race' }, unusedColumns: [] }],
    [['Photo', 'Sex', 'Ethnicity', 'Age', 'Note'], { file: 'Photo', age: 'Age', labels: { gender: 'Sex', race: 'Ethnicity' }, unusedColumns: ['Note'] }],
    [['file', 'identity', 'gender', 'race', 'race_label_source'], { file: 'file', subject: 'identity', labels: { gender: 'gender', race: 'race' }, unusedColumns: ['race_label_source'] }],
    [['file_a', 'file_b', 'same_identity'], { file: null, labels: {}, unusedColumns: ['file_a', 'file_b', 'same_identity'] }],
  ])('guesses for %j', (header, mapping) => {
    expect(suggestColumnMapping(header)).toEqual(mapping);
  });
});

describe('applyColumnMapping', () => {
  const table = parseCsv(readLabelFixture('generic-semicolon.csv'));

  it('applies a user mapping, extra columns included as labels', () => {
    const result = applyColumnMapping(table, { file: 'photo', age: 'Age', labels: { gender: 'Sex', race: 'Ethnicity', note: 'Note' } }, { files: ['x/one.png', 'x/two.png'] });
    expect(result.items).toEqual([
      { file: 'x/one.png', subject: null, labels: { gender: 'female', race: 'White', note: 'first; with a semicolon', age_band: '30-44' }, age: 35, notes: [] },
      { file: 'x/two.png', subject: null, labels: { gender: 'male', race: 'Black', note: 'says "hi"\nover two lines', age_band: '18-29' }, age: 19, notes: [] },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('uses configured age bands', () => {
    const result = applyColumnMapping(table, { file: 'Photo', age: 'Age', labels: {} }, { ageBands: [{ label: 'any', minYears: 0, maxYears: 120 }] });
    expect(result.items.map((i) => i.labels.age_band)).toEqual(['any', 'any']);
  });

  it('reports a mapped column the CSV lacks; without a file column there are no items', () => {
    const result = applyColumnMapping(table, { file: 'path', labels: {} });
    expect(result.items).toEqual([]);
    expect(result.problems).toMatchObject([{ kind: 'missing-column', column: 'path' }]);
  });

  it('reports rows without a file name and unreadable ages', () => {
    const result = applyColumnMapping(parseCsv('file,age\n,30\nb.jpg,old\n'), { file: 'file', age: 'age', labels: {} });
    expect(result.items).toEqual([{ file: 'b.jpg', subject: null, labels: {}, notes: [] }]);
    expect(result.problems.map((p) => [p.kind, p.line])).toEqual([['malformed-row', 2], ['bad-age', 3]]);
  });

  it('refuses to guess between two photos with the same name', () => {
    const result = applyColumnMapping(parseCsv('file\na.jpg\n'), { file: 'file', labels: {} }, { files: ['x/a.jpg', 'y/a.jpg'] });
    expect(result.items).toEqual([]);
    expect(result.problems.map((p) => p.kind)).toEqual(['ambiguous-file', 'file-without-labels', 'file-without-labels']);
  });
});

describe('paths', () => {
  it.each([
    ['.\\set\\a.jpg', 'set/a.jpg'],
    ['/set//b/./c.png', 'set/b/c.png'],
  ])('normalises %j', (raw, clean) => {
    expect(normalisePath(raw)).toBe(clean);
  });

  it.each([
    ['images/a.jpg', { kind: 'found', file: 'set/images/a.jpg' }],
    ['other/set/images/a.jpg', { kind: 'found', file: 'set/images/a.jpg' }],
    ['b.jpg', { kind: 'found', file: 'b.jpg' }],
    ['mages/a.jpg', { kind: 'missing' }],
    ['c.jpg', { kind: 'missing' }],
  ])('matches %j at folder boundaries', (entry, match) => {
    expect(createFileMatcher(['set/images/a.jpg', 'b.jpg', 'x/b.jpg'])(entry)).toEqual(match);
  });
});
