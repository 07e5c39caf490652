/**
 * The room payload: what one attendee's laptop shows the presenter as a QR code. Scores only,
 * rounded to thousandths: never an embedding, never a picture, a name only if the attendee typed
 * one. Decoding validates every field against a closed schema, so a code with anything extra
 * (an embedding smuggled in, say) is refused rather than read.
 *
 * Pure: no DOM.
 */

/** First field of every room code, so a random QR code is told apart from ours. */
export const ROOM_PAYLOAD_KIND = 'facegap-room';
/** Payload format version. */
export const ROOM_PAYLOAD_VERSION = 1;
/** Largest encoded payload in characters: a QR code of this size still scans from a laptop screen. */
export const MAX_ROOM_PAYLOAD_CHARS = 1200;
/** Closest pack strangers kept per group: exact for any threshold above the 5th-closest stranger. */
export const CLOSEST_SCORES_PER_GROUP = 5;
/** Longest group label or typed name kept. */
export const MAX_ROOM_TEXT_CHARS = 40;
/** Most pack groups a payload may carry. */
export const MAX_ROOM_GROUPS = 16;
/** Scores travel as integers in thousandths, 0..1000. */
export const SCORE_SCALE = 1000;

/** The closest strangers of one pack group: their scores, and how many strangers were compared. */
export interface StrangerScores {
  /** Pack group label, e.g. "Black/female". */
  group: string;
  /** How many pack faces of this group the attendee was compared with. */
  compared: number;
  /** The highest scores among them, descending, at most {@link CLOSEST_SCORES_PER_GROUP}. */
  closest: number[];
}

/** One attendee's contribution to the room, decoded. */
export interface RoomPayload {
  /** Random id made on the attendee's laptop, so the same code shown twice counts once. */
  attendeeId: string;
  /** First 16 hex digits of the model's sha256: codes of another model are refused. */
  model: string;
  /** Score formula id (src/matching/similarity.ts). */
  scoreId: string;
  /** The attendee's threshold when the code was made, 0..1. */
  threshold: number;
  /** The attendee's genuine scores: their own captures against each other. */
  genuine: number[];
  /** Closest scores against each group of the active pack. */
  strangers: StrangerScores[];
  /** The pack the strangers come from (its name). */
  pack: string;
  /** Self-described labels (race, gender, age_band), only those given. */
  labels: Record<string, string>;
  /** A name, only when the attendee typed one for the room. */
  name?: string;
}

/** Why a code was refused, in words for the presenter. */
export class RoomPayloadError extends Error {
  override name = 'RoomPayloadError';
}

/** Label fields a payload may carry; anything else is refused. */
const LABEL_FIELDS = ['race', 'gender', 'age_band'] as const;
/** The wire form's keys: short, because every character grows the QR code. */
const WIRE_KEYS = ['k', 'v', 'a', 'm', 's', 't', 'g', 'x', 'p', 'l', 'n'] as const;

/** Rounds a 0..1 score to the integer thousandths the wire carries. */
export function toWireScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * SCORE_SCALE);
}

/** Encodes a payload to the compact JSON text put in the QR code; throws if it is over the size limit. */
export function encodeRoomPayload(payload: RoomPayload): string {
  const wire: Record<string, unknown> = {
    k: ROOM_PAYLOAD_KIND,
    v: ROOM_PAYLOAD_VERSION,
    a: payload.attendeeId,
    m: payload.model,
    s: payload.scoreId,
    t: toWireScore(payload.threshold),
    g: payload.genuine.map(toWireScore),
    x: payload.strangers.map((s) => [s.group, s.compared, s.closest.map(toWireScore)]),
    p: payload.pack,
    l: payload.labels,
  };
  if (payload.name) wire.n = payload.name;
  const text = JSON.stringify(wire);
  if (text.length > MAX_ROOM_PAYLOAD_CHARS) {
    throw new RoomPayloadError(`This code would hold ${text.length} characters, over the ${MAX_ROOM_PAYLOAD_CHARS} a laptop camera reads reliably. Nothing was shown.`);
  }
  return text;
}

