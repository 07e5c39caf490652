/// <reference lib="webworker" />
// First: refuses off-origin requests before any other module of this worker runs (no CSP on a header-less host).
import '../privacy/install-origin-guard';
import { collectResourceEntries } from '../privacy/resource-entries';
import { watchViolations } from '../privacy/violations';
import { VisionEngine } from './engine';
import type { VisionRequest, VisionResponse } from './protocol';
import { VisionError } from './types';
import { describeError } from '../shared/errors';

/**
 * The vision worker: human runs here so the page stays responsive while a frame is processed.
 * Requests are handled one at a time; a request cancelled while it waits is skipped (a running
 * human call cannot be interrupted, so its answer is simply not wanted).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
/** How this worker's requests are labelled in the privacy panel. */
const WORKER_CONTEXT = 'vision worker';
// Started before anything loads: CSP violations are not buffered, so later watching would miss them.
const violations = watchViolations(scope, WORKER_CONTEXT);
const engine = new VisionEngine();
const cancelled = new Set<number>();
let queue: Promise<void> = Promise.resolve();

scope.addEventListener('message', (event: MessageEvent<VisionRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    cancelled.add(request.id);
    return;
  }
  // The page's resource timing cannot see this worker's fetches (models, wasm): it asks for them.
  if (request.type === 'audit') {
    // A face-api model's own worker fetches its weights and wasm: its requests are listed too.
    void engine.auditModelWorker().then((modelRequests) => {
      reply({ id: request.id, type: 'audited', requests: [...collectResourceEntries(WORKER_CONTEXT), ...modelRequests], violations: violations.read() });
    });
    return;
  }
  // Answered when the recognition model has loaded, while frames go on being analysed.
  if (request.type === 'recogniser') {
    void queue.then(() => engine.whenRecogniserReady()).then(
      (info) => reply({ id: request.id, type: 'loaded', info }),
      (error: unknown) => reply({ id: request.id, type: 'failed', kind: error instanceof VisionError ? error.kind : 'models-failed', message: describeError(error) }),
    );
    return;
  }
  queue = queue.then(() => handle(request));
});

async function handle(request: Exclude<VisionRequest, { type: 'cancel' | 'audit' | 'recogniser' }>): Promise<void> {
  if (cancelled.delete(request.id)) {
    if (request.type === 'detect') request.frame.close();
    return;
  }
  try {
    if (request.type === 'load') {
      reply({ id: request.id, type: 'loaded', info: await engine.load(request.options, 'worker') });
    } else {
      const observation = await engine.detect(request.frame, request.options);
      if (cancelled.delete(request.id)) return;
      const buffers = observation.faces.flatMap((face) => [face.embedding, ...Object.values(face.otherEmbeddings ?? {})])
        .flatMap((embedding) => (embedding ? [embedding.buffer as ArrayBuffer] : []));
      reply({ id: request.id, type: 'observed', observation }, buffers);
    }
  } catch (error) {
    const kind = error instanceof VisionError ? error.kind : 'inference-failed';
    reply({ id: request.id, type: 'failed', kind, message: describeError(error) });
  }
}

function reply(response: VisionResponse, transfer: Transferable[] = []): void {
  scope.postMessage(response, transfer);
}
