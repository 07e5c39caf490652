/** Splitting rows into the pages a presenter clicks through when they do not fit one screen. Pure. */

/** One page: rows `[from, to)`. */
export type PageRange = readonly [from: number, to: number];

/**
 * `count` rows as pages of at most `perPage`, as even as can be (10 rows at 6 a page: 5 and 5, not
 * 6 and 4), so no page looks like a leftover. No rows still make one (empty) page.
 */
export function splitIntoPages(count: number, perPage: number): PageRange[] {
  const pages = Math.max(1, Math.ceil(count / Math.max(1, perPage)));
  return Array.from({ length: pages }, (_, i) => [Math.round((i * count) / pages), Math.round(((i + 1) * count) / pages)] as const);
}

/**
 * Narrowest screen, in CSS px, on which a presenter page shows its groups in two columns side by
 * side: each column then has at least 864 px (the page's 24 px margins and a 24 px gap taken
 * off), enough for a score strip drawn 860 units wide at 1 px a unit, so its 28-unit type stays
 * 28 px or more. 1920x1080 has two columns; 1280x720 (and 1600 px) one.
 */
export const PRESENTER_TWO_COLUMNS_MIN_WIDTH_PX = 1800;

/** The width, in drawing units, of a score strip in one of two presenter columns (see above). */
export const PRESENTER_COLUMN_STRIP_UNITS = 860;

/** How many columns of groups a presenter page has on a screen `widthPx` wide: 2 from PRESENTER_TWO_COLUMNS_MIN_WIDTH_PX, else 1. */
export function countPresenterColumns(widthPx: number): number {
  return widthPx >= PRESENTER_TWO_COLUMNS_MIN_WIDTH_PX ? 2 : 1;
}

/**
 * One page's rows `[from, to)` as columns of at most `perColumn`, as even as can be (10 rows at 6 a
 * column: 5 and 5); rows that fit one column stay one. An empty page is one empty column.
 */
export function splitIntoColumns([from, to]: PageRange, perColumn: number): PageRange[] {
  return splitIntoPages(to - from, perColumn).map(([start, end]) => [from + start, from + end] as const);
}
