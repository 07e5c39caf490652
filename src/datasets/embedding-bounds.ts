/**
 * What a plausible face embedding looks like, whatever the model: finite numbers and a length
 * (L2 norm) within wide bounds. faceres's vectors measure 5.5 to 16.9 on the bundled packs;
 * unit-normalised models give 1. A vector of 3e38 floats (norm ~1e40) moved one group's FMR at 0.5
 * from 0.0017 to 0.0299 before this check: such a vector is damage or tampering, not a face.
 */

/** Smallest L2 norm accepted: a zero vector matches nothing and means the embedding was lost. */
export const MIN_EMBEDDING_NORM = 1e-3;
/** Largest L2 norm accepted: about 60 times faceres's largest on real faces. */
export const MAX_EMBEDDING_NORM = 1e3;

/** Why `values` cannot be a face embedding, as the end of a sentence, or null when it is plausible. */
export function describeImplausibleEmbedding(values: ArrayLike<number>): string | null {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) return 'contains values that are not finite numbers';
    sum += value * value;
  }
  const norm = Math.sqrt(sum);
  if (norm < MIN_EMBEDDING_NORM) return `is all zeros (length ${norm.toPrecision(2)}), which no face gives`;
  if (norm > MAX_EMBEDDING_NORM) return `has a length of ${norm.toPrecision(3)}, beyond the ${MAX_EMBEDDING_NORM} any face model here gives`;
  return null;
}
