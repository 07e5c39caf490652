/**
 * Turns an import's records into a reference pack: samples, failures, the preprocessing record,
 * and duplicate flags. Pure; nothing is dropped.
 */
import { MAX_FACES, MIN_DETECTOR_CONFIDENCE } from '../vision/config';
import { computeCosineSimilarity } from '../matching/scores';
import { SCORE_ID } from '../matching/similarity';
import { DUPLICATE_FLAG_PREFIX, flagExactDuplicates } from '../datasets/pack-summary';
import {
  PACK_FORMAT_MARKER, PACK_FORMAT_VERSION,
  type PackFailure, type PackModel, type PackPreprocessing, type PackSample, type ReferencePack,
} from '../datasets/pack-types';
import type { PreprocessSettings } from './preprocess';
import type { ImportRecord } from './types';

/** Texts a pack carries about its source. */
export interface PackDescription {
  name: string;
  description: string;
  license: string;
  attribution: string;
}

/** Prefix of the flag on a sample that is almost certainly the same photo as an earlier one (re-cropped or re-encoded). */
export const NEAR_DUPLICATE_FLAG_PREFIX = 'near-duplicate-of:';

/**
 * Cosine similarity of embeddings above which two samples are taken for the same photo.
 * Measured on utkface-600 (25% padding): the two pairs the eye sees as one photo filed twice,
 * shifted by a few pixels, have cosines 0.966 and 0.969; the closest pair of different photos 0.874.
 */
export const NEAR_DUPLICATE_MIN_COSINE = 0.95;

/** Above this many samples the all-pairs near-duplicate check is skipped (it grows with the square). */
export const NEAR_DUPLICATE_MAX_SAMPLES = 5000;

/** Label names listed first, in this order, when present; others follow in order of first use. */
const LABEL_ORDER = ['race', 'gender', 'age_band'];

/** The full preprocessing record of a pack made by this pipeline. */
export function describePreprocessing(settings: PreprocessSettings): PackPreprocessing {
  return {
    margin: settings.margin,
    fill: settings.fill,
    maxSide: settings.maxSide,
    // Photos are drawn on an opaque RGB canvas: grayscale ones become three equal channels.
    grayscaleExpanded: true,
    resize: 'padded canvas scaled down (never up) so its longest side is at most maxSide; high-quality smoothing',
    alpha: 'transparent pixels composited over fill',
    orientation: 'EXIF orientation applied',
    faceChoice: `largest of up to ${MAX_FACES} faces; others noted as several-faces:N`,
    detectorMinConfidence: MIN_DETECTOR_CONFIDENCE,
    detectorRotation: false,
  };
}

/** Lists label names: known ones first, then the rest in order of first appearance. */
export function collectLabelNames(records: readonly ImportRecord[]): string[] {
  const seen = new Set<string>();
  for (const record of records) for (const name of Object.keys(record.labels)) seen.add(name);
  return [...LABEL_ORDER.filter((name) => seen.has(name)), ...[...seen].filter((name) => !LABEL_ORDER.includes(name))];
}

/**
 * Builds the pack. Samples whose file bytes equal an earlier sample's get "duplicate-of:<id>";
 * so do samples with bit-identical embeddings (the same pixels under two names). Both stay in.
 */
export function assemblePack(
  records: readonly ImportRecord[],
  description: PackDescription,
  model: PackModel,
  preprocessing: PackPreprocessing,
  scoreId: string = SCORE_ID,
): ReferencePack {
  const firstByHash = new Map<string, string>();
  const samples: PackSample[] = [];
  const failures: PackFailure[] = [];
  for (const record of records) {
    if (record.status === 'failed') {
      failures.push({ id: record.id, labels: record.labels, reason: record.reason });
      continue;
    }
    const original = record.hash === '' ? undefined : firstByHash.get(record.hash);
    if (original === undefined && record.hash !== '') firstByHash.set(record.hash, record.id);
    samples.push({
      id: record.id,
      subject: record.subject,
      labels: record.labels,
      ...(record.estimates ? { estimates: record.estimates } : {}),
      embedding: record.embedding,
      ...(original !== undefined ? { flags: [`${DUPLICATE_FLAG_PREFIX}${original}`] } : {}),
      ...(record.notes.length > 0 ? { notes: record.notes } : {}),
    });
  }
  return flagNearDuplicates(flagExactDuplicates({
    format: PACK_FORMAT_MARKER,
    version: PACK_FORMAT_VERSION,
    ...description,
    model,
    score: scoreId,
    labels: collectLabelNames(records),
    preprocessing,
    samples,
    failures,
  }));
}


/**
 * Flags later samples whose embedding has a cosine of at least NEAR_DUPLICATE_MIN_COSINE with an
 * earlier one's ("near-duplicate-of:<id>", plus a "near-duplicate-cosine:<c>" note), unless they
 * are already exact duplicates. Such pairs score 1.0: the same photo under two names is not a
 * false match of the model, and a view should be able to say so. Nothing is dropped.
 */
export function flagNearDuplicates(pack: ReferencePack, minCosine = NEAR_DUPLICATE_MIN_COSINE): ReferencePack {
  if (pack.samples.length > NEAR_DUPLICATE_MAX_SAMPLES) return pack;
  const samples = pack.samples.map((sample) => ({ ...sample }));
  for (let later = 1; later < samples.length; later++) {
    const sample = samples[later];
    if (sample.flags?.some((flag) => flag.startsWith(DUPLICATE_FLAG_PREFIX) || flag.startsWith(NEAR_DUPLICATE_FLAG_PREFIX))) continue;
    for (let earlier = 0; earlier < later; earlier++) {
      const value = computeCosineSimilarity(samples[earlier].embedding, sample.embedding);
      if (value < minCosine) continue;
      sample.flags = [...(sample.flags ?? []), `${NEAR_DUPLICATE_FLAG_PREFIX}${samples[earlier].id}`];
      sample.notes = [...(sample.notes ?? []), `near-duplicate-cosine:${value.toFixed(3)}`];
      break;
    }
  }
  return { ...pack, samples };
}
