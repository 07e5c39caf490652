/**
 * The room's numbers from the codes collected, per shared/spec/bias-metrics.md: rates at a
 * threshold with Wilson 95% intervals (src/metrics), "not measurable" for a group with no pairs,
 * and max/min ratios only over two or more defined groups. Every group smaller than
 * {@link SMALL_ROOM_GROUP_PEOPLE} people carries the small-group caveat.
 *
 * Pure: no DOM.
 */
import { computeMaxMinRatio, estimateRate, type RateEstimate } from '../metrics';
import { findGroupLabel } from '../views/grouping';
import type { RoomPayload } from './payload';

/** A group with fewer people than this is flagged: its interval is wide and one person moves it. */
export const SMALL_ROOM_GROUP_PEOPLE = 5;

/** The room's own people of one self-described group: how often they would be missed. */
export interface RoomGenuineRow {
  group: string;
  people: number;
  /** False non-match rate over the group's genuine pairs (spec `fnmr_g`). */
  fnmr: RateEstimate;
  isSmall: boolean;
}

/** One pack group: how often its strangers would be taken for someone in the room. */
export interface RoomStrangerRow {
  group: string;
  /** False-match rate over (room person, pack stranger) pairs (spec `fmr_g`, probe grouping by the stranger's group). */
  fmr: RateEstimate;
  /** True when some attendee's kept scores all pass the threshold, so more may pass: the rate is a lower bound. */
  isLowerBound: boolean;
  /** Attendees compared with this group. */
  people: number;
  isSmall: boolean;
}

/** The room view's numbers. */
export interface RoomStatistics {
  people: number;
  /** Codes in the room made with another model or score formula, left out of every number (e.g. a kept room after the model changed). */
  otherModel: number;
  threshold: number;
  genuine: RoomGenuineRow[];
  strangers: RoomStrangerRow[];
  /** Highest over lowest defined false non-match rate across self-described groups (spec max/min ratio). */
  fnmrMaxMinRatio: number | null;
  /** Highest over lowest defined false-match rate across pack groups. */
  fmrMaxMinRatio: number | null;
}

/** Computes the room's statistics at `threshold`, grouping the room's people by their labels in `groupBy`. */
export function computeRoomStatistics(payloads: readonly RoomPayload[], threshold: number, groupBy: readonly string[], otherModel = 0): RoomStatistics {
  const genuine = new Map<string, { people: number; errors: number; pairs: number }>();
  for (const p of payloads) {
    const row = genuine.get(findGroupLabel(p.labels, groupBy)) ?? { people: 0, errors: 0, pairs: 0 };
    row.people += 1;
    row.pairs += p.genuine.length;
    row.errors += p.genuine.filter((s) => s < threshold).length;
    genuine.set(findGroupLabel(p.labels, groupBy), row);
  }
  const strangers = new Map<string, { people: number; errors: number; pairs: number; isLowerBound: boolean }>();
  for (const p of payloads) {
    for (const s of p.strangers) {
      const row = strangers.get(s.group) ?? { people: 0, errors: 0, pairs: 0, isLowerBound: false };
      const passing = s.closest.filter((score) => score >= threshold).length;
      row.people += 1;
      row.pairs += s.compared;
      row.errors += passing;
      if (passing === s.closest.length && s.closest.length < s.compared) row.isLowerBound = true;
      strangers.set(s.group, row);
    }
  }
  const genuineRows = sortByGroup([...genuine].map(([group, r]) => ({ group, people: r.people, fnmr: estimateRate(r.errors, r.pairs), isSmall: r.people < SMALL_ROOM_GROUP_PEOPLE })));
  const strangerRows = sortByGroup([...strangers].map(([group, r]) => ({ group, people: r.people, fmr: estimateRate(r.errors, r.pairs), isLowerBound: r.isLowerBound, isSmall: r.people < SMALL_ROOM_GROUP_PEOPLE })));
  return {
    people: payloads.length,
    otherModel,
    threshold,
    genuine: genuineRows,
    strangers: strangerRows,
    fnmrMaxMinRatio: computeMaxMinRatio(genuineRows.map((r) => r.fnmr.rate)),
    fmrMaxMinRatio: computeMaxMinRatio(strangerRows.map((r) => r.fmr.rate)),
  };
}

function sortByGroup<T extends { group: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
