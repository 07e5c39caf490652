/**
 * What an embedding of human 3.3.6's faceres can plausibly look like, so a pack with absurd
 * values is refused rather than scored. Finite but huge values (one sample of 3e38 floats moved
 * a group's FMR at 0.5 from 0.0017 to 0.0299) pass every other check, because the score of a
 * far-away point is simply 0 against everyone.
 *
 * Measured on the bundled packs (scripts: decode every sample, take the euclidean norm): faceres
 * norms lie between 5.5 and 16.9 (utkface-600 7.5..16.7, lfw-94 5.5..16.9). The allowed range is
 * about ten times wider on each side, so only a broken or forged embedding falls outside it.
 */

/** The model the bounds were measured on: human's faceres, 1024 numbers per face. */
export const BOUNDED_MODEL = { id: 'faceres', dim: 1024 } as const;

/** Smallest euclidean norm accepted (measured minimum 5.5; an all-zero vector has no direction). */
export const MIN_EMBEDDING_NORM = 0.5;
/** Largest euclidean norm accepted (measured maximum 16.9). */
export const MAX_EMBEDDING_NORM = 170;

/**
 * Why an embedding is implausible for the model, as the end of a sentence ("has length 5.2e+39,
 * ..."), or null when its norm is within [{@link MIN_EMBEDDING_NORM}, {@link MAX_EMBEDDING_NORM}]
 * or the model is not {@link BOUNDED_MODEL} (other models' scales are unknown here, so only
 * finiteness is checked for them). Computed in float64, so float32 values near 3e38 cannot
 * overflow.
 */
export function describeImplausibleEmbedding(values: ArrayLike<number>, model: { id: string; dim: number }): string | null {
  if (model.id !== BOUNDED_MODEL.id || model.dim !== BOUNDED_MODEL.dim) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  const norm = Math.sqrt(sum);
  if (norm >= MIN_EMBEDDING_NORM && norm <= MAX_EMBEDDING_NORM) return null;
  return `has length (euclidean norm) ${norm.toPrecision(3)}, outside ${MIN_EMBEDDING_NORM}..${MAX_EMBEDDING_NORM} where every embedding of this model lies (faceres gives about 5 to 17)`;
}
