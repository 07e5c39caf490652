import type { ThresholdChangeEvent } from '../../src/components/fg-threshold-slider';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/fg-room-view';
import '../../src/components/fg-you-vs-groups';
import type { FgRoomView } from '../../src/components/fg-room-view';
import type { FgYouVsGroups } from '../../src/components/fg-you-vs-groups';
import type { Template } from '../../src/matching/templates';
import { createSyntheticPack } from '../fixtures/synthetic-pack';

const pack = createSyntheticPack();
const you = Float32Array.from(pack.samples[0].embedding, (v) => v + 0.05);
const taken = (el: Element, group: string) => Number((el.shadowRoot!.querySelector(`li[data-group="${group}"]`) as HTMLElement).dataset.taken);

describe('fg-you-vs-groups', () => {
  it('says when no pack is loaded and when no face is in view', async () => {
    const el = await fixture<FgYouVsGroups>(html`<fg-you-vs-groups></fg-you-vs-groups>`);
    expect(el.shadowRoot!.textContent).to.contain('No pack loaded');
    await expect(el).to.be.accessible();
    el.pack = pack;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('No face in view');
  });

  it('counts people taken for you, reacts to threshold and grouping, announces politely, slider by keyboard', async () => {
    const el = await fixture<FgYouVsGroups>(html`<fg-you-vs-groups .pack=${pack} .embedding=${you} .threshold=${0.5}
      .groupBy=${['race', 'gender']} .bestMatch=${{ name: 'Ada', score: 0.8 }}></fg-you-vs-groups>`);
    await expect(el).to.be.accessible();
    expect(taken(el, 'Black/female')).to.be.greaterThanOrEqual(1);
    expect(el.shadowRoot!.textContent).to.match(/of 14 people labelled Black\/female would be taken for you/);
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent).to.contain('would be taken for you');
    el.threshold = 0.2;
    await el.updateComplete;
    const many = taken(el, 'White/male');
    el.threshold = 1.0;
    await el.updateComplete;
    expect(taken(el, 'White/male')).to.be.lessThan(many);
    // Your own face is in the set here: it scores 1.0, still taken at the top of the scale.
    expect(taken(el, 'Black/female')).to.equal(1);
    el.groupBy = ['race'];
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('li[data-group="Black"]')?.textContent, 'the race grouping lists Black on its own').to.contain('Black');
    expect(el.shadowRoot!.querySelector('li[data-group="Black/female"]'), 'and no longer the race x gender groups').to.equal(null);
    const slider = el.shadowRoot!.querySelector('fg-threshold-slider')!;
    (slider.shadowRoot!.querySelector('input') as HTMLInputElement).focus();
    const change = oneEvent(el, 'threshold-change');
    await sendKeys({ press: 'ArrowLeft' });
    expect(((await change) as unknown as ThresholdChangeEvent).threshold).to.be.closeTo(0.995, 1e-9);
  });
});

describe('fg-room-view', () => {
  const person = (id: string, n: number, labels: Record<string, string>, seed: number): Template => ({
    id, name: id, createdAt: 0, updatedAt: 0, labels, modelSha256: 'x', scoreId: 'human-similarity-v1',
    embeddings: Array.from({ length: n }, (_, k) => Float32Array.from(pack.samples[seed].embedding, (v, j) => v + 0.03 * Math.sin(j + k))),
  });
  it('says plainly when there are too few people', async () => {
    const el = await fixture<FgRoomView>(html`<fg-room-view></fg-room-view>`);
    expect(el.shadowRoot!.textContent).to.contain('Nobody is enrolled');
    await expect(el).to.be.accessible();
    el.people = [person('Ada', 3, { gender: 'female' }, 0)];
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Only Ada is enrolled');
    expect(el.shadowRoot!.querySelector('fg-gap-panels')).to.equal(null);
  });
  it('shows rates for a room and flags groups of one person', async () => {
    const people = [person('Ada', 3, { gender: 'female' }, 0), person('Bea', 3, { gender: 'female' }, 10), person('Cy', 2, { gender: 'male' }, 20)];
    const el = await fixture<FgRoomView>(html`<fg-room-view .people=${people} .groupBy=${['gender']} .threshold=${0.5}></fg-room-view>`);
    await expect(el).to.be.accessible();
    const panels = el.shadowRoot!.querySelector('fg-gap-panels')!;
    await (panels as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const table = panels.shadowRoot!.querySelector('fg-rate-table')!;
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(table.shadowRoot!.querySelector('tr[data-group="male"] .flag')!.textContent).to.contain('one person');
    expect((table.shadowRoot!.querySelector('tr[data-group="female"] td[data-key="impostor_pairs"]') as HTMLElement).dataset.value).to.equal('9');
    expect(panels.shadowRoot!.textContent).not.to.match(/NaN|Infinity/);
  });
});
