import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/fg-camera-view';
import '../../src/components/fg-engine-status';
import '../../src/components/fg-enrol-panel';
import '../../src/components/fg-match-meter';
import '../../src/components/fg-message';
import '../../src/components/fg-people-list';
import type { FgCameraView } from '../../src/components/fg-camera-view';
import type { FgEngineStatus } from '../../src/components/fg-engine-status';
import type { FgEnrolPanel } from '../../src/components/fg-enrol-panel';
import type { FgMatchMeter } from '../../src/components/fg-match-meter';
import type { FgMessage } from '../../src/components/fg-message';
import type { FgPeopleList } from '../../src/components/fg-people-list';
import type { Template } from '../../src/matching/templates';
import type { EngineInfo } from '../../src/vision/types';

/** The next event of that name, typed through HTMLElementEventMap. */
function nextEvent<K extends keyof HTMLElementEventMap>(el: Element, name: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => el.addEventListener(name, (event) => resolve(event as HTMLElementEventMap[K]), { once: true }));
}

/** An element's text with runs of white space as one space, as it reads. */
const words = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T & Element>(selector)! as T;

describe('fg-match-meter', () => {
  const cases = [
    { state: 'no-face', name: null, score: null, text: /Nobody in front/ },
    { state: 'unknown', name: 'Ada', score: 0.41, text: /Not recognised: the nearest is Ada at 0\.41, below the threshold 0\.60\. This can be a miss/ },
    { state: 'matched', name: 'Ada', score: 0.83, text: /Looks like Ada: the score is at or above the threshold 0\.60/ },
  ] as const;
  for (const c of cases) {
    it(`shows ${c.state} in words and data-state, accessibly`, async () => {
      const el = await fixture<FgMatchMeter>(html`<fg-match-meter state=${c.state} .name=${c.name} .score=${c.score} threshold="0.6" hasTemplates></fg-match-meter>`);
      await expect(el).to.be.accessible();
      expect(el.dataset.state).to.equal(c.state);
      expect(el.dataset.score).to.equal(c.score === null ? undefined : c.score.toFixed(3));
      expect(el.shadowRoot!.textContent).to.match(c.text);
      expect($(el, '[role=meter]').getAttribute('aria-valuetext')).to.contain(c.score === null ? 'no score' : 'threshold 0.60');
      // The number is named, and said not to be a probability.
      if (c.score !== null) expect($(el, '.score-label').textContent).to.equal('similarity score');
      expect(words($(el, '.explain'))).to.match(/similarity score from 0 to 1, not a probability/);
      expect($(el, '[data-notice=threshold]')).to.equal(null);
    });
  }

  const scales = [
    { scoreId: 'human-similarity-v1', threshold: 0.6, shown: '0.60', score: 0.3, min: '0', ends: ['0 (unlike)', '1 (alike)'],
      range: /human’s similarity score \(human-similarity-v1\): a similarity score from 0 to 1, not a probability/, fill: 30, mark: 60 },
    // dlib's threshold: three decimals, since its different people already score 0.81 to 0.93.
    { scoreId: 'cosine-v1', threshold: 0.945, shown: '0.945', score: 0, min: '-1', ends: ['−1 (unlike)', '1 (alike)'],
      range: /cosine similarity of the two faces’ embeddings \(cosine-v1\): a similarity score from −1 to 1, not a probability/, fill: 50, mark: 97.25 },
    { scoreId: 'euclid-v9', threshold: 0.5, shown: '0.500', score: 0.25, min: '0', ends: ['0 (unlike)', '1 (alike)'],
      range: /the score “euclid-v9” \(euclid-v9\): a similarity score from 0 to 1, not a probability.*does not know this score’s range/, fill: 25, mark: 50 },
  ] as const;
  for (const c of scales) {
    it(`words the score by its id: ${c.scoreId}, its range and threshold, not a probability`, async () => {
      const el = await fixture<FgMatchMeter>(html`<fg-match-meter state="unknown" name="Ada" .score=${c.score} scoreId=${c.scoreId}
        threshold=${c.threshold} defaultThreshold=${c.threshold} hasTemplates></fg-match-meter>`);
      await expect(el).to.be.accessible();
      expect(words($(el, '.explain'))).to.match(c.range);
      expect(words($(el, '.explain'))).to.contain(`At or above the threshold (${c.shown}) counts as a match.`);
      expect(words($(el, '.who'))).to.contain(`below the threshold ${c.shown}`);
      const meter = $(el, '[role=meter]');
      expect([meter.getAttribute('aria-valuemin'), meter.getAttribute('aria-valuemax')]).to.deep.equal([c.min, '1']);
      expect(Array.from(el.shadowRoot!.querySelectorAll('.scale span'), words)).to.deep.equal([c.ends[0], `threshold ${c.shown}`, c.ends[1]]);
      // The bar and the threshold mark sit on the score's own range (a cosine of 0 is half-way).
      expect(Number($(el, 'rect.fill').getAttribute('width'))).to.be.closeTo(c.fill, 1e-9);
      expect(Number($(el, 'line.mark').getAttribute('x1'))).to.be.closeTo(c.mark, 1e-9);
    });
  }

  it('before anyone enrols: an invitation, not an orange "Unknown"', async () => {
    const el = await fixture<FgMatchMeter>(html`<fg-match-meter state="unknown" .name=${null} .score=${null}></fg-match-meter>`);
    await expect(el).to.be.accessible();
    expect(el.hasAttribute('data-invite')).to.equal(true);
    expect($(el, '.verdict').textContent).to.contain('Enrol to begin');
    expect($(el, '.verdict').textContent).not.to.contain('Unknown');
    expect($(el, '.who').textContent).to.match(/Nobody is enrolled yet\. Press .Enrol me. below/);
  });

  it('says so in Live when the threshold is not the default', async () => {
    const el = await fixture<FgMatchMeter>(html`<fg-match-meter state="matched" name="Ada" score="0.8" threshold="0.55" hasTemplates></fg-match-meter>`);
    expect($(el, '[data-notice=threshold]').textContent).to.match(/The threshold is\s+0\.55, not the default 0\.60/);
  });

  it('announces the state and the matched person, not every score', async () => {
    const el = await fixture<FgMatchMeter>(html`<fg-match-meter state="matched" name="Ada" score="0.8" hasTemplates></fg-match-meter>`);
    const live = $(el, '[aria-live=polite]');
    expect(live.textContent).to.match(/^Looks like Ada:/);
    el.score = 0.9;
    await el.updateComplete;
    el.textContent = '';
    expect(live.textContent).to.match(/^Looks like Ada:/);
    el.name = 'Grace';
    await el.updateComplete;
    expect(live.textContent).to.match(/^Looks like Grace:/);
    el.state = 'unknown';
    el.name = 'Ada';
    await el.updateComplete;
    expect(live.textContent).to.match(/Not recognised/);
    // The nearest name changing while unknown is not news.
    el.name = 'Grace';
    await el.updateComplete;
    expect(live.textContent).to.match(/the nearest is Ada/);
  });
});

