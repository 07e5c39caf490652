import type { ModelId } from '../models/registry';
import type { ResourceRecord } from '../privacy/resource-entries';
import type { ViolationRecord } from '../privacy/violations';

/** What the vision engine reports: plain data, safe to post between a worker and the page. */

/**
 * A backend the engine can be asked for; `auto` picks one from the hardware. `?backend=` offers all
 * but `webgpu`, which only the WebGPU bench asks for (BENCHMARKS.md, "WebGPU": not offered yet).
 */
export type BackendRequest = 'auto' | 'wasm' | 'webgl' | 'cpu' | 'webgpu';
/** A backend that actually runs. */
export type BackendName = 'wasm' | 'webgl' | 'cpu' | 'webgpu';

/** Which backend runs, why, and how. */
export interface EngineInfo {
  /** The recognition model that makes the embeddings (faceres when absent). */
  modelId?: ModelId;
  backend: BackendName;
  requested: BackendRequest;
  /** One sentence on why this backend was chosen (shown in the UI). */
  reason: string;
  /** The WebGL renderer string, when one could be read. */
  webglRenderer: string | null;
  wasmSimd: boolean;
  wasmMultithread: boolean;
  crossOriginIsolated: boolean;
  /** Whether inference runs in a module worker or on the page's main thread. */
  thread: 'worker' | 'main';
  humanVersion: string;
  tfjsVersion: string;
  /** URLs the models and wasm binaries were loaded from. */
  modelBasePath: string;
  wasmPath: string;
  /** Each loaded model and the URL it came from, so a test or reviewer can check the origin. */
  models: { name: string; url: string }[];
  /**
   * Whether the recognition model is still loading: boxes come already, embeddings (and so
   * enrolment and matching) only once it is loaded. Absent means loaded.
   */
  isRecogniserLoading?: boolean;
  /** Milliseconds the load took: to the first possible box, or, once the recogniser is loaded, to that. */
  loadMs: number;
}

/** A box in image pixels: left, top, width, height. */
export type Box = [number, number, number, number];

/** One face found in a frame. */
export interface FaceObservation {
  box: Box;
  /** Detector confidence, 0..1. */
  score: number;
  /** faceres embedding (1024 floats), present when embedding was asked for. */
  embedding: Float32Array | null;
  /** Head rotation in radians, when the mesh gave one. */
  yaw: number | null;
  pitch: number | null;
  roll: number | null;
  /** The model's own guesses, kept so the views can check them against labels. */
  age: number | null;
  gender: 'female' | 'male' | null;
  genderScore: number | null;
  /**
   * The same face embedded by the other models asked for (DetectOptions.alsoEmbedWith), on the same
   * detection and alignment; a model that failed is absent (Observation.otherModelFailures says why).
   */
  otherEmbeddings?: Partial<Record<ModelId, Float32Array>>;
}

/** Milliseconds per stage of one frame. */
export interface StageTimings {
  detect: number;
  embed: number;
  total: number;
}

/** Everything found in one frame, faces ordered largest first (the followed face first, when one is given: DetectOptions.follow). */
export interface Observation {
  width: number;
  height: number;
  faces: FaceObservation[];
  timings: StageTimings;
  /**
   * Whether the faces were followed from the previous answer (mesh only, on this frame, inside the
   * last boxes) instead of found by the full detector. Either way every box comes from this frame.
   */
  isTracked?: boolean;
  /** Each model of DetectOptions.alsoEmbedWith that could not embed (its load failed, or it ran out of memory), and why. */
  otherModelFailures?: Partial<Record<ModelId, string>>;
  /** Milliseconds per face each other model took to embed on this frame (its load excluded). */
  otherMsPerFace?: Partial<Record<ModelId, number>>;
}

/** Options for one detection call. */
export interface DetectOptions {
  /** Compute embeddings (faceres) too; without it only the detector and mesh run. */
  embed: boolean;
  /**
   * Which faces `embed` embeds: every face (the default), or only the first one, the face the live
   * view matches; the others then have no embedding, and the frame costs one embedding, not one a face.
   */
  embedFaces?: 'all' | 'first';
  /**
   * The box of the face the live view follows, from its last answer: the face of this frame that
   * continues it is listed first, unless another is much larger (src/vision/tracking.ts, orderFaces).
   */
  follow?: Box | null;
  /**
   * Follow the faces of the previous answer with the mesh alone (no detector pass): cheaper, but it
   * finds no new face. Ignored when the previous answer had no face (the detector runs then).
   */
  track?: boolean;
  /**
   * Other recognition models to embed the first face of the answer with (the import building one
   * pack per model keeps that face only): loaded on first use in this engine, each only when asked
   * for; the active model is ignored here.
   */
  alsoEmbedWith?: readonly ModelId[];
  signal?: AbortSignal;
}

/** Options for loading the engine. */
export interface LoadOptions {
  backend: BackendRequest;
  /** Same-origin base URL of the models, ending in `/`. */
  modelBasePath: string;
  /** Same-origin base URL of the tfjs wasm binaries, ending in `/`. */
  wasmPath: string;
  /** The recognition model (src/models/registry.ts); faceres when absent. */
  modelId?: ModelId;
  /**
   * false: run wasm single-threaded even on a cross-origin isolated page, because the threaded
   * binary is neither kept on this device nor reachable (src/sw/wasm-choice.ts). Default: tfjs decides.
   */
  isWasmMultithreadAllowed?: boolean;
  signal?: AbortSignal;
}

/**
 * The small async interface the page talks to; a worker and a main-thread implementation share it.
 * Every call takes an AbortSignal; an aborted call rejects with an `AbortError` DOMException.
 */
export interface VisionClient {
  /** Loads the backend, detector and mesh; the recognition model keeps loading behind them. */
  load(options: LoadOptions): Promise<EngineInfo>;
  /**
   * Resolves with the engine's description once the recognition model is loaded too (at once if
   * it is). Absent on clients that load everything in `load`.
   */
  whenRecogniserReady?(signal?: AbortSignal): Promise<EngineInfo>;
  /** The requests and CSP violations of the inference thread, for the privacy panel. */
  audit?(signal?: AbortSignal): Promise<ThreadAudit>;
  /** Takes ownership of the bitmap (it is transferred or closed). */
  detect(frame: ImageBitmap, options: DetectOptions): Promise<Observation>;
  dispose(): void;
}

/** What the inference thread fetched and what its CSP blocked. */
export interface ThreadAudit {
  requests: ResourceRecord[];
  violations: ViolationRecord[];
}

/** A failure the UI can show as it is: what happened, and what to do next. */
export class VisionError extends Error {
  constructor(
    readonly kind: 'models-failed' | 'models-timeout' | 'wasm-failed' | 'backend-unavailable' | 'inference-failed' | 'worker-failed' | 'worker-restarted',
    message: string,
  ) {
    super(message);
    this.name = 'VisionError';
  }
}
