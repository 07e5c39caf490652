/**
 * The match threshold the live view starts with.
 *
 * human documents 0.5 as its similarity threshold (its faceid demo uses it), but on real faces
 * that lets strangers through: on face-api's sample photos, different people reach 0.56
 * (test/browser/vision.test.ts). Until a reference pack sets the threshold (the score at a false
 * match rate of 1e-3 on the active pack, a later step), FaceGap starts at 0.6. The user's choice
 * is kept as the `threshold` setting.
 */
export const DEFAULT_THRESHOLD_SIMILARITY = 0.6;

/**
 * The threshold to use given the stored setting. The store reports its own default (0.5,
 * human's figure) when the setting was never written, which cannot be told apart from a user
 * who chose 0.5; that value is read as "never set".
 */
export function resolveThreshold(stored: number, storeDefault: number): number {
  return Number.isFinite(stored) && stored !== storeDefault ? stored : DEFAULT_THRESHOLD_SIMILARITY;
}
