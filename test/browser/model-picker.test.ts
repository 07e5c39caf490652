import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/models/fg-model-picker';
import type { FgModelPicker } from '../../src/components/models/fg-model-picker';
import '../../src/components/compare/fg-compare-view';
import type { FgCompareView } from '../../src/components/compare/fg-compare-view';
import { MODELS } from '../../src/models/registry';

describe('fg-model-picker', () => {
  it('offers every model with its size and speed, says scores and thresholds are per model, accessibly', async () => {
    const el = await fixture<FgModelPicker>(html`<fg-model-picker modelId="dlib" status="ready" threshold="0.945"
      .sizes=${{ faceres: 7_050_246, dlib: 6_463_647 }} .msPerFace=${{ dlib: 312.4 }}></fg-model-picker>`);
    await expect(el).to.be.accessible();
    const inputs = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(inputs.map((input) => input.value)).to.deep.equal(MODELS.map((model) => model.id));
    expect(inputs.find((input) => input.checked)?.value).to.equal('dlib');
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('128 numbers per face, 6.5 MB, 312 ms per face here');
    expect(text).to.contain('1024 numbers per face, 7.1 MB');
    expect(text).to.match(/dlib ResNet-34 compares faces with cosine-v1, and its threshold \(now 0\.945\) is kept apart from the other models'/);
  });

  it('fires model-change on the user\'s pick, never when the property is set', async () => {
    const el = await fixture<FgModelPicker>(html`<fg-model-picker></fg-model-picker>`);
    let fired = 0;
    el.addEventListener('model-change', () => fired++);
    el.modelId = 'faceres-deep';
    await el.updateComplete;
    expect(fired).to.equal(0);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[value="dlib"]')!;
    setTimeout(() => input.click());
    const event = (await oneEvent(el, 'model-change')) as unknown as HTMLElementEventMap['model-change'];
    expect(event.modelId).to.equal('dlib');
    expect(event.composed && event.bubbles).to.equal(true);
  });

  it('says who the chosen model cannot match, and refuses to switch during an enrolment', async () => {
    const el = await fixture<FgModelPicker>(html`<fg-model-picker modelId="faceres-deep" .enrolledByModel=${{ faceres: 2, 'faceres-deep': 1 }}
      lockedReason="Finish or cancel the enrolment to switch model."></fg-model-picker>`);
    expect(el.shadowRoot!.querySelector('[data-other-enrolled]')!.textContent!.replace(/\s+/g, ' ')).to.contain('2 people were enrolled with another model and are not matched by faceres-deep');
    expect(el.shadowRoot!.querySelector('fieldset')!.disabled).to.equal(true);
    expect(el.shadowRoot!.textContent).to.contain('Finish or cancel the enrolment to switch model.');
    await expect(el).to.be.accessible();
  });
});

describe('fg-compare-view shared FMR target', () => {
  it('shows the target it was given and fires fmr-target-change on the user\'s choice', async () => {
    const report = { fmr_target: 1e-3, group_by: ['race'], impostor_grouping: 'within', groups: [], models: [] };
    const el = await fixture<FgCompareView>(html`<fg-compare-view .report=${report} fmrTarget="0.001"></fg-compare-view>`);
    const select = el.shadowRoot!.querySelector('select')!;
    expect(select.value).to.equal('0.001');
    select.value = '0.01';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    const event = (await oneEvent(el, 'fmr-target-change')) as unknown as HTMLElementEventMap['fmr-target-change'];
    expect(event.fmrTarget).to.equal(0.01);
  });
});
