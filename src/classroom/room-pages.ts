/**
 * The Room tab's pages in presenter view, where the whole tab never fits one projector screen:
 * collecting first (the buttons, the count, the camera), then the room's own people by group, then
 * the pack's strangers by group, each table split when its groups do not fit one screen, then the
 * people on this laptop. Pure: no DOM.
 */
import { splitIntoPages } from '../views/paging';
import type { RoomStatistics } from './room-stats';

/**
 * Most table rows in one column of a page: six groups, their heading, the ratio and the caveat fit
 * 1280x720. A wide screen (countPresenterColumns, src/views/paging.ts) shows two columns a page.
 */
export const ROOM_ROWS_PER_COLUMN = 6;

/** Which of the room's two tables a page shows. */
export type RoomTableKind = 'missed' | 'strangers';

/** One page of the Room tab in presenter view. */
export type RoomPage =
  | { kind: 'collect' }
  | {
    kind: RoomTableKind;
    /** The table's rows `[from, to)` on this page (`splitIntoColumns` splits them, at ROOM_ROWS_PER_COLUMN a column). */
    from: number;
    to: number;
    /** The table's rows in all, over every page. */
    total: number;
  }
  | { kind: 'laptop' };

/**
 * The pages, in the order the presenter clicks through them: the tables only once codes are
 * collected, each in pages of `columns` columns of ROOM_ROWS_PER_COLUMN rows.
 */
export function listRoomPages(stats: RoomStatistics | null, columns = 1): RoomPage[] {
  const rowsPerPage = ROOM_ROWS_PER_COLUMN * Math.max(1, columns);
  const tables: RoomPage[] = [];
  if (stats && stats.people > 0) {
    for (const [kind, total] of [['missed', stats.genuine.length], ['strangers', stats.strangers.length]] as const) {
      if (total > 0) tables.push(...splitIntoPages(total, rowsPerPage).map(([from, to]) => ({ kind, from, to, total })));
    }
  }
  return [{ kind: 'collect' }, ...tables, { kind: 'laptop' }];
}

/** What a page shows, for the button that leads to it ("the pack's strangers, groups 6-10 of 10"). */
export function describeRoomPage(page: RoomPage): string {
  switch (page.kind) {
    case 'collect': return 'collecting from the room';
    case 'laptop': return 'the people on this laptop';
    default: {
      const what = page.kind === 'missed' ? 'would the room\u2019s people be missed?' : 'would strangers be taken for the room?';
      return page.to - page.from < page.total ? `${what} (groups ${page.from + 1}\u2013${page.to} of ${page.total})` : what;
    }
  }
}

/** The pager's words on page `index`: where the next click leads; the last page leads back to the first. */
export function describeNextRoomPage(pages: readonly RoomPage[], index: number): string {
  return index >= pages.length - 1 ? `\u2190 Back to ${describeRoomPage(pages[0])}` : `Next: ${describeRoomPage(pages[index + 1])} \u2192`;
}