describe('fg-camera-view', () => {
  it('is accessible and asks to start on click', async () => {
    const el = await fixture<FgCameraView>(html`<fg-camera-view></fg-camera-view>`);
    await expect(el).to.be.accessible();
    const button = $<HTMLButtonElement>(el, 'button');
    expect(button.textContent).to.equal('Start camera');
    setTimeout(() => button.click());
    const event = await nextEvent(el, 'camera-start');
    expect(event.deviceId).to.equal('');
  });

  it('offers a picker with several cameras, Stop, the readout and the box', async () => {
    const cameras = [{ deviceId: 'a', label: 'Front' }, { deviceId: 'b', label: 'USB' }];
    const observation = { width: 640, height: 480, faces: [{ box: [100, 50, 300, 300] as [number, number, number, number], score: 1, embedding: null, yaw: 0, pitch: 0, roll: 0, age: null, gender: null, genderScore: null }], timings: { detect: 40, embed: 0, total: 40 } };
    const quality = { state: 'good' as const, message: 'Good: face found.', isUsable: true };
    const el = await fixture<FgCameraView>(html`<fg-camera-view status="on" deviceId="a" .cameras=${cameras} .observation=${observation} .quality=${quality}
      fps="9.5" .timings=${{ detect: 40, embed: 120, match: 0.2 }}></fg-camera-view>`);
    await expect(el).to.be.accessible();
    expect($(el, '.readout').textContent).to.match(/9\.5 fps · detect 40 ms · embed 120 ms · match 0\.20 ms/);
    // Plain words first: the frame rate and milliseconds wait behind a closed Details toggle.
    const details = $<HTMLDetailsElement>(el, 'details');
    expect(details.contains($(el, '.readout'))).to.equal(true);
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent).to.equal('Details');
    expect($(el, '.quality').textContent).to.equal('Good: face found.');
    expect($(el, 'rect.box').getAttribute('width')).to.equal('300');
    const select = $<HTMLSelectElement>(el, 'select');
    select.value = 'b';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    expect((await nextEvent(el, 'camera-select')).deviceId).to.equal('b');
    setTimeout(() => $<HTMLButtonElement>(el, 'button').click());
    await nextEvent(el, 'camera-stop');
  });

  it('draws a box older than 250 ms as stale, never as current', async () => {
    const observation = { width: 640, height: 480, faces: [{ box: [100, 50, 300, 300] as [number, number, number, number], score: 1, embedding: null, yaw: 0, pitch: 0, roll: 0, age: null, gender: null, genderScore: null }], timings: { detect: 40, embed: 0, total: 40 } };
    const quality = { state: 'good' as const, message: 'Good: face found.', isUsable: true };
    const el = await fixture<FgCameraView>(html`<fg-camera-view status="on" .observation=${observation} .quality=${quality} .observedAt=${performance.now()}></fg-camera-view>`);
    expect($(el, 'rect.box').dataset.stale).to.equal('false');
    expect($(el, 'rect.box').classList.contains('good')).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await el.updateComplete;
    expect($(el, 'rect.box').dataset.stale).to.equal('true');
    expect($(el, 'rect.box').classList.contains('good')).to.equal(false);
    el.observation = { ...observation };
    el.observedAt = performance.now();
    await el.updateComplete;
    expect($(el, 'rect.box').dataset.stale).to.equal('false');
    el.observedAt = performance.now() - 400;
    await el.updateComplete;
    expect($(el, 'rect.box').dataset.stale).to.equal('true');
  });

  it('says why the camera is not running', async () => {
    const el = await fixture<FgCameraView>(html`<fg-camera-view status="failed" problem="Camera permission was denied."></fg-camera-view>`);
    await expect(el).to.be.accessible();
    expect($(el, '.problem').textContent).to.equal('Camera permission was denied.');
  });
});

