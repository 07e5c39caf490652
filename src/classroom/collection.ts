/**
 * The presenter's collection of room codes: a pure reducer, so duplicates and refusals are tested
 * in node. Nothing here is stored: the ClassroomController holds the room in memory, and keeps its
 * codes on the device only when the presenter chooses to.
 */
import { decodeRoomPayload, RoomPayloadError, type RoomPayload } from './payload';

/** What the presenter's laptop accepts: its own model and score formula. */
export interface RoomExpectation {
  /** sha256 of the presenter's model (compared on its first 16 hex digits). */
  modelSha256: string;
  scoreId: string;
}

/** The collected codes, keyed by attendee id, and what happened to the last one read. */
export interface RoomCollection {
  payloads: RoomPayload[];
  last: { outcome: 'added' | 'duplicate' | 'refused'; message: string } | null;
}

/** Whether a payload was made with the expected model and score formula (its scores compare with this laptop's). */
export function isSameModel(payload: RoomPayload, expected: RoomExpectation): boolean {
  return payload.model === expected.modelSha256.slice(0, 16) && payload.scoreId === expected.scoreId;
}

/** An empty room. */
export const EMPTY_ROOM: RoomCollection = { payloads: [], last: null };

/** Reads one scanned text into the collection: adds it, ignores a duplicate, or refuses it with a reason. */
export function collectRoomCode(room: RoomCollection, text: string, expected: RoomExpectation): RoomCollection {
  let payload: RoomPayload;
  try {
    payload = decodeRoomPayload(text);
  } catch (error) {
    const message = error instanceof RoomPayloadError ? error.message : String(error);
    return { ...room, last: { outcome: 'refused', message: `${message} The room still has ${room.payloads.length}.` } };
  }
  if (!isSameModel(payload, expected)) {
    return { ...room, last: { outcome: 'refused', message: `This code was made with another face model (${payload.model}, ${payload.scoreId}); its scores do not compare with this laptop's, so it was not added. The room still has ${room.payloads.length}.` } };
  }
  if (room.payloads.some((p) => p.attendeeId === payload.attendeeId)) {
    return { ...room, last: { outcome: 'duplicate', message: `Already counted${payload.name ? ` (${payload.name})` : ''}: each laptop counts once.` } };
  }
  return { payloads: [...room.payloads, payload], last: { outcome: 'added', message: `Added${payload.name ? ` ${payload.name}` : ''}: the room now has ${room.payloads.length + 1}.` } };
}

/**
 * Rebuilds a room from kept code texts (the presenter chose to keep the room on this device). Each
 * is decoded, and so validated, again; a code that no longer decodes or repeats an attendee is
 * left out and counted in `leftOut`.
 */
export function restoreRoom(codes: readonly string[]): { room: RoomCollection; leftOut: number } {
  const payloads: RoomPayload[] = [];
  let leftOut = 0;
  for (const code of codes) {
    try {
      const payload = decodeRoomPayload(code);
      if (payloads.some((p) => p.attendeeId === payload.attendeeId)) leftOut++;
      else payloads.push(payload);
    } catch {
      leftOut++;
    }
  }
  return { room: { payloads, last: null }, leftOut };
}
