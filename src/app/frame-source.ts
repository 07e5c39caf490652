/**
 * Frames of a camera stream, owned by the live controller rather than read back from the view's
 * <video>: a detached, muted video element decodes the stream, so the view only shows the picture
 * and the data path (camera -> frames -> vision) does not run through a component.
 */
import type { Box } from '../vision/types';

/** Side of the optional enrolment thumbnail, in pixels. */
export const THUMBNAIL_SIZE_PX = 96;

/** Reads frames and thumbnails from one stream; `dispose` lets the stream go. */
export class VideoFrameSource {
  private readonly video = document.createElement('video');

  constructor(stream: MediaStream) {
    this.video.muted = true;
    this.video.playsInline = true;
    this.video.srcObject = stream;
    // Autoplay of a muted video is allowed; a refusal only delays the first frame.
    this.video.play().catch(() => {});
  }

  /** A frame as an ImageBitmap, or null while the stream has none yet. */
  async grabFrame(): Promise<ImageBitmap | null> {
    const video = this.video;
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return null;
    return createImageBitmap(video);
  }

  /** A small JPEG of `box` (video pixels), made only when the user opted in to thumbnails. */
  async captureThumbnail(box: Box): Promise<Blob | null> {
    const video = this.video;
    if (video.videoWidth === 0) return null;
    const [x, y, w, h] = box;
    const side = Math.max(w, h);
    const canvas = new OffscreenCanvas(THUMBNAIL_SIZE_PX, THUMBNAIL_SIZE_PX);
    canvas.getContext('2d')!.drawImage(video, x + w / 2 - side / 2, y + h / 2 - side / 2, side, side, 0, 0, THUMBNAIL_SIZE_PX, THUMBNAIL_SIZE_PX);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  }

  dispose(): void {
    this.video.pause();
    this.video.srcObject = null;
  }
}
