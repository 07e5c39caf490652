/**
 * "Forget everything" through the app's one owner (PrivacyController): from the Privacy tab, from
 * another tab's announcement (BroadcastChannel), and from another tab deleting the database
 * (versionchange). Each must leave this tab holding nobody, and say why.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/app/fg-app';
import type { CameraService } from '../../src/app/camera';
import type { FgApp } from '../../src/app/fg-app';
import { AFTER_WIPE_NOTICE, WIPED_ELSEWHERE_NOTICE } from '../../src/app/privacy-controller';
import type { StoreFactory } from '../../src/app/services';
import { createTemplate, EMBEDDING_LENGTH } from '../../src/matching/templates';
import { WipeChannel } from '../../src/privacy/wipe-broadcast';
import { createMemoryStore, deleteFaceGapDatabase, openStore, type Store } from '../../src/store';

const noCamera: CameraService = { listCameras: async () => [], start: () => Promise.reject(new Error('no camera in this test')) };
const neverVision = () => new Promise<never>(() => {});

async function addPerson(store: Store, name: string): Promise<void> {
  const made = createTemplate({ name, embeddings: [new Float32Array(EMBEDDING_LENGTH).fill(0.02)], modelSha256: 'abc' });
  if (!made.ok) throw new Error(made.problem);
  await store.people.add(made.template);
}

async function mount(storeFactory: StoreFactory): Promise<FgApp> {
  const app = await fixture<FgApp>(html`<fg-app .visionFactory=${neverVision} .storeFactory=${storeFactory} .camera=${noCamera} .autoStartCamera=${false}></fg-app>`);
  await waitUntil(() => app.dataset.people === '1', 'the stored person is loaded');
  return app;
}

const notices = (app: FgApp) => Array.from(app.shadowRoot!.querySelectorAll('.notices fg-message')).map((m) => m.textContent ?? '');
const peopleNames = (app: FgApp) => app.shadowRoot!.querySelector('fg-people-list')!.shadowRoot!.textContent ?? '';

describe('Forget everything, owned by the app', () => {
  it('from the Privacy tab: deletes, empties the people list, shows the report and the notice', async () => {
    const store = createMemoryStore();
    await addPerson(store, 'Ada');
    const app = await mount(async () => ({ store }));
    app.shadowRoot!.querySelector<HTMLButtonElement>('#tab-privacy')!.click();
    await app.updateComplete;
    const panel = app.shadowRoot!.querySelector('fg-privacy-panel')!;
    await waitUntil(() => panel.inventory !== null, 'the Privacy tab reads the inventory');
    await expect(panel).to.be.accessible();
    const storage = panel.shadowRoot!.querySelector('fg-storage-panel')!;
    storage.shadowRoot!.querySelector<HTMLButtonElement>('button.forget')!.click();
    await storage.updateComplete;
    storage.shadowRoot!.querySelector<HTMLButtonElement>('button.confirm-forget')!.click();

    await waitUntil(() => app.dataset.people === '0' && panel.wipeReport !== null, 'the wipe finished', { timeout: 15000 });
    expect(panel.wipeReport!.database?.deleted.people.records).to.equal(1);
    expect(await store.people.list().then(() => 'open', () => 'closed')).to.equal('closed');
    await storage.updateComplete;
    expect(storage.shadowRoot!.querySelector('.wipe-report')!.textContent).to.contain('1 person');
    await waitUntil(() => storage.shadowRoot!.querySelector('.not-kept'), 'the inventory of the store that keeps nothing');
    expect(storage.shadowRoot!.querySelector('.not-kept')!.textContent).to.contain('everything was just forgotten');
    expect(notices(app)).to.include(AFTER_WIPE_NOTICE);
    await expect(app).to.be.accessible();
  });

  it('announced by another tab: lets go of the people it holds and says why', async () => {
    const store = createMemoryStore();
    await addPerson(store, 'Grace');
    const app = await mount(async () => ({ store }));
    expect(peopleNames(app)).to.contain('Grace');

    const otherTab = new WipeChannel(() => {});
    otherTab.announce(true);
    otherTab.close();

    await waitUntil(() => app.dataset.people === '0', 'the announcement empties the people list', { timeout: 15000 });
    expect(peopleNames(app)).not.to.contain('Grace');
    expect(notices(app)).to.include(WIPED_ELSEWHERE_NOTICE);
    expect(app.dataset.store).to.equal('memory');
  });

  it('when another tab deletes the database (versionchange): lets go too, and the deletion is not blocked', async () => {
    const name = `facegap-wipe-test-${Date.now()}`;
    const seed = await openStore({ name });
    await addPerson(seed, 'Hedy');
    seed.close();
    const app = await mount(async (hooks) => ({ store: await openStore({ name, onClosedElsewhere: hooks?.onClosedElsewhere }) }));

    // The other tab's BroadcastChannel may never speak (an old version, a devtools deletion): the database's event is enough.
    const deleted = await deleteFaceGapDatabase(name, 2000);
    expect(deleted.isComplete).to.equal(true);
    await waitUntil(() => app.dataset.people === '0', 'the versionchange empties the people list', { timeout: 15000 });
    expect(notices(app)).to.include(WIPED_ELSEWHERE_NOTICE);
  });
});
