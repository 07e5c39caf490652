/**
 * Whether the camera shows a picture at all: a broken feed delivers one flat colour, or the same
 * frame over and over, and "No face found, face the camera" would send the person looking for the
 * fault in the wrong place. Pure: works on small luma thumbnails, no DOM.
 */

/** Thumbnail size the frames are reduced to before checking (cheap, and enough to see a scene). */
export const THUMBNAIL_WIDTH = 32;
/** Thumbnail height. */
export const THUMBNAIL_HEIGHT = 24;
/**
 * Luma standard deviation (0..255) under which a picture is one flat colour. A dark room with a
 * face in it still spreads over 15 or more; a covered lens or a solid test colour reads under 3.
 */
export const UNIFORM_LUMA_SPREAD = 4;
/**
 * Mean absolute luma difference (0..255) under which two thumbnails are the same picture. Sensor
 * noise of a live camera alone moves it above 1.
 */
export const FROZEN_LUMA_DIFFERENCE = 0.25;
/** Identical thumbnails in a row (sampled about twice a second) before the picture counts as frozen. */
export const FROZEN_THUMBNAILS = 8;

/** What is wrong with the picture, or null when it looks like a live scene. */
export type PictureProblem = 'uniform' | 'frozen' | null;

/** The sentences for each problem: what happened, what to do. */
export const PICTURE_MESSAGES: Record<Exclude<PictureProblem, null>, string> = {
  uniform: 'The camera shows nothing: the picture is one flat colour. Check that the lens is not covered, or choose another camera.',
  frozen: 'The camera shows nothing new: the picture has not changed for several seconds. Stop and start the camera, or choose another one.',
};

/** Luma (Rec. 601) of each RGBA pixel. */
export function computeLuma(rgba: ArrayLike<number>): Float32Array {
  const out = new Float32Array(Math.floor(rgba.length / 4));
  for (let i = 0; i < out.length; i++) out[i] = 0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2];
  return out;
}

/** Standard deviation of a thumbnail's luma; 0 for an empty one. */
export function measureSpread(luma: Float32Array): number {
  if (luma.length === 0) return 0;
  let sum = 0;
  for (const v of luma) sum += v;
  const mean = sum / luma.length;
  let squares = 0;
  for (const v of luma) squares += (v - mean) ** 2;
  return Math.sqrt(squares / luma.length);
}

/** Mean absolute difference of two thumbnails of the same size; Infinity when sizes differ. */
export function measureDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length || a.length === 0) return Infinity;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

/**
 * Judges the latest thumbnails, oldest first: "uniform" when the newest is one flat colour,
 * "frozen" when the last {@link FROZEN_THUMBNAILS} are all the same picture, else null.
 */
export function assessPicture(thumbnails: readonly Float32Array[]): PictureProblem {
  const newest = thumbnails.at(-1);
  if (!newest) return null;
  if (measureSpread(newest) < UNIFORM_LUMA_SPREAD) return 'uniform';
  if (thumbnails.length < FROZEN_THUMBNAILS) return null;
  const recent = thumbnails.slice(-FROZEN_THUMBNAILS);
  return recent.every((t, i) => i === 0 || measureDifference(recent[i - 1], t) < FROZEN_LUMA_DIFFERENCE) ? 'frozen' : null;
}
