import type { ThresholdChangeEvent } from '../../src/components/fg-threshold-slider';
import type { GroupByChangeEvent } from '../../src/components/fg-group-picker';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/fg-det-chart';
import '../../src/components/fg-distribution-chart';
import '../../src/components/fg-group-picker';
import '../../src/components/fg-rate-table';
import '../../src/components/fg-score-strip';
import '../../src/components/fg-summary-sentence';
import '../../src/components/fg-threshold-slider';
import type { FgDetChart } from '../../src/components/fg-det-chart';
import type { FgDistributionChart } from '../../src/components/fg-distribution-chart';
import type { FgGroupPicker } from '../../src/components/fg-group-picker';
import type { FgRateTable } from '../../src/components/fg-rate-table';
import type { FgScoreStrip } from '../../src/components/fg-score-strip';
import type { FgSummarySentence } from '../../src/components/fg-summary-sentence';
import type { FgThresholdSlider } from '../../src/components/fg-threshold-slider';
import { serializeSvg, renderSvgToPng } from '../../src/components/export/svg-export';
import { listThresholdPresets } from '../../src/views/presets';
import { buildSummarySentence } from '../../src/views/sentence';
import { estimateRate } from '../../src/metrics/rates';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector(selector) as unknown as T;

describe('fg-threshold-slider', () => {
  it('is accessible, fires threshold-change from keys and presets, never on property set', async () => {
    let fired = 0;
    const el = await fixture<FgThresholdSlider>(html`<fg-threshold-slider .value=${0.5} .presets=${listThresholdPresets({ atFmr: 0.64, eer: null, impostorPairs: 20_000, genuinePairs: 0 })}
      @threshold-change=${() => fired++}></fg-threshold-slider>`);
    await expect(el).to.be.accessible();
    el.value = 0.6;
    await el.updateComplete;
    expect(fired).to.equal(0);
    $<HTMLInputElement>(el, 'input').focus();
    const keyed = oneEvent(el, 'threshold-change');
    await sendKeys({ press: 'ArrowRight' });
    expect(((await keyed) as unknown as ThresholdChangeEvent).threshold).to.be.closeTo(0.605, 1e-9);
    const preset = oneEvent(el, 'threshold-change');
    $<HTMLButtonElement>(el, 'button[data-preset="fmr-1e-3"]').click();
    expect(((await preset) as unknown as ThresholdChangeEvent).threshold).to.equal(0.64);
    expect($<HTMLButtonElement>(el, 'button[data-preset="eer"]').disabled).to.equal(true);
  });
});

describe('fg-group-picker', () => {
  it('offers intersections in one click and works with arrow keys', async () => {
    const el = await fixture<FgGroupPicker>(html`<fg-group-picker .labels=${['race', 'gender', 'age_band', 'race_label_source']} .value=${['race']}></fg-group-picker>`);
    await expect(el).to.be.accessible();
    const radios = el.shadowRoot!.querySelectorAll('input');
    expect(radios.length).to.equal(7);
    const clicked = oneEvent(el, 'group-by-change');
    (el.shadowRoot!.querySelector('input[value="race/gender"]') as HTMLInputElement).click();
    expect(((await clicked) as unknown as GroupByChangeEvent).groupBy).to.deep.equal(['race', 'gender']);
    radios[0].focus();
    const keyed = oneEvent(el, 'group-by-change');
    await sendKeys({ press: 'ArrowRight' });
    expect(((await keyed) as unknown as GroupByChangeEvent).groupBy).to.deep.equal(['gender']);
  });
});