/** Decodes and validates the text of a scanned code; throws {@link RoomPayloadError} saying what is wrong. */
export function decodeRoomPayload(text: string): RoomPayload {
  if (text.length > MAX_ROOM_PAYLOAD_CHARS) throw new RoomPayloadError(`This code holds ${text.length} characters, more than a FaceGap room code ever does; it was ignored.`);
  let wire: unknown;
  try {
    wire = JSON.parse(text);
  } catch {
    throw new RoomPayloadError('This QR code is not a FaceGap room code; it was ignored.');
  }
  if (!isRecord(wire) || wire.k !== ROOM_PAYLOAD_KIND) throw new RoomPayloadError('This QR code is not a FaceGap room code; it was ignored.');
  if (wire.v !== ROOM_PAYLOAD_VERSION) throw new RoomPayloadError(`This room code is format version ${String(wire.v)}; this FaceGap reads version ${ROOM_PAYLOAD_VERSION}. Update both laptops to the same FaceGap.`);
  const extra = Object.keys(wire).filter((key) => !(WIRE_KEYS as readonly string[]).includes(key));
  if (extra.length > 0) throw new RoomPayloadError(`This room code carries fields FaceGap never puts in one (${extra.join(', ')}); it was ignored.`);
  const payload: RoomPayload = {
    attendeeId: readText(wire.a, 'attendee id', 4, 16),
    model: readText(wire.m, 'model', 16, 16),
    scoreId: readText(wire.s, 'score id', 1, MAX_ROOM_TEXT_CHARS),
    threshold: readWireScore(wire.t, 'threshold'),
    genuine: readScores(wire.g, 'genuine scores', 64),
    strangers: readStrangers(wire.x),
    pack: readText(wire.p, 'pack', 0, 80),
    labels: readLabels(wire.l),
  };
  if (wire.n !== undefined) payload.name = readText(wire.n, 'name', 1, MAX_ROOM_TEXT_CHARS);
  return payload;
}

function readStrangers(value: unknown): StrangerScores[] {
  if (!Array.isArray(value) || value.length > MAX_ROOM_GROUPS) throw new RoomPayloadError('The stranger scores of this room code are malformed; it was ignored.');
  return value.map((entry) => {
    if (!Array.isArray(entry) || entry.length !== 3) throw new RoomPayloadError('The stranger scores of this room code are malformed; it was ignored.');
    const [group, compared, closest] = entry as unknown[];
    const count = Number.isInteger(compared) && (compared as number) >= 0 ? (compared as number) : -1;
    const scores = readScores(closest, 'stranger scores', CLOSEST_SCORES_PER_GROUP);
    if (count < scores.length) throw new RoomPayloadError('A group in this room code has more close strangers than strangers compared; it was ignored.');
    return { group: readText(group, 'group', 1, MAX_ROOM_TEXT_CHARS), compared: count, closest: scores };
  });
}

function readLabels(value: unknown): Record<string, string> {
  if (!isRecord(value)) throw new RoomPayloadError('The labels of this room code are malformed; it was ignored.');
  const labels: Record<string, string> = {};
  for (const [key, label] of Object.entries(value)) {
    if (!(LABEL_FIELDS as readonly string[]).includes(key)) throw new RoomPayloadError(`This room code carries a label FaceGap never asks for (${key}); it was ignored.`);
    labels[key] = readText(label, key, 1, MAX_ROOM_TEXT_CHARS);
  }
  return labels;
}

function readScores(value: unknown, what: string, max: number): number[] {
  if (!Array.isArray(value) || value.length > max) throw new RoomPayloadError(`The ${what} of this room code are malformed; it was ignored.`);
  return value.map((v) => readWireScore(v, what));
}

function readWireScore(value: unknown, what: string): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > SCORE_SCALE) {
    throw new RoomPayloadError(`The ${what} of this room code are not scores between 0 and 1; it was ignored.`);
  }
  return (value as number) / SCORE_SCALE;
}

function readText(value: unknown, what: string, min: number, max: number): string {
  if (typeof value !== 'string' || value.length < min || value.length > max) throw new RoomPayloadError(`The ${what} of this room code is malformed; it was ignored.`);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
