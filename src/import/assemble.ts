/**
 * Turns an import's records into a reference pack: samples, failures, the preprocessing record,
 * and duplicate flags. Pure; nothing is dropped.
 */
import { MAX_FACES, MIN_DETECTOR_CONFIDENCE } from '../vision/config';
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
  return flagExactDuplicates({
    format: PACK_FORMAT_MARKER,
    version: PACK_FORMAT_VERSION,
    ...description,
    model,
    score: SCORE_ID,
    labels: collectLabelNames(records),
    preprocessing,
    samples,
    failures,
  });
}