describe('charts', () => {
  it('score strip: threshold line moves, matches are filled, exports SVG with inlined styles and a PNG', async () => {
    const el = await fixture<FgScoreStrip>(html`<fg-score-strip .rows=${[{ group: 'A', scores: [0.1, 0.6, 0.7] }, { group: 'B', scores: [0.2] }]} .threshold=${0.5}></fg-score-strip>`);
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelectorAll('circle[r="6.5"]').length).to.equal(2);
    el.threshold = 0.65;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('circle[r="6.5"]').length).to.equal(1);
    const svg = $<SVGSVGElement>(el, 'svg');
    const text = serializeSvg(svg, 'Strip');
    expect(text).to.contain('<title>Strip</title>');
    expect(text).to.match(/class="threshold"[^>]*stroke-dasharray="6(px)?,? 4(px)?"/);
    const png = await renderSvgToPng(text, 400, 200, 1);
    expect(png.type).to.equal('image/png');
    expect(png.size).to.be.greaterThan(500);
  });

  it('distribution and DET charts draw per group and explain when they cannot', async () => {
    const dist = await fixture<FgDistributionChart>(html`<fg-distribution-chart .rows=${[
      { group: 'A', genuine: [0, 0.5, 0.5], impostor: [0.7, 0.3, 0], genuinePairs: 2, impostorPairs: 10 },
    ]}></fg-distribution-chart>`);
    await expect(dist).to.be.accessible();
    expect(dist.shadowRoot!.querySelectorAll('path').length).to.be.greaterThan(1);
    const det = await fixture<FgDetChart>(html`<fg-det-chart .curves=${[{ group: 'A', points: [], current: null }]}></fg-det-chart>`);
    expect(det.shadowRoot!.textContent).to.contain('No DET curve');
    det.curves = [
      { group: 'A', points: [{ threshold: 0.2, fmr: 0.5, fnmr: 0.01 }, { threshold: 0.5, fmr: 0.01, fnmr: 0.2 }], current: { threshold: 0.4, fmr: 0.05, fnmr: 0.1 } },
      { group: 'B', points: [{ threshold: 0.2, fmr: 0.3, fnmr: 0.02 }, { threshold: 0.5, fmr: 0.002, fnmr: 0.3 }], current: null },
    ];
    await det.updateComplete;
    await expect(det).to.be.accessible();
    expect(det.shadowRoot!.querySelector('svg')!.getAttribute('aria-label')).to.contain('A: false-match 5%');
  });

  it('rate table: data attributes, flags and CSV', async () => {
    const el = await fixture<FgRateTable>(html`<fg-rate-table caption="Rates" .columns=${[{ key: 'fmr', label: 'FMR', isNumeric: true }]}
      .rows=${[{ group: 'A, "x"', flag: 'only 3 people', cells: { fmr: { text: '1.2%', value: 0.0123, ci: [0.01, 0.02] } } }, { group: 'B', cells: { fmr: { text: 'not measurable', value: null } } }]}></fg-rate-table>`);
    await expect(el).to.be.accessible();
    expect($<HTMLElement>(el, 'td[data-key="fmr"]').dataset.value).to.equal('0.0123');
    expect(el.toCsv()).to.equal('group,flag,FMR,FMR (shown)\r\n"A, ""x""",only 3 people,0.0123,1.2%\r\nB,,,not measurable\r\n');
    el.rows = [];
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('No groups to show');
  });

  it('summary sentence: never NaN or Infinity, summaries written per spec', async () => {
    const sentence = buildSummarySentence({ rows: [
      { group: 'A', people: 10, fmr: estimateRate(15, 100), isSmall: false },
      { group: 'B', people: 10, fmr: estimateRate(0, 100), isSmall: false },
    ], groupBy: ['race'], impostorGrouping: 'within' });
    const report = { threshold: 0.5, by_group: {}, overall: { fmr: 0.025, fnmr: null }, summary: {
      fmr_max_min_ratio: 'Infinity', fnmr_max_min_ratio: null, fmr_max_geomean_ratio: 'Infinity', fnmr_max_geomean_ratio: null, fdr: 0.975, inequity_rate: null, garbe: null,
    } } as const;
    const el = await fixture<FgSummarySentence>(html`<fg-summary-sentence .sentence=${sentence} .report=${report}></fg-summary-sentence>`);
    await expect(el).to.be.accessible();
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain('no false matches in 100 pairs');
    expect(text).to.contain('not measurable (a group had no errors)');
    expect(text).not.to.match(/NaN|Infinity×/);
  });
});
