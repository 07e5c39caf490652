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
 * Follows the largest face from answer to answer and holds the match of its last embedding while
 * the same face stays in view. Lost or jumped: the match is dropped until a fresh embedding.
 */
export class FaceTrack<M> {
  private box: Box | null = null;
  private match: M | null = null;
  private hasEmbedding = false;

  /** Whether the tracked face has no embedding of its own yet, so the next frame should embed. */
  get needsEmbedding(): boolean {
    return this.box !== null && !this.hasEmbedding;
  }

  /**
   * Takes the largest face of an answer (null: none) and, on an embedding frame, its fresh match.
   * Returns the match to show for this answer: null while the face has no embedding of its own.
   */
  update(box: Box | null, fresh: { match: M | null } | null): M | null {
    if (box === null || !isSameFace(this.box, box)) {
      this.match = null;
      this.hasEmbedding = false;
    }
    this.box = box;
    if (box !== null && fresh) {
      this.match = fresh.match;
      this.hasEmbedding = true;
    }
    return this.match;
  }

  /** Forgets the face, as when the camera stops. */
  reset(): void {
    this.box = null;
    this.match = null;
    this.hasEmbedding = false;
  }
}
