import { Human } from '@vladmandic/human';
import type { FaceResult, Tensor } from '@vladmandic/human';
import { chooseBackend, readWebglRenderer } from './backend';
import { buildDetectCallConfig, buildHumanConfig, buildRecogniserConfig } from './config';
import { DEFAULT_MODEL_ID, getModel, type RecognitionModel } from '../models/registry';
import { DlibEmbedder } from './models/dlib-embedder';
import { AlignedEmbedder } from './models/aligned-embedder';
import { embedCrops } from './models/crops';
import { describeFace } from './models/describe-face';
import { isCropModel, OtherModelEmbedders } from './models/other-embedders';
import { orderFaces } from './tracking';
import type { ResourceRecord } from '../privacy/resource-entries';
import type { DetectOptions, EngineInfo, FaceObservation, LoadOptions, Observation } from './types';
import { VisionError } from './types';
import { describeError } from '../shared/errors';

/**
 * human itself, wrapped: loads the face models from the app's origin, refuses a silent backend
 * fallback, and turns human's results into plain `Observation`s. Runs in the vision worker, or on
 * the main thread as a fallback; nothing else in the app imports human.
 */
export class VisionEngine {
  private human: Human | null = null;
  private info: EngineInfo | null = null;
  private model: RecognitionModel = getModel(DEFAULT_MODEL_ID);
  /** Only when a face-api model is chosen: its worker is not even created otherwise. */
  private dlib: DlibEmbedder | null = null;
  /** Only when a model of five-point aligned crops (mobileface) is chosen. */
  private aligned: AlignedEmbedder | null = null;
  /** The other models an import asked for (DetectOptions.alsoEmbedWith), each loaded on first use. */
  private others: OtherModelEmbedders | null = null;
  /**
   * The last answer's faces and frame size: a tracking call follows those faces, and runs the
   * detector when there were none or the frame is another size (a photo was analysed in between).
   */
  private last = { faces: 0, width: 0, height: 0 };

  /**
   * The recognition model's load, started by `load` once the detector and mesh run (null before):
   * the first face box does not wait for its weights (faceres is 7 MB of the 9 MB of models).
   */
  private recogniser: Promise<EngineInfo> | null = null;

  /**
   * Loads the backend, the face detector and the mesh, then resolves: frames can be analysed from
   * then on. The recognition model keeps loading behind it (`whenRecogniserReady`); an embedding
   * asked for before it is there waits for it. Rejects with a VisionError that says what failed.
   */
  async load(options: Omit<LoadOptions, 'signal'>, thread: EngineInfo['thread']): Promise<EngineInfo> {
    const started = performance.now();
    const renderer = readWebglRenderer();
    const { backend, reason } = chooseBackend(options.backend, renderer);
    const model = getModel(options.modelId ?? DEFAULT_MODEL_ID);
    const human = new Human(buildHumanConfig(backend, options.modelBasePath, options.wasmPath, model));
    // tfjs picks the threaded binary on an isolated page; the page says when this device has only the other one.
    if (backend === 'wasm' && options.isWasmMultithreadAllowed === false) human.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    try {
      await human.init();
    } catch (error) {
      throw new VisionError(backend === 'wasm' ? 'wasm-failed' : 'backend-unavailable',
        `The ${backend} backend could not start (${describeError(error)}). Try another with ?backend=wasm or ?backend=cpu.`);
    }
    const running = human.tf.getBackend();
    if (running !== backend) {
      throw new VisionError(backend === 'wasm' ? 'wasm-failed' : 'backend-unavailable',
        `Asked for the ${backend} backend but ${running || 'none'} started: ` +
        (backend === 'wasm' ? `the wasm binaries did not load from ${options.wasmPath}.` : 'this browser cannot run it.'));
    }
    try {
      // The detector and mesh alone: the first box does not wait for the recognition model.
      await human.load(buildRecogniserConfig(false));
    } catch (error) {
      throw new VisionError('models-failed', `The face models did not load from ${options.modelBasePath} (${describeError(error)}).`);
    }
    assertModelsLoaded(human, ['blazeface', 'facemesh'], options.modelBasePath);
    this.human = human;
    this.model = model;
    this.others = new OtherModelEmbedders(human, { modelBasePath: options.modelBasePath, wasmPath: options.wasmPath });
    this.info = describeEngine(human, model, options, { backend, reason, webglRenderer: renderer, thread, isRecogniserLoading: true, loadMs: performance.now() - started });
    this.recogniser = this.loadRecogniser(human, model, options, started);
    // Awaited by `whenRecogniserReady` and by embedding calls; a failure is theirs to report.
    this.recogniser.catch(() => undefined);
    return this.info;
  }