describe('fg-enrol-panel', () => {
  it('is accessible and refuses an empty name without an event', async () => {
    const el = await fixture<FgEnrolPanel>(html`<fg-enrol-panel canEnrol></fg-enrol-panel>`);
    await expect(el).to.be.accessible();
    let fired = false;
    el.addEventListener('enrol-start', () => (fired = true));
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(fired).to.equal(false);
    expect($(el, '.problem').textContent).to.match(/Give this person a name/);
    await expect(el).to.be.accessible();
  });

  it('submits with Enter: the name, the labels given, the thumbnail off by default', async () => {
    const el = await fixture<FgEnrolPanel>(html`<fg-enrol-panel canEnrol></fg-enrol-panel>`);
    $<HTMLSelectElement>(el, 'select[name=age_band]').value = '30-44';
    $<HTMLInputElement>(el, 'input[name=name]').focus();
    setTimeout(() => sendKeys({ type: '  Ada  ' }).then(() => sendKeys({ press: 'Enter' })));
    const event = await nextEvent(el, 'enrol-start');
    expect(event.request).to.deep.equal({ name: 'Ada', labels: { age_band: '30-44' }, keepThumbnail: false });
  });

  it('shows progress and cancels', async () => {
    const el = await fixture<FgEnrolPanel>(html`<fg-enrol-panel canEnrol .progress=${{ taken: 2, needed: 5, hint: 'Come closer.' }}></fg-enrol-panel>`);
    await expect(el).to.be.accessible();
    expect($<HTMLProgressElement>(el, 'progress').value).to.equal(2);
    expect(el.shadowRoot!.textContent).to.match(/Capture 3 of 5/).and.match(/Come closer/);
    setTimeout(() => $<HTMLButtonElement>(el, 'button').click());
    await nextEvent(el, 'enrol-cancel');
  });

  it('explains why it cannot enrol', async () => {
    const el = await fixture<FgEnrolPanel>(html`<fg-enrol-panel unavailableReason="Start the camera to enrol."></fg-enrol-panel>`);
    expect($<HTMLButtonElement>(el, 'button[type=submit]').disabled).to.equal(true);
    expect(el.shadowRoot!.textContent).to.contain('Start the camera to enrol.');
  });
});

