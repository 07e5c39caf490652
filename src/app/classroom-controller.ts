/**
 * fg-app's classroom state: the lesson step (`?lesson` opens it), the room's collected codes and
 * the handout (`?handout` shows it alone, for printing). The room is held in memory; only when the
 * presenter chooses "Keep the room on this device" are its codes written to the store, and then
 * they come back after a reload until the room is cleared. Kept apart so fg-app's hooks stay a few lines.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { collectRoomCode, EMPTY_ROOM, isSameModel, restoreRoom, type RoomCollection, type RoomExpectation } from '../classroom/collection';
import { encodeRoomPayload } from '../classroom/payload';
import { computeRoomStatistics, type RoomStatistics } from '../classroom/room-stats';
import { NO_SIGHTINGS, noteCodeSighting, type CodeSightings } from '../classroom/sightings';
import { describeError } from '../shared/errors';
import type { Store } from '../store';

/** Wait before opening the print dialog, so the handout's table is filled. */
const HANDOUT_PRINT_DELAY_MS = 1500;

/** What the classroom needs from the app; every part is optional, so a lesson-only host needs none. */
export interface ClassroomDeps {
  /** The open store, where a kept room lives. */
  store?: () => Store | null;
  notify?: (id: string, tone: 'error' | 'notice', text: string) => void;
  /** Milliseconds, for telling a code held up again from one still in view (a test hands in a fake clock). */
  now?: () => number;
}

/** Classroom state and its transitions. */
export class ClassroomController implements ReactiveController {
  /** Lesson step, or null outside the lesson. */
  lessonStep: number | null;
  /** Showing the printable handout only. */
  isHandout: boolean;
  /** Reading room codes from the camera. */
  isCollecting = false;
  /** The presenter chose to keep the room's codes on this device. */
  isKeepingRoom = false;
  room: RoomCollection = EMPTY_ROOM;
  private _sightings: CodeSightings = NO_SIGHTINGS;
  private _stats: { threshold: number; groupBy: readonly string[]; room: RoomCollection; expected: string; value: RoomStatistics } | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly deps: ClassroomDeps = {}, search = typeof location === 'undefined' ? '' : location.search) {
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

  /**
   * Reads one scanned code into the room, once per appearance: while the same code stays in view
   * its repeated reads change nothing, so "Already counted" is said when a laptop is held up
   * again, not four times a second. An added code is kept on the device when the presenter chose so.
   */
  collect(text: string, expected: RoomExpectation): void {
    const seen = noteCodeSighting(this._sightings, text, this._now());
    this._sightings = seen.sightings;
    if (!seen.isNewAppearance) return;
    this.room = collectRoomCode(this.room, text, expected);
    this.host.requestUpdate();
    if (this.isKeepingRoom && this.room.last?.outcome === 'added') {
      const added = this.room.payloads[this.room.payloads.length - 1];
      void this._write((store) => store.roomCodes.put([{ attendeeId: added.attendeeId, code: text, keptAt: Date.now() }]), 'This code was added to the room but could not be kept on this device');
    }
  }

  /** Clears the room from memory, and from the device when it was kept there. */
  clearRoom(): void {
    this.room = EMPTY_ROOM;
    this._sightings = NO_SIGHTINGS;
    this.host.requestUpdate();
    if (this.isKeepingRoom) void this._write((store) => store.roomCodes.clear(), 'The room was cleared here, but its kept codes could not be deleted from this device');
  }

  /**
   * Turns "Keep the room on this device" on (the codes collected so far are written at once) or off
   * (the kept codes are deleted from the device; the room stays in memory until the tab closes).
   */
  async setKeepingRoom(isKeeping: boolean): Promise<void> {
    const store = this.deps.store?.();
    if (isKeeping && !store?.isPersistent) {
      this.deps.notify?.('room-keep', 'error', 'This browser keeps nothing on this device (storage could not be opened, or everything was just forgotten), so the room cannot be kept: it stays in memory until you close the tab.');
      this.host.requestUpdate();
      return;
    }
    this.isKeepingRoom = isKeeping;
    this.host.requestUpdate();
    const keptAt = Date.now();
    const saved = await this._write(async (s) => {
      if (isKeeping) await s.roomCodes.put(this.room.payloads.map((payload, i) => ({ attendeeId: payload.attendeeId, code: encodeRoomPayload(payload), keptAt: keptAt + i })));
      else await s.roomCodes.clear();
      await s.settings.set('keepRoom', isKeeping);
    }, isKeeping ? 'The room could not be kept on this device; it stays in memory until you close the tab' : 'The kept room could not be deleted from this device');
    if (!saved) {
      this.isKeepingRoom = !isKeeping;
      this.host.requestUpdate();
    }
  }

  /**
   * Reads the presenter's choice from a newly opened store and, when the room is kept, brings its
   * codes back. Called whenever the app opens a store, also after "Forget everything", when the
   * memory store it falls back to holds nothing: then the room held in memory is let go too.
   */
  async restore(): Promise<void> {
    const store = this.deps.store?.();
    if (!store) return;
    try {
      this.isKeepingRoom = await store.settings.get('keepRoom');
      const { room, leftOut } = this.isKeepingRoom ? restoreRoom((await store.roomCodes.list()).map((r) => r.code)) : { room: EMPTY_ROOM, leftOut: 0 };
      this.room = room;
      this._sightings = NO_SIGHTINGS;
      if (room.payloads.length > 0 || leftOut > 0) {
        this.deps.notify?.('room-keep', leftOut > 0 ? 'error' : 'notice', `The room kept on this device is back: ${room.payloads.length} ${room.payloads.length === 1 ? 'laptop' : 'laptops'}.` +
          (leftOut > 0 ? ` ${leftOut} kept ${leftOut === 1 ? 'code was' : 'codes were'} unreadable and left out; they stay kept until you clear the room.` : ''));
      }
    } catch (error) {
      this.deps.notify?.('room-keep', 'error', `The room kept on this device could not be read (${describeError(error)}). The room starts empty; nothing kept was deleted. Reload to try again.`);
    }
    this.host.requestUpdate();
  }

  /**
   * The room's statistics, recomputed only when the room, threshold, grouping or model changed.
   * Codes of another model than `expected` (a kept room after the model changed) are left out and
   * counted; before the model is known (null, while it loads) every code is counted.
   */
  statistics(threshold: number, groupBy: readonly string[], expected: RoomExpectation | null): RoomStatistics {
    const key = expected ? `${expected.modelSha256}/${expected.scoreId}` : '';
    const cached = this._stats;
    if (cached && cached.threshold === threshold && cached.groupBy === groupBy && cached.room === this.room && cached.expected === key) return cached.value;
    const comparable = expected ? this.room.payloads.filter((p) => isSameModel(p, expected)) : this.room.payloads;
    const value = computeRoomStatistics(comparable, threshold, groupBy, this.room.payloads.length - comparable.length);
    this._stats = { threshold, groupBy, room: this.room, expected: key, value };
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

  private _now(): number {
    return this.deps.now ? this.deps.now() : performance.now();
  }

  /** Runs a write on the store; a failure becomes a notice saying what happened. Resolves whether it worked. */
  private async _write(work: (store: Store) => Promise<void>, failure: string): Promise<boolean> {
    const store = this.deps.store?.();
    if (!store) return false;
    try {
      await work(store);
      return true;
    } catch (error) {
      this.deps.notify?.('room-keep', 'error', `${failure}: ${describeError(error)}`);
      return false;
    }
  }
}
