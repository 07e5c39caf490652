import type { FaceResult, Human, Tensor } from '@vladmandic/human';
import type { FaceObservation } from '../types';
import type { DlibEmbedder } from './dlib-embedder';

/**
 * Embeds the face crops human returned (`detector.return`) with the dlib worker, in place of
 * human's own description, and frees the crop tensors. `embedder` is null when the frame is only
 * checked, not embedded; `only`, when given, is the one face to embed. Returns the milliseconds spent embedding.
 */
export async function embedCrops(human: Human, results: FaceResult[], faces: FaceObservation[], embedder: DlibEmbedder | null, only: number | null = null): Promise<number> {
  const started = performance.now();
  try {
    for (let i = 0; i < results.length; i++) {
      const tensor = results[i].tensor as Tensor | undefined;
      if (!tensor || !embedder || (only !== null && i !== only)) continue;
      const [height, width] = tensor.shape as number[];
      const rgb = Float32Array.from(await tensor.data() as Float32Array);
      faces[i].embedding = await embedder.embed({ width, height, rgb });
    }
  } finally {
    for (const result of results) human.tf.dispose(result.tensor as Tensor | undefined);
  }
  return embedder ? performance.now() - started : 0;
}