describe('fg-people-list', () => {
  const people = [
    { id: 'p1', name: 'Ada', labels: { race: 'White' }, embeddings: [new Float32Array(4)], createdAt: 0, updatedAt: 0, modelSha256: 'x', scoreId: 's' },
  ] as Template[];

  it('is accessible, renames with the keyboard and deletes', async () => {
    const el = await fixture<FgPeopleList>(html`<fg-people-list .people=${people}></fg-people-list>`);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button[aria-label="Rename Ada"]').click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('name');
    await expect(el).to.be.accessible();
    (el.shadowRoot!.activeElement as HTMLInputElement).select();
    setTimeout(async () => {
      await sendKeys({ type: 'Ada L.' });
      await sendKeys({ press: 'Enter' });
    });
    const rename = await nextEvent(el, 'person-rename');
    expect([rename.personId, rename.name]).to.deep.equal(['p1', 'Ada L.']);
    await el.updateComplete;
    setTimeout(() => $<HTMLButtonElement>(el, 'button[aria-label="Delete Ada"]').click());
    expect((await nextEvent(el, 'person-delete')).personId).to.equal('p1');
  });

  it('shows the model each person was enrolled with, and says plainly who the active model cannot match', async () => {
    const enrolled = [
      { ...people[0], modelId: 'faceres' },
      { ...people[0], id: 'p2', name: 'Bea', modelId: 'dlib' },
      { ...people[0], id: 'p3', name: 'Cy' }, // enrolled before the model picker: faceres
    ] as Template[];
    const el = await fixture<FgPeopleList>(html`<fg-people-list .people=${enrolled} modelId="faceres"></fg-people-list>`);
    await expect(el).to.be.accessible();
    const row = (id: string) => $(el, `li[data-person="${id}"]`);
    expect(words(row('p1'))).to.contain('1 captures · enrolled with faceres · White');
    expect(words(row('p2'))).to.contain('enrolled with dlib ResNet-34');
    expect(words(row('p3'))).to.contain('enrolled with faceres');
    expect(el.shadowRoot!.querySelectorAll('[data-other-model]').length).to.equal(1);
    expect(words(row('p2').querySelector('.other-model')!)).to.equal('Not matched while faceres runs: Bea has no enrolment for it, and faces ' +
      'from two models cannot be compared. Enrol Bea again with faceres, or switch back to dlib ResNet-34 under “Recognition model”.');
    el.modelId = 'dlib';
    await el.updateComplete;
    expect(Array.from(el.shadowRoot!.querySelectorAll('li[data-other-model]'), (li) => li.getAttribute('data-person'))).to.deep.equal(['p1', 'p3']);
    expect(words(row('p1').querySelector('.other-model')!)).to.match(/^Not matched while dlib ResNet-34 runs: Ada has no enrolment for it/);
    await expect(el).to.be.accessible();
  });

  it('asks before forgetting everything and focuses the confirmation', async () => {
    const el = await fixture<FgPeopleList>(html`<fg-people-list></fg-people-list>`);
    let fired = 0;
    el.addEventListener('forget-everything', () => fired++);
    $<HTMLButtonElement>(el, 'button').click();
    await el.updateComplete;
    expect(fired).to.equal(0);
    await expect(el).to.be.accessible();
    const confirm = el.shadowRoot!.activeElement as HTMLButtonElement;
    expect(confirm.textContent).to.equal('Yes, forget everything');
    confirm.click();
    expect(fired).to.equal(1);
  });
});

describe('fg-engine-status and fg-message', () => {
  const info: EngineInfo = {
    backend: 'wasm', requested: 'auto', reason: 'No WebGL here.', webglRenderer: null, wasmSimd: true, wasmMultithread: false,
    crossOriginIsolated: false, thread: 'worker', humanVersion: '3.3.6', tfjsVersion: '4.22.0', modelBasePath: '/models/',
    wasmPath: '/models/wasm/', models: [], loadMs: 1234,
  };

  it('says why wasm runs single-threaded', async () => {
    const el = await fixture<FgEngineStatus>(html`<fg-engine-status status="ready" .info=${info}></fg-engine-status>`);
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.textContent).to.contain('not cross-origin isolated, so wasm runs single-threaded').and.contain('1.2 s');
  });

  it('keeps the renderer string behind a closed Details toggle', async () => {
    const software = { ...info, reason: 'WebGL runs in software here (SwiftShader), so WebAssembly is faster.' };
    const el = await fixture<FgEngineStatus>(html`<fg-engine-status status="ready" .info=${software}></fg-engine-status>`);
    const details = $<HTMLDetailsElement>(el, 'details');
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent).to.equal('Details');
    expect(details.textContent).to.contain('SwiftShader');
    expect($(el, '.plain').textContent).not.to.contain('SwiftShader');
  });

  it('shows an error with role alert and can be dismissed', async () => {
    const el = await fixture<FgMessage>(html`<fg-message tone="error" dismissible>The models did not load.</fg-message>`);
    await expect(el).to.be.accessible();
    const alert = $(el, '[role=alert]');
    expect(alert, 'an error is announced at once (role=alert)').to.not.equal(null);
    expect(alert!.textContent, 'the error carries its icon, not colour alone').to.contain('\u26a0');
    expect(alert!.querySelector('slot')!.assignedNodes().map((node) => node.textContent).join('')).to.equal('The models did not load.');
    setTimeout(() => $<HTMLButtonElement>(el, 'button').click());
    await nextEvent(el, 'message-dismiss');
  });
});
