/**
 * The recognition model the live loop runs: starting the vision engine with it, switching to
 * another (the old engine is shut down, the camera keeps running, the dlib worker starts only
 * when dlib is chosen), each model's size from models/manifest.json, and the milliseconds per
 * face each model took on this device in this session, for the picker and Compare models.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getModel, isModelId, MODELS, sumModelBytes, type ModelId } from '../models/registry';
import type { VisionClient } from '../vision/types';
import { MODEL_BASE_PATH } from '../vision/client';
import type { LiveFrame } from './live-loop';
import { EmbedTimes, measureEmbedMsPerFace } from './embed-times';
import { describeVisionFailure, type VisionFactory } from './services';
import type { AppAction, AppState } from './state';
import type { Settings } from '../store';

/** What the controller needs from the app. */
export interface ModelDeps {
  factory: () => VisionFactory;
  state: () => AppState;
  dispatch: (action: AppAction) => void;
  notify: (id: string, tone: 'error' | 'notice', text: string) => void;
  /** The engine is up: resume the frame pump, audit its thread, prepare imports. */
  onReady: () => void;
  /** The engine is about to be replaced: stop the frame pump, keep the camera. */
  onLeaving: () => void;
  /** The new model is chosen: reopen the active pack with its embeddings. */
  onSwitched: () => void;
  /** Keeps a setting (the chosen model, the thresholds). */
  save: <K extends keyof Settings>(key: K, value: Settings[K]) => Promise<void>;
}

/** Owns the running vision client and which model it runs. */
export class ModelController implements ReactiveController {
  /** The running engine, null while it loads or after it failed. */
  client: VisionClient | null = null;
  /** Bytes of each model's own files, once the manifest was read. */
  sizes: Partial<Record<ModelId, number>> = {};
  private readonly embedTimes = new EmbedTimes();
  /** Bumped on every start, so an engine that finishes loading after a newer switch is shut down. */
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost, private readonly deps: ModelDeps) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.readSizes();
  }

  hostDisconnected(): void {
    this.client?.dispose();
    this.client = null;
  }

  /** Starts the engine with the state's model; failures become the vision state and a notice. */
  async start(): Promise<void> {
    const generation = ++this.generation;
    const modelId = this.deps.state().modelId;
    try {
      const { client, info, modelSha256 } = await this.deps.factory()(modelId);
      if (generation !== this.generation) return client.dispose();
      this.client = client;
      this.deps.dispatch({ type: 'vision-ready', info, modelSha256 });
      this.deps.onReady();
      // Boxes come now; enrolment and matching once the recognition model has loaded behind them.
      if (!info.isRecogniserLoading || !client.whenRecogniserReady) return;
      const ready = await client.whenRecogniserReady();
      if (generation !== this.generation) return;
      this.deps.dispatch({ type: 'vision-ready', info: ready, modelSha256 });
    } catch (error) {
      if (generation !== this.generation) return;
      const message = describeVisionFailure(error);
      this.deps.dispatch({ type: 'vision-failed', message });
      this.deps.notify('vision', 'error', message);
    }
  }

  /** Switches the live loop to `modelId`: the running engine is shut down and one with that model started. */
  async switch(modelId: string): Promise<void> {
    if (!isModelId(modelId) || modelId === this.deps.state().modelId) return;
    this.deps.onLeaving();
    this.client?.dispose();
    this.client = null;
    this.deps.dispatch({ type: 'model-changed', modelId });
    void this.deps.save('modelId', modelId);
    this.deps.onSwitched();
    await this.start();
  }

  /** The user moved the threshold: it is the active model's, kept apart from the other models'. */
  async changeThreshold(threshold: number): Promise<void> {
    this.deps.dispatch({ type: 'threshold-changed', threshold });
    await this.deps.save('thresholds', this.deps.state().thresholds);
    // `threshold` stays faceres's, as versions before the model picker read it.
    if (this.deps.state().modelId === 'faceres') await this.deps.save('threshold', threshold);
  }

  /** Records how long the frame's embeddings took per embedded face, under the running model. */
  recordFrame(frame: LiveFrame<unknown>): void {
    const ms = measureEmbedMsPerFace(frame.observation, frame.isEmbedded);
    if (ms !== null) this.embedTimes.record(this.deps.state().modelId, ms);
  }

  /** Median ms per face of each model measured in this session (models not run yet are absent). */
  msPerFace(): Readonly<Partial<Record<ModelId, number>>> {
    return this.embedTimes.medians();
  }

  /** What each model costs, for Compare models: ms per face here (when run) and the size of its files. */
  costs(): Record<string, { msPerFace?: number; bytes?: number }> {
    const ms = this.msPerFace();
    return Object.fromEntries(MODELS.map((model) => [model.id, { msPerFace: ms[model.id], bytes: this.sizes[model.id] }]));
  }

  private async readSizes(): Promise<void> {
    try {
      const response = await fetch(new URL('manifest.json', MODEL_BASE_PATH));
      const manifest = (await response.json()) as { files?: { path?: unknown; bytes?: unknown }[] };
      const files = Array.isArray(manifest.files) ? manifest.files : [];
      const sizes: Partial<Record<ModelId, number>> = {};
      for (const model of MODELS) {
        const bytes = sumModelBytes(getModel(model.id), files);
        if (bytes !== null) sizes[model.id] = bytes;
      }
      // A new object, not the old one changed: the picker updates when its properties differ.
      this.sizes = sizes;
      this.host.requestUpdate();
    } catch {
      // Sizes are a detail of the picker: without the manifest it shows none, and the engine says why it failed.
    }
  }
}
