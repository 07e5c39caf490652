import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/app/fg-app';
import type { CameraService } from '../../src/app/camera';
import type { FgApp } from '../../src/app/fg-app';
import type { StoreFactory, VisionFactory } from '../../src/app/services';
import { createMemoryStore } from '../../src/store';
import { VisionError, type EngineInfo, type FaceObservation, type Observation, type VisionClient } from '../../src/vision/types';
import { canvasCamera, embeddingOf, FAKE_INFO as INFO, FakeVision } from './helpers/fake-app';

const inner = <T extends Element>(root: Element, selector: string) => root.shadowRoot!.querySelector(selector) as T;

async function mount(visionFactory: VisionFactory, storeFactory: StoreFactory = async () => ({ store: createMemoryStore() })) {
  return fixture<FgApp>(html`<fg-app .visionFactory=${visionFactory} .storeFactory=${storeFactory} .camera=${canvasCamera} .autoStartCamera=${false}></fg-app>`);
}

describe('fg-app with a fake engine, a canvas camera and a memory store', () => {
  it('enrols from observed frames, then matches, tells strangers apart and sees nobody', async () => {
    const vision = new FakeVision();
    const app = await mount(async () => ({ client: vision, info: INFO, modelSha256: 'fake-sha' }));
    await waitUntil(() => app.dataset.vision === 'ready' && app.dataset.store === 'memory', 'engine and store ready');
    await expect(app).to.be.accessible();
    expect(app.shadowRoot!.textContent).to.match(/Nothing will be kept after you close this tab|nothing will be kept/i);

    inner<HTMLButtonElement>(inner(app, 'fg-camera-view'), 'button').click();
    const meter = inner<HTMLElement>(app, 'fg-match-meter');
    await waitUntil(() => app.dataset.camera === 'on' && meter.dataset.state === 'unknown', 'a face, nobody enrolled', { timeout: 10000 });

    const panel = inner<HTMLElement>(app, 'fg-enrol-panel');
    inner<HTMLInputElement>(panel, 'input[name=name]').value = 'Ada';
    inner<HTMLSelectElement>(panel, 'select[name=race]').value = 'Black';
    inner<HTMLButtonElement>(panel, 'button[type=submit]').click();
    await waitUntil(() => app.dataset.enrol === 'capturing', 'capturing');
    await waitUntil(() => app.dataset.people === '1', 'Ada enrolled', { timeout: 15000 });
    expect(panel.shadowRoot!.textContent).to.match(/Enrolled Ada from 5 captures with faceres: only its embeddings were kept/);
    await waitUntil(() => meter.dataset.state === 'matched', 'Ada matched', { timeout: 5000 });
    expect(meter.shadowRoot!.textContent).to.contain('Looks like Ada');
    expect(meter.dataset.score).to.equal('1.000');
    expect(inner<HTMLElement>(app, 'fg-people-list').shadowRoot!.textContent).to.contain('Black');

    vision.person = 2;
    await waitUntil(() => meter.dataset.state === 'unknown', 'a stranger is unknown', { timeout: 5000 });
    vision.person = null;
    await waitUntil(() => meter.dataset.state === 'no-face', 'nobody', { timeout: 5000 });
    await expect(app).to.be.accessible();

    inner<HTMLButtonElement>(inner(app, 'fg-camera-view'), 'button').click();
    await waitUntil(() => app.dataset.camera === 'off', 'camera stopped');
  });

  it('remembers the camera picked, and uses the default one when it is gone', async () => {
    const asked: (string | undefined)[] = [];
    let isUsbPlugged = true;
    const twoCameras: CameraService = {
      listCameras: async () => [{ deviceId: 'front', label: 'Front' }, { deviceId: 'usb', label: 'USB' }],
      async start(options) {
        asked.push(options.deviceId);
        if (options.deviceId === 'usb' && !isUsbPlugged) throw new DOMException('No such camera.', 'OverconstrainedError');
        const session = await canvasCamera.start(options);
        return { ...session, deviceId: options.deviceId ?? 'front' };
      },
    };
    const store = createMemoryStore();
    const app = await fixture<FgApp>(html`<fg-app .visionFactory=${async () => ({ client: new FakeVision(), info: INFO, modelSha256: 'fake-sha' })}
      .storeFactory=${async () => ({ store })} .camera=${twoCameras} .autoStartCamera=${false}></fg-app>`);
    await waitUntil(() => app.dataset.store === 'memory', 'store ready');
    const view = inner<HTMLElement>(app, 'fg-camera-view');
    inner<HTMLButtonElement>(view, 'button').click();
    await waitUntil(() => app.dataset.camera === 'on' && view.shadowRoot!.querySelector('select') !== null, 'default camera on, picker shown');
    const select = inner<HTMLSelectElement>(view, 'select');
    select.value = 'usb';
    select.dispatchEvent(new Event('change'));
    await waitUntil(async () => app.dataset.camera === 'on' && (await store.settings.get('cameraId')) === 'usb', 'USB camera on and remembered');
    expect(inner<HTMLSelectElement>(view, 'select').value).to.equal('usb');

    inner<HTMLButtonElement>(view, 'button').click();
    await waitUntil(() => app.dataset.camera === 'off', 'camera stopped');
    inner<HTMLButtonElement>(view, 'button').click();
    await waitUntil(() => app.dataset.camera === 'on', 'camera on again');
    expect(asked.at(-1)).to.equal('usb');

    isUsbPlugged = false;
    inner<HTMLButtonElement>(view, 'button').click();
    await waitUntil(() => app.dataset.camera === 'off', 'camera stopped');
    inner<HTMLButtonElement>(view, 'button').click();
    await waitUntil(() => app.dataset.camera === 'on', 'the default camera, as USB is gone').catch(() => {
      throw new Error(`camera ${app.dataset.camera}, asked ${JSON.stringify(asked)}: ${view.shadowRoot!.textContent}`);
    });
    expect(asked.slice(-2)).to.deep.equal(['usb', undefined]);
  });

  it('refreshes the picker when cameras change, and stops with a clear state when the chosen one is gone', async () => {
    let cameras = [{ deviceId: 'front', label: 'Front' }, { deviceId: 'usb', label: 'USB' }];
    let notify = () => {};
    const changingCameras: CameraService = {
      listCameras: async () => cameras,
      async start(options) {
        const session = await canvasCamera.start(options);
        return { ...session, deviceId: options.deviceId ?? 'front' };
      },
      watchCameras(onChange) {
        notify = onChange;
        return () => { notify = () => {}; };
      },
    };
    const app = await fixture<FgApp>(html`<fg-app .visionFactory=${async () => ({ client: new FakeVision(), info: INFO, modelSha256: 'fake-sha' })}
      .storeFactory=${async () => ({ store: createMemoryStore() })} .camera=${changingCameras} .autoStartCamera=${false}></fg-app>`);
    await waitUntil(() => app.dataset.store === 'memory', 'store ready');
    const view = inner<HTMLElement>(app, 'fg-camera-view');
    inner<HTMLButtonElement>(view, 'button').click();
    await waitUntil(() => app.dataset.camera === 'on' && view.shadowRoot!.querySelector('select') !== null, 'camera on, picker shown');
    const select = inner<HTMLSelectElement>(view, 'select');
    select.value = 'usb';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => app.dataset.camera === 'on' && inner<HTMLSelectElement>(view, 'select').value === 'usb', 'USB camera on');

    // A third camera plugged in: listed, the running one untouched.
    cameras = [...cameras, { deviceId: 'hdmi', label: 'Capture card' }];
    notify();
    await waitUntil(() => view.shadowRoot!.querySelectorAll('option').length === 3, 'the new camera listed');
    expect(app.dataset.camera).to.equal('on');

    // The chosen camera unplugged without its track ending (some drivers): the list says it is gone.
    cameras = cameras.filter((camera) => camera.deviceId !== 'usb');
    notify();
    await waitUntil(() => app.dataset.camera === 'failed', 'camera stopped as unplugged');
    expect(view.shadowRoot!.textContent).to.contain('The camera stopped: it was unplugged or switched off.');
    expect([...view.shadowRoot!.querySelectorAll('option')].map((option) => option.value)).to.deep.equal(['front', 'hdmi']);
  });

  it('pauses the camera when the tab is hidden and says so', async () => {
    const app = await mount(async () => ({ client: new FakeVision(), info: INFO, modelSha256: 'fake-sha' }));
    inner<HTMLButtonElement>(inner(app, 'fg-camera-view'), 'button').click();
    await waitUntil(() => app.dataset.camera === 'on', 'camera on');
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', visibility);
    delete (document as { visibilityState?: unknown }).visibilityState;
    await waitUntil(() => app.dataset.camera === 'paused', 'paused');
    expect(inner(app, 'fg-camera-view').shadowRoot!.textContent).to.contain('Camera paused while this tab was hidden');
  });

  it('keeps the rest of the app working when the models fail, and says so', async () => {
    const app = await mount(async () => { throw new VisionError('models-failed', 'faceres.json answered HTTP 404.'); });
    await waitUntil(() => app.dataset.vision === 'failed', 'vision failed');
    // Find the banner by what it says, then check it is shown as an error and announced at once.
    const messages = [...app.shadowRoot!.querySelectorAll<HTMLElement>('fg-message')];
    const message = messages.find((m) => /faceres\.json answered HTTP 404/.test(m.textContent ?? ''));
    expect(message, `a banner naming the failure among: ${messages.map((m) => m.textContent).join(' | ')}`).to.exist;
    expect(message!.textContent).to.match(/faceres.json answered HTTP 404\. Your enrolled people, packs and the other tabs still work/);
    expect(message!.getAttribute('tone')).to.equal('error');
    expect(message!.shadowRoot!.querySelector('[role=alert]'), 'announced as an alert').to.exist;
    expect(inner<HTMLElement>(app, 'fg-people-list').shadowRoot!.textContent).to.contain('Nobody yet. Enrol yourself above');
    expect(inner<HTMLButtonElement>(inner(app, 'fg-enrol-panel'), 'button[type=submit]').disabled).to.equal(true);
    await expect(app).to.be.accessible();
  });

  it('moves between tabs with the arrow keys', async () => {
    const app = await mount(async () => ({ client: new FakeVision(), info: INFO, modelSha256: 'fake-sha' }));
    inner<HTMLButtonElement>(app, '#tab-live').focus();
    await sendKeys({ press: 'ArrowRight' });
    await app.updateComplete;
    expect(app.shadowRoot!.activeElement?.id).to.equal('tab-groups');
    expect(inner<HTMLElement>(app, '#panel-groups').hidden).to.equal(false);
    expect(inner<HTMLElement>(app, '#panel-live').hidden).to.equal(true);
    expect(inner(app, 'fg-you-vs-groups').shadowRoot!.textContent).to.match(/No pack loaded|No face in view|You vs the groups/);
    await sendKeys({ press: 'End' });
    await app.updateComplete;
    expect(app.shadowRoot!.activeElement?.id).to.equal('tab-privacy');
    await sendKeys({ press: 'ArrowRight' });
    await app.updateComplete;
    expect(app.shadowRoot!.activeElement?.id).to.equal('tab-live');
    await expect(app).to.be.accessible();
  });

  it('boxes faces while the recognition model loads, offers Enrol only once it is in, and fetches the pack only for a bias view', async () => {
    const vision = new FakeVision();
    const asked: boolean[] = [];
    const detect = vision.detect.bind(vision);
    vision.detect = (frame, options) => {
      asked.push(options.embed);
      return detect(frame, options);
    };
    let release!: () => void;
    const recogniser = new Promise<EngineInfo>((resolve) => (release = () => resolve({ ...INFO, isRecogniserLoading: false })));
    Object.assign(vision, { whenRecogniserReady: () => recogniser });
    const fetched: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    };
    const packRequests = () => fetched.filter((url) => url.endsWith('.fgpack')).length;
    const packsBefore = 0;
    const app = await mount(async () => ({ client: vision, info: { ...INFO, isRecogniserLoading: true }, modelSha256: 'fake-sha' }));
    await waitUntil(() => app.dataset.vision === 'ready', 'engine ready');
    inner<HTMLButtonElement>(inner(app, 'fg-camera-view'), 'button').click();
    const meter = inner<HTMLElement>(app, 'fg-match-meter');
    await waitUntil(() => meter.dataset.state === 'unknown', 'a face boxed before the recogniser is in', { timeout: 10000 });
    const panel = inner<HTMLElement>(app, 'fg-enrol-panel');
    expect(inner<HTMLButtonElement>(panel, 'button[type=submit]').disabled).to.equal(true);
    expect(panel.shadowRoot!.textContent).to.contain('Getting ready to recognise');
    expect(asked.length).to.be.greaterThan(0);
    expect(asked.every((embed) => !embed), 'no embedding asked for while the recogniser loads').to.equal(true);

    release();
    await waitUntil(() => !inner<HTMLButtonElement>(panel, 'button[type=submit]').disabled, 'Enrol offered', { timeout: 5000 });
    await waitUntil(() => asked.at(-1) === true, 'embeddings asked for once it is in', { timeout: 5000 });

    // Live needs no pack; The gap downloads the active one, and says how large it is meanwhile.
    expect(packRequests(), 'no pack fetched on Live').to.equal(packsBefore);
    inner<HTMLButtonElement>(app, '#tab-gap').click();
    await waitUntil(() => packRequests() > packsBefore, 'the pack fetched for The gap', { timeout: 10000 });
    window.fetch = realFetch;
    inner<HTMLButtonElement>(inner(app, 'fg-camera-view'), 'button').click();
  });
});
