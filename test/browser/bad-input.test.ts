/**
 * Bad input reaching fg-app, in Chromium with real IndexedDB and the real pack decoder: packs the
 * app must refuse, storage that will not open, a full disk while enrolling, a camera taken away.
 * Each case checks the words the user reads (what happened, what was kept, what to do) and that
 * what was stored before is still there.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/app/fg-app';
import type { CameraService } from '../../src/app/camera';
import type { FgApp } from '../../src/app/fg-app';
import { describeStoreFallback, describeVisionFailure, openBrowserStore, type StoreFactory, type VisionFactory } from '../../src/app/services';
import type { ReferencePack } from '../../src/datasets/pack-types';
import { toStoredPackInput } from '../../src/import/stored-pack';
import { createTemplate } from '../../src/matching/templates';
import { createMemoryStore, describeStoreFailure, NOT_KEPT_NOTICE, openStore, StoreError, type Store } from '../../src/store';
import { VisionError } from '../../src/vision/types';
import { createCanvasCamera, embeddingOf, FAKE_INFO, FakeVision } from './helpers/fake-app';

/** Templates record the model; the fake engine claims this one. */
const FAKE_MODEL_SHA = 'fake-model-sha';
const UTKFACE_NAME = 'UTKFace 600 (balanced)';

const fakeVision = (person = 2): VisionFactory => async () => ({ client: new FakeVision(person), info: FAKE_INFO, modelSha256: FAKE_MODEL_SHA });

const inner = <T extends Element>(root: Element, selector: string) => root.shadowRoot!.querySelector(selector) as T;
const textOf = (element: Element | null | undefined) => (element?.shadowRoot?.textContent ?? element?.textContent ?? '').replace(/\s+/g, ' ');
const noticesOf = (app: FgApp) => [...app.shadowRoot!.querySelectorAll('fg-message')].map((message) => message.textContent!.replace(/\s+/g, ' ').trim());

async function mount(options: { storeFactory?: StoreFactory; camera?: CameraService; visionFactory?: VisionFactory } = {}): Promise<FgApp> {
  const storeFactory = options.storeFactory ?? (async () => ({ store: createMemoryStore() }));
  return fixture<FgApp>(html`<fg-app .visionFactory=${options.visionFactory ?? fakeVision()} .storeFactory=${storeFactory}
    .camera=${options.camera ?? createCanvasCamera()} .autoStartCamera=${false}></fg-app>`);
}

async function openTab(app: FgApp, id: string): Promise<void> {
  inner<HTMLButtonElement>(app, `#tab-${id}`).click();
  await app.updateComplete;
}

/** The pack error banner's text once the pack controller gave up, or '' while it is still working. */
function packError(app: FgApp): string {
  const banner = app.shadowRoot!.querySelector('fg-message[heading="The reference pack could not be opened"]');
  return banner ? banner.textContent!.replace(/\s+/g, ' ').trim() : '';
}

/** Serves `/packs/<file>` as `edit` rewrites it; everything else goes to the network untouched. */
/**
 * Serves an edited copy of a bundled pack in place of the file the app fetches for it
 * (`<id>.faceres.fgpack`), edited from its lossless v1 JSON (`<id>.json`; the app reads both
 * versions), and lists it in the index with the edited bytes' sha256 and with `utkface-600` as the
 * default pack, so the check under test is the pack's own validation, not the index's hash.
 */
