import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/fg-gap-view';
import type { FgGapView } from '../../src/components/fg-gap-view';
import type { BiasReport } from '../../src/metrics/report';
import { decodePack } from '../../src/datasets/pack';
import { createSyntheticPack } from '../fixtures/synthetic-pack';

/** Follows a path of selectors, each inside the shadow root of the previous match. */
const inner = (el: Element, path: string): Element | null => {
  let current: Element | null = el;
  for (const selector of path.split(' >> ')) current = current?.shadowRoot?.querySelector(selector) ?? null;
  return current;
};
const displayed = (el: Element, group: string, key: string): string | undefined =>
  (inner(el, `fg-gap-panels >> fg-rate-table >> tr[data-group="${group}"] td[data-key="${key}"]`) as HTMLElement | null)?.dataset.value;
type Updating = Element & { updateComplete: Promise<unknown> };
/** Waits for the view, its panels and their table and sentence to finish rendering. */
const settle = async (el: FgGapView): Promise<void> => {
  for (const path of ['', 'fg-gap-panels', 'fg-gap-panels >> fg-rate-table', 'fg-gap-panels >> fg-summary-sentence']) {
    await ((path ? inner(el, path) : el) as Updating).updateComplete;
  }
};
const ready = (el: FgGapView) => waitUntil(() => inner(el, 'fg-gap-panels >> fg-rate-table >> tr[data-group]'), 'gap view never finished scoring', { timeout: 60000 });

