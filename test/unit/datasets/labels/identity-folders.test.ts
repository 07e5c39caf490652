import { describe, expect, it } from 'vitest';
import { parseIdentityFolders, subjectFromPath } from '../../../../src/datasets/labels/identity-folders';
import { readLabelFixture } from '../read-fixture';

const FILES = [
  'lfw/images/Ann_Lee/Ann_Lee_0001.jpg',
  'lfw/images/Ann_Lee/Ann_Lee_0002.jpg',
  'lfw/images/Bo_Diaz/Bo_Diaz_0001.jpg',
  'lfw/images/Bo_Diaz/Bo_Diaz_0002.jpg',
  'lfw/images/Dee_Roe/Dee_Roe_0001.jpg',
  'lfw/labels.csv',
];

describe('parseIdentityFolders', () => {
  it('takes the innermost folder as subject', () => {
    expect(subjectFromPath('a/b/Name/Name_0001.jpg')).toBe('Name');
    expect(subjectFromPath('Name_0001.jpg')).toBeNull();
  });

  it('without a CSV, names subjects only and reports photos outside any folder', () => {
    const result = parseIdentityFolders(['Ann/Ann_1.jpg', 'Ann/Ann_2.jpg', 'loose.jpg']);
    expect(result.items.map((i) => [i.file, i.subject])).toEqual([['Ann/Ann_1.jpg', 'Ann'], ['Ann/Ann_2.jpg', 'Ann'], ['loose.jpg', null]]);
    expect(result.problems).toMatchObject([{ kind: 'file-without-labels', file: 'loose.jpg' }]);
  });

  describe('with a per-photo CSV (LFW-94 style)', () => {
    const result = parseIdentityFolders(FILES, readLabelFixture('lfw-style-labels.csv'));

    it('reads labels per photo, keeps extra columns such as race_label_source, subject from the CSV', () => {
      expect(result.items[0]).toEqual({
        file: 'lfw/images/Ann_Lee/Ann_Lee_0001.jpg', subject: 'Ann_Lee', notes: [],
        labels: { gender: 'female', race: 'East_Asian', race_label_source: 'unverified' },
      });
      expect(result.items.map((i) => i.subject)).toEqual(['Ann_Lee', 'Ann_Lee', 'Bo_Diaz', 'Bo_Diaz', 'Dee_Roe']);
    });

    it('keeps a photo without labels (its folder still names the person) and reports both gaps', () => {
      expect(result.items[4]).toEqual({ file: 'lfw/images/Dee_Roe/Dee_Roe_0001.jpg', subject: 'Dee_Roe', labels: {}, notes: [] });
      expect(result.problems.map((p) => [p.kind, p.line ?? null])).toEqual([['labels-without-file', 6], ['file-without-labels', null]]);
      expect(result.problems[1].message).toContain('kept without labels');
    });

    it('reports a CSV identity that differs from the folder and keeps the CSV one', () => {
      const csv = 'file,identity,gender\nimages/Ann_Lee/Ann_Lee_0001.jpg,Ann_Leigh,female\n';
      const { items, problems } = parseIdentityFolders(FILES.slice(0, 1), csv);
      expect(items[0].subject).toBe('Ann_Leigh');
      expect(problems).toMatchObject([{ kind: 'conflicting-labels', file: FILES[0] }]);
    });
  });

  describe('with a per-person CSV', () => {
    const result = parseIdentityFolders(FILES, readLabelFixture('identity-level.csv'));

    it('gives every photo of a person that person\'s labels', () => {
      expect(result.items.map((i) => [i.subject, i.labels])).toEqual([
        ['Ann_Lee', { gender: 'female', race: 'East_Asian' }],
        ['Ann_Lee', { gender: 'female', race: 'East_Asian' }],
        ['Bo_Diaz', { gender: 'male', race: 'Latino_Hispanic' }],
        ['Bo_Diaz', { gender: 'male', race: 'Latino_Hispanic' }],
        ['Dee_Roe', {}],
      ]);
    });

    it('reports people without photos and photos without a line', () => {
      expect(result.problems.map((p) => [p.kind, p.line ?? null, p.file ?? null])).toEqual([
        ['file-without-labels', null, 'lfw/images/Dee_Roe/Dee_Roe_0001.jpg'],
        ['labels-without-file', 4, null],
      ]);
    });

    it('reports a person described twice and keeps the first line', () => {
      const { items, problems } = parseIdentityFolders(FILES.slice(0, 1), 'identity,gender\nAnn_Lee,female\nAnn_Lee,male\n');
      expect(items[0].labels).toEqual({ gender: 'female' });
      expect(problems).toMatchObject([{ kind: 'duplicate-entry', line: 3 }]);
    });
  });

  it('reports a CSV with neither file nor identity column and still names subjects', () => {
    const { items, problems } = parseIdentityFolders(FILES.slice(0, 2), 'colour\nred\n');
    expect(items.map((i) => i.subject)).toEqual(['Ann_Lee', 'Ann_Lee']);
    expect(problems).toMatchObject([{ kind: 'missing-column' }]);
  });
});
