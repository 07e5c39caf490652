/**
 * The bias views on the bundled 3,000-face pack (packs/utkface-3000.faceres.fgpack, 4.5 million
 * pairs), issue #10: scored in a worker with progress; a threshold change answered without a long
 * task over 200 ms; the bootstrap cancellable; and the rates shown equal the metrics CLI's
 * (test/fixtures/cli-utkface-3000.json, written by scripts/pack-cli-fixture.ts).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/fg-gap-view';
import type { FgGapView } from '../../src/components/fg-gap-view';
import { decodePackBytes, readPackModel, type ReferencePack } from '../../src/datasets/pack';
import type { BiasReport } from '../../src/metrics/report';
import { isAbortError } from '../../src/shared/errors';
import { buildGapIndex } from '../../src/views/gap-model';
import { resampleGapInBackground } from '../../src/views/resampling';
import { scorePackPairs } from '../../src/views/sample-set';

/** The browser's own definition of a stall the user notices is 50 ms; the issue allows 200. */
const LONG_TASK_LIMIT_MS = 200;
/**
 * Opening and regrouping: coarser, as each step receives tens of MB from the worker and redraws
 * every panel. Its longest task was 51-167 ms at load 10-12 but 236-249 ms at load 14-18 on the
 * 2-core machine (starved, not working: the handlers took 1 ms). Sorting on the page's thread, as
 * before, took 0.7 s per grouping in node at load 0.6, so this bound still catches it.
 */
const REGROUP_LONG_TASK_LIMIT_MS = 400;

const inner = (el: Element, path: string): Element | null => {
  let current: Element | null = el;
  for (const selector of path.split(' >> ')) current = current?.shadowRoot?.querySelector(selector) ?? null;
  return current;
};
const displayed = (el: Element, group: string, key: string): string | undefined =>
  (inner(el, `fg-gap-panels >> fg-rate-table >> tr[data-group="${group}"] td[data-key="${key}"]`) as HTMLElement | null)?.dataset.value;
type Updating = Element & { updateComplete: Promise<unknown> };
const settle = async (el: FgGapView): Promise<void> => {
  for (const path of ['', 'fg-gap-panels', 'fg-gap-panels >> fg-rate-table', 'fg-gap-panels >> fg-summary-sentence']) {
    await ((path ? inner(el, path) : el) as Updating).updateComplete;
  }
};

let packPromise: Promise<ReferencePack> | null = null;
/** The bundled pack, decoded once for all tests; a missing file fails, never skips. */
function loadPack(): Promise<ReferencePack> {
  packPromise ??= (async () => {
    const response = await fetch('/packs/utkface-3000.faceres.fgpack');
    expect(response.ok, 'packs/utkface-3000.faceres.fgpack is served').to.equal(true);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const model = readPackModel(bytes)!;
    return decodePackBytes(bytes, { modelSha256: String(model.sha256), dim: Number(model.dim), scoreId: 'human-similarity-v1' });
  })();
  return packPromise;
}

/** Mounts the gap view on the pack and waits until all pairs are scored, recording the progress shown. */
async function mountScored(threshold: number): Promise<{ el: FgGapView; progress: number[] }> {
  const pack = await loadPack();
  const el = await fixture<FgGapView>(html`<fg-gap-view .pack=${pack} .threshold=${threshold} .groupBy=${['race']}></fg-gap-view>`);
  const progress: number[] = [];
  await waitUntil(() => {
    const bar = el.shadowRoot!.querySelector('progress');
    if (bar && progress.at(-1) !== bar.value) progress.push(bar.value);
    return inner(el, 'fg-gap-panels >> fg-rate-table >> tr[data-group]');
  }, 'the gap view never finished scoring 4.5 million pairs', { timeout: 170_000, interval: 20 });
  return { el, progress };
}