function rewritePack(id: string, edit: (text: string) => string): () => void {
  const original = window.fetch;
  let edited: Promise<{ bytes: Uint8Array; sha256: string }> | null = null;
  const editedPack = () => (edited ??= (async () => {
    const bytes = new TextEncoder().encode(edit(await (await original(`/packs/${id}.json`)).text()));
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return { bytes, sha256: [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('') };
  })());
  window.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname === `/packs/${id}.faceres.fgpack`) {
      return new Response(new Blob([(await editedPack()).bytes as Uint8Array<ArrayBuffer>]), { status: 200, headers: { 'Content-Type': 'application/octet-stream' } });
    }
    if (url.pathname === '/packs/index.json') {
      const index = (await (await original(input, init)).json()) as { defaultPack?: string; packs: { id: string; sha256: string; bytes: number }[] };
      const { bytes, sha256 } = await editedPack();
      index.defaultPack = 'utkface-600';
      for (const entry of index.packs) if (entry.id === id) Object.assign(entry, { sha256, bytes: bytes.length });
      return new Response(JSON.stringify(index), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    return original(input, init);
  };
  return () => void (window.fetch = original);
}

function editJson(change: (pack: Record<string, any>) => void): (text: string) => string {
  return (text) => {
    const pack = JSON.parse(text) as Record<string, any>;
    change(pack);
    return JSON.stringify(pack);
  };
}

async function enrolThroughUi(app: FgApp, name: string): Promise<void> {
  const panel = inner<HTMLElement>(app, 'fg-enrol-panel');
  await waitUntil(() => !inner<HTMLButtonElement>(panel, 'button[type=submit]').disabled, 'the enrol button is enabled', { timeout: 5000 });
  inner<HTMLInputElement>(panel, 'input[name=name]').value = name;
  inner<HTMLButtonElement>(panel, 'button[type=submit]').click();
  await waitUntil(() => app.dataset.enrol === 'capturing', 'capturing');
  await waitUntil(() => app.dataset.enrol === 'idle', 'the enrolment to end', { timeout: 15000 });
}

async function startCamera(app: FgApp): Promise<void> {
  inner<HTMLButtonElement>(inner(app, 'fg-camera-view'), 'button').click();
  await waitUntil(() => app.dataset.camera === 'on', 'camera on', { timeout: 5000 });
}

describe('bad reference packs are refused in words, and nothing half-loaded is shown', () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
  });

  const cases: { name: string; edit: (text: string) => string; says: RegExp }[] = [
    {
      name: 'a pack made with another face model (model.sha256 changed)',
      edit: editJson((pack) => void (pack.model.sha256 = 'f'.repeat(64))),
      says: /made with a different face model \(@vladmandic\/human@[\d.]+, weights ffffffffffff\.\.\., yours [0-9a-f]{12}\.\.\.\): its scores cannot be compared with yours/,
    },
    {
      name: 'a truncated pack (cut off half-way)',
      edit: (text) => text.slice(0, Math.floor(text.length / 2)),
      says: /The file ends early: it was cut off while saving or downloading/,
    },
    {
      name: 'a pack of a newer format version',
      edit: editJson((pack) => void (pack.version = 9)),
      says: /made by a newer FaceGap \(pack version 9; this one reads version \d\)/,
    },
    {
      name: 'a pack of 512-number embeddings',
      edit: editJson((pack) => void (pack.model.dim = 512)),
      says: /This pack holds 512-number embeddings, but this FaceGap's face model gives 1024: its scores cannot be compared with yours/,
    },
  ];

  for (const { name, edit, says } of cases) {
    it(`refuses ${name}`, async () => {
      restore = rewritePack('utkface-600', edit);
      const app = await mount();
      await openTab(app, 'gap');
      await waitUntil(() => packError(app) !== '', 'the pack to be refused', { timeout: 30000 });
      const error = packError(app);
      expect(error).to.match(says);
      expect(error).to.contain(`The bundled pack “${UTKFACE_NAME}” (utkface-600.faceres.fgpack) was refused.`);
      expect(error).to.contain('Nothing from this file was imported; your faces and other packs are unchanged.');
      // Nothing of the refused pack reaches the views; the other bundled pack can still be chosen.
      expect(textOf(inner(app, 'fg-gap-view'))).to.contain('No pack loaded');
      expect(textOf(inner(app, 'fg-pack-manager'))).to.contain('LFW 94 people');
      await expect(app).to.be.accessible();
    });
  }

  it('keeps showing the pack in use when the next one is refused, and says so', async () => {
    restore = rewritePack('lfw-94', editJson((pack) => void (pack.model.sha256 = '0'.repeat(64))));
    const app = await mount();
    await openTab(app, 'gap');
    await waitUntil(() => textOf(inner(app, 'fg-gap-view')).includes(`The gap: ${UTKFACE_NAME}`), 'UTKFace 600 to load', { timeout: 30000 });
    const manager = inner<HTMLElement>(app, 'fg-pack-manager');
    const useLfw = [...manager.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.includes('Use LFW 94 people'))!;
    useLfw.click();
    await waitUntil(() => packError(app) !== '', 'LFW to be refused', { timeout: 30000 });
    expect(packError(app)).to.match(/LFW 94 people.*made with a different face model.*The views still show “UTKFace 600 \(balanced\)”\./);
    expect(textOf(inner(app, 'fg-gap-view'))).to.contain(`The gap: ${UTKFACE_NAME}`);
  });

  it('refuses an imported pack kept from another face model, and leaves it on the device', async () => {
    const store = createMemoryStore();
    const pack = (await (await fetch('/packs/lfw-94.json')).json()) as ReferencePack;
    // Only metadata matters here: the refusal comes before any sample is read.
    const oldModel = { ...pack.model, sha256: 'a'.repeat(64) };
    await store.packs.put(toStoredPackInput('old-model-pack', { ...pack, name: 'My photos (old model)', model: oldModel, samples: [], failures: [] }));
    await store.settings.set('activePackId', 'old-model-pack');
    const app = await mount({ storeFactory: async () => ({ store }) });
    await openTab(app, 'gap');
    await waitUntil(() => packError(app) !== '', 'the stored pack to be refused', { timeout: 30000 });
    expect(packError(app)).to.match(/The pack “My photos \(old model\)” was made with a different face model \(weights aaaaaaaaaaaa\.\.\., yours [0-9a-f]{12}\.\.\.\), so its scores cannot be compared with yours\. It stays on this device unchanged; import its photos again to rebuild it with this model, or delete it\./);
    expect(textOf(inner(app, 'fg-pack-manager'))).to.contain('My photos (old model)');
    expect((await store.packs.list()).map((meta) => meta.id)).to.deep.equal(['old-model-pack']);
  });
});

