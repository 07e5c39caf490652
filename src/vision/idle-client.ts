/**
 * A vision client that lets its worker go when nobody needs it, as Squoosh does: after
 * {@link IDLE_SHUTDOWN_MS} with no call (camera off, no import running), the worker and its
 * models (about 150 MB of wasm heap) are released; the next call starts a new worker and loads the
 * models again (about 2 s on a 2-core laptop) before answering. The requests and CSP refusals of
 * every worker it ran are kept, so the privacy panel still lists them.
 */
import type { DetectOptions, EngineInfo, LoadOptions, Observation, ThreadAudit, VisionClient } from './types';
import { VisionError } from './types';

/** How long the vision worker may sit unused before it is shut down. */
export const IDLE_SHUTDOWN_MS = 120_000;

/** Makes a fresh client (a new worker); the default is the app's worker client. */
export type VisionClientFactory = () => VisionClient;

/** Wraps a loaded client; `loadOptions` are what it was loaded with, to load a new one the same way. */
export class IdleShutdownVisionClient implements VisionClient {
  private inner: VisionClient | null;
  private starting: Promise<VisionClient> | null = null;
  private busy = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly pastAudits: ThreadAudit[] = [];
  private isDisposed = false;
  /** How many times a worker was shut down for being idle (for tests and the engine panel). */
  shutdowns = 0;

  constructor(
    loaded: VisionClient,
    private readonly loadOptions: Omit<LoadOptions, 'signal'>,
    private readonly create: VisionClientFactory,
    private readonly idleMs = IDLE_SHUTDOWN_MS,
  ) {
    this.inner = loaded;
    this.armTimer();
  }

  /** Whether a worker is running now. */
  get isRunning(): boolean {
    return this.inner !== null;
  }

  async load(options: LoadOptions): Promise<EngineInfo> {
    return this.use((client) => client.load(options));
  }

  /** The recognition model of the running worker (one is started if none runs). */
  async whenRecogniserReady(signal?: AbortSignal): Promise<EngineInfo> {
    return this.use((client) => {
      if (client.whenRecogniserReady) return client.whenRecogniserReady(signal);
      return Promise.reject(new VisionError('models-failed', 'This vision engine cannot say when its recognition model is loaded.'));
    });
  }

  async detect(frame: ImageBitmap, options: DetectOptions): Promise<Observation> {
    return this.use((client) => client.detect(frame, options), () => frame.close());
  }

  async audit(signal?: AbortSignal): Promise<ThreadAudit> {
    const current = this.inner?.audit ? await this.inner.audit(signal) : { requests: [], violations: [] };
    return {
      requests: [...this.pastAudits.flatMap((audit) => audit.requests), ...current.requests],
      violations: [...this.pastAudits.flatMap((audit) => audit.violations), ...current.violations],
    };
  }

  dispose(): void {
    this.isDisposed = true;
    this.clearTimer();
    this.inner?.dispose();
    this.inner = null;
  }

  private async use<T>(call: (client: VisionClient) => Promise<T>, onRefused?: () => void): Promise<T> {
    if (this.isDisposed) {
      onRefused?.();
      throw new DOMException('The vision engine was closed.', 'AbortError');
    }
    this.busy++;
    this.clearTimer();
    try {
      return await call(await this.ensureRunning());
    } finally {
      this.busy--;
      this.armTimer();
    }
  }

  private ensureRunning(): Promise<VisionClient> {
    if (this.inner) return Promise.resolve(this.inner);
    this.starting ??= (async () => {
      const client = this.create();
      try {
        await client.load(this.loadOptions);
      } catch (error) {
        client.dispose();
        throw error;
      } finally {
        this.starting = null;
      }
      this.inner = client;
      return client;
    })();
    return this.starting;
  }

  private armTimer(): void {
    if (this.busy > 0 || this.isDisposed || this.inner === null) return;
    this.clearTimer();
    this.timer = setTimeout(() => void this.shutDown(), this.idleMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async shutDown(): Promise<void> {
    const client = this.inner;
    if (!client || this.busy > 0) return;
    // Keep what this worker fetched, so the privacy panel's list does not lose it.
    if (client.audit) this.pastAudits.push(await client.audit().catch(() => ({ requests: [], violations: [] })));
    if (this.busy > 0 || this.inner !== client) return;
    client.dispose();
    this.inner = null;
    this.shutdowns++;
  }
}
