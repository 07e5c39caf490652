import { describe, expect, it } from 'vitest';
import { isFairFaceHeader, parseFairFaceCsv } from '../../../../src/datasets/labels/fairface';
import { readLabelFixture } from '../read-fixture';

const CSV = readLabelFixture('fairface-style.csv');
const FILES = ['set/images/a.jpg', 'set/images/b.jpg', 'set/images/c.jpg', 'set/images/d.jpg', 'set/images/e.jpg', 'set/images/f.jpg', 'set/labels.csv', 'set/.DS_Store'];

describe('parseFairFaceCsv', () => {
  const result = parseFairFaceCsv(CSV, { files: FILES });

  it('reads numeric ages and FairFace bands, gender in any case; paths resolve to the chosen photos', () => {
    expect(result.items).toEqual([
      { file: 'set/images/a.jpg', subject: null, labels: { gender: 'male', race: 'White', age_band: '18-29' }, age: 26, notes: [] },
      { file: 'set/images/b.jpg', subject: null, labels: { gender: 'female', race: 'East Asian', age_band: '18-29' }, notes: [] },
      { file: 'set/images/c.jpg', subject: null, labels: { gender: 'female', race: 'Black' }, notes: ['age-outside-bands:more than 70'] },
      { file: 'set/images/d.jpg', subject: null, labels: { gender: 'male', race: 'Indian' }, notes: ['age-outside-bands:40-49'] },
      { file: 'set/images/e.jpg', subject: null, labels: { gender: 'male', race: 'Martian' }, age: 8, notes: ['age-outside-bands:8'] },
    ]);
  });

  it('reports each gap with its line: unknown values, duplicates, labels without photos, photos without labels', () => {
    expect(result.problems.map((p) => [p.kind, p.line ?? null, p.file ?? null])).toEqual([
      ['not-an-image', null, 'set/.DS_Store'],
      ['age-outside-bands', 4, 'set/images/c.jpg'],
      ['age-outside-bands', 5, 'set/images/d.jpg'],
      ['unknown-value', 6, 'set/images/e.jpg'],
      ['age-outside-bands', 6, 'set/images/e.jpg'],
      ['duplicate-entry', 7, 'set/images/a.jpg'],
      ['labels-without-file', 8, 'images/ghost.jpg'],
      ['file-without-labels', null, 'set/images/f.jpg'],
    ]);
    expect(result.problems[3].message).toContain('Race "Martian"');
    expect(result.problems[3].message).toContain('kept as written');
  });

  it('without a list of photos, keeps the CSV paths as they are', () => {
    const items = parseFairFaceCsv(CSV).items;
    expect(items.map((i) => i.file)).toEqual(['images/a.jpg', 'images/b.jpg', 'images/c.jpg', 'images/d.jpg', 'images/e.jpg', 'images/ghost.jpg']);
  });

  it('keeps an unknown gender as written and warns', () => {
    const result = parseFairFaceCsv('file,age,gender,race\r\nx.jpg,30,nonbinary,White\r\n');
    expect(result.items[0].labels.gender).toBe('nonbinary');
    expect(result.problems).toMatchObject([{ kind: 'unknown-value', column: 'gender', line: 2 }]);
  });

  it('reports a missing column instead of failing', () => {
    const result = parseFairFaceCsv('file,age,gender\nx.jpg,30,male\n');
    expect(result.items).toEqual([{ file: 'x.jpg', subject: null, labels: { gender: 'male', age_band: '30-44' }, age: 30, notes: [] }]);
    expect(result.problems).toMatchObject([{ kind: 'missing-column', column: 'race' }]);
  });

  it.each([
    [['file', 'age', 'gender', 'race', 'service_test'], true],
    [['File', 'Race', 'Gender', 'Age'], true],
    [['file', 'identity', 'gender', 'race'], false],
  ])('recognises header %j: %s', (header, isFairFace) => {
    expect(isFairFaceHeader(header)).toBe(isFairFace);
  });
});
