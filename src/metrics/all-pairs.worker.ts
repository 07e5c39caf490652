/**
 * Module worker around the pure all-pairs scorer (src/metrics/all-pairs.ts), so 12.5M scores do
 * not freeze the page, whatever the pack's score id; and around the gap index of those scores
 * (src/metrics/gap-pairs.ts), so sorting them per group does not either. Protocol:
 * src/metrics/all-pairs-protocol.ts. One job at a time.
 */
// First: refuses off-origin requests before any other module of this worker runs (no CSP on a header-less host).
import '../privacy/install-origin-guard';
import { scoreAllPairsAsync } from './all-pairs';
import type { AllPairsRequest, AllPairsResponse, IndexMessage } from './all-pairs-protocol';
import { indexGapPairs } from './gap-pairs';
import { packGapPairs, shareGapTable } from './gap-pairs-message';
import { canShareMemory, isSharedColumn } from './shared-columns';
import { describeError } from '../shared/errors';

/** Progress messages are sent at most this often. */
const PROGRESS_INTERVAL_MS = 100;

let controller: AbortController | null = null;

function post(message: AllPairsResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

async function runJob(embeddings: Float32Array, dim: number, scoreId: string): Promise<void> {
  controller?.abort();
  const job = new AbortController();
  controller = job;
  let lastProgress = 0;
  try {
    const result = await scoreAllPairsAsync(embeddings, dim, {
      scoreId,
      isShared: canShareMemory(),
      signal: job.signal,
      onProgress: (donePairs, totalPairs) => {
        const now = Date.now();
        if (now - lastProgress < PROGRESS_INTERVAL_MS && donePairs < totalPairs) return;
        lastProgress = now;
        post({ type: 'progress', donePairs, totalPairs });
      },
    });
    // Shared memory is handed over as it is; only private buffers are transferred.
    const buffers = [result.scores, result.indexA, result.indexB].filter((column) => !isSharedColumn(column)).map((column) => column.buffer as ArrayBuffer);
    post({ type: 'result', ...result }, buffers);
  } catch (error) {
    post({ type: 'error', message: describeError(error), isCancelled: job.signal.aborted });
  } finally {
    if (controller === job) controller = null;
  }
}

/** Sorts the pairs per group and sends the index back, its arrays transferred. */
function runIndex(request: IndexMessage): void {
  try {
    const { message, transfer } = packGapPairs(shareGapTable(indexGapPairs(request), request.scored), request.scored);
    post(message, transfer);
  } catch (error) {
    post({ type: 'error', message: describeError(error), isCancelled: false });
  }
}

self.addEventListener('message', (event: MessageEvent<AllPairsRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') controller?.abort(new Error('All-pairs scoring was cancelled.'));
  else if (request.type === 'start') void runJob(request.embeddings, request.dim, request.scoreId);
  else if (request.type === 'index') runIndex(request);
});
