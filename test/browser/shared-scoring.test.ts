/**
 * fg-gap-view and fg-you-vs-groups score all pairs of the same pack once, in one worker, and each
 * cancels only its own wait: removing one view must not stop the scoring the other waits for.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/fg-gap-view';
import '../../src/components/fg-you-vs-groups';
import type { FgGapView } from '../../src/components/fg-gap-view';
import type { FgYouVsGroups } from '../../src/components/fg-you-vs-groups';
import type { ReferencePack } from '../../src/datasets/pack-types';
import { scorePackPairs } from '../../src/views/sample-set';
import { createSyntheticPack, DEFAULT_SYNTHETIC_GROUPS } from '../fixtures/synthetic-pack';

/**
 * Counts scoring runs started in all-pairs workers while a test runs (a worker sent `start`; the
 * same worker script also sorts the gap index of a large set, which is not a scoring run).
 */
function countAllPairsWorkers(): { readonly started: number; restore: () => void } {
  const Original = globalThis.Worker;
  const counter = { started: 0, restore: () => { globalThis.Worker = Original; } };
  globalThis.Worker = class extends Original {
    private readonly isAllPairs: boolean;
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.isAllPairs = String(url).includes('all-pairs');
    }
    override postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions): void {
      if (this.isAllPairs && (message as { type?: string } | null)?.type === 'start') counter.started++;
      super.postMessage(message, options as StructuredSerializeOptions);
    }
  };
  return counter;
}

/** A pack big enough that scoring takes a while (about 1,100 faces). */
function bigPack(seed: number): ReferencePack {
  return createSyntheticPack({ seed, dim: 256, groups: DEFAULT_SYNTHETIC_GROUPS.map((g) => ({ ...g, people: g.people * 10, facesPerPerson: 2 })) });
}

/** Both views of one pack, side by side as in presenter view. */
function mountBoth(pack: ReferencePack): Promise<HTMLDivElement> {
  return fixture<HTMLDivElement>(html`<div>
    <fg-gap-view .pack=${pack} .threshold=${0.6}></fg-gap-view>
    <fg-you-vs-groups .pack=${pack} .threshold=${0.6}></fg-you-vs-groups></div>`);
}

const inner = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector);
const isGapReady = (gap: FgGapView) => Boolean(inner(gap, 'fg-gap-panels'));
const isPresetReady = (you: FgYouVsGroups) => {
  const button = inner(you, 'fg-threshold-slider')?.shadowRoot?.querySelector<HTMLButtonElement>('button[data-preset="fmr-1e-3"]');
  return button !== null && button !== undefined && !button.disabled;
};

describe('all-pairs scoring shared by the gap view and "you vs the groups"', () => {
  let workers: ReturnType<typeof countAllPairsWorkers>;
  beforeEach(() => { workers = countAllPairsWorkers(); });
  afterEach(() => workers.restore());

  it('scores once; the gap view keeps scoring when "you vs the groups" goes away', async () => {
    const pack = bigPack(11);
    const box = await mountBoth(pack);
    const gap = box.querySelector('fg-gap-view')!;
    const you = box.querySelector('fg-you-vs-groups')!;
    you.remove();
    await waitUntil(() => isGapReady(gap), 'the gap view finished scoring', { timeout: 60000 });
    expect(workers.started).to.equal(1);

    box.append(you);
    await waitUntil(() => isPresetReady(you), 'the presets come from the cached scores', { timeout: 10000 });
    expect(workers.started, 'no second run').to.equal(1);
  });

  it('"you vs the groups" keeps its presets coming when the gap view goes away', async () => {
    const pack = bigPack(12);
    const box = await mountBoth(pack);
    const you = box.querySelector('fg-you-vs-groups')!;
    box.querySelector('fg-gap-view')!.remove();
    await waitUntil(() => isPresetReady(you), 'the presets arrived', { timeout: 60000 });
    expect(workers.started).to.equal(1);
  });

  it('stops when both views went away, and a later view starts afresh', async () => {
    const pack = bigPack(13);
    const box = await mountBoth(pack);
    box.replaceChildren();
    const set = await scorePackPairs(pack);
    expect(set.samples).to.equal(pack.samples);
    expect(workers.started, 'the cancelled run was not reused').to.equal(2);
  });
});
