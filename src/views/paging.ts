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
