import { SupervisedVisionClient } from './supervised-client';
import type { VisionRequest, VisionResponse } from './protocol';
import type { DetectOptions, EngineInfo, LoadOptions, Observation, ThreadAudit, VisionClient } from './types';
import { VisionError } from './types';
import { appPath } from '../shared/app-base';

/** Where the app serves human's models and the tfjs wasm binaries: its own origin, always. */
export const MODEL_BASE_PATH = new URL(appPath('models/'), location.href).href;
export const WASM_PATH = new URL(appPath('models/wasm/'), location.href).href;

/** Longest wait for models and backend to load; on this 2-core machine it takes about 2 s. */
export const LOAD_TIMEOUT_MS = 60_000;

type Pending = { resolve: (value: VisionResponse) => void; reject: (reason: unknown) => void };

/** Talks to human in a module worker. Every call is cancellable through its AbortSignal. */
export class WorkerVisionClient implements VisionClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Set once the worker reported an error: later requests fail at once instead of waiting forever. */
  private failure: VisionError | null = null;

  constructor() {
    this.worker = new Worker(new URL('./vision.worker.ts', import.meta.url), { type: 'module', name: 'facegap-vision' });
    this.worker.addEventListener('message', (event: MessageEvent<VisionResponse>) => {
      const pending = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      pending?.resolve(event.data);
    });
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.failure = new VisionError('worker-failed', `The vision worker stopped (${event.message || 'it could not start'}).`);
      this.failAll(this.failure);
    });
  }

  async load(options: LoadOptions): Promise<EngineInfo> {
    const { signal, ...rest } = options;
    // A blocked wasm thread makes human's load hang rather than fail: give up with a reason.
    const timeout = AbortSignal.timeout(LOAD_TIMEOUT_MS);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const response = await this.request({ id: 0, type: 'load', options: rest }, combined).catch((error: unknown) => {
      if (timeout.aborted && !signal?.aborted) {
        throw new VisionError('models-timeout', `The face models did not finish loading within ${LOAD_TIMEOUT_MS / 1000} s. ` +
          'The browser may be blocking WebAssembly threads; try ?backend=cpu, or reload.');
      }
      throw error;
    });
    if (response.type !== 'loaded') throw toError(response);
    return response.info;
  }

  async whenRecogniserReady(signal?: AbortSignal): Promise<EngineInfo> {
    const response = await this.request({ id: 0, type: 'recogniser' }, signal);
    if (response.type !== 'loaded') throw toError(response);
    return response.info;
  }

  async detect(frame: ImageBitmap, options: DetectOptions): Promise<Observation> {
    const { signal, ...rest } = options;
    const response = await this.request({ id: 0, type: 'detect', frame, options: rest }, signal, [frame]);
    if (response.type !== 'observed') throw toError(response);
    return response.observation;
  }

  async audit(signal?: AbortSignal): Promise<ThreadAudit> {
    const response = await this.request({ id: 0, type: 'audit' }, signal);
    if (response.type !== 'audited') throw toError(response);
    return { requests: response.requests, violations: response.violations };
  }

  dispose(): void {
    this.failAll(new DOMException('The vision worker was shut down.', 'AbortError'));
    this.worker.terminate();
  }

  private request(message: VisionRequest, signal: AbortSignal | undefined, transfer: Transferable[] = []): Promise<VisionResponse> {
    const id = this.nextId++;
    if (signal?.aborted || this.failure) {
      if (message.type === 'detect') message.frame.close();
      return Promise.reject(this.failure ?? abortError());
    }
    return new Promise<VisionResponse>((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(id);
        this.worker.postMessage({ id, type: 'cancel' } satisfies VisionRequest);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (value) => { signal?.removeEventListener('abort', onAbort); resolve(value); },
        reject: (reason) => { signal?.removeEventListener('abort', onAbort); reject(reason); },
      });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  private failAll(reason: unknown): void {
    for (const pending of this.pending.values()) pending.reject(reason);
    this.pending.clear();
  }
}

/** A worker client that is replaced by a new one, loaded the same way, when it dies. */
export function createSupervisedWorker(): SupervisedVisionClient {
  return new SupervisedVisionClient({ create: () => new WorkerVisionClient() });
}

/**
 * Starts the vision engine in a worker, supervised (restarted after a crash);
 * if the worker cannot start, falls back to the main thread and says so in `EngineInfo.thread`,
 * never silently in another way.
 */
export async function startVision(options: LoadOptions): Promise<{ client: VisionClient; info: EngineInfo }> {
  const worker = createSupervisedWorker();
  try {
    return { client: worker, info: await worker.load(options) };
  } catch (error) {
    worker.dispose();
    if (!(error instanceof VisionError) || error.kind !== 'worker-failed') throw error;
  }
  // human (about 2 MB) is in the page only when the worker cannot run: a dynamic import.
  const { MainThreadVisionClient } = await import('./main-thread-client');
  const main = new MainThreadVisionClient();
  return { client: main, info: await main.load(options) };
}

function toError(response: VisionResponse): VisionError {
  if (response.type !== 'failed') return new VisionError('worker-failed', 'The vision worker answered out of turn.');
  return new VisionError(response.kind as VisionError['kind'], response.message);
}

/** The rejection of a cancelled call. */
export function abortError(): DOMException {
  return new DOMException('Cancelled.', 'AbortError');
}

/** Rejects with `abortError()` once `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}
