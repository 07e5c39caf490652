import type { FaceResult, GraphModel, Human, Tensor } from '@vladmandic/human';
import { getModel, type ModelId } from '../../models/registry';
import type { ResourceRecord } from '../../privacy/resource-entries';
import { describeError } from '../../shared/errors';
import type { FaceObservation } from '../types';
import { AlignedEmbedder } from './aligned-embedder';
import { describeCrop } from './describe-face';
import { DlibEmbedder } from './dlib-embedder';

/** A loaded embedder of a model other than the engine's own. */
type Embedder =
  | { runner: 'human'; model: GraphModel }
  | { runner: 'face-api'; dlib: DlibEmbedder }
  | { runner: 'aligned'; aligned: AlignedEmbedder };

/** Where the models and the wasm binaries are served (the app's origin). */
export interface ModelPaths {
  modelBasePath: string;
  wasmPath: string;
}

/** What embedding the frame's faces with the other models gave. */
export interface OtherEmbedding {
  /** Milliseconds spent, loads included. */
  ms: number;
  /** Each model that could not embed, and why, in a sentence. */
  failures: Partial<Record<ModelId, string>>;
  /** Milliseconds per face each model took, its load excluded (models that embedded no face are absent). */
  msPerFace: Partial<Record<ModelId, number>>;
}

/**
 * Other models not asked for this long are freed: an import asks for them on every photo, and once
 * it ends their weights (faceres-deep's alone is 14 MB of floats) should not sit beside the live loop's.
 */
export const OTHER_MODELS_IDLE_MS = 30_000;

/** Whether the model embeds the crop human returns (`detector.return`), rather than warping the frame itself. */
export function isCropModel(id: ModelId): boolean {
  return getModel(id).runner !== 'aligned';
}

/**
 * The models an import asked for besides the engine's own, in the vision worker: each is loaded
 * the first time it is asked for (never before, so a model nobody chose is never fetched), with
 * the same detection and alignment as the engine's model: faceres-shaped models with human's tfjs
 * on human's face crop, dlib in its own worker on the same crop, mobileface on the five-point
 * aligned face. A model whose load failed stays failed for this engine (it is not fetched again
 * for every photo). Each call's failures are per model: one model failing leaves the others.
 */
export class OtherModelEmbedders {
  private readonly loads = new Map<ModelId, Promise<Embedder>>();
  private isDisposed = false;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** What released dlib workers fetched: the privacy panel lists it still. */
  private readonly pastRequests: ResourceRecord[] = [];

  constructor(private readonly human: Human, private readonly paths: ModelPaths, private readonly idleMs = OTHER_MODELS_IDLE_MS) {}

  /**
   * Embeds each face of `results` (or only face `only`) with each model of `ids` into
   * `faces[i].otherEmbeddings`. `frame` is the bitmap human detected on (not closed); crops are
   * read, not freed. A model that fails leaves no embedding of its own on any face.
   */
  async embed(ids: readonly ModelId[], frame: ImageBitmap, results: FaceResult[], faces: FaceObservation[], only: number | null): Promise<OtherEmbedding> {
    const started = performance.now();
    const result: OtherEmbedding = { ms: 0, failures: {}, msPerFace: {} };
    this.cancelIdleRelease();
    try {
      await this.embedWith(ids, frame, results, faces, only, result);
    } finally {
      this.armIdleRelease();
    }
    return { ...result, ms: performance.now() - started };
  }

  private async embedWith(ids: readonly ModelId[], frame: ImageBitmap, results: FaceResult[], faces: FaceObservation[], only: number | null,
    { failures, msPerFace }: OtherEmbedding): Promise<void> {
    for (const id of ids) {
      const label = getModel(id).label;
      let embedder: Embedder;
      try {
        embedder = await this.load(id);
      } catch (error) {
        failures[id] = `The ${label} model did not load from ${this.paths.modelBasePath} (${describeError(error)}).`;
        continue;
      }
      try {
        const embedStarted = performance.now();
        let embedded = 0;
        for (let i = 0; i < results.length; i++) {
          if (only !== null && i !== only) continue;
          const embedding = await this.run(embedder, frame, results[i]);
          if (!embedding) continue;
          faces[i].otherEmbeddings = { ...faces[i].otherEmbeddings, [id]: embedding };
          embedded++;
        }
        if (embedded > 0) msPerFace[id] = (performance.now() - embedStarted) / embedded;
      } catch (error) {
        for (const face of faces) delete face.otherEmbeddings?.[id];
        failures[id] = `The ${label} model failed on this photo (${describeError(error)}).`;
      }
    }
  }

  /** What the dlib worker fetched, when dlib was asked for; nothing otherwise. */
  async audit(): Promise<ResourceRecord[]> {
    const dlib = await this.loads.get('dlib')?.catch(() => null);
    const current = dlib?.runner === 'face-api' ? await dlib.dlib.audit().catch(() => []) : [];
    return [...this.pastRequests, ...current];
  }

  /** Frees every loaded model, and those still loading once they finish. */
  dispose(): void {
    this.isDisposed = true;
    this.releaseAll();
  }

  private releaseAll(): void {
    this.cancelIdleRelease();
    for (const load of this.loads.values()) {
      void load.then(async (embedder) => {
        if (embedder.runner === 'face-api') this.pastRequests.push(...await embedder.dlib.audit().catch(() => []));
        release(embedder);
      }, () => undefined);
    }
    this.loads.clear();
  }

  private cancelIdleRelease(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Armed after each call (calls run one at a time in the engine), so it never fires during one. */
  private armIdleRelease(): void {
    this.cancelIdleRelease();
    // A failed load is forgotten too: a later import may try that model again.
    this.idleTimer = setTimeout(() => this.releaseAll(), this.idleMs);
  }

  private load(id: ModelId): Promise<Embedder> {
    let load = this.loads.get(id);
    if (!load) {
      load = this.start(id).then((embedder) => {
        if (!this.isDisposed) return embedder;
        release(embedder);
        throw new Error('the vision engine was closed while the model loaded');
      });
      this.loads.set(id, load);
    }
    return load;
  }

  private async start(id: ModelId): Promise<Embedder> {
    const model = getModel(id);
    const url = new URL(model.modelPath, this.paths.modelBasePath).href;
    if (model.runner === 'human') return { runner: 'human', model: await this.human.tf.loadGraphModel(url) as unknown as GraphModel };
    if (model.runner === 'aligned') return { runner: 'aligned', aligned: await AlignedEmbedder.load(this.human, url) };
    const dlib = new DlibEmbedder();
    try {
      await dlib.load(this.paths.modelBasePath, this.paths.wasmPath);
    } catch (error) {
      dlib.dispose();
      throw error;
    }
    return { runner: 'face-api', dlib };
  }

  private async run(embedder: Embedder, frame: ImageBitmap, result: FaceResult): Promise<Float32Array | null> {
    if (embedder.runner === 'aligned') return embedder.aligned.embedFace(frame, result);
    const crop = result.tensor as Tensor | undefined;
    if (!crop) return null;
    if (embedder.runner === 'human') return (await describeCrop(this.human, embedder.model, crop)).embedding;
    const [height, width] = crop.shape as number[];
    return embedder.dlib.embed({ width, height, rgb: Float32Array.from(await crop.data() as Float32Array) });
  }
}

function release(embedder: Embedder): void {
  if (embedder.runner === 'human') embedder.model.dispose();
  else if (embedder.runner === 'aligned') embedder.aligned.dispose();
  else embedder.dlib.dispose();
}
