/**
 * The all-pairs module worker (src/metrics/all-pairs.worker.ts through scoreAllPairsInWorker) in
 * real Chromium: the same scores as the pure scorer the node tests and the CLI run, progress
 * while it works, abort that rejects and terminates, and the WebAssembly SIMD kernel inside it.
 */
import { expect } from '@open-wc/testing';
import { countPairs, packEmbeddings, scoreAllPairs } from '../../src/metrics/all-pairs';
import { scoreAllPairsInWorker } from '../../src/metrics/all-pairs-client';
import { createDotKernel } from '../../src/metrics/dot-kernel-wasm';
import { computeCosineSimilarity } from '../../src/matching/scores';
import { makeClusteredEmbeddings } from '../unit/metrics/seeded-embeddings';

/** Seeded N x dim embeddings, packed row-major as the scorers take them. */
const makePackedEmbeddings = (count: number, dim: number, seed: number): Float32Array =>
  packEmbeddings(makeClusteredEmbeddings(count, dim, seed)).packed;

/** Replaces `Worker` with a subclass that records each instance and its terminate calls. */
function recordWorkers(): { workers: Worker[]; terminated: Worker[]; restore: () => void } {
  const original = globalThis.Worker;
  const workers: Worker[] = [];
  const terminated: Worker[] = [];
  globalThis.Worker = class extends original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers.push(this);
    }
    override terminate(): void {
      terminated.push(this);
      super.terminate();
    }
  };
  return { workers, terminated, restore: () => { globalThis.Worker = original; } };
}

const COUNT = 300;
const DIM = 1024;
const SCORE_TOLERANCE = 1e-6;

describe('all-pairs worker', () => {
  const packed = makePackedEmbeddings(COUNT, DIM, 2024);
  let record: ReturnType<typeof recordWorkers>;
  beforeEach(() => { record = recordWorkers(); });
  afterEach(() => record.restore());

  it('gives the scores of scoreAllPairs within 1e-6, reports progress, runs the wasm SIMD kernel, then terminates', async () => {
    const progress: [number, number][] = [];
    const inWorker = await scoreAllPairsInWorker(packed, DIM, { scoreId: 'human-similarity-v1', onProgress: (done, total) => progress.push([done, total]) });
    const here = scoreAllPairs(packed, DIM);
    const total = countPairs(COUNT);
    expect(inWorker.count).to.equal(COUNT);
    expect(inWorker.scores.length).to.equal(total);
    let maxDifference = 0;
    for (let k = 0; k < total; k++) {
      maxDifference = Math.max(maxDifference, Math.abs(inWorker.scores[k] - here.scores[k]));
      if (inWorker.indexA[k] !== here.indexA[k] || inWorker.indexB[k] !== here.indexB[k]) throw new Error(`pair ${k} has other indexes`);
    }
    expect(maxDifference).to.be.at.most(SCORE_TOLERANCE);
    // The comparison means something only if the scores spread (not all clamped to 0 or 1).
    const spread = new Set(Array.from(here.scores, (s) => s.toFixed(1)));
    expect(spread.size).to.be.greaterThan(3);

    // The kernel is reported by the worker itself. Chromium has WebAssembly SIMD and the test
    // server sends no CSP, so the JS fallback here would mean the kernel failed to build or grow.
    expect(createDotKernel(), 'WebAssembly SIMD kernel on the main thread').to.not.equal(null);
    expect(inWorker.kernel, 'kernel that ran in the worker').to.equal('wasm-simd');
    expect(here.kernel).to.equal('wasm-simd');
    // The JS tiles accumulate in float64, the wasm lanes in float32: close, not identical.
    const js = scoreAllPairs(packed, DIM, { kernel: 'js' });
    expect(js.kernel).to.equal('js');
    let jsDifference = 0;
    for (let k = 0; k < total; k++) jsDifference = Math.max(jsDifference, Math.abs(inWorker.scores[k] - js.scores[k]));
    expect(jsDifference).to.be.at.most(1e-5);

    expect(progress.length).to.be.at.least(2);
    expect(progress.every(([, t]) => t === total)).to.equal(true);
    expect(progress.map(([done]) => done)).to.deep.equal(progress.map(([done]) => done).sort((a, b) => a - b));
    expect(progress[0][0]).to.be.lessThan(total);
    expect(progress.at(-1)![0]).to.equal(total);

    expect(record.workers.length).to.equal(1);
    expect(record.terminated).to.deep.equal(record.workers);
    expect(packed.length, 'the caller keeps its embeddings (a copy is transferred)').to.equal(COUNT * DIM);
  });

  it('scores cosine-v1 in the worker: every pair a plain float64 cosine to 1e-6, with the wasm kernel', async () => {
    const cosine = await scoreAllPairsInWorker(packed, DIM, { scoreId: 'cosine-v1' });
    expect(cosine.kernel).to.equal('wasm-simd');
    const total = countPairs(COUNT);
    expect(cosine.scores.length).to.equal(total);
    let maxDifference = 0;
    for (let k = 0; k < total; k++) {
      const a = packed.subarray(cosine.indexA[k] * DIM, (cosine.indexA[k] + 1) * DIM);
      const b = packed.subarray(cosine.indexB[k] * DIM, (cosine.indexB[k] + 1) * DIM);
      maxDifference = Math.max(maxDifference, Math.abs(cosine.scores[k] - computeCosineSimilarity(a, b)));
    }
    expect(maxDifference).to.be.at.most(SCORE_TOLERANCE);
    // Cosine and human's similarity are different scales: the worker really switched score.
    const human = scoreAllPairs(packed, DIM);
    expect(Math.max(...Array.from(cosine.scores, (s, k) => Math.abs(s - human.scores[k])))).to.be.greaterThan(0.05);
    expect(record.terminated).to.deep.equal(record.workers);
  });

  it('refuses a score id it does not know, naming it, and terminates', async () => {
    const error = await scoreAllPairsInWorker(packed.subarray(0, 8 * DIM), DIM, { scoreId: 'euclid-v9' }).then(() => null, (e: unknown) => e);
    expect(String(error)).to.match(/euclid-v9/);
    expect(record.terminated).to.deep.equal(record.workers);
  });

  it('rejects with AbortError on abort, terminates the worker, and hears nothing from it after', async () => {
    const big = makePackedEmbeddings(2000, DIM, 7); // 2.0M pairs: seconds of work, aborted at its first progress
    const controller = new AbortController();
    let progressCalls = 0;
    const run = scoreAllPairsInWorker(big, DIM, {
      scoreId: 'human-similarity-v1',
      signal: controller.signal,
      onProgress: () => {
        progressCalls++;
        controller.abort();
      },
    });
    const error = await run.then(() => null, (e: unknown) => e);
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(progressCalls).to.equal(1);
    expect(record.workers.length).to.equal(1);
    expect(record.terminated).to.deep.equal(record.workers);
    let lateMessages = 0;
    record.workers[0].addEventListener('message', () => lateMessages++);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(lateMessages, 'a terminated worker posts nothing more').to.equal(0);
  });

  it('rejects at once for a signal already aborted, without starting a worker', async () => {
    const reason = new DOMException('stopped before it began', 'AbortError');
    const error = await scoreAllPairsInWorker(packed, DIM, { scoreId: 'human-similarity-v1', signal: AbortSignal.abort(reason) }).then(() => null, (e: unknown) => e);
    expect(error).to.equal(reason);
    expect(record.workers.length).to.equal(0);
  });
});
