/**
 * Runs in the browser (Worker): kept apart from the pure src/classroom.
 * The bridge to the QR worker: one frame at a time, every call takes an AbortSignal, and the
 * worker is shut down when idle so a forgotten scanner costs nothing.
 */
import type { QrDecodeRequest, QrDecodeResponse } from './qr-decode.worker';

/** An idle worker is terminated after this long. */
export const QR_WORKER_IDLE_MS = 10_000;

/** Decodes QR codes from RGBA frames in a worker. */
export class QrDecoder {
  private _worker: Worker | null = null;
  private _nextId = 0;
  private _idleTimer: ReturnType<typeof setTimeout> | undefined;

  /** Reads one frame; resolves with the code's text or null, rejects with an AbortError when aborted. */
  decode(frame: ImageData, signal?: AbortSignal): Promise<string | null> {
    clearTimeout(this._idleTimer);
    const worker = (this._worker ??= new Worker(new URL('./qr-decode.worker.ts', import.meta.url), { type: 'module' }));
    const id = this._nextId++;
    return new Promise<string | null>((resolve, reject) => {
      const finish = () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        signal?.removeEventListener('abort', onAbort);
        this._idleTimer = setTimeout(() => this.dispose(), QR_WORKER_IDLE_MS);
      };
      const onMessage = (event: MessageEvent<QrDecodeResponse>) => {
        if (event.data.id !== id) return;
        finish();
        resolve(event.data.text);
      };
      const onError = (event: ErrorEvent) => {
        finish();
        this.dispose();
        reject(new Error(`The QR reader stopped: ${event.message || 'unknown error'}. Start collecting again.`));
      };
      const onAbort = () => {
        finish();
        reject(new DOMException('QR decoding aborted', 'AbortError'));
      };
      if (signal?.aborted) return onAbort();
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      signal?.addEventListener('abort', onAbort);
      const request: QrDecodeRequest = { id, width: frame.width, height: frame.height, data: frame.data };
      worker.postMessage(request, [frame.data.buffer]);
    });
  }

  /** Terminates the worker; the next decode starts a new one. */
  dispose(): void {
    clearTimeout(this._idleTimer);
    this._worker?.terminate();
    this._worker = null;
  }
}
