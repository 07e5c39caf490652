import type { FaceResult, Human, Tensor } from '@vladmandic/human';
import type { FaceObservation } from '../types';
import type { DlibEmbedder } from './dlib-embedder';
import { findLargest } from './describe-largest';

/**
 * Embeds the face crops human returned (`detector.return`) with the dlib worker, in place of
 * human's own description, and frees the crop tensors. `embedder` is null when the frame is only
 * checked, not embedded; `isLargestOnly` embeds the largest face alone. Returns the milliseconds spent embedding.
 */
export async function embedCrops(human: Human, results: FaceResult[], faces: FaceObservation[], embedder: DlibEmbedder | null, isLargestOnly = false): Promise<number> {
  const started = performance.now();
  const largest = findLargest(faces);
  try {
    for (let i = 0; i < results.length; i++) {
      const tensor = results[i].tensor as Tensor | undefined;
      if (!tensor || !embedder || (isLargestOnly && i !== largest)) continue;
      const [height, width] = tensor.shape as number[];
      const rgb = Float32Array.from(await tensor.data() as Float32Array);
      faces[i].embedding = await embedder.embed({ width, height, rgb });
    }
  } finally {
    for (const result of results) human.tf.dispose(result.tensor as Tensor | undefined);
  }
  return embedder ? performance.now() - started : 0;
}
