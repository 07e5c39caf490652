import type { Config } from '@vladmandic/human';
import { DEFAULT_MODEL_ID, getModel, type RecognitionModel } from '../models/registry';
import type { BackendName } from './types';

/** Largest number of faces looked for in a frame; the largest one is used. */
export const MAX_FACES = 5;
/** Detector confidence below which a box is not a face. */
export const MIN_DETECTOR_CONFIDENCE = 0.2;
/**
 * human's frame-difference threshold on a tracking call. human lets its face stage reuse the last
 * boxes only when the frame changed less than this (mean squared difference per channel, 0..255);
 * above the largest possible value, so the caller, not the picture, decides when to track.
 */
export const TRACK_CACHE_SENSITIVITY = 256;
/** Frames and milliseconds for which human may skip its detector on a tracking call: never the limit. */
const TRACK_SKIP_LIMIT = 1_000_000_000;

/**
 * The per-call part of human's configuration: a detecting call runs the full detector
 * (`cacheSensitivity: 0` turns human's caching off); a tracking call lets human's face stage run the
 * mesh inside the boxes of the last answer, on this frame, without the detector. Embeddings are never
 * cached (`description.skipFrames` stays 0), so an embedding is always of this frame. `crops`: human
 * returns each face's aligned crop (`detector.return`), for an embedder outside human's own pass.
 * Every field is set on every call: human keeps a call's configuration for the calls after it.
 */
export function buildDetectCallConfig(options: { embed: boolean; track: boolean; crops: boolean }): Partial<Config> {
  const skip = options.track ? TRACK_SKIP_LIMIT : 0;
  return {
    cacheSensitivity: options.track ? TRACK_CACHE_SENSITIVITY : 0,
    face: { detector: { skipFrames: skip, skipTime: skip, return: options.crops }, description: { enabled: options.embed } },
  } as Partial<Config>;
}

/**
 * Turns human's recognition model (faceres: embedding, age, gender) on or off for `human.load`:
 * the engine loads the detector and mesh with it off, then the recognition model behind them.
 */
export function buildRecogniserConfig(isEnabled: boolean): Partial<Config> {
  return { face: { description: { enabled: isEnabled } } } as Partial<Config>;
}

/**
 * human's configuration for FaceGap: explicit in full, so no default can reach outside the origin.
 * Only the face detector, the mesh (alignment and head angles) and, for the models human runs
 * itself, the description stage (embedding, age, gender) are on. `modelBasePath` and `wasmPath` are same-origin: human's default `wasmPath` is a
 * public CDN, and when it fails human silently falls back to another backend.
 */
export function buildHumanConfig(backend: BackendName, modelBasePath: string, wasmPath: string, model: RecognitionModel = getModel(DEFAULT_MODEL_ID)): Partial<Config> {
  // A face-api model embeds human's face crop in its own worker: human returns the crop instead.
  const isHumanModel = model.runner === 'human';
  return {
    backend,
    modelBasePath,
    wasmPath,
    wasmPlatformFetch: false,
    // human would keep a second copy of every model in IndexedDB; the service worker caches them.
    cacheModels: false,
    debug: false,
    // Sequential stages, so human's own per-stage timings (face, description) are meaningful.
    async: false,
    warmup: 'none',
    // Every frame is processed: the caller decides the rate, human must not reuse stale results.
    cacheSensitivity: 0,
    skipAllowed: false,
    // No image filter: human's default `autoBrightness` measures the first frame's brightest pixel,
    // stores `brightness = 1 - max / 255` in the config, then turns itself off with that value left
    // in, so every later frame was brightened (x1.2 after a photo whose brightest value is 204) by
    // an amount set by whichever photo came first. Off, the pixels are the photo's own, whatever
    // ran before (test/browser/vision-determinism.test.ts); the filter's WebGL pass did nothing else.
    filter: { enabled: false, autoBrightness: false, brightness: 0, equalization: false, flip: false, width: 0, height: 0 },
    face: {
      enabled: true,
      detector: {
        modelPath: 'blazeface.json',
        // human's default. Measured on face-api's sample1-6 (231 different-person pairs): with
        // rotation correction on, impostor scores reach 0.75; off, the highest is 0.56.
        rotation: false,
        maxDetected: MAX_FACES,
        minConfidence: MIN_DETECTOR_CONFIDENCE,
        skipFrames: 0,
        skipTime: 0,
        // Only face-api's worker embeds human's crop; an aligned model warps the frame itself.
        return: model.runner === 'face-api',
      },
      mesh: { enabled: true, modelPath: 'facemesh.json', keepInvalid: false },
      attention: { enabled: false },
      iris: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      description: { enabled: isHumanModel, modelPath: isHumanModel ? model.modelPath : 'faceres.json', skipFrames: 0, skipTime: 0, minConfidence: 0 },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  } as Partial<Config>;
}
