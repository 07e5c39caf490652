/**
 * The vision engine on the page's main thread, for browsers that cannot run the worker. Loaded
 * only then, through a dynamic import from client.ts: it brings human into the page.
 */
import { abortError, throwIfAborted } from './client';
import { VisionEngine } from './engine';
import type { DetectOptions, EngineInfo, LoadOptions, Observation, ThreadAudit, VisionClient } from './types';

/** The same interface on the page's main thread, for browsers that cannot run the worker. */
export class MainThreadVisionClient implements VisionClient {
  private readonly engine = new VisionEngine();

  async load(options: LoadOptions): Promise<EngineInfo> {
    const { signal, ...rest } = options;
    throwIfAborted(signal);
    const info = await this.engine.load(rest, 'main');
    throwIfAborted(signal);
    return info;
  }

  async whenRecogniserReady(signal?: AbortSignal): Promise<EngineInfo> {
    throwIfAborted(signal);
    const info = await this.engine.whenRecogniserReady();
    throwIfAborted(signal);
    return info;
  }

  async detect(frame: ImageBitmap, options: DetectOptions): Promise<Observation> {
    const { signal, ...rest } = options;
    if (signal?.aborted) {
      frame.close();
      throw abortError();
    }
    const observation = await this.engine.detect(frame, rest);
    throwIfAborted(signal);
    return observation;
  }

  /** On the main thread the page's own resource timing already sees every fetch. */
  async audit(): Promise<ThreadAudit> {
    return { requests: [], violations: [] };
  }

  dispose(): void {
    this.engine.dispose();
  }
}

