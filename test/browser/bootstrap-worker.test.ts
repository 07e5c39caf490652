/**
 * The people-level bootstrap in its worker (src/metrics/bootstrap-client.ts): the same intervals as
 * on the main thread, progress, cancel, and a main thread left free while a 3,000-face pack resamples.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/fg-gap-view';
import type { FgGapView } from '../../src/components/fg-gap-view';
import { createMulberry32 } from '../../src/metrics/random';
import { isAbortError } from '../../src/shared/errors';
import { buildGapIndex } from '../../src/views/gap-model';
import { resampleGap, resampleGapInBackground } from '../../src/views/resampling';
import { scorePackPairs } from '../../src/views/sample-set';
import { createSyntheticPack, DEFAULT_SYNTHETIC_GROUPS } from '../fixtures/synthetic-pack';

/** Counts bootstrap workers started and terminated while a test runs. */
function watchBootstrapWorkers() {
  const Original = globalThis.Worker;
  const counts = { started: 0, terminated: 0, restore: () => { globalThis.Worker = Original; } };
  globalThis.Worker = class extends Original {
    private readonly isBootstrap: boolean;
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.isBootstrap = String(url).includes('bootstrap');
      if (this.isBootstrap) counts.started++;
    }
    override terminate(): void {
      if (this.isBootstrap) counts.terminated++;
      super.terminate();
    }
  };
  return counts;
}

/** The longest the main thread went without running a 0 ms timer, while `work` runs. */
async function measureLongestStall(work: Promise<unknown>): Promise<number> {
  let longest = 0;
  let isDone = false;
  void work.finally(() => { isDone = true; });
  let last = performance.now();
  while (!isDone) {
    await new Promise((done) => setTimeout(done, 0));
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }
  await work;
  return longest;
}

const within = { groupBy: ['race'], impostorGrouping: 'within' as const, excludeUnverified: false };
/** About 3,000 faces: 4.5 million pairs. */
const bigGroups = DEFAULT_SYNTHETIC_GROUPS.map((g) => ({ ...g, people: 300, facesPerPerson: 2, failures: 0 }));

describe('the bootstrap worker', () => {
  let workers: ReturnType<typeof watchBootstrapWorkers>;
  beforeEach(() => { workers = watchBootstrapWorkers(); });
  afterEach(() => workers.restore());

  it('gives the main thread\'s intervals for the same seed, with progress, and shuts its worker down', async () => {
    const gap = buildGapIndex(await scorePackPairs(createSyntheticPack()), { ...within, groupBy: ['race', 'gender'] });
    const ratio = ['Black/female', 'White/male'] as const;
    const onThread = resampleGap(gap, 0.35, { replicates: 300, ratio, random: createMulberry32(5) });
    const shares: number[] = [];
    const inWorker = await resampleGapInBackground(gap, 0.35, { replicates: 300, ratio, seed: 5, onProgress: (share) => shares.push(share) });
    expect(inWorker).to.deep.equal(onThread);
    expect(shares.every((share, i) => share >= 0 && share <= 1 && (i === 0 || share >= shares[i - 1]))).to.equal(true);
    expect(workers.started).to.equal(1);
    expect(workers.terminated).to.equal(1);
  });

  it('stops at once when aborted, and refuses an aborted signal without starting', async () => {
    const gap = buildGapIndex(await scorePackPairs(createSyntheticPack({ groups: bigGroups, seed: 3 })), within);
    const abort = new AbortController();
    const run = resampleGapInBackground(gap, 0.4, { signal: abort.signal });
    await new Promise((done) => setTimeout(done, 50));
    abort.abort(new DOMException('The threshold moved.', 'AbortError'));
    const error = await run.then(() => null, (e: unknown) => e);
    expect(isAbortError(error)).to.equal(true);
    expect(workers.terminated).to.equal(1);

    const refused = await resampleGapInBackground(gap, 0.4, { signal: AbortSignal.abort() }).then(() => null, (e: unknown) => e);
    expect(isAbortError(refused)).to.equal(true);
    expect(workers.started).to.equal(1);
  });

  it('leaves the main thread free while a 3,000-face pack resamples (measured against the main-thread run)', async () => {
    const set = await scorePackPairs(createSyntheticPack({ groups: bigGroups, seed: 4 }));
    const gap = buildGapIndex(set, within);
    const started = performance.now();
    const shares: number[] = [];
    const stallInWorker = await measureLongestStall(resampleGapInBackground(gap, 0.4, { onProgress: (share) => shares.push(share) }));
    const workerMs = performance.now() - started;
    // Progress counts draws against people x replicates: it must climb close to the end, not stall halfway.
    expect(shares.length).to.be.greaterThan(2);
    expect(Math.max(...shares)).to.be.greaterThan(0.7);
    const mainStarted = performance.now();
    resampleGap(gap, 0.4);
    const mainMs = performance.now() - mainStarted;
    console.log(`bootstrap of ${set.samples.length} faces, ${gap.table.scores.length} pairs: worker ${workerMs.toFixed(0)} ms (longest main-thread stall ${stallInWorker.toFixed(0)} ms), main thread ${mainMs.toFixed(0)} ms (one stall); progress ${shares.map((x) => x.toFixed(2)).join(' ')}`);
    expect(stallInWorker).to.be.lessThan(Math.max(200, mainMs / 4));
  });
});

describe('fg-gap-view resamples in the background', () => {
  it('shows progress, keeps the slider responsive, and lands the intervals for the last threshold', async () => {
    const pack = createSyntheticPack({ groups: bigGroups, seed: 6 });
    const el = await fixture<FgGapView>(html`<fg-gap-view .pack=${pack} .threshold=${0.4}></fg-gap-view>`);
    const panels = () => el.shadowRoot!.querySelector('fg-gap-panels');
    await waitUntil(() => panels(), 'scored', { timeout: 120000 });
    const text = () => panels()!.shadowRoot!.textContent ?? '';
    await waitUntil(() => /being computed: \d+%/.test(text()), 'progress shows', { timeout: 60000 });
    // Threshold changes while it resamples are drawn at once (each cancels the run under way).
    for (const threshold of [0.42, 0.44, 0.46]) {
      const before = performance.now();
      el.threshold = threshold;
      await el.updateComplete;
      await panels()!.updateComplete;
      expect(performance.now() - before, `threshold ${threshold} drawn`).to.be.lessThan(1000);
    }
    await waitUntil(() => text().includes('(1000 times)'), 'the intervals arrive', { timeout: 120000 });
    expect(text()).not.to.contain('not available');
  });
});
