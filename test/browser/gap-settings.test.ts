/**
 * The gap view's toggles (impostor grouping, leave out unverified labels) are app settings: the
 * view shows what it is handed and raises `gap-options-change`; fg-app keeps them in the store.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/app/fg-app';
import type { FgApp } from '../../src/app/fg-app';
import type { CameraService } from '../../src/app/camera';
import '../../src/components/fg-gap-view';
import type { FgGapView, GapOptionsChangeEvent } from '../../src/components/fg-gap-view';
import { createMemoryStore } from '../../src/store';
import { createSyntheticPack } from '../fixtures/synthetic-pack';

const explanation = (el: FgGapView) => el.shadowRoot!.querySelector('.controls > p.explain')?.textContent ?? '';
const groupingBox = (el: FgGapView) => el.shadowRoot!.querySelector<HTMLInputElement>('.toggles input[type=checkbox]')!;

describe('fg-gap-view options', () => {
  it('shows the grouping it is handed and asks for a change without making it', async () => {
    const el = await fixture<FgGapView>(html`<fg-gap-view .pack=${createSyntheticPack()} .threshold=${0.35} impostorGrouping="probe"></fg-gap-view>`);
    expect(groupingBox(el).checked).to.equal(true);
    expect(explanation(el)).to.contain('with anyone in the set');

    const change = oneEvent(el, 'gap-options-change');
    groupingBox(el).click();
    const { options } = (await change) as unknown as GapOptionsChangeEvent;
    expect(options).to.deep.equal({ impostorGrouping: 'within', excludeUnverified: false });
    await el.updateComplete;
    expect(el.impostorGrouping, 'the app decides').to.equal('probe');

    el.impostorGrouping = 'within';
    await el.updateComplete;
    expect(explanation(el)).to.contain('with people of the same group');
    await expect(el).to.be.accessible();
  });
});

describe('fg-app keeps the gap view\'s options', () => {
  it('hands the stored options down and stores a toggle', async () => {
    const store = createMemoryStore();
    await store.settings.set('impostorGrouping', 'probe');
    const noCamera: CameraService = { listCameras: async () => [], start: () => Promise.reject(new Error('no camera')) };
    const app = await fixture<FgApp>(html`<fg-app .visionFactory=${() => new Promise<never>(() => {})} .storeFactory=${async () => ({ store })}
      .camera=${noCamera} .autoStartCamera=${false}></fg-app>`);
    await waitUntil(() => app.dataset.store === 'memory', 'the store opened');
    app.shadowRoot!.querySelector<HTMLButtonElement>('#tab-gap')!.click();
    await app.updateComplete;
    const view = app.shadowRoot!.querySelector('fg-gap-view')!;
    expect(view.impostorGrouping).to.equal('probe');
    await waitUntil(() => view.pack !== null, 'the bundled pack loads', { timeout: 60000 });
    await view.updateComplete;

    groupingBox(view).click();
    await waitUntil(async () => (await store.settings.get('impostorGrouping')) === 'within', 'the toggle is stored');
    await app.updateComplete;
    expect(view.impostorGrouping).to.equal('within');
    expect(await store.settings.get('excludeUnverified')).to.equal(false);
  });
});
