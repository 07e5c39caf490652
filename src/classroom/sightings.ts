/**
 * When a room code counts as a new appearance. The presenter's camera reads a code held up to it
 * several times a second; the room should answer once ("Added", "Already counted", "another face
 * model") each time a laptop is held up, not on every frame while it stays there. A code not read
 * for {@link CODE_GONE_AFTER_MS} has left the view; read again after that, it is a new appearance.
 *
 * Pure: no DOM, no clock (the caller passes the time).
 */

/** A code unread this long has left the camera's view: several missed reads at 4 a second, less than a laptop lowered and raised. */
export const CODE_GONE_AFTER_MS = 2000;

/** When each code text was last read, in the caller's milliseconds. */
export type CodeSightings = ReadonlyMap<string, number>;

/** No code seen yet. */
export const NO_SIGHTINGS: CodeSightings = new Map();

/** The sightings after a read, and whether the read starts a new appearance of its code. */
export interface SightingDecision {
  sightings: CodeSightings;
  isNewAppearance: boolean;
}

/**
 * Records that `text` was read at `nowMs`. It is a new appearance when the code was never read,
 * or not read for `goneAfterMs` or more. Codes gone from view are dropped, so the map stays small.
 */
export function noteCodeSighting(sightings: CodeSightings, text: string, nowMs: number, goneAfterMs = CODE_GONE_AFTER_MS): SightingDecision {
  const last = sightings.get(text);
  const isNewAppearance = last === undefined || nowMs - last >= goneAfterMs;
  const next = new Map<string, number>();
  for (const [code, seenMs] of sightings) if (nowMs - seenMs < goneAfterMs) next.set(code, seenMs);
  next.set(text, nowMs);
  return { sightings: next, isNewAppearance };
}
