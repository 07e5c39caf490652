/**
 * A VisionClient that survives its worker: when the worker dies (out of memory, a tfjs abort, no
 * answer at all) it starts a new one, loaded the same way, and tells the caller with a
 * `worker-restarted` VisionError, so the live loop skips the lost frame and goes on. Enrolled
 * people live on the page, so a restart loses nothing but that frame. Idle shutdown is the job of
 * IdleShutdownVisionClient (idle-client.ts), which wraps this one.
 */
import type { DetectOptions, EngineInfo, LoadOptions, Observation, ThreadAudit, VisionClient } from './types';
import { VisionError } from './types';

/** A frame unanswered this long means the worker hangs or died without an error event. */
export const DETECT_TIMEOUT_MS = 20_000;
/**
 * The same for a frame also embedded with other models (DetectOptions.alsoEmbedWith): the first such
 * frame loads them (dlib's worker and weights, faceres-deep's 14 MB), as long as the engine's own load may take.
 */
export const OTHER_MODELS_DETECT_TIMEOUT_MS = 60_000;
/** More restarts than this within RESTART_WINDOW_MS: stop trying, something is persistently wrong. */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;
const EMPTY_AUDIT: ThreadAudit = { requests: [], violations: [] };

/** How the supervisor makes a worker and learns of restarts. */
export interface SupervisorOptions {
  /** Makes a new, unloaded client (a worker). */
  create(): VisionClient;
  detectTimeoutMs?: number;
  /** Told after a crashed worker was replaced, with what happened. */
  onRestarted?(error: VisionError): void;
  now?: () => number;
}

/** The supervisor; `load` must be called once first, as with any VisionClient. */
export class SupervisedVisionClient implements VisionClient {
  private inner: Promise<VisionClient> | null = null;
  private loadOptions: Omit<LoadOptions, 'signal'> | null = null;
  private restarts: number[] = [];
  private isDisposed = false;
  /** What the running worker's load answered; the answer of a client that loads everything in `load`. */
  private info: EngineInfo | null = null;

  constructor(private readonly options: SupervisorOptions) {}

  async load(options: LoadOptions): Promise<EngineInfo> {
    const { signal, ...rest } = options;
    this.loadOptions = rest;
    const client = this.options.create();
    const loading = client.load({ ...rest, signal }).then((info) => ({ client, info }));
    this.inner = loading.then(({ client: loaded }) => loaded);
    try {
      const { info } = await loading;
      this.info = info;
      return info;
    } catch (error) {
      client.dispose();
      this.inner = null;
      throw error;
    }
  }

  async detect(frame: ImageBitmap, options: DetectOptions): Promise<Observation> {
    return this.use(async (client) => {
      const timeoutMs = Math.max(this.options.detectTimeoutMs ?? DETECT_TIMEOUT_MS, options.alsoEmbedWith?.length ? OTHER_MODELS_DETECT_TIMEOUT_MS : 0);
      // A plain timer rather than AbortSignal.timeout, so tests can drive it with fake timers.
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
      try {
        return await client.detect(frame, { ...options, signal });
      } catch (error) {
        if (timeout.signal.aborted && !options.signal?.aborted) {
          throw new VisionError('worker-failed', `The vision worker gave no answer within ${timeoutMs / 1000} s.`);
        }
        throw error;
      } finally {
        clearTimeout(timer);
      }
    }, () => frame.close());
  }

  /** The running worker's recognition model; a restarted worker loads it again, and this waits for that one. */
  async whenRecogniserReady(signal?: AbortSignal): Promise<EngineInfo> {
    return this.use(async (client) => (client.whenRecogniserReady ? client.whenRecogniserReady(signal) : this.info!));
  }

  /** The running worker's requests; a crashed worker's record is lost with it (its fetches repeat in the new one). */
  async audit(signal?: AbortSignal): Promise<ThreadAudit> {
    return this.use((client) => client.audit?.(signal) ?? Promise.resolve(EMPTY_AUDIT));
  }

  dispose(): void {
    this.isDisposed = true;
    void this.inner?.then((client) => client.dispose(), () => undefined);
    this.inner = null;
  }

  /** Runs `call` on the running worker (starting one if the last restart failed); a dead worker is replaced. */
  private async use<T>(call: (client: VisionClient) => Promise<T>, onSkipped?: () => void): Promise<T> {
    if (this.isDisposed || !this.loadOptions) {
      onSkipped?.();
      throw new VisionError('worker-failed', 'The vision engine is not loaded.');
    }
    let client: VisionClient;
    try {
      client = await (this.inner ??= this.startWorker());
    } catch (error) {
      this.inner = null;
      onSkipped?.();
      throw error;
    }
    try {
      return await call(client);
    } catch (error) {
      if (error instanceof VisionError && error.kind === 'worker-failed') throw await this.restart(client, error);
      throw error;
    }
  }

  private async startWorker(): Promise<VisionClient> {
    const client = this.options.create();
    try {
      this.info = await client.load(this.loadOptions!);
      return client;
    } catch (error) {
      client.dispose();
      throw error;
    }
  }

  /** Replaces a dead worker; returns the error for the caller, which lost its frame. */
  private async restart(dead: VisionClient, cause: VisionError): Promise<VisionError> {
    dead.dispose();
    const now = (this.options.now ?? Date.now)();
    this.restarts = this.restarts.filter((at) => now - at < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      this.inner = null;
      return new VisionError('worker-failed', `${cause.message} It stopped ${MAX_RESTARTS + 1} times within a minute, so it was not restarted again. Reload the page to try again.`);
    }
    this.restarts.push(now);
    const starting = this.startWorker();
    this.inner = starting;
    try {
      await starting;
    } catch (error) {
      this.inner = null;
      return error instanceof VisionError ? error : new VisionError('worker-failed', String(error));
    }
    const restarted = new VisionError('worker-restarted', `${cause.message} A new vision worker was started; your enrolled people are untouched.`);
    this.options.onRestarted?.(restarted);
    return restarted;
  }
}
