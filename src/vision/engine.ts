import { Human } from '@vladmandic/human';
import type { FaceResult } from '@vladmandic/human';
import { chooseBackend, readWebglRenderer } from './backend';
import { buildDetectCallConfig, buildHumanConfig } from './config';
import { DEFAULT_MODEL_ID, getModel, type RecognitionModel } from '../models/registry';
import { DlibEmbedder } from './models/dlib-embedder';
import { AlignedEmbedder } from './models/aligned-embedder';
import { embedCrops } from './models/crops';
import { describeFace } from './models/describe-face';
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
  /**
   * The last answer's faces and frame size: a tracking call follows those faces, and runs the
   * detector when there were none or the frame is another size (a photo was analysed in between).
   */
  private last = { faces: 0, width: 0, height: 0 };

  /** Loads models and backend; rejects with a VisionError that says what failed. */
  async load(options: Omit<LoadOptions, 'signal'>, thread: EngineInfo['thread']): Promise<EngineInfo> {
    const started = performance.now();
    const renderer = readWebglRenderer();
    const { backend, reason } = chooseBackend(options.backend, renderer);
    const model = getModel(options.modelId ?? DEFAULT_MODEL_ID);
    const human = new Human(buildHumanConfig(backend, options.modelBasePath, options.wasmPath, model));
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
      await human.load();
    } catch (error) {
      throw new VisionError('models-failed', `The face models did not load from ${options.modelBasePath} (${describeError(error)}).`);
    }
    const humanModels = ['blazeface', 'facemesh', ...(model.runner === 'human' ? [model.modelPath.replace(/\.json$/, '')] : [])];
    const missing = humanModels.filter((name) => !isModelLoaded(human, name));
    if (missing.length > 0) {
      throw new VisionError('models-failed', `The face models did not load from ${options.modelBasePath}: ${missing.join(', ')} missing.`);
    }
    if (model.runner === 'face-api') {
      this.dlib = new DlibEmbedder();
      try {
        await this.dlib.load(options.modelBasePath, options.wasmPath);
      } catch (error) {
        this.dlib.dispose();
        this.dlib = null;
        throw new VisionError('models-failed', `The ${model.label} model did not load from ${options.modelBasePath} (${describeError(error)}).`);
      }
    }
    if (model.runner === 'aligned') {
      try {
        this.aligned = await AlignedEmbedder.load(human, new URL(model.modelPath, options.modelBasePath).href);
      } catch (error) {
        throw new VisionError('models-failed', `The ${model.label} model did not load from ${options.modelBasePath} (${describeError(error)}).`);
      }
    }
    this.human = human;
    this.model = model;
    this.info = {
      modelId: model.id,
      backend,
      requested: options.backend,
      reason,
      webglRenderer: renderer,
      wasmSimd: backend === 'wasm' && Boolean(human.env.wasm.simd),
      wasmMultithread: backend === 'wasm' && Boolean(human.env.wasm.multithread),
      crossOriginIsolated: Boolean(globalThis.crossOriginIsolated),
      thread,
      humanVersion: human.version,
      tfjsVersion: String(human.tf.version_core),
      modelBasePath: options.modelBasePath,
      wasmPath: options.wasmPath,
      models: human.models.list().filter((model) => model.loaded).map((model) => ({ name: model.name, url: String(model.url ?? '') })),
      loadMs: Math.round(performance.now() - started),
    };
    return this.info;
  }

  /** Finds faces in one frame (largest first, or the followed face first) and, if asked, embeds them (or only the first). Closes the bitmap. */
  async detect(frame: ImageBitmap, options: Omit<DetectOptions, 'signal'>): Promise<Observation> {
    const human = this.human;
    if (!human) throw new VisionError('inference-failed', 'The face models are not loaded yet.');
    const width = frame.width;
    const height = frame.height;
    const started = performance.now();
    try {
      const isHumanModel = this.model.runner === 'human';
      const isTracked = options.track === true && this.last.faces > 0 && this.last.width === width && this.last.height === height;
      // The first face only: human's own pass would embed every face, so it is off and the crop embedded here.
      const isFirstOnly = options.embed && options.embedFaces === 'first';
      const isDescribedByHuman = options.embed && isHumanModel && !isFirstOnly;
      // Crops are tensors: asked for only where an embedder reads (and frees) them.
      const needsCrops = this.dlib !== null || (isHumanModel && isFirstOnly);
      const result = await human.detect(frame, buildDetectCallConfig({ embed: isDescribedByHuman, track: isTracked, crops: needsCrops }));
      if (result.error) throw new Error(result.error);
      this.last = { faces: result.face.length, width, height };
      const found = result.face.map(toObservation);
      const order = orderFaces(found.map((face) => face.box), options.follow ?? null);
      const only = isFirstOnly ? order[0] ?? null : null;
      let embed = isDescribedByHuman ? Number(human.performance.description ?? 0) : 0;
      if (this.dlib) embed = await embedCrops(human, result.face, found, options.embed ? this.dlib : null, only);
      else if (this.aligned) embed = options.embed ? await this.aligned.embedFaces(frame, result.face, found, only) : 0;
      else if (isFirstOnly) embed = await describeFace(human, result.face, found, only);
      const total = performance.now() - started;
      const faces = order.map((index) => found[index]);
      return { width, height, faces, timings: { detect: Math.max(0, total - embed), embed, total }, isTracked };
    } catch (error) {
      this.last = { faces: 0, width: 0, height: 0 };
      throw new VisionError('inference-failed', `Face detection failed on this frame (${describeError(error)}).`);
    } finally {
      frame.close();
    }
  }

  /** What the dlib worker fetched, when that model is chosen; it never exists otherwise. */
  async auditModelWorker(): Promise<ResourceRecord[]> {
    return this.dlib ? this.dlib.audit().catch(() => []) : [];
  }

  /** Frees the models and tensors. */
  dispose(): void {
    this.dlib?.dispose();
    this.dlib = null;
    this.aligned?.dispose();
    this.aligned = null;
    this.human?.tf.engine().disposeVariables();
    this.human = null;
  }
}

function toObservation(face: FaceResult): FaceObservation {
  const angle = face.rotation?.angle;
  return {
    box: [face.box[0], face.box[1], face.box[2], face.box[3]],
    score: face.score,
    embedding: face.embedding && face.embedding.length > 0 && !face.tensor ? Float32Array.from(face.embedding) : null,
    yaw: angle ? angle.yaw : null,
    pitch: angle ? angle.pitch : null,
    roll: angle ? angle.roll : null,
    age: face.age ?? null,
    gender: face.gender === 'female' || face.gender === 'male' ? face.gender : null,
    genderScore: face.genderScore ?? null,
  };
}

/** human's `models.loaded()` counts a model whose weights failed to load; its load stats do not. */
function isModelLoaded(human: Human, name: string): boolean {
  return human.models.stats().modelStats.some((model) => model.name === name && model.loaded);
}
