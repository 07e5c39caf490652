import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/compare/fg-compare-view';
import type { FgCompareView } from '../../src/components/compare/fg-compare-view';
import { compareModels, decodeComparePack, type ComparePack, type ModelComparisonReport } from '../../src/metrics/compare';
import { compareModelsInBackground } from '../../src/metrics/compare-client';

/**
 * The CLI's output for the same packs, made with:
 *   npm run --silent metrics -- --compare packs/utkface-600.json packs/utkface-600.faceres-deep.json \
 *     packs/utkface-600.dlib.json --group-by race --fmr-target 1e-3 --replicates 200 --seed 1 --format json \
 *     > test/fixtures/cli-compare-utkface-600.json
 */
const CLI_FIXTURE = '/test/fixtures/cli-compare-utkface-600.json';
const PACKS = ['/packs/utkface-600.json', '/packs/utkface-600.faceres-deep.json', '/packs/utkface-600.dlib.json'];

async function loadPack(url: string): Promise<ComparePack> {
  return decodeComparePack(new Uint8Array(await (await fetch(url)).arrayBuffer()));
}

describe('fg-compare-view', () => {
  let cli: ModelComparisonReport;
  let report: ModelComparisonReport;

  before(async () => {
    cli = (await (await fetch(CLI_FIXTURE)).json()) as ModelComparisonReport;
    const packs = await Promise.all(PACKS.map(loadPack));
    report = compareModels(packs, { groupBy: ['race'], fmrTarget: 1e-3, replicates: 200, seed: 1 });
  });

  it('says it is comparing while there is no report, accessibly', async () => {
    const el = await fixture<FgCompareView>(html`<fg-compare-view></fg-compare-view>`);
    expect(el.shadowRoot!.textContent).to.contain('Comparing the models');
    await expect(el).to.be.accessible();
  });

  it('computes in the page what the CLI printed for the same packs', () => {
    expect(report.models.map((m) => m.model_id)).to.deep.equal(['faceres', 'faceres-deep', 'dlib']);
    for (const [i, model] of report.models.entries()) {
      const expected = cli.models[i];
      expect(model.threshold).to.be.closeTo(expected.threshold!, 1e-9);
      expect(model.fmr_max_min_ratio_ci).to.deep.equal(expected.fmr_max_min_ratio_ci);
    }
  });

  it('computes the same in its workers (as the Compare models tab does), to 1e-9, each model with its own score id', async () => {
    const packs = await Promise.all(PACKS.map(loadPack));
    const workers: string[] = [];
    const Original = globalThis.Worker;
    globalThis.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        workers.push(String(url).replace(/^.*\/|\?.*$/g, ''));
      }
    };
    let background: ModelComparisonReport;
    try {
      background = await compareModelsInBackground(packs, { groupBy: ['race'], fmrTarget: 1e-3, replicates: 200, seed: 1 });
    } finally {
      globalThis.Worker = Original;
    }
    expect(workers).to.deep.equal(['all-pairs.worker.ts', 'bootstrap.worker.ts', 'all-pairs.worker.ts', 'bootstrap.worker.ts', 'all-pairs.worker.ts', 'bootstrap.worker.ts']);
    expect(background.models.map((m) => m.score_id)).to.deep.equal(['human-similarity-v1', 'cosine-v1', 'cosine-v1']);
    for (const [i, model] of background.models.entries()) {
      const expected = cli.models[i];
      expect(model.threshold).to.be.closeTo(expected.threshold!, 1e-9);
      expect(model.fmr_max_min_ratio_ci).to.deep.equal(expected.fmr_max_min_ratio_ci);
      for (const [group, rates] of Object.entries(expected.report!.by_group)) {
        expect(model.report!.by_group[group].fmr, `${model.model_id} ${group}`).to.be.closeTo(rates.fmr!, 1e-9);
        expect(model.bootstrap![group].fmr[1], `${model.model_id} ${group} bootstrap high`).to.be.closeTo(expected.bootstrap![group].fmr[1]!, 1e-9);
      }
    }
  });

  it('shows every model\'s per-group rates as the CLI computes them, to 1e-9, with one sentence per model', async () => {
    const el = await fixture<FgCompareView>(html`<fg-compare-view .report=${report}></fg-compare-view>`);
    await expect(el).to.be.accessible();
    for (const model of cli.models) {
      for (const [group, rates] of Object.entries(model.report!.by_group)) {
        const row = el.shadowRoot!.querySelector(`tr[data-model="${model.model_id}"][data-group="${group}"]`)!;
        const shown = Number((row.querySelector('td[data-value]') as HTMLElement).dataset.value);
        expect(shown, `${model.model_id} ${group}`).to.be.closeTo(rates.fmr!, 1e-9);
      }
      const sentence = el.shadowRoot!.querySelector(`.sentences li[data-model="${model.model_id}"]`)!.textContent!;
      expect(sentence).to.match(/^With .+, at its own threshold for an overall FMR of 0\.001: /);
      expect(sentence).not.to.match(/NaN|Infinity|undefined/);
    }
    const chart = el.shadowRoot!.querySelector('fg-compare-chart')!;
    await chart.updateComplete;
    expect(chart.shadowRoot!.querySelectorAll('g[data-model]').length).to.equal(3);
  });

  it('lays out for a projector without the table', async () => {
    const el = await fixture<FgCompareView>(html`<fg-compare-view presenter .report=${report}></fg-compare-view>`);
    expect(getComputedStyle(el.shadowRoot!.querySelector('table')!).display).to.equal('none');
    expect(el.shadowRoot!.querySelectorAll('.sentences li[data-model]').length).to.equal(3);
  });

  it('adds one sentence across the models, only as far as their intervals allow', async () => {
    const el = await fixture<FgCompareView>(html`<fg-compare-view .report=${report}></fg-compare-view>`);
    const across = el.shadowRoot!.querySelector('.sentences li[data-across]')!.textContent!.replace(/\s+/g, ' ');
    // At FMR 1e-3 on utkface-600 (200 replicates) every model's own sentence says "too few false
    // matches", so no ratio is compared across them either.
    expect(across).to.match(/^No model has enough false matches here to put a ratio on the gap/);
  });
});