describe('storage that does not open: the app runs on memory and says nothing will be kept', () => {
  const factory = IDBFactory.prototype;
  const originalOpen = factory.open;
  afterEach(() => void (factory.open = originalOpen));

  const cases: { name: string; thrown: () => unknown; says: RegExp }[] = [
    {
      name: 'refused outright (private browsing, site storage off)',
      thrown: () => new DOMException('The user denied permission to access the database.', 'SecurityError'),
      says: /This browser does not let FaceGap keep data on this device \(private browsing, or site storage turned off\).*FaceGap still works, but nothing will be kept after you close this tab\./,
    },
    {
      name: 'broken (Chromium cannot open its backing store)',
      thrown: () => new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'),
      says: /This browser's storage could not be opened \(the browser said: Internal error opening backing store for indexedDB\.open\)\. FaceGap still works, but nothing will be kept after you close this tab\. Anything saved before stays on this device; reload the page to try again\./,
    },
  ];

  for (const { name, thrown, says } of cases) {
    it(`when IndexedDB is ${name}`, async () => {
      factory.open = () => { throw thrown(); };
      const app = await mount({ storeFactory: openBrowserStore });
      await waitUntil(() => app.dataset.store === 'memory', 'the memory store', { timeout: 5000 });
      const notices = noticesOf(app);
      expect(notices.some((text) => says.test(text)), notices.join('\n')).to.equal(true);
      expect(notices.join(' ')).to.contain(NOT_KEPT_NOTICE.toLowerCase());

      // The app still works: someone can be enrolled, for this tab's lifetime.
      await startCamera(app);
      await enrolThroughUi(app, 'Temporary');
      expect(app.dataset.people).to.equal('1');
    });
  }
});

describe('a full disk while enrolling', () => {
  const objectStore = IDBObjectStore.prototype;
  const originalAdd = objectStore.add;
  const stores: Store[] = [];
  afterEach(() => {
    objectStore.add = originalAdd;
    stores.splice(0).forEach((store) => store.close());
  });

  it('says nothing was saved and that the people enrolled before are still there', async () => {
    const name = `facegap-bad-input-${Date.now()}`;
    const store = await openStore({ name });
    stores.push(store);
    const ada = createTemplate({ name: 'Ada', embeddings: [embeddingOf(1), embeddingOf(1)], modelSha256: FAKE_MODEL_SHA, labels: {} });
    if (!ada.ok) throw new Error(ada.problem);
    await store.people.add(ada.template);

    const app = await mount({ storeFactory: async () => ({ store }), visionFactory: fakeVision(2) });
    await waitUntil(() => app.dataset.people === '1', 'Ada loaded');
    // The disk fills up: IndexedDB refuses the next person the way Chromium does, inside the transaction.
    objectStore.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === 'people') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return originalAdd.apply(this, args);
    };
    await startCamera(app);
    await enrolThroughUi(app, 'Bea');

    const message = textOf(inner(app, 'fg-enrol-panel'));
    expect(message).to.contain('The device\'s storage is full: the person “Bea” was not saved. Everything saved before is still there. Free some space or delete a pack, then try again.');
    expect(app.dataset.people).to.equal('1');
    expect(textOf(inner(app, 'fg-people-list'))).to.contain('Ada');
    expect(textOf(inner(app, 'fg-people-list'))).not.to.contain('Bea');

    // What is on disk, read through a second connection: Ada, whole.
    objectStore.add = originalAdd;
    const reopened = await openStore({ name });
    stores.push(reopened);
    const people = await reopened.people.list();
    expect(people.map((person) => person.name)).to.deep.equal(['Ada']);
    expect(people[0].embeddings.length).to.equal(2);

    // With space again, the same enrolment goes through.
    await enrolThroughUi(app, 'Bea');
    expect(app.dataset.people).to.equal('2');
    await expect(app).to.be.accessible();
  });
});

