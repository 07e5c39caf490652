/**
 * Watches the camera frames for a picture that shows nothing (src/app/picture-check.ts). Browser
 * code: it reduces a frame to a 32x24 thumbnail on an OffscreenCanvas, at most twice a second.
 */
import { THUMBNAIL_HEIGHT, THUMBNAIL_WIDTH, FROZEN_THUMBNAILS, assessPicture, computeLuma, type PictureProblem } from './picture-check';

/** Time between two thumbnails: often enough to notice in seconds, rare enough to cost nothing. */
export const PICTURE_SAMPLE_INTERVAL_MS = 500;

/** Keeps the last thumbnails and the verdict; hand every grabbed frame to {@link PictureWatch.watch}. */
export class PictureWatch {
  /** What is wrong with the picture now, or null. */
  problem: PictureProblem = null;
  private readonly thumbnails: Float32Array[] = [];
  private lastAt = -Infinity;
  private context: OffscreenCanvasRenderingContext2D | null = null;

  /** Passes the frame through unchanged, sampling it first when a sample is due. */
  async watch(frame: Promise<ImageBitmap | null>): Promise<ImageBitmap | null> {
    const bitmap = await frame;
    const now = performance.now();
    if (bitmap && now - this.lastAt >= PICTURE_SAMPLE_INTERVAL_MS) {
      this.lastAt = now;
      this.sample(bitmap);
    }
    return bitmap;
  }

  private sample(bitmap: ImageBitmap): void {
    this.context ??= new OffscreenCanvas(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT).getContext('2d', { willReadFrequently: true });
    if (!this.context) return;
    this.context.drawImage(bitmap, 0, 0, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
    this.thumbnails.push(computeLuma(this.context.getImageData(0, 0, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT).data));
    if (this.thumbnails.length > FROZEN_THUMBNAILS) this.thumbnails.shift();
    this.problem = assessPicture(this.thumbnails);
  }
}