  /** Resolves with the engine's description once the recognition model is loaded too. */
  async whenRecogniserReady(): Promise<EngineInfo> {
    if (!this.recogniser) throw new VisionError('models-failed', 'The face models are not loaded yet.');
    return this.recogniser;
  }

  /** Loads the recognition model (human's own, or face-api's in its worker) behind the detector. */
  private async loadRecogniser(human: Human, model: RecognitionModel, options: Omit<LoadOptions, 'signal'>, started: number): Promise<EngineInfo> {
    if (model.runner === 'human') {
      try {
        await human.load(buildRecogniserConfig(true));
      } catch (error) {
        throw new VisionError('models-failed', `The ${model.label} model did not load from ${options.modelBasePath} (${describeError(error)}).`);
      }
      assertModelsLoaded(human, [model.modelPath.replace(/\.json$/, '')], options.modelBasePath);
    } else if (model.runner === 'aligned') {
      try {
        const aligned = await AlignedEmbedder.load(human, new URL(model.modelPath, options.modelBasePath).href);
        if (this.human !== human) {
          aligned.dispose();
          throw new VisionError('models-failed', 'The vision engine was closed while its recognition model loaded.');
        }
        this.aligned = aligned;
      } catch (error) {
        if (error instanceof VisionError) throw error;
        throw new VisionError('models-failed', `The ${model.label} model did not load from ${options.modelBasePath} (${describeError(error)}).`);
      }
    } else {
      const dlib = new DlibEmbedder();
      try {
        await dlib.load(options.modelBasePath, options.wasmPath);
      } catch (error) {
        dlib.dispose();
        throw new VisionError('models-failed', `The ${model.label} model did not load from ${options.modelBasePath} (${describeError(error)}).`);
      }
      if (this.human !== human) {
        dlib.dispose();
        throw new VisionError('models-failed', 'The vision engine was closed while its recognition model loaded.');
      }
      this.dlib = dlib;
    }
    const previous = this.info!;
    this.info = describeEngine(human, model, options, { ...previous, isRecogniserLoading: false, loadMs: performance.now() - started });
    return this.info;
  }

  /** Finds faces in one frame (largest first, or the followed face first) and, if asked, embeds them (or only the first). Closes the bitmap. */
  async detect(frame: ImageBitmap, options: Omit<DetectOptions, 'signal'>): Promise<Observation> {
    const human = this.human;
    if (!human) throw new VisionError('inference-failed', 'The face models are not loaded yet.');
    const width = frame.width;
    const height = frame.height;
    // Before the recogniser is loaded only boxes are possible; an embedding waits for it.
    if (options.embed) await this.recogniser?.catch(() => undefined);
    const started = performance.now();
    try {
      const isHumanModel = this.model.runner === 'human';
      const isTracked = options.track === true && this.last.faces > 0 && this.last.width === width && this.last.height === height;
      // The first face only: human's own pass would embed every face, so it is off and the crop embedded here.
      const isFirstOnly = options.embed && options.embedFaces === 'first';
      const isDescribedByHuman = options.embed && isHumanModel && !isFirstOnly;
      const others = options.embed ? (options.alsoEmbedWith ?? []).filter((id) => id !== this.model.id) : [];
      // Crops are tensors: asked for only where an embedder reads (and frees) them.
      const needsCrops = this.dlib !== null || (isHumanModel && isFirstOnly) || others.some(isCropModel);
      const result = await human.detect(frame, buildDetectCallConfig({ embed: isDescribedByHuman, track: isTracked, crops: needsCrops }));
      if (result.error) throw new Error(result.error);
      this.last = { faces: result.face.length, width, height };
      const found = result.face.map(toObservation);
      const order = orderFaces(found.map((face) => face.box), options.follow ?? null);
      const only = isFirstOnly ? order[0] ?? null : null;
      let embed = isDescribedByHuman ? Number(human.performance.description ?? 0) : 0;
      let otherMs = 0;
      let otherModelFailures: Observation['otherModelFailures'];
      let otherMsPerFace: Observation['otherMsPerFace'];
      try {
        // Before the engine's own embedder, which frees the crops the others read too.
        if (others.length > 0 && this.others) {
          // The first face of the answer only: the one an import keeps (the others are noted, not embedded).
          const other = await this.others.embed(others, frame, result.face, found, order[0] ?? null);
          otherMs = other.ms;
          if (Object.keys(other.failures).length > 0) otherModelFailures = other.failures;
          if (Object.keys(other.msPerFace).length > 0) otherMsPerFace = other.msPerFace;
        }
        if (this.dlib) embed = await embedCrops(human, result.face, found, options.embed ? this.dlib : null, only);
        else if (this.aligned) embed = options.embed ? await this.aligned.embedFaces(frame, result.face, found, only) : 0;
        else if (isFirstOnly) embed = await describeFace(human, result.face, found, only);
      } finally {
        for (const face of result.face) human.tf.dispose(face.tensor as Tensor | undefined);
      }
      // The other models' time is the import's: the live figures (ms per face) stay the engine's model's.
      const total = performance.now() - started - otherMs;
      const faces = order.map((index) => found[index]);
      return { width, height, faces, timings: { detect: Math.max(0, total - embed), embed, total }, isTracked,
        ...(otherModelFailures ? { otherModelFailures } : {}), ...(otherMsPerFace ? { otherMsPerFace } : {}) };
    } catch (error) {
      this.last = { faces: 0, width: 0, height: 0 };
      throw new VisionError('inference-failed', `Face detection failed on this frame (${describeError(error)}).`);
    } finally {
      frame.close();
    }
  }