describe('the gap view on utkface-3000 (4.5 million pairs)', () => {
  it('scores every pair in a worker with progress, then answers threshold changes without a long task over 200 ms', async () => {
    const { el, progress } = await mountScored(0.6);
    expect(progress.length, `progress shown while scoring: ${progress.join(' ')}`).to.be.greaterThan(1);
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
    observer.observe({ type: 'longtask' });
    for (const threshold of [0.55, 0.58, 0.62, 0.65, 0.5, 0.6]) {
      el.threshold = threshold;
      await settle(el);
      await new Promise((done) => setTimeout(done, 50));
    }
    // Entries are delivered after the task that produced them.
    await new Promise((done) => setTimeout(done, 300));
    observer.disconnect();
    console.log(`utkface-3000: long tasks while the threshold moved 6 times: ${longTasks.map((ms) => `${ms.toFixed(0)} ms`).join(', ') || 'none'}`);
    expect(Math.max(0, ...longTasks), `long tasks: ${longTasks.map((ms) => ms.toFixed(0)).join(', ') || 'none'}`).to.be.at.most(LONG_TASK_LIMIT_MS);
    expect(displayed(el, 'Asian', 'impostor_pairs')).to.equal('179700');
  });

  it('opens and regroups without a long task over 400 ms: the pairs are sorted per group in the worker', async () => {
    await loadPack();
    const longTasks: { start: number; ms: number }[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push({ start: entry.startTime, ms: entry.duration })));
    observer.observe({ type: 'longtask' });
    const steps: string[] = [];
    const testStart = performance.now();
    let stepStart = testStart;
    const step = (name: string): void => {
      steps.push(`${name} ${(performance.now() - stepStart).toFixed(0)} ms`);
      stepStart = performance.now();
    };
    const { el } = await mountScored(0.6);
    step('opened by race');
    const groupsShown = () => Array.from(inner(el, 'fg-gap-panels >> fg-rate-table')?.shadowRoot?.querySelectorAll('tr[data-group]') ?? [], (row) => (row as HTMLElement).dataset.group);
    for (const [groupBy, group] of [[['gender'], 'female'], [['age_band'], '18-29'], [['race', 'gender'], 'Black/female'], [['race'], 'Asian']] as const) {
      el.groupBy = [...groupBy];
      await waitUntil(() => groupsShown().includes(group), `regrouping by ${groupBy.join(' x ')} never showed ${group}`, { timeout: 60_000, interval: 20 });
      await settle(el);
      step(`by ${groupBy.join(' x ')}`);
    }
    // Entries are delivered after the task that produced them.
    await new Promise((done) => setTimeout(done, 300));
    observer.disconnect();
    console.log(`utkface-3000 open + 4 regroupings (${steps.join(', ')}): long tasks ${longTasks.map((t) => `${t.ms.toFixed(0)} ms at ${(t.start - testStart).toFixed(0)}`).join(', ') || 'none'}`);
    expect(Math.max(0, ...longTasks.map((t) => t.ms)), `long tasks: ${longTasks.map((t) => t.ms.toFixed(0)).join(', ') || 'none'}`).to.be.at.most(REGROUP_LONG_TASK_LIMIT_MS);
    expect(displayed(el, 'Asian', 'impostor_pairs')).to.equal('179700');
  });

  it('shows the same per-group rates and intervals as the metrics CLI', async () => {
    const cli = (await (await fetch('/test/fixtures/cli-utkface-3000.json')).json()) as BiasReport;
    const { el } = await mountScored(cli.thresholds[0].threshold);
    for (const at of cli.thresholds) {
      el.threshold = at.threshold;
      await settle(el);
      for (const [group, rates] of Object.entries(at.by_group)) {
        const fmr = displayed(el, group, 'fmr');
        expect(fmr === 'null' ? null : Number(fmr), `${group} fmr at ${at.threshold}`).to.be.closeTo(rates.fmr ?? NaN, 1e-9);
        expect(Number(displayed(el, group, 'impostor_pairs')), `${group} impostor pairs`).to.equal(rates.impostor_pairs);
        const ci = JSON.parse((inner(el, `fg-gap-panels >> fg-rate-table >> tr[data-group="${group}"] td[data-key="fmr"]`) as HTMLElement).dataset.ci95!);
        expect(ci[0], `${group} Wilson low`).to.be.closeTo(rates.fmr_ci95![0], 1e-9);
        expect(ci[1], `${group} Wilson high`).to.be.closeTo(rates.fmr_ci95![1], 1e-9);
      }
    }
  });
});

describe('the bootstrap on utkface-3000', () => {
  it('reports progress and stops at once when cancelled, shutting its worker down', async () => {
    const gap = buildGapIndex(await scorePackPairs(await loadPack()), { groupBy: ['race'], impostorGrouping: 'within', excludeUnverified: false });
    const Original = globalThis.Worker;
    const workers = { started: 0, terminated: 0 };
    globalThis.Worker = class extends Original {
      private readonly isBootstrap: boolean;
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.isBootstrap = String(url).includes('bootstrap');
        if (this.isBootstrap) workers.started++;
      }
      override terminate(): void {
        if (this.isBootstrap) workers.terminated++;
        super.terminate();
      }
    };
    try {
      const abort = new AbortController();
      const shares: number[] = [];
      const run = resampleGapInBackground(gap, 0.6, { signal: abort.signal, onProgress: (share) => shares.push(share) });
      // Cancelled partway, as when the threshold moves while it resamples.
      await waitUntil(() => shares.some((share) => share > 0.05), 'no progress from the bootstrap', { timeout: 120_000, interval: 20 });
      const cancelledAt = performance.now();
      abort.abort(new DOMException('The threshold moved.', 'AbortError'));
      const error = await run.then(() => null, (e: unknown) => e);
      const stopMs = performance.now() - cancelledAt;
      expect(isAbortError(error), String(error)).to.equal(true);
      expect(Math.max(...shares)).to.be.lessThan(1);
      expect(workers).to.deep.equal({ started: 1, terminated: 1 });
      console.log(`bootstrap on utkface-3000 cancelled at ${(Math.max(...shares) * 100).toFixed(0)}%, rejected ${stopMs.toFixed(0)} ms after abort()`);
    } finally {
      globalThis.Worker = Original;
    }
  });
});
