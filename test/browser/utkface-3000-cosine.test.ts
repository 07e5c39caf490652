/**
 * The gap view on a cosine pack of 3,000 faces (packs/utkface-3000.faceres-deep.fgpack: 4.5 million
 * pairs x 1,024 dims, score `cosine-v1`): scored in the all-pairs worker, not on the page's thread,
 * and a threshold change answered without a long task over 200 ms (the faceres version:
 * test/browser/utkface-3000.test.ts).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/fg-gap-view';
import type { FgGapView } from '../../src/components/fg-gap-view';
import { decodePackBytes, readPackModel, type ReferencePack } from '../../src/datasets/pack';

/** The browser's own definition of a stall the user notices is 50 ms; the issue allows 200. */
const LONG_TASK_LIMIT_MS = 200;

const inner = (el: Element, path: string): Element | null => {
  let current: Element | null = el;
  for (const selector of path.split(' >> ')) current = current?.shadowRoot?.querySelector(selector) ?? null;
  return current;
};
type Updating = Element & { updateComplete: Promise<unknown> };
const settle = async (el: FgGapView): Promise<void> => {
  for (const path of ['', 'fg-gap-panels', 'fg-gap-panels >> fg-rate-table', 'fg-gap-panels >> fg-summary-sentence']) {
    await ((path ? inner(el, path) : el) as Updating).updateComplete;
  }
};

/** The bundled faceres-deep pack; a missing file fails, never skips. */
async function loadPack(): Promise<ReferencePack> {
  const response = await fetch('/packs/utkface-3000.faceres-deep.fgpack');
  expect(response.ok, 'packs/utkface-3000.faceres-deep.fgpack is served').to.equal(true);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const model = readPackModel(bytes)!;
  return decodePackBytes(bytes, { modelSha256: String(model.sha256), dim: Number(model.dim), scoreId: 'cosine-v1' });
}

describe('the gap view on utkface-3000 with faceres-deep (cosine-v1, 4.5 million pairs)', () => {
  it('scores every pair in the all-pairs worker, then answers threshold changes without a long task over 200 ms', async () => {
    const pack = await loadPack();
    expect(pack.score).to.equal('cosine-v1');
    const workers: string[] = [];
    const Original = globalThis.Worker;
    globalThis.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        workers.push(String(url));
      }
    };
    const longTasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
    let el: FgGapView;
    const started = performance.now();
    observer.observe({ type: 'longtask' });
    try {
      el = await fixture<FgGapView>(html`<fg-gap-view .pack=${pack} .threshold=${0.8} .groupBy=${['race']}></fg-gap-view>`);
      await waitUntil(() => inner(el, 'fg-gap-panels >> fg-rate-table >> tr[data-group]'),
        'the gap view never finished scoring 4.5 million cosine pairs', { timeout: 170_000, interval: 20 });
    } finally {
      globalThis.Worker = Original;
    }
    const scoringMs = performance.now() - started;
    expect(workers.some((url) => url.includes('all-pairs.worker')), `workers started: ${workers.join(', ')}`).to.equal(true);
    // A task is reported after it ends, possibly after this point: tasks are told apart by their start.
    const movedAt = performance.now();
    for (const threshold of [0.75, 0.78, 0.82, 0.85, 0.7, 0.8]) {
      el.threshold = threshold;
      await settle(el);
      await new Promise((done) => setTimeout(done, 50));
    }
    await new Promise((done) => setTimeout(done, 300));
    observer.disconnect();
    const whileScoring = longTasks.filter((task) => task.startTime >= started && task.startTime < movedAt).map((task) => task.duration);
    const whileMoving = longTasks.filter((task) => task.startTime >= movedAt).map((task) => task.duration);
    const format = (list: number[]) => list.map((ms) => `${ms.toFixed(0)} ms`).join(', ') || 'none';
    console.log(`utkface-3000 faceres-deep: scored and shown in ${(scoringMs / 1000).toFixed(1)} s; long tasks meanwhile: ${format(whileScoring)}; while the threshold moved 6 times: ${format(whileMoving)}`);
    expect(Math.max(0, ...whileMoving), `long tasks: ${format(whileMoving)}`).to.be.at.most(LONG_TASK_LIMIT_MS);
    const impostors = (inner(el!, 'fg-gap-panels >> fg-rate-table >> tr[data-group="Asian"] td[data-key="impostor_pairs"]') as HTMLElement).dataset.value;
    expect(impostors).to.equal('179700');
  });
});
