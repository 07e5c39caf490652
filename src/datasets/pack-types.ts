/**
 * Types of reference pack format v1: embeddings plus labels, never pixels.
 * The field-by-field description lives in docs/pack-format.md.
 */

/** The value of a pack's `format` field. */
export const PACK_FORMAT_MARKER = 'facegap-pack';
/** The format version this code writes and reads. */
export const PACK_FORMAT_VERSION = 1;

/** A JSON value, for the open-ended parts of a pack (extra preprocessing fields). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Which model made the embeddings. Packs from another model are refused, not converted. */
export interface PackModel {
  /** Model name inside human, e.g. "faceres". */
  id: string;
  /** The package that ran it, with its exact version, e.g. "@vladmandic/human@3.3.6". */
  package: string;
  /** Lower-case hex sha256 of the model's weights file (faceres.bin). */
  sha256: string;
  /** Floats per embedding (1024 for faceres). */
  dim: number;
}

/**
 * How photos were prepared before detection. Padding and resizing move the scores, so a bias
 * figure is a property of this whole record, not of the model alone.
 */
export interface PackPreprocessing {
  /** Padding added on each side, as a fraction of the photo's width and height (0.25 = 25%). */
  margin: number;
  /** CSS colour of the padding, e.g. "#808080". */
  fill: string;
  /** Longest side in pixels after resizing, before detection. */
  maxSide: number;
  /** Whether single-channel (grayscale) photos were expanded to three channels. */
  grayscaleExpanded: boolean;
  /** Further settings (detector limits, face choice policy...), kept as written. */
  [key: string]: JsonValue;
}

/** The model's own guesses for a face, kept beside the labels so they can be compared. */
export interface SampleEstimates {
  /** Estimated age in years. */
  age: number;
  /** Estimated gender. */
  gender: 'female' | 'male';
  /** Confidence of the gender estimate, 0..1. */
  genderScore: number;
}

/** One embedded face. */
export interface PackSample {
  /** Unique within the pack (samples and failures together). */
  id: string;
  /** Identity the photo shows, or null when the set has one photo per unnamed person. */
  subject: string | null;
  /** Label name -> value; every name is declared in the pack's `labels`. */
  labels: Record<string, string>;
  /** The model's guesses, when it made them. */
  estimates?: SampleEstimates;
  /** The face embedding, `model.dim` floats. */
  embedding: Float32Array;
  /** Machine-readable markers, e.g. "duplicate-of:<id>". */
  flags?: string[];
  /** Observations from building the pack, e.g. "several-faces:3" when the largest was kept. */
  notes?: string[];
}

/** Why a photo yielded no embedding. */
export type PackFailureReason = 'unreadable' | 'no-face' | 'several-faces';

/** A photo that yielded no embedding, kept so failure rates per group can be shown. */
export interface PackFailure {
  /** Unique within the pack (samples and failures together). */
  id: string;
  /** Label name -> value, as for samples. */
  labels: Record<string, string>;
  /** What went wrong. "several-faces" only when the policy refused crowded photos. */
  reason: PackFailureReason;
}

/** A decoded reference pack, embeddings as Float32Array. */
export interface ReferencePack {
  format: typeof PACK_FORMAT_MARKER;
  version: typeof PACK_FORMAT_VERSION;
  /** Short title shown in the app. */
  name: string;
  /** What the photos are and how they were chosen. */
  description: string;
  /** Licence terms of the source photos and of the derived data. */
  license: string;
  /** Credit line to show wherever numbers from this pack are shown. */
  attribution: string;
  model: PackModel;
  /** Identifier of the similarity score the pack is meant for (see src/matching/similarity.ts). */
  score: string;
  /** Label names the samples may carry, e.g. ["race", "gender", "age_band"]. */
  labels: string[];
  preprocessing: PackPreprocessing;
  samples: PackSample[];
  failures: PackFailure[];
}

/** What the reader's own setup is, so packs made by another one are refused. */
export interface PackExpectation {
  /** sha256 of the faceres weights the app loads. */
  modelSha256: string;
  /** Embedding length the app's model gives. */
  dim: number;
  /** Score identifier the app computes (SCORE_ID). */
  scoreId: string;
}