  /** What the dlib worker fetched, when that model is chosen; it never exists otherwise. */
  async auditModelWorker(): Promise<ResourceRecord[]> {
    const own = this.dlib ? await this.dlib.audit().catch(() => []) : [];
    return [...own, ...(await this.others?.audit() ?? [])];
  }

  /** Frees the models and tensors. */
  dispose(): void {
    this.dlib?.dispose();
    this.dlib = null;
    this.aligned?.dispose();
    this.aligned = null;
    this.others?.dispose();
    this.others = null;
    this.human?.tf.engine().disposeVariables();
    this.human = null;
    this.recogniser = null;
  }
}

function toObservation(face: FaceResult): FaceObservation {
  const angle = face.rotation?.angle;
  return {
    box: [face.box[0], face.box[1], face.box[2], face.box[3]],
    score: face.score,
    // Empty when human's own description did not run (another model embeds, or only the first face).
    embedding: face.embedding && face.embedding.length > 0 ? Float32Array.from(face.embedding) : null,
    yaw: angle ? angle.yaw : null,
    pitch: angle ? angle.pitch : null,
    roll: angle ? angle.roll : null,
    age: face.age ?? null,
    gender: face.gender === 'female' || face.gender === 'male' ? face.gender : null,
    genderScore: face.genderScore ?? null,
  };
}

/** The engine's description (backend, versions, loaded models) for the page. */
function describeEngine(human: Human, model: RecognitionModel, options: Omit<LoadOptions, 'signal'>,
  run: Pick<EngineInfo, 'backend' | 'reason' | 'webglRenderer' | 'thread' | 'isRecogniserLoading' | 'loadMs'>): EngineInfo {
  const backend = run.backend;
  return {
    modelId: model.id,
    backend,
    requested: options.backend,
    reason: run.reason,
    webglRenderer: run.webglRenderer,
    wasmSimd: backend === 'wasm' && Boolean(human.env.wasm.simd),
    wasmMultithread: backend === 'wasm' && Boolean(human.env.wasm.multithread),
    crossOriginIsolated: Boolean(globalThis.crossOriginIsolated),
    thread: run.thread,
    humanVersion: human.version,
    tfjsVersion: String(human.tf.version_core),
    modelBasePath: options.modelBasePath,
    wasmPath: options.wasmPath,
    models: human.models.list().filter((entry) => entry.loaded).map((entry) => ({ name: entry.name, url: String(entry.url ?? '') })),
    isRecogniserLoading: run.isRecogniserLoading,
    loadMs: Math.round(run.loadMs),
  };
}

/** Rejects with a VisionError naming the models in `names` whose weights did not load. */
function assertModelsLoaded(human: Human, names: string[], modelBasePath: string): void {
  const missing = names.filter((name) => !isModelLoaded(human, name));
  if (missing.length > 0) throw new VisionError('models-failed', `The face models did not load from ${modelBasePath}: ${missing.join(', ')} missing.`);
}

/** human's `models.loaded()` counts a model whose weights failed to load; its load stats do not. */
function isModelLoaded(human: Human, name: string): boolean {
  return human.models.stats().modelStats.some((model) => model.name === name && model.loaded);
}
