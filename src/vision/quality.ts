/**
 * Whether a frame is fit for matching or enrolment, in plain language. Pure: no DOM.
 *
 * Limits were tuned on the fixtures with human 3.3.6's mesh angles (test/fixtures): faces a
 * person would call frontal read up to |yaw| 0.44 and |pitch| 0.35 rad there (the mesh's angles
 * run high), camera-person-b's clearly three-quarter pose reads yaw -0.46, and the one face
 * turned well away (sample2's third) reads 0.64. Camera-sized faces fill 60-75% of the frame
 * height, faces in the group photos 19-30%.
 */
import type { FaceObservation, Observation } from './types';

/** A face shorter than this fraction of the frame height is too far away for a steady embedding. */
export const MIN_FACE_HEIGHT_FRACTION = 0.15;
/** Largest |yaw| (radians) still taken as facing the camera. */
export const MAX_YAW_RAD = 0.55;
/** Largest |pitch| (radians) still taken as facing the camera. */
export const MAX_PITCH_RAD = 0.5;
/**
 * Detector confidence from which another face counts as a second person. The detector keeps
 * boxes from 0.2, and camera-person-a.jpg has a 0.24 box in its background that is no face.
 */
export const OTHER_FACE_MIN_SCORE = 0.5;

/** The quality of a frame, worst first. `several` is usable: the largest face is the one used. */
export type QualityState = 'no-face' | 'too-small' | 'turned' | 'several' | 'good';

/** A frame's quality and a sentence for the person in front of the camera. */
export interface QualityReport {
  state: QualityState;
  message: string;
  /** Whether the largest face can be matched (`good` or `several`). */
  isUsable: boolean;
}

const MESSAGES: Record<QualityState, string> = {
  'no-face': 'No face found. Face the camera in good light.',
  'too-small': 'Your face is small in the picture. Come closer to the camera.',
  turned: 'Your head is turned. Look straight at the camera.',
  several: 'Several faces: the largest one is used.',
  good: 'Good: face found, close enough and facing the camera.',
};

/** Judges an observation by its largest face (the vision engine lists faces largest first). */
export function assessQuality(observation: Pick<Observation, 'height' | 'faces'>): QualityReport {
  const [face, ...others] = observation.faces;
  if (face === undefined) return report('no-face');
  if (observation.height > 0 && face.box[3] / observation.height < MIN_FACE_HEIGHT_FRACTION) return report('too-small');
  if (isTurned(face)) return report('turned');
  if (others.some((other) => other.score >= OTHER_FACE_MIN_SCORE)) return report('several');
  return report('good');
}

/** Whether the head is turned too far, by the mesh's yaw and pitch; unknown angles pass. */
export function isTurned(face: Pick<FaceObservation, 'yaw' | 'pitch'>): boolean {
  return Math.abs(face.yaw ?? 0) > MAX_YAW_RAD || Math.abs(face.pitch ?? 0) > MAX_PITCH_RAD;
}

function report(state: QualityState): QualityReport {
  return { state, message: MESSAGES[state], isUsable: state === 'good' || state === 'several' };
}
