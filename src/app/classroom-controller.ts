/**
 * fg-app's classroom state: the lesson step (`?lesson` opens it), the room's collected codes (in
 * memory only) and the handout (`?handout` shows it alone, for printing). Kept apart so fg-app's
 * hooks stay a few lines.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { collectRoomCode, EMPTY_ROOM, type RoomCollection, type RoomExpectation } from '../classroom/collection';
import { computeRoomStatistics, type RoomStatistics } from '../classroom/room-stats';

/** Wait before opening the print dialog, so the handout's table is filled. */
const HANDOUT_PRINT_DELAY_MS = 1500;

/** Classroom state and its transitions. */
export class ClassroomController implements ReactiveController {
  /** Lesson step, or null outside the lesson. */
  lessonStep: number | null;
  /** Showing the printable handout only. */
  isHandout: boolean;
  /** Reading room codes from the camera. */
  isCollecting = false;
  room: RoomCollection = EMPTY_ROOM;
  private _stats: { threshold: number; groupBy: readonly string[]; room: RoomCollection; value: RoomStatistics } | null = null;

  constructor(private readonly host: ReactiveControllerHost, search = typeof location === 'undefined' ? '' : location.search) {
    const params = new URLSearchParams(search);
    this.lessonStep = params.has('lesson') ? 0 : null;
    this.isHandout = params.has('handout');
    host.addController(this);
  }

  hostConnected(): void {}

  /** Enters the lesson at step 0, leaves it with null, or moves to a step. */
  setLessonStep(step: number | null): void {
    this.lessonStep = step;
    this.host.requestUpdate();
  }

  setCollecting(isCollecting: boolean): void {
    this.isCollecting = isCollecting;
    this.host.requestUpdate();
  }

  /** Reads one scanned code into the room. */
  collect(text: string, expected: RoomExpectation): void {
    this.room = collectRoomCode(this.room, text, expected);
    this.host.requestUpdate();
  }

  clearRoom(): void {
    this.room = EMPTY_ROOM;
    this.host.requestUpdate();
  }

  /** The room's statistics, recomputed only when the room, threshold or grouping changed. */
  statistics(threshold: number, groupBy: readonly string[]): RoomStatistics {
    const cached = this._stats;
    if (cached && cached.threshold === threshold && cached.groupBy === groupBy && cached.room === this.room) return cached.value;
    const value = computeRoomStatistics(this.room.payloads, threshold, groupBy);
    this._stats = { threshold, groupBy, room: this.room, value };
    return value;
  }

  /** Shows the handout alone, opens the print dialog, and comes back after printing. */
  printHandout(): void {
    this.isHandout = true;
    this.host.requestUpdate();
    window.addEventListener('afterprint', () => { this.isHandout = false; this.host.requestUpdate(); }, { once: true });
    // Give the handout time to score the pack: the print dialog freezes the page as it is.
    void this.host.updateComplete.then(() => setTimeout(() => window.print(), HANDOUT_PRINT_DELAY_MS));
  }

  /** The address attendees open: this page without its query. */
  joinUrl(): string {
    return typeof location === 'undefined' ? '' : `${location.origin}${location.pathname}`;
  }
}
