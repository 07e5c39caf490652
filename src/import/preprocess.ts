/**
 * How a photo becomes the image the detector sees: decoded, drawn centred on an opaque neutral
 * canvas with a margin, scaled down when large. Runs on the page (OffscreenCanvas); the result is
 * handed to the vision worker. Exported on its own so a test can feed the live engine the very same
 * pixels and compare embeddings.
 */
import { describeError } from '../shared/errors';

/** How photos are prepared; recorded in every pack, since it moves the scores. */
export interface PreprocessSettings {
  /** Padding on each side as a fraction of the photo's width and height (0.25 = 25%, canvas 1.5x). */
  margin: number;
  /** CSS colour of the padding and of transparent pixels. */
  fill: string;
  /** Longest side, in pixels, of the padded canvas handed to the detector; larger ones are scaled down. */
  maxSide: number;
}

/**
 * Neutral mid-grey: equally far from black and white, so it adds no edge the detector could take
 * for a face border, and it is the fill the datasets README measured with.
 */
export const NEUTRAL_FILL = '#808080';

/** Longest side handed to the detector. blazeface looks at 256 px anyway; 1280 keeps small faces in group photos. */
export const DEFAULT_MAX_SIDE_PX = 1280;

/**
 * Tight crops (UTKFace-style, face filling the frame): 25% each side. The datasets README measured
 * that this finds 46 of the 47 faces missed on raw utkface-600 crops (2x finds all 47), and it is
 * the setting its sanity figures were measured with, so packs stay comparable to them. 2x also
 * shrinks the face to a quarter of the canvas, further from how the embedder saw faces in training.
 */
export const TIGHT_CROP_PREPROCESSING: Readonly<PreprocessSettings> = Object.freeze({
  margin: 0.25,
  fill: NEUTRAL_FILL,
  maxSide: DEFAULT_MAX_SIDE_PX,
});

/** Photos with context around the face (snapshots, LFW's 250x250 frames): no padding. */
export const UNPADDED_PREPROCESSING: Readonly<PreprocessSettings> = Object.freeze({
  margin: 0,
  fill: NEUTRAL_FILL,
  maxSide: DEFAULT_MAX_SIDE_PX,
});

/** What preprocessing did to one photo. */
export interface PreprocessedImage {
  /** The image for the detector: opaque, three equal channels for a grayscale photo. Caller owns it. */
  bitmap: ImageBitmap;
  /** The photo's own size. */
  sourceWidth: number;
  sourceHeight: number;
  /** Factor the photo was scaled by (1 when it was small enough). */
  scale: number;
}

/** Decoding failed: the file is not an image the browser can read. */
export class UnreadableImageError extends Error {
  override readonly name = 'UnreadableImageError';
}

/** Size of the padded canvas for a photo, scaled so its longest side is at most `maxSide`. */
export function planCanvas(width: number, height: number, settings: PreprocessSettings): { width: number; height: number; scale: number; offsetX: number; offsetY: number } {
  const paddedWidth = width * (1 + 2 * settings.margin);
  const paddedHeight = height * (1 + 2 * settings.margin);
  const scale = Math.min(1, settings.maxSide / Math.max(paddedWidth, paddedHeight));
  const canvasWidth = Math.max(1, Math.round(paddedWidth * scale));
  const canvasHeight = Math.max(1, Math.round(paddedHeight * scale));
  return {
    width: canvasWidth,
    height: canvasHeight,
    scale,
    offsetX: Math.round((canvasWidth - width * scale) / 2),
    offsetY: Math.round((canvasHeight - height * scale) / 2),
  };
}

/**
 * Decodes a photo and prepares it for the detector. Rejects with UnreadableImageError when the
 * bytes are not a decodable image. EXIF orientation is applied, as a photo viewer would.
 */
export async function preprocessImage(blob: Blob, settings: PreprocessSettings): Promise<PreprocessedImage> {
  let source: ImageBitmap;
  try {
    source = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new UnreadableImageError(`The browser could not decode it as an image (${describeError(error)}).`);
  }
  try {
    return drawPrepared(source, settings);
  } finally {
    source.close();
  }
}

/** The drawing step of {@link preprocessImage}, for a photo already decoded. Does not close `source`. */
export function drawPrepared(source: ImageBitmap, settings: PreprocessSettings): PreprocessedImage {
  const plan = planCanvas(source.width, source.height, settings);
  const canvas = new OffscreenCanvas(plan.width, plan.height);
  // An opaque context: transparent pixels end up on the fill, and the detector sees three channels.
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) throw new Error('This browser cannot draw on an OffscreenCanvas.');
  context.fillStyle = settings.fill;
  context.fillRect(0, 0, plan.width, plan.height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, plan.offsetX, plan.offsetY, Math.round(source.width * plan.scale), Math.round(source.height * plan.scale));
  return { bitmap: canvas.transferToImageBitmap(), sourceWidth: source.width, sourceHeight: source.height, scale: plan.scale };
}
