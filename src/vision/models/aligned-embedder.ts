import type { FaceResult, GraphModel, Human, Tensor } from '@vladmandic/human';
import { ALIGNED_CROP_PX, alignmentCanvasTransform } from '../../models/alignment';
import type { FaceObservation } from '../types';

/**
 * mobileface subtracts 127.5 and multiplies by 1/128 as its first two operations, so it takes
 * pixels in 0..255 (human's own wiring hands it 0..1: every face then looks alike).
 */
const PIXEL_SCALE = 255;
/** Where the crop has no photo (a face at the frame's edge): mid-grey, what the pack builder pads with. */
const CROP_FILL = '#808080';

/**
 * Runs a 112 px ArcFace-style recognition model (mobileface) with human's own tfjs, in the vision
 * worker, on each face warped from the frame onto ArcFace's five-point template
 * (src/models/alignment.ts) from human's facemesh points: the same detector and mesh as every model.
 */
export class AlignedEmbedder {
  private readonly canvas = new OffscreenCanvas(ALIGNED_CROP_PX, ALIGNED_CROP_PX);
  private readonly context: OffscreenCanvasRenderingContext2D;

  private constructor(private readonly human: Human, private readonly model: GraphModel) {
    const context = this.canvas.getContext('2d', { alpha: false, willReadFrequently: true });
    if (!context) throw new Error('this browser cannot draw on an OffscreenCanvas');
    this.context = context;
  }

  /** Loads the model's topology and weights from `url` (the app's origin) with human's tfjs. */
  static async load(human: Human, url: string): Promise<AlignedEmbedder> {
    return new AlignedEmbedder(human, await human.tf.loadGraphModel(url) as unknown as GraphModel);
  }

  /**
   * Embeds each face of `results` that has a mesh (or only face `only`) into `faces[i].embedding`. `frame`
   * is the bitmap human detected on; it is not closed. Returns the milliseconds spent.
   */
  async embedFaces(frame: ImageBitmap, results: FaceResult[], faces: FaceObservation[], only: number | null = null): Promise<number> {
    const started = performance.now();
    for (let i = 0; i < results.length; i++) {
      if (only !== null && i !== only) continue;
      const embedding = await this.embedFace(frame, results[i]);
      if (embedding) faces[i].embedding = embedding;
    }
    return performance.now() - started;
  }

  /** The embedding of one face of `frame` (not closed), or null when the face has no full mesh to align it by. */
  async embedFace(frame: ImageBitmap, result: FaceResult): Promise<Float32Array | null> {
    const mesh = result.mesh;
    if (!mesh || mesh.length < 468) return null;
    const tf = this.human.tf;
    const context = this.context;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = CROP_FILL;
    context.fillRect(0, 0, ALIGNED_CROP_PX, ALIGNED_CROP_PX);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.setTransform(...alignmentCanvasTransform(mesh));
    context.drawImage(frame, 0, 0);
    const pixels = context.getImageData(0, 0, ALIGNED_CROP_PX, ALIGNED_CROP_PX);
    const input = tf.tidy(() => tf.expandDims(tf.cast(tf.browser.fromPixels(pixels), 'float32'), 0));
    const output = this.model.execute(input) as Tensor;
    try {
      return Float32Array.from(await output.data() as Float32Array);
    } finally {
      tf.dispose([input, output]);
    }
  }

  /** Frees the model's weights. */
  dispose(): void {
    this.model.dispose();
  }
}
