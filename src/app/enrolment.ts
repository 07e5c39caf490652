/**
 * Enrolment: collecting a few good captures of one person, pure so it is tested without a camera.
 * Only embeddings are collected; pixels are never part of a capture.
 */
import { DEFAULT_CAPTURE_COUNT } from '../matching/templates';
import type { EnrolRequest } from '../shared/live-types';
import type { Box } from '../vision/types';
import type { QualityReport } from '../vision/quality';

/** Captures are at least this far apart, so five of them span about two seconds of small movements. */
export const ENROL_CAPTURE_SPACING_MS = 400;

/** An enrolment in progress. */
export interface Enrolment {
  request: EnrolRequest;
  needed: number;
  captures: Float32Array[];
  lastCaptureAt: number | null;
  /** Box of the latest capture, where a thumbnail would be cut from. */
  lastBox: Box | null;
  /** Why the latest frame was skipped, shown as guidance; null after a capture. */
  hint: string | null;
}

/** Starts collecting `needed` captures. */
export function startEnrolment(request: EnrolRequest, needed = DEFAULT_CAPTURE_COUNT): Enrolment {
  return { request, needed, captures: [], lastCaptureAt: null, lastBox: null, hint: null };
}

/** Whether every capture has been taken. */
export function isEnrolmentComplete(enrolment: Enrolment): boolean {
  return enrolment.captures.length >= enrolment.needed;
}

/**
 * Offers a frame's largest face to an enrolment. It is taken when the frame is usable (`good`, or
 * `several`, where the largest face is the one in front of the camera; through a fake camera
 * camera-person-a.jpg shows a 0.64 box in her hair), it has an embedding, and the last capture is
 * ENROL_CAPTURE_SPACING_MS old; otherwise the enrolment is returned with a hint (or unchanged,
 * for frames without a fresh embedding).
 */
export function offerCapture(
  enrolment: Enrolment,
  face: { embedding: Float32Array | null; box: Box } | undefined,
  quality: QualityReport,
  now: number,
): Enrolment {
  if (isEnrolmentComplete(enrolment)) return enrolment;
  if (!quality.isUsable) return { ...enrolment, hint: quality.message };
  if (!face?.embedding) return enrolment;
  if (enrolment.lastCaptureAt !== null && now - enrolment.lastCaptureAt < ENROL_CAPTURE_SPACING_MS) return enrolment;
  return {
    ...enrolment,
    captures: [...enrolment.captures, Float32Array.from(face.embedding)],
    lastCaptureAt: now,
    lastBox: face.box,
    hint: null,
  };
}
