/**
 * Whether a new enrolment capture differs from the ones already taken, by head pose or by
 * embedding. Pure, so the decision is tested without a camera.
 *
 * The bounds are measured (scripts/measure-capture-diversity.ts: faceres through the app's live
 * loop, Chromium's fake camera, test/fixtures/camera-person-a.jpg):
 * - the same still frame again: cosine 1.000, pose identical (a still photo never enrols);
 * - camera noise without movement (grain of sigma 4 and 8, a 3 px shift, JPEG quality 60,
 *   10% brighter): cosine 0.978 to 0.997 between any two, pose changes 0.007 to 0.023 rad;
 * - small head movements (camera-person-a-moves/: turned about 16 degrees, tilted 6 degrees, 8%
 *   closer): cosine 0.914 to 0.971 between any two, pose changes 0.031 to 0.785 rad.
 * So a capture counts as new against an earlier one when their cosine is at most
 * MAX_CAPTURE_COSINE (between the largest move, 0.971, and the noise floor, 0.978) or the pose
 * moved by at least MIN_POSE_CHANGE_RAD (about 3 degrees, twice the largest noise). With the
 * moving fake camera, enrolment took 6.5 s at load 9.8 on 2 cores.
 */
import { computeCosineSimilarity } from '../matching/scores';

/** Largest cosine between two captures' embeddings for the newer one to count as new. */
export const MAX_CAPTURE_COSINE = 0.975;
/** Smallest change of yaw, pitch or roll (radians, about 3 degrees) that counts as a new pose. */
export const MIN_POSE_CHANGE_RAD = 0.05;

/** Head rotation of a capture in radians; null where the mesh gave none. */
export interface CapturePose {
  yaw: number | null;
  pitch: number | null;
  roll: number | null;
}

/** A capture as the diversity rule sees it. */
export interface CaptureSample {
  embedding: ArrayLike<number>;
  pose: CapturePose;
}

/** Cosine of two equal-length vectors (the cosine score); 1 for two zero vectors, which are the same capture. */
export function computeCosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const isZero = (v: ArrayLike<number>) => Array.prototype.every.call(v, (x: number) => x === 0);
  return isZero(a) && isZero(b) ? 1 : computeCosineSimilarity(a, b);
}

/** Largest change between two poses over the angles both know; 0 when they share none. */
export function measurePoseChange(a: CapturePose, b: CapturePose): number {
  let largest = 0;
  for (const angle of ['yaw', 'pitch', 'roll'] as const) {
    const [x, y] = [a[angle], b[angle]];
    if (x !== null && y !== null) largest = Math.max(largest, Math.abs(x - y));
  }
  return largest;
}

/** Whether `next` differs from `earlier`: a new pose, or an embedding far enough apart. */
export function isDifferentCapture(next: CaptureSample, earlier: CaptureSample): boolean {
  return measurePoseChange(next.pose, earlier.pose) >= MIN_POSE_CHANGE_RAD || computeCosine(next.embedding, earlier.embedding) <= MAX_CAPTURE_COSINE;
}

/** Whether `next` differs from every capture already taken (true for the first). */
export function isNewCapture(next: CaptureSample, taken: readonly CaptureSample[]): boolean {
  return taken.every((earlier) => isDifferentCapture(next, earlier));
}
