/**
 * The services fg-app is handed: the vision engine and the store. The defaults start the real
 * ones; tests hand fg-app fakes through its `visionFactory`, `storeFactory` and `camera` properties.
 */
import { readModelIdentity } from '../import/model';
import { DEFAULT_MODEL_ID, getModel, type ModelId } from '../models/registry';
import { createMemoryStore, NOT_KEPT_NOTICE, openStore, StoreError, type ClosedElsewhereReason, type Store } from '../store';
import { parseBackendRequest } from '../vision/backend';
import { createSupervisedWorker, MODEL_BASE_PATH, startVision, WASM_PATH } from '../vision/client';
import { IdleShutdownVisionClient } from '../vision/idle-client';
import { VisionError, type EngineInfo, type VisionClient } from '../vision/types';
import { describeError } from '../shared/errors';
import { isThreadedWasmUsable, keepLoadedFiles } from '../sw/keep-loaded';
import { readWasmBinary } from '../sw/files';

/** A running vision engine, and the sha256 of the recognition model's weights its embeddings come from. */
export interface VisionService {
  client: VisionClient;
  info: EngineInfo;
  /** Templates and packs record it, so embeddings of another model are never compared. */
  modelSha256: string;
}

/**
 * Starts the vision engine with a recognition model (faceres when absent); rejects with a
 * `VisionError` the UI shows as it is.
 */
export type VisionFactory = (modelId?: ModelId) => Promise<VisionService>;

/** What the app wants to hear from the store it opens. */
export interface StoreHooks {
  /** Another tab (or the browser) closed the database under this tab; see `ClosedElsewhereReason`. */
  onClosedElsewhere?: (reason: ClosedElsewhereReason) => void;
}

/** Opens storage; `notice` says what the user should know (e.g. that nothing will be kept). */
export type StoreFactory = (hooks?: StoreHooks) => Promise<{ store: Store; notice?: string }>;

/**
 * Starts human in a worker with the backend asked for in `?backend=` and the recognition model
 * `modelId` (the dlib worker starts only for dlib), and reads that model's sha256.
 */
export const startBrowserVision: VisionFactory = async (modelId = DEFAULT_MODEL_ID) => {
  const backend = parseBackendRequest(new URLSearchParams(location.search).get('backend'));
  const isWasmMultithreadAllowed = backend === 'cpu' || backend === 'webgl' ? true : await isThreadedWasmUsable(WASM_PATH);
  const loadOptions = { backend, modelBasePath: MODEL_BASE_PATH, wasmPath: WASM_PATH, modelId, isWasmMultithreadAllowed };
  const [vision, modelSha256] = await Promise.all([startVision(loadOptions), readModelSha256(MODEL_BASE_PATH, fetch, modelId)]);
  // A worker left idle (camera off, no import) is shut down and started again on the next frame.
  // Every worker it starts is supervised too: replaced after a crash (SupervisedVisionClient).
  const client = vision.info.thread === 'worker' ? new IdleShutdownVisionClient(vision.client, loadOptions, createSupervisedWorker) : vision.client;
  // Once the recognition model is in too, the offline copy takes what the engine used from the
  // HTTP cache (asking earlier would fetch faceres.bin a second time while it still downloads).
  void client.whenRecogniserReady?.().then((info) => keepLoadedFiles(undefined, listEngineFiles(info)), () => undefined);
  return { ...vision, client, modelSha256 };
};

/** The files an engine loaded: its models' weights manifests and weights, and its wasm binary. */
export function listEngineFiles(info: EngineInfo): string[] {
  const models = info.models.filter((model) => model.url).flatMap((model) => [model.url, model.url.replace(/\.json$/, '.bin')]);
  const wasm = readWasmBinary(info);
  return wasm ? [...models, new URL(wasm, info.wasmPath).href] : models;
}

/** A model's weights sha256 (`readModelIdentity`); a failure rejects with a `VisionError` the UI shows as it is. */
export async function readModelSha256(modelBasePath: string, fetcher: typeof fetch = fetch, modelId: ModelId = DEFAULT_MODEL_ID): Promise<string> {
  try {
    return (await readModelIdentity(modelBasePath, undefined, { fetcher, model: getModel(modelId) })).sha256;
  } catch (error) {
    throw new VisionError('models-failed', describeError(error));
  }
}

/** Opens IndexedDB; when the browser refuses, falls back to memory and says so. */
export const openBrowserStore: StoreFactory = async (hooks = {}) => {
  try {
    return { store: await openStore({ onClosedElsewhere: hooks.onClosedElsewhere }) };
  } catch (error) {
    return { store: createMemoryStore(), notice: describeStoreFallback(error) };
  }
};

/**
 * The notice for running on memory because storage did not open. Every cause ends by saying that
 * nothing will be kept, since the store's own sentences for "blocked" or "version" do not.
 */
export function describeStoreFallback(error: unknown): string {
  const notKept = NOT_KEPT_NOTICE.toLowerCase();
  if (error instanceof StoreError && error.kind === 'unavailable') return error.message;
  if (error instanceof StoreError && (error.kind === 'blocked' || error.kind === 'version')) {
    return `${error.message} Until then FaceGap works without storage: ${notKept}`;
  }
  const cause = error instanceof StoreError ? error.cause : error;
  const detail = cause instanceof Error && cause.message ? ` (the browser said: ${cause.message.replace(/[.\s]+$/, '')})` : '';
  return `This browser's storage could not be opened${detail}. FaceGap still works, but ${notKept} ` +
    'Anything saved before stays on this device; reload the page to try again.';
}

/** What to do next after each kind of vision failure: never the same backend that just failed. */
const VISION_NEXT_STEP: Record<VisionError['kind'], string> = {
  'models-failed': 'Reload the page to try again.',
  'models-timeout': 'Reload the page to try again.',
  'wasm-failed': 'Reload the page to try again, or add ?backend=cpu to the address (slower, but it needs no WebAssembly).',
  'backend-unavailable': 'Reload the page to try again, or add ?backend=wasm to the address.',
  'inference-failed': 'Press Start camera to try again, or reload the page.',
  'worker-failed': 'Reload the page to try again.',
  'worker-restarted': 'Nothing to do: matching goes on.',
};

/**
 * The sentence shown when the models do not load, or stop working while the camera runs: what
 * happened, what still works, what to do.
 */
export function describeVisionFailure(error: unknown): string {
  const what = describeError(error).trim();
  const sentence = /[.!?)]$/.test(what) ? what : `${what}.`;
  const kind = error instanceof VisionError ? error.kind : null;
  const kept = 'Your enrolled people, packs and the other tabs still work';
  if (kind === 'inference-failed') {
    return `Face detection stopped, and so did the camera: ${sentence} ${kept}. ${VISION_NEXT_STEP[kind]}`;
  }
  const next = kind ? VISION_NEXT_STEP[kind] : 'Reload the page to try again, or add ?backend=wasm to the address.';
  return `The face models did not start: ${sentence} ${kept}; only the live camera needs the models. ${next}`;
}
