import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/lesson/fg-lesson';
import '../../src/components/room/fg-room-share';
import '../../src/components/room/fg-room-stats';
import type { FgLesson } from '../../src/components/lesson/fg-lesson';
import type { FgRoomShare } from '../../src/components/room/fg-room-share';
import type { FgRoomStats } from '../../src/components/room/fg-room-stats';
import { LESSON_STEPS } from '../../src/classroom/lesson';
import { decodeRoomPayload } from '../../src/classroom/payload';
import { computeRoomStatistics } from '../../src/classroom/room-stats';
import type { Template } from '../../src/matching/templates';
import { createSyntheticPack } from '../fixtures/synthetic-pack';

const pack = createSyntheticPack();
const MODEL = 'ab'.repeat(32);

/** Mounts the lesson as fg-app does: it follows its own step-change events. */
async function mountLesson(): Promise<FgLesson> {
  const el = await fixture<FgLesson>(html`<fg-lesson .pack=${pack} .threshold=${0.5} .groupBy=${['race']} .people=${1}
    .embedding=${pack.samples[0].embedding} .match=${{ name: 'Ada', score: 0.81 }} join-url="http://localhost:5173/" model="faceres, score human-similarity-v1"></fg-lesson>`);
  el.addEventListener('lesson-step-change', (event) => (el.step = event.step));
  return el;
}

describe('fg-lesson', () => {
  it('renders every step, fits 1280x720 and 1920x1080 without scrolling, with body text of 28 px or more, and axe finds nothing', async () => {
    const el = await mountLesson();
    for (const [width, height] of [[1280, 720], [1920, 1080]]) {
      await setViewport({ width, height });
      for (let step = 0; step < LESSON_STEPS.length; step++) {
        el.step = step;
        // The gap steps wait for the pack's pairs to be scored, and the ratio's interval for its people to be resampled.
        for (let i = 0; i < 300 && /Scoring the reference pack|interval being computed/.test(el.shadowRoot!.textContent!); i++) await new Promise((r) => setTimeout(r, 100));
        await el.updateComplete;
        const root = el.shadowRoot!;
        expect(root.querySelector('h2')!.textContent).to.equal(LESSON_STEPS[step].title);
        expect(root.textContent).not.to.contain('Scoring the reference pack');
        for (const part of [...root.querySelectorAll('header, .figure, footer')]) {
          expect(part.scrollHeight, `step ${step + 1}: ${part.tagName} overflows`).to.be.at.most(part.clientHeight + 1);
        }
        const footer = root.querySelector('footer')!.getBoundingClientRect();
        expect(footer.bottom, `step ${step + 1} footer at ${width}x${height}`).to.be.at.most(height);
        expect(parseFloat(getComputedStyle(root.querySelector('.idea')!).fontSize)).to.be.at.least(28);
        if (LESSON_STEPS[step].figure === 'nist') expect(root.textContent).to.contain('NISTIR 8280');
        if (LESSON_STEPS[step].figure === 'gap') expect(root.querySelector('[data-sentence-kind]')!.textContent).not.to.contain('interval being computed');
        // The active model's name and score id, on every step.
        expect(root.querySelector('footer .model')!.textContent).to.equal('model faceres, score human-similarity-v1');
        await expect(el).to.be.accessible();
      }
    }
  });

  it('arrow keys and Page Up/Down (a clicker) advance and go back, within the steps', async () => {
    const el = await mountLesson();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(el.dataset.step).to.equal('2');
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.dataset.step).to.equal('0');
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.dataset.step).to.equal(String(LESSON_STEPS.length - 1));
    await sendKeys({ press: 'n' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.notes')!.textContent).to.equal(LESSON_STEPS[LESSON_STEPS.length - 1].notes);
  });
});

describe('room elements', () => {
  it('shows a code that decodes to scores only, and lists what is in it', async () => {
    const person: Template = { id: 'p1', name: 'Ada', createdAt: 0, updatedAt: 0, labels: { gender: 'female' }, embeddings: pack.samples.slice(0, 3).map((s) => s.embedding), modelSha256: MODEL, scoreId: 'human-similarity-v1' };
    const el = await fixture<FgRoomShare>(html`<fg-room-share .people=${[person]} .pack=${pack} .groupBy=${['race']} .threshold=${0.5} model-sha256=${MODEL}></fg-room-share>`);
    el.shadowRoot!.querySelector('button')!.click();
    await el.updateComplete;
    const payload = decodeRoomPayload(el.dataset.payload!);
    expect(payload.genuine).to.have.length(3);
    expect(payload.name).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('fg-qr-code')).to.exist;
    expect(el.shadowRoot!.textContent).to.contain('No picture of you and no face embedding');
    await expect(el).to.be.accessible();
  });

  it('shows the room statistics with intervals and the small-group caveat', async () => {
    const payload = { attendeeId: 'a1b2c3d4', model: MODEL.slice(0, 16), scoreId: 'human-similarity-v1', threshold: 0.5, genuine: [0.9, 0.4, 0.8], strangers: [{ group: 'Black', compared: 20, closest: [0.6, 0.3] }], pack: 'p', labels: { gender: 'female' } };
    const el = await fixture<FgRoomStats>(html`<fg-room-stats .stats=${computeRoomStatistics([payload], 0.5, ['gender'])}></fg-room-stats>`);
    expect(el.dataset.people).to.equal('1');
    expect(el.shadowRoot!.textContent).to.match(/33\.3% \(6\.1%–/);
    expect(el.shadowRoot!.textContent).to.contain('(small)');
    await expect(el).to.be.accessible();
  });

  it('says how many codes of another model it leaves out', async () => {
    const el = await fixture<FgRoomStats>(html`<fg-room-stats .stats=${computeRoomStatistics([], 0.5, ['gender'], 2)}></fg-room-stats>`);
    expect(el.dataset.people).to.equal('0');
    expect(el.shadowRoot!.querySelector('.other-model')!.textContent).to.contain('2 codes in this room were made with another face model');
    await expect(el).to.be.accessible();
  });
});
