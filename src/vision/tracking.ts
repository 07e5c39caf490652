/**
 * Decisions of the live view between embeddings, kept pure so they are tested with fake clocks:
 * whether the tracked face is still the same one, and whether a drawn answer is too old to pass
 * for the present. The match of the last embedding is only trusted while the same face is tracked.
 */
import type { Box } from './types';

/**
 * Below this overlap (intersection over union) between consecutive boxes of the largest face, the
 * face is treated as another one. A head moving at walking pace between two answers (~70 ms)
 * keeps an overlap above 0.6; a cut to another person, or a second face becoming the largest,
 * falls well below.
 */
export const SAME_FACE_MIN_IOU = 0.35;
/**
 * Another face takes the followed face's place only once its box is this many times larger (it
 * came much closer). Two people side by side have boxes within a few percent of each other, and
 * which one is larger changes from frame to frame: without this margin, the box and the meter
 * would hop between them, and every hop clears the match.
 */
export const FOLLOW_SWITCH_AREA_RATIO = 1.5;
/** An answer older than this is drawn as stale, never as the face's current place. */
export const STALE_ANSWER_MS = 250;

/** Intersection over union of two boxes, 0 when they do not overlap. */
export function computeBoxIou(a: Box, b: Box): number {
  const left = Math.max(a[0], b[0]);
  const top = Math.max(a[1], b[1]);
  const right = Math.min(a[0] + a[2], b[0] + b[2]);
  const bottom = Math.min(a[1] + a[3], b[1] + b[3]);
  const intersection = Math.max(0, right - left) * Math.max(0, bottom - top);
  const union = a[2] * a[3] + b[2] * b[3] - intersection;
  return union > 0 ? intersection / union : 0;
}

/**
 * Whether `next` continues the face tracked at `previous`: false when there was no face before
 * (it entered), or the box jumped. A new face must not inherit the previous face's match.
 */
export function isSameFace(previous: Box | null, next: Box, minIou = SAME_FACE_MIN_IOU): boolean {
  return previous !== null && computeBoxIou(previous, next) >= minIou;
}

/** Whether an answer computed at `answeredAt` (ms) is too old at `now` to be drawn as current. */
export function isAnswerStale(answeredAt: number | null, now: number, staleMs = STALE_ANSWER_MS): boolean {
  return answeredAt === null || now - answeredAt > staleMs;
}

/**
 * The order in which a frame's faces are listed: the face that continues `followed` (the box of
 * the face followed so far, or null) first, unless another is FOLLOW_SWITCH_AREA_RATIO times
 * larger; then the rest largest first. Returns indices into `boxes`.
 */
export function orderFaces(boxes: Box[], followed: Box | null, switchRatio = FOLLOW_SWITCH_AREA_RATIO): number[] {
  const area = (box: Box) => box[2] * box[3];
  const order = boxes.map((_, index) => index).sort((a, b) => area(boxes[b]) - area(boxes[a]));
  if (followed === null || order.length < 2) return order;
  let best: number | null = null;
  for (const index of order) {
    if (isSameFace(followed, boxes[index]) && (best === null || computeBoxIou(followed, boxes[index]) > computeBoxIou(followed, boxes[best]))) best = index;
  }
  if (best === null || area(boxes[order[0]]) >= switchRatio * area(boxes[best])) return order;
  return [best, ...order.filter((index) => index !== best)];
}

/**
 * Follows the first face of each answer (the engine lists the followed face first: orderFaces) and
 * holds the match of its last embedding while the same face stays in view. Lost or jumped: the
 * match is dropped until a fresh embedding.
 */
export class FaceTrack<M> {
  private followedBox: Box | null = null;
  private match: M | null = null;
  private hasEmbedding = false;

  /** The followed face's box in the last answer, or null when none. */
  get box(): Box | null {
    return this.followedBox;
  }

  /** Whether the tracked face has no embedding of its own yet, so the next frame should embed. */
  get needsEmbedding(): boolean {
    return this.followedBox !== null && !this.hasEmbedding;
  }

  /**
   * Takes the first face of an answer (null: none) and, on an embedding frame, its fresh match.
   * Returns the match to show for this answer: null while the face has no embedding of its own.
   */
  update(box: Box | null, fresh: { match: M | null } | null): M | null {
    if (box === null || !isSameFace(this.followedBox, box)) {
      this.match = null;
      this.hasEmbedding = false;
    }
    this.followedBox = box;
    if (box !== null && fresh) {
      this.match = fresh.match;
      this.hasEmbedding = true;
    }
    return this.match;
  }

  /** Forgets the face, as when the camera stops. */
  reset(): void {
    this.followedBox = null;
    this.match = null;
    this.hasEmbedding = false;
  }
}
