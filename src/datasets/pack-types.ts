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
  /** The active model's id (src/models/registry.ts): a pack naming another model is refused naming both. */
  modelId?: string;
}

/**
 * Format v2 (docs/pack-format.md, "Version 2"): the same fields as v1 in a small JSON header,
 * followed by every embedding in one binary block. The file starts with these four bytes.
 */
export const PACK_BINARY_MAGIC = 'FGPK';
/** The version number written after the magic and in the header's `version` field. */
export const PACK_BINARY_VERSION = 2;
/** File name ending of a v2 pack: `<pack>.<model>.fgpack`. */
export const PACK_BINARY_EXTENSION = '.fgpack';

/**
 * How the binary block stores the vectors.
 * - `float16`: IEEE half floats, little-endian, `count * dim * 2` bytes (the bundled default).
 * - `int8`: `count` little-endian float32 scales, then `count * dim` signed bytes; value = q * scale.
 * - `float32`: little-endian float32, `count * dim * 4` bytes (lossless, for packs that need it).
 */
export type PackVectorDtype = 'float16' | 'int8' | 'float32';

/** The header's description of the binary block. */
export interface PackVectorBlock {
  dtype: PackVectorDtype;
  /** Number of vectors: equals `samples.length`; row i is samples[i]'s embedding. */
  count: number;
  /** Floats per vector: equals `model.dim`. */
  dim: number;
  /** Bytes of the block, which starts at the first multiple of 8 after the header. */
  byteLength: number;
}

/**
 * Model ids a pack's `model.id` may hold, as src/models/registry.ts (#9) names them: `faceres`
 * (human's HSE FaceRec, 1024 floats, score `human-similarity-v1`), `faceres-deep`
 * (human-models' larger HSE FaceRec, 1024 floats, `cosine-v1`), `dlib` (face-api's dlib
 * ResNet-34, 128 floats, `cosine-v1`), `mobileface` (human-models' MobileFace on aligned crops, 256
 * floats, `cosine-v1`). The weights' sha256 in `model.sha256`, not the id, decides
 * compatibility; the id says which pack of a set to fetch.
 */
export type PackModelId = 'faceres' | 'faceres-deep' | 'dlib' | 'mobileface' | (string & {});

/** Score ids a pack's `score` may hold (src/matching/scores.ts). */
export type PackScoreId = 'human-similarity-v1' | 'cosine-v1' | (string & {});

/** Marker of packs/index.json. */
export const PACK_INDEX_FORMAT = 'facegap-pack-index';
/** The index version this code writes; it also reads version 1 (one faceres pack per entry). */
export const PACK_INDEX_VERSION = 2;

/**
 * One file of packs/index.json v2: one pack set (`pack`) embedded by one model (`model`).
 * The app fetches the entry whose `pack` and `model` match the active choice, and checks the
 * downloaded bytes against `sha256` before decoding.
 */
export interface PackIndexEntry {
  /** Unique entry id, `<pack>.<model>`, e.g. "utkface-3000.faceres"; what the app remembers. */
  id: string;
  /** The pack set, e.g. "utkface-3000": the same photos under every model. */
  pack: string;
  /** Model id, as in the pack's `model.id`. */
  model: PackModelId;
  /** sha256 of the model's weights file, as in the pack's `model.sha256`. */
  modelSha256: string;
  /** Score id, as in the pack's `score`. */
  score: PackScoreId;
  /** Path relative to the index, e.g. "utkface-3000.faceres.fgpack". */
  file: string;
  /** Title shown in the app (the pack's `name`). */
  name: string;
  /** Size of the file in bytes, shown before a download. */
  bytes: number;
  /** Lower-case hex sha256 of the file's bytes. */
  sha256: string;
  /** Embedded faces. */
  samples: number;
  /** Photos that yielded no embedding. */
  failures: number;
  /** Distinct subjects (equal to samples when every photo is its own person). */
  subjects: number;
}

/** packs/index.json, version 2. */
export interface PackIndex {
  format: typeof PACK_INDEX_FORMAT;
  version: typeof PACK_INDEX_VERSION;
  /** The pack set the bias views open with, e.g. "utkface-3000". */
  defaultPack: string;
  packs: PackIndexEntry[];
}
