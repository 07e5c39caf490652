import { describe, expect, it } from 'vitest';
import { countPresenterColumns, splitIntoColumns, splitIntoPages } from '../../../src/views/paging';

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

describe('a presenter page\u2019s rows in columns (two side by side on a wide screen)', () => {
  it.each([
    ['1280x720: one column', 1280, 1],
    ['1600 px: still one (a strip column would draw its type under 28 px)', 1600, 1],
    ['1800 px: two', 1800, 2],
    ['1920x1080: two', 1920, 2],
  ])('%s', (_, width, columns) => {
    expect(countPresenterColumns(width)).toBe(columns);
  });

  it.each([
    ['race (5 groups) stays one column', [0, 5], 6, [[0, 5]]],
    ['race x gender (10) on one page: 5 and 5', [0, 10], 6, [[0, 5], [5, 10]]],
    ['lfw-94 race x gender (12): 6 and 6', [0, 12], 6, [[0, 6], [6, 12]]],
    ['the second of three pages of 30 groups (10-20): 5 and 5', [10, 20], 6, [[10, 15], [15, 20]]],
    ['7 rows: 4 and 3', [3, 10], 6, [[3, 7], [7, 10]]],
    ['an empty page: one empty column', [0, 0], 6, [[0, 0]]],
  ] as const)('%s', (_, page, perColumn, expected) => {
    expect(splitIntoColumns(page, perColumn)).toEqual(expected);
  });

  it('30 groups at 1920x1080: three pages of ten, each two columns of five', () => {
    const pages = splitIntoPages(30, 6 * countPresenterColumns(1920));
    expect(pages.map((page) => splitIntoColumns(page, 6))).toEqual([[[0, 5], [5, 10]], [[10, 15], [15, 20]], [[20, 25], [25, 30]]]);
  });
});
