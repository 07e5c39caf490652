import type { ResourceRecord } from '../../privacy/resource-entries';
import type { DlibRequest, DlibResponse, FaceCrop } from './dlib-protocol';

/** The dlib weights manifest's folder under the models path (face-api appends the file name). */
export const DLIB_MODEL_FOLDER = 'dlib/';

/**
 * Owns the dlib worker: created only when the dlib model is chosen, shut down by `dispose`.
 * Calls are answered in order; every call takes an AbortSignal.
 */
export class DlibEmbedder {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (response: DlibResponse) => void>();
  private nextId = 1;

  constructor() {
    this.worker = new Worker(new URL('./dlib.worker.ts', import.meta.url), { type: 'module', name: 'facegap-dlib' });
    this.worker.addEventListener('message', (event: MessageEvent<DlibResponse>) => {
      const resolve = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      resolve?.(event.data);
    });
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.failAll(`the dlib worker stopped (${event.message || 'it could not start'})`);
    });
  }

  /** Loads face-api's tfjs and the dlib weights from the app's origin; resolves with the backend. */
  async load(modelBasePath: string, wasmPath: string, signal?: AbortSignal): Promise<string> {
    const response = await this.request({ id: 0, type: 'load', modelUrl: new URL(DLIB_MODEL_FOLDER, modelBasePath).href, wasmPath }, signal);
    if (response.type !== 'loaded') throw new Error(describeFailure(response));
    return response.backend;
  }

  /** The 128-float dlib descriptor of one face crop (the crop's buffer is transferred). */
  async embed(crop: FaceCrop, signal?: AbortSignal): Promise<Float32Array> {
    const response = await this.request({ id: 0, type: 'embed', crop }, signal, [crop.rgb.buffer as ArrayBuffer]);
    if (response.type !== 'embedded') throw new Error(describeFailure(response));
    return response.descriptor;
  }

  /** What the dlib worker fetched, for the privacy panel. */
  async audit(signal?: AbortSignal): Promise<ResourceRecord[]> {
    const response = await this.request({ id: 0, type: 'audit' }, signal);
    return response.type === 'audited' ? response.requests : [];
  }

  /** Stops the worker; pending calls reject. */
  dispose(): void {
    this.failAll('the dlib worker was shut down');
    this.worker.terminate();
  }

  private request(message: DlibRequest, signal?: AbortSignal, transfer: Transferable[] = []): Promise<DlibResponse> {
    if (signal?.aborted) return Promise.reject(new DOMException('Cancelled.', 'AbortError'));
    const id = this.nextId++;
    return new Promise<DlibResponse>((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(id);
        reject(new DOMException('Cancelled.', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, (response) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(response);
      });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  private failAll(message: string): void {
    for (const [id, resolve] of this.pending) resolve({ id, type: 'failed', message });
    this.pending.clear();
  }
}

function describeFailure(response: DlibResponse): string {
  return response.type === 'failed' ? `The dlib model failed: ${response.message}.` : `The dlib worker answered ${response.type} unexpectedly.`;
}
