/**
 * The match threshold FaceGap starts with, on the `human-similarity-v1` scale.
 *
 * human documents 0.5 as its similarity threshold (its faceid demo uses it), but on real faces
 * that lets strangers through: on face-api's sample photos, different people reach 0.56
 * (test/browser/vision.test.ts), and on the bundled utkface-600 pack the threshold that keeps the
 * false-match rate at 1e-3 over all impostor pairs is about 0.6 (NIST's way: one global
 * threshold). So FaceGap starts at 0.6; the bias views offer 0.5, the pack's FMR 1e-3 threshold
 * and its equal-error threshold as presets, and the user's choice is kept as a setting.
 */
export const DEFAULT_THRESHOLD_SIMILARITY = 0.6;