describe('fg-gap-view', () => {
  it('says no pack is loaded', async () => {
    const el = await fixture<FgGapView>(html`<fg-gap-view></fg-gap-view>`);
    expect(el.shadowRoot!.textContent).to.contain('No pack loaded');
    await expect(el).to.be.accessible();
  });

  it('scores once, then reacts to threshold and grouping without rescoring; accessible; flags small groups', async () => {
    const pack = createSyntheticPack();
    const el = await fixture<FgGapView>(html`<fg-gap-view .pack=${pack} .threshold=${0.35} .groupBy=${['race', 'gender']}></fg-gap-view>`);
    await ready(el);
    await expect(el).to.be.accessible();
    const before = displayed(el, 'Black/female', 'fmr');
    expect(Number(before)).to.be.greaterThan(0);
    expect(inner(el, 'fg-gap-panels >> fg-rate-table >> tr[data-group="Asian/female"] .flag')?.textContent).to.contain('only 3 people');
    el.threshold = 0.45;
    await el.updateComplete;
    await (el.shadowRoot!.querySelector('fg-gap-panels') as unknown as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await waitUntil(() => displayed(el, 'Black/female', 'fmr') !== before);
    expect(Number(displayed(el, 'Black/female', 'fmr'))).to.be.lessThan(Number(before));
    el.groupBy = ['gender'];
    await waitUntil(() => displayed(el, 'female', 'fmr') !== undefined, 'regrouping did not redraw');
    expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
    el.threshold = 1;
    // At 1 nobody is falsely matched (and every same-person pair is missed, which the sentence also says).
    await waitUntil(() => (inner(el, 'fg-gap-panels >> fg-summary-sentence >> p') as HTMLElement | null)?.dataset.sides?.includes('fmr:no-errors'));
    expect(inner(el, 'fg-gap-panels >> fg-summary-sentence >> p')!.textContent).not.to.match(/NaN|Infinity/);
  });

  for (const name of ['utkface-600', 'lfw-94']) it(`shows the same numbers as the metrics CLI for ${name}`, async function () {
    const response = await fetch(`/packs/${name}.json`);
    // The packs ship with the repository: a missing one is a failure, never a skip.
    expect(response.ok, `packs/${name}.json is served`).to.equal(true);
    const text = await response.text();
    const model = JSON.parse(text).model;
    const pack = decodePack(text, { modelSha256: model.sha256, dim: model.dim, scoreId: 'human-similarity-v1' });
    const cli = (await (await fetch(`/test/fixtures/cli-${name}.json`)).json()) as BiasReport;
    const el = await fixture<FgGapView>(html`<fg-gap-view .pack=${pack} .threshold=${cli.thresholds[0].threshold} .groupBy=${['race']}></fg-gap-view>`);
    await ready(el);
    for (const at of cli.thresholds) {
      el.threshold = at.threshold;
      await settle(el);
      for (const [group, rates] of Object.entries(at.by_group)) {
        const fmr = displayed(el, group, 'fmr');
        expect(fmr === 'null' ? null : Number(fmr), `${group} fmr at ${at.threshold}`).to.be.closeTo(rates.fmr ?? NaN, 1e-9);
        expect(Number(displayed(el, group, 'impostor_pairs'))).to.equal(rates.impostor_pairs);
        // A set without same-person pairs hides the genuine columns and says why.
        const genuine = displayed(el, group, 'genuine_pairs');
        expect(genuine === undefined ? 0 : Number(genuine)).to.equal(rates.genuine_pairs);
        if (genuine === undefined) expect(rates.fnmr).to.equal(null);
        const ci = JSON.parse((inner(el, `fg-gap-panels >> fg-rate-table >> tr[data-group="${group}"] td[data-key="fmr"]`) as HTMLElement).dataset.ci95!);
        expect(ci[0]).to.be.closeTo(rates.fmr_ci95![0], 1e-9);
        expect(ci[1]).to.be.closeTo(rates.fmr_ci95![1], 1e-9);
        if (genuine !== undefined) {
          const fnmr = displayed(el, group, 'fnmr');
          if (rates.fnmr === null) expect(fnmr).to.equal('null');
          else expect(Number(fnmr), `${group} fnmr at ${at.threshold}`).to.be.closeTo(rates.fnmr, 1e-9);
        }
      }
      for (const [key, value] of Object.entries(at.summary)) {
        const shown = (inner(el, `fg-gap-panels >> fg-summary-sentence >> dd[data-key="${key}"]`) as HTMLElement).dataset.value!;
        if (typeof value === 'number') expect(Number(shown), key).to.be.closeTo(value, 1e-9);
        else expect(shown, key).to.equal(String(value));
      }
    }
    const fmrPreset = inner(el, 'fg-threshold-slider >> button[data-preset="fmr-1e-3"]') as HTMLElement;
    if (cli.threshold_at_fmr[0]?.target === 1e-3) expect(fmrPreset.textContent).to.contain(cli.threshold_at_fmr[0].threshold!.toFixed(3));
  });
});

describe('fg-gap-view in presenter view', () => {
  // The room must see every column: at projector widths no table scrolls sideways, and its text is >= 28 px.
  for (const [name, groupBy] of [['lfw-94', ['race', 'gender']], ['utkface-600', ['race', 'gender']]] as const) {
    for (const width of [1920 - 48, 1280 - 48]) it(`${name} by ${groupBy.join(' x ')} fits ${width} px with no sideways scroll (when the pack is present)`, async function () {
      const response = await fetch(`/packs/${name}.json`);
      if (!response.ok) this.skip();
      const text = await response.text();
      const model = JSON.parse(text).model;
      const pack = decodePack(text, { modelSha256: model.sha256, dim: model.dim, scoreId: 'human-similarity-v1' });
      const box = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><fg-gap-view presenter .pack=${pack} .threshold=${0.594} .groupBy=${[...groupBy]}></fg-gap-view></div>`);
      const el = box.querySelector('fg-gap-view')!;
      await ready(el);
      await settle(el);
      const table = inner(el, 'fg-gap-panels >> fg-rate-table')!.shadowRoot!;
      const scroll = table.querySelector('.scroll') as HTMLElement;
      expect(scroll.scrollWidth, 'table scrolls sideways').to.be.at.most(scroll.clientWidth + 1);
      for (const cell of table.querySelectorAll('td, th, .note')) expect(parseFloat(getComputedStyle(cell).fontSize), cell.textContent!).to.be.at.least(28);
      const sentence = inner(el, 'fg-gap-panels >> fg-summary-sentence >> p') as HTMLElement;
      expect(parseFloat(getComputedStyle(sentence).fontSize)).to.be.at.least(28);
    });
  }

  // One screen per view, as a projector shows it: the app's tab bar takes the top 73 px (measured), 90 allowed.
  for (const [name, groupBy] of [['lfw-94', ['race']], ['utkface-600', ['race']]] as const) {
    for (const [width, height] of [[1920, 1080], [1280, 720]]) it(`${name} by ${groupBy.join(' x ')} fits one ${width}x${height} screen, missed matches in view`, async function () {
      const response = await fetch(`/packs/${name}.json`);
      if (!response.ok) this.skip();
      const text = await response.text();
      const model = JSON.parse(text).model;
      const pack = decodePack(text, { modelSha256: model.sha256, dim: model.dim, scoreId: 'human-similarity-v1' });
      await setViewport({ width, height });
      try {
        const box = await fixture<HTMLDivElement>(html`<div style="width: ${width - 48}px"><fg-gap-view presenter .pack=${pack} .threshold=${0.594} .groupBy=${[...groupBy]}></fg-gap-view></div>`);
        const el = box.querySelector('fg-gap-view')!;
        await ready(el);
        await settle(el);
        const table = inner(el, 'fg-gap-panels >> fg-rate-table')!.shadowRoot!;
        const scroll = table.querySelector('.scroll') as HTMLElement;
        expect(scroll.scrollWidth, 'table scrolls sideways').to.be.at.most(scroll.clientWidth + 1);
        expect(el.getBoundingClientRect().height, 'the view is taller than the screen below the tabs').to.be.at.most(height - 90);
        for (const cell of table.querySelectorAll('td, th')) expect(parseFloat(getComputedStyle(cell).fontSize), cell.textContent!).to.be.at.least(28);
        if (name === 'lfw-94') {
          const missed = table.querySelector('td[data-key="fnmr"]') as HTMLElement;
          expect(missed.getBoundingClientRect().right, 'missed matches cut off').to.be.at.most(width);
          expect(missed.textContent).to.match(/^\d+(\.\d+)?% \(/);
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }
});
