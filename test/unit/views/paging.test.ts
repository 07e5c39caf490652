import { describe, expect, it } from 'vitest';
import { splitIntoPages } from '../../../src/views/paging';

describe('rows split into presenter pages', () => {
  it.each([
    ['race (5 groups) fits one page', 5, 6, [[0, 5]]],
    ['race x gender (10) makes two even pages, not 6 and 4', 10, 6, [[0, 5], [5, 10]]],
    ['race x gender on lfw-94 (12) makes two full pages', 12, 6, [[0, 6], [6, 12]]],
    ['all three labels (30) make five pages of six', 30, 6, [[0, 6], [6, 12], [12, 18], [18, 24], [24, 30]]],
    ['7 rows at 6 a page: 4 and 3', 7, 6, [[0, 4], [4, 7]]],
    ['no rows: one empty page', 0, 6, [[0, 0]]],
  ])('%s', (_, count, perPage, expected) => {
    expect(splitIntoPages(count, perPage)).toEqual(expected);
  });

  it('never loses or repeats a row', () => {
    for (let count = 0; count <= 40; count++) {
      const pages = splitIntoPages(count, 6);
      expect(pages.flatMap(([from, to]) => Array.from({ length: to - from }, (_, i) => from + i))).toEqual(Array.from({ length: count }, (_, i) => i));
      expect(Math.max(...pages.map(([from, to]) => to - from))).toBeLessThanOrEqual(6);
    }
  });
});