describe('a camera that goes away mid-session', () => {
  it('says the camera stopped, and keeps the people enrolled', async () => {
    const camera = createCanvasCamera();
    const app = await mount({ camera });
    await startCamera(app);
    await enrolThroughUi(app, 'Ada');
    expect(app.dataset.people).to.equal('1');
    camera.end();
    await waitUntil(() => app.dataset.camera === 'failed', 'the camera to be reported stopped', { timeout: 5000 });
    expect(textOf(inner(app, 'fg-camera-view'))).to.contain('The camera stopped: it was unplugged or switched off. Your enrolled people and packs are untouched. Plug it back in, then press Start camera.');
    expect(app.dataset.people).to.equal('1');
    expect(textOf(inner(app, 'fg-people-list'))).to.contain('Ada');
  });

  /** Replaces the camera permission with one the test controls; `restore` puts the browser's back. */
  function stubCameraPermission(state: PermissionState): { revoke(): void; restore(): void } {
    const permissions = navigator.permissions;
    const query = permissions.query;
    const status = Object.assign(new EventTarget(), { state, name: 'camera', onchange: null });
    permissions.query = async () => status as unknown as PermissionStatus;
    return {
      revoke() {
        status.state = 'denied';
        status.dispatchEvent(new Event('change'));
      },
      restore: () => void (permissions.query = query),
    };
  }

  const revocations = [
    { name: 'reads "denied" when the track ends', state: 'denied' as const, revokeAfterMs: null },
    // Under load Chromium may end the track a moment before the permission reads "denied".
    { name: 'turns "denied" a moment after the track ended', state: 'granted' as const, revokeAfterMs: 200 },
  ];
  for (const { name, state, revokeAfterMs } of revocations) {
    it(`says the permission was taken back when it ${name}`, async () => {
      const camera = createCanvasCamera();
      const app = await mount({ camera });
      await startCamera(app);
      const permission = stubCameraPermission(state);
      try {
        camera.end();
        if (revokeAfterMs !== null) setTimeout(() => permission.revoke(), revokeAfterMs);
        await waitUntil(() => textOf(inner(app, 'fg-camera-view')).includes('Camera permission was taken back'), 'the revocation to be reported', { timeout: 5000 });
      } finally {
        permission.restore();
      }
      expect(app.dataset.camera).to.equal('failed');
      expect(textOf(inner(app, 'fg-camera-view'))).to.contain('Camera permission was taken back while the camera ran, so the live view stopped. Your enrolled people and packs are untouched. To allow it again, click the camera icon in the address bar (or the site settings), allow the camera, then press Start camera.');
    });
  }
});

describe('the sentences for failures that have no e2e of their own', () => {
  it('never suggests the backend that just failed, and says detection stopped rather than "did not start"', () => {
    const wasm = describeVisionFailure(new VisionError('wasm-failed', 'Asked for the wasm backend but webgl started.'));
    expect(wasm).to.contain('add ?backend=cpu').and.not.to.contain('?backend=wasm');
    const detect = describeVisionFailure(new VisionError('inference-failed', 'Face detection failed on this frame (out of memory).'));
    expect(detect).to.equal('Face detection stopped, and so did the camera: Face detection failed on this frame (out of memory). ' +
      'Your enrolled people, packs and the other tabs still work. Press Start camera to try again, or reload the page.');
  });

  for (const kind of ['blocked', 'version'] as const) {
    it(`says nothing will be kept when storage is ${kind} and the app runs on memory`, () => {
      const notice = describeStoreFallback(new StoreError(kind, describeStoreFailure(kind, "opening FaceGap's storage")));
      expect(notice).to.contain('Nothing was changed.');
      expect(notice).to.match(/Until then FaceGap works without storage: nothing will be kept after you close this tab\.$/);
    });
  }
});
