/**
 * One request to a fresh module worker, Squoosh style: the call takes an AbortSignal, and the worker
 * is terminated as soon as the call settles or is aborted, so no idle worker holds memory. The
 * all-pairs and bootstrap clients both go through it. Touches `Worker` only when called.
 */

/** What a worker's message means for the call: keep waiting (progress), or settle. */
export type WorkerReply<T> = { readonly kind: 'wait' } | { readonly kind: 'done'; readonly value: T } | { readonly kind: 'failed'; readonly error: unknown };

/** Options of {@link callWorkerOnce}. */
export interface WorkerCall<M, T> {
  /** Starts the worker (`new Worker(new URL(...), { type: 'module' })` in the caller's module, so bundlers see it). */
  readonly createWorker: () => Worker;
  /** The request, and buffers to transfer with it. */
  readonly request: unknown;
  readonly transfer?: Transferable[];
  /** Reads one message from the worker. */
  readonly onMessage: (message: M) => WorkerReply<T>;
  /** The worker could not load or threw outside its own handler. */
  readonly onWorkerError: (event: ErrorEvent) => WorkerReply<T>;
  /** Runs before the worker is terminated on abort (e.g. to post a cancel message). */
  readonly onAbort?: (worker: Worker) => void;
  /** Aborting terminates the worker at once and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Posts `request` to a fresh worker and settles with what `onMessage` decides. Always settles. */
export function callWorkerOnce<M, T>(call: WorkerCall<M, T>): Promise<T> {
  const { signal } = call;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const worker = call.createWorker();
    const finish = (): void => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const settle = (reply: WorkerReply<T>): void => {
      if (reply.kind === 'wait') return;
      finish();
      if (reply.kind === 'done') resolve(reply.value);
      else reject(reply.error);
    };
    const onAbort = (): void => {
      call.onAbort?.(worker);
      finish();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<M>) => settle(call.onMessage(event.data)));
    worker.addEventListener('error', (event) => settle(call.onWorkerError(event)));
    worker.postMessage(call.request, call.transfer ?? []);
  });
}
