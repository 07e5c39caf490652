import type { FaceResult, GraphModel, Human, Tensor, Tensor4D } from '@vladmandic/human';
import type { FaceObservation } from '../types';

/** Length of a faceres descriptor; the age output has 100 bins, gender one value. */
const DESCRIPTOR_LENGTH = 1024;
const AGE_BINS = 100;

/** What a faceres-shaped model (faceres, faceres-deep) says of one face crop. */
export interface CropDescription {
  embedding: Float32Array | null;
  age: number | null;
  gender: 'female' | 'male' | null;
  genderScore: number | null;
}

/**
 * Embeds one face of a frame (`index`: the one the live view follows) with human's own description
 * model (faceres), on the face crop human returned (`detector.return`): the live view matches only
 * that face, and human's `face.description` would embed every face it found, each about as slow as
 * the mesh of all of them. The steps are human 3.3.6's `faceres.predict` ({@link describeCrop}),
 * so the embedding is human's own (checked in test/browser/vision-one-face.test.ts). Frees every
 * face's crop. Returns the milliseconds spent. `faces` are `results` as observations, in the same order.
 */
export async function describeFace(human: Human, results: FaceResult[], faces: FaceObservation[], index: number | null): Promise<number> {
  const started = performance.now();
  try {
    const crop = index === null ? undefined : results[index]?.tensor as Tensor | undefined;
    const model = human.models.models.faceres;
    if (index === null || !crop || !model?.inputs[0]?.shape) return 0;
    const described = await describeCrop(human, model, crop);
    if (described.embedding) faces[index].embedding = described.embedding;
    if (described.gender) {
      faces[index].gender = described.gender;
      faces[index].genderScore = described.genderScore;
    }
    if (described.age !== null) faces[index].age = described.age;
    return performance.now() - started;
  } finally {
    for (const result of results) human.tf.dispose(result.tensor as Tensor | undefined);
  }
}

/**
 * Runs a faceres-shaped model on one face crop human returned (3-D, 0..1), as human 3.3.6's
 * `faceres.predict` does (src/face/faceres.ts in the package) without its cache: resize the crop to
 * the model's input, scale to 0..255, run, read the descriptor, age and gender the same way. Does
 * not free `crop`.
 */
export async function describeCrop(human: Human, model: GraphModel, crop: Tensor): Promise<CropDescription> {
  const described: CropDescription = { embedding: null, age: null, gender: null, genderScore: null };
  const shape = model.inputs[0]?.shape;
  if (!shape) return described;
  // human's own order: [shape[2], shape[1]] (faceres is square).
  const [, across, down] = shape;
  const input = human.tf.tidy(() => human.tf.mul(human.tf.image.resizeBilinear(human.tf.expandDims(crop, 0) as Tensor4D, [down, across], false), 255));
  const outputs = model.execute(input) as Tensor[];
  human.tf.dispose(input);
  try {
    const read = async (size: number) => {
      const output = outputs.find((tensor) => tensor.shape[1] === size);
      return output ? await output.data() as Float32Array : null;
    };
    const descriptor = await read(DESCRIPTOR_LENGTH);
    if (descriptor) described.embedding = Float32Array.from(descriptor);
    const gender = await read(1);
    if (gender) {
      const confidence = Math.trunc(200 * Math.abs(gender[0] - 0.5)) / 100;
      // human's minConfidence for the description is 0 in FaceGap's config (src/vision/config.ts).
      if (confidence > 0) {
        described.gender = gender[0] <= 0.5 ? 'female' : 'male';
        described.genderScore = Math.min(0.99, confidence);
      }
    }
    const age = await read(AGE_BINS);
    if (age) described.age = readAge(age);
  } finally {
    human.tf.dispose(outputs);
  }
  return described;
}

/** faceres' age, as human reads it: the top bin, moved towards its larger neighbour. */
function readAge(bins: Float32Array): number {
  let top = 0;
  for (let i = 1; i < bins.length; i++) if (bins[i] > bins[top]) top = i;
  const below = bins[top - 1] ?? Number.NaN;
  const above = bins[top + 1] ?? Number.NaN;
  return Math.round(below > above ? 10 * top - 100 * below : 10 * top + 100 * above) / 10;
}
