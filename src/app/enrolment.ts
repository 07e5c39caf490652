/**
 * Enrolment: collecting a few good captures of one person, pure so it is tested without a camera.
 * Only embeddings are collected; pixels are never part of a capture.
 */
import { DEFAULT_CAPTURE_COUNT } from '../matching/templates';
import type { EnrolRequest } from '../shared/live-types';
import type { Box } from '../vision/types';
import type { QualityReport } from '../vision/quality';
import { isNewCapture, type CapturePose } from './capture-diversity';

/** Captures are at least this far apart, so five of them span about two seconds of small movements. */
export const ENROL_CAPTURE_SPACING_MS = 400;

/** The guidance while a frame looks like a capture already taken (src/app/capture-diversity.ts). */
export const TURN_HEAD_HINT = 'Turn your head a little: this looks the same as a capture already taken.';

/** An enrolment in progress. */
export interface Enrolment {
  request: EnrolRequest;
  needed: number;
  captures: Float32Array[];
  /** Head pose of each capture, in the same order, so the next one must differ. */
  poses: CapturePose[];
  lastCaptureAt: number | null;
  /** Box of the latest capture, where a thumbnail would be cut from. */
  lastBox: Box | null;
  /** Why the latest frame was skipped, shown as guidance; null after a capture. */
  hint: string | null;
}

/** Starts collecting `needed` captures. */
export function startEnrolment(request: EnrolRequest, needed = DEFAULT_CAPTURE_COUNT): Enrolment {
  return { request, needed, captures: [], poses: [], lastCaptureAt: null, lastBox: null, hint: null };
}

/** Whether every capture has been taken. */
export function isEnrolmentComplete(enrolment: Enrolment): boolean {
  return enrolment.captures.length >= enrolment.needed;
}

/**
 * Offers a frame's largest face to an enrolment. It is taken when the frame is usable (`good`, or
 * `several`, where the largest face is the one in front of the camera; through a fake camera
 * camera-person-a.jpg shows a 0.64 box in her hair), it has an embedding, the last capture is
 * ENROL_CAPTURE_SPACING_MS old, and it differs from every capture taken (pose or embedding,
 * src/app/capture-diversity.ts); otherwise the enrolment is returned with a hint (or unchanged,
 * for frames without a fresh embedding). A frozen picture or a photo held still never enrols.
 */
export function offerCapture(
  enrolment: Enrolment,
  face: ({ embedding: Float32Array | null; box: Box } & Partial<CapturePose>) | undefined,
  quality: QualityReport,
  now: number,
): Enrolment {
  if (isEnrolmentComplete(enrolment)) return enrolment;
  if (!quality.isUsable) return { ...enrolment, hint: quality.message };
  if (!face?.embedding) return enrolment;
  if (enrolment.lastCaptureAt !== null && now - enrolment.lastCaptureAt < ENROL_CAPTURE_SPACING_MS) return enrolment;
  const pose: CapturePose = { yaw: face.yaw ?? null, pitch: face.pitch ?? null, roll: face.roll ?? null };
  const taken = enrolment.captures.map((embedding, index) => ({ embedding, pose: enrolment.poses[index] }));
  if (!isNewCapture({ embedding: face.embedding, pose }, taken)) return { ...enrolment, hint: TURN_HEAD_HINT };
  return {
    ...enrolment,
    captures: [...enrolment.captures, Float32Array.from(face.embedding)],
    poses: [...enrolment.poses, pose],
    lastCaptureAt: now,
    lastBox: face.box,
    hint: null,
  };
}
