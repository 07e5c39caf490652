import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/fg-import-panel';
import '../../src/components/fg-pack-manager';
import type { FgImportPanel, ImportFinishedEvent } from '../../src/components/fg-import-panel';
import type { FgPackManager, PackActivateEvent, PackDeleteEvent, PackExportEvent } from '../../src/components/fg-pack-manager';
import { decodePack } from '../../src/datasets/pack';
import { readModelIdentity } from '../../src/import/model';
import { DEFAULT_IMPORT_LICENSE, describeDefaultAttribution, describeImportedPack, ImportSession } from '../../src/import/session';
import { exportStoredPack } from '../../src/import/stored-pack';
import { SCORE_ID } from '../../src/matching/similarity';
import { openStore } from '../../src/store/idb-store';
import type { Store } from '../../src/store/types';
import { MODEL_BASE_PATH, WASM_PATH, WorkerVisionClient } from '../../src/vision/client';

const IDENTITY_FILES = ['labels.csv', 'Person_One/Person_One_0001.jpg', 'Person_One/Person_One_0002.jpg', 'Person_Two/Person_Two_0001.jpg', 'Person_Two/Person_Two_0002.jpg'];

async function chosen(folder: string, paths: string[]) {
  return Promise.all(paths.map(async (path) => ({ path, file: await (await fetch(`/test/fixtures/import/${folder}/${path}`)).blob() })));
}

describe('fg-pack-manager', () => {
  const bundled = [{ id: 'utkface-600', file: 'utkface-600.json', name: 'UTKFace 600', samples: 599, failures: 1, bytes: 3_500_000, sha256: 'a'.repeat(64) }];
  const imported = [{ id: 'imported-1', name: 'My set', modelSha256: 'b', scoreId: SCORE_ID, importedAt: Date.now(), details: {}, sampleCount: 4, approxBytes: 20000 }];

  it('is accessible, and fires pack-activate, pack-export and (after confirming) pack-delete', async () => {
    const el = await fixture<FgPackManager>(html`<fg-pack-manager .bundled=${bundled} .imported=${imported} .activeId=${'utkface-600'}></fg-pack-manager>`);
    await expect(el).to.be.accessible();
    const buttons = () => [...el.shadowRoot!.querySelectorAll('button')];
    expect(buttons()[0].getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.querySelector('a[download]')!.getAttribute('href')).to.equal('/packs/utkface-600.json');

    setTimeout(() => buttons()[1].click());
    expect(((await oneEvent(el, 'pack-activate')) as unknown as PackActivateEvent).packId).to.equal('imported-1');
    setTimeout(() => buttons()[2].click());
    expect(((await oneEvent(el, 'pack-export')) as unknown as PackExportEvent).packId).to.equal('imported-1');

    let deleted = 0;
    el.addEventListener('pack-delete', () => deleted++);
    buttons()[3].click();
    await el.updateComplete;
    expect(deleted).to.equal(0);
    await expect(el).to.be.accessible();
    setTimeout(() => buttons().find((b) => b.textContent === 'Delete for good')!.click());
    expect(((await oneEvent(el, 'pack-delete')) as unknown as PackDeleteEvent).packId).to.equal('imported-1');
  });

  it('says the download size of a pack not yet on this device before it is chosen, and which are kept', async () => {
    const packs = [
      { ...bundled[0], file: 'utkface-600.faceres.fgpack', bytes: 1_360_640 },
      { ...bundled[0], id: 'utkface-3000', name: 'UTKFace 3000', file: 'utkface-3000.faceres.fgpack', bytes: 6_801_232 },
    ];
    const el = await fixture<FgPackManager>(html`<fg-pack-manager .bundled=${packs} .activeId=${'utkface-600'}
      .keptFiles=${new Set(['/packs/utkface-600.faceres.fgpack'])}></fg-pack-manager>`);
    await expect(el).to.be.accessible();
    const items = [...el.shadowRoot!.querySelectorAll('li')];
    expect(items.map((item) => item.dataset.kept)).to.deep.equal(['true', 'false']);
    expect(items[0].querySelector('.meta')!.textContent).to.contain('kept on this device');
    expect(items[1].querySelector('.meta')!.textContent).to.contain('6.5 MB, downloaded when you choose it');
    expect(items[1].querySelector('button')!.textContent).to.contain('Download 6.5 MB and use');
    // Without a service worker nothing is kept between visits: the list says nothing about it.
    el.keptFiles = null;
    await el.updateComplete;
    expect(items[1].querySelector('.meta')!.textContent).not.to.contain('downloaded when');
    expect(items[1].querySelector('button')!.textContent!.trim()).to.match(/^Use/);
  });
});

describe('describeImportedPack', () => {
  const cases: [string, Parameters<typeof describeImportedPack>[1], ReturnType<typeof describeImportedPack>][] = [
    ['nothing given', {}, { name: 'holiday', license: DEFAULT_IMPORT_LICENSE, attribution: describeDefaultAttribution('holiday') }],
    ['blanks', { name: ' ', license: '', attribution: '\t' }, { name: 'holiday', license: DEFAULT_IMPORT_LICENSE, attribution: describeDefaultAttribution('holiday') }],
    ['all typed', { name: ' Mine ', license: 'CC0', attribution: 'Me' }, { name: 'Mine', license: 'CC0', attribution: 'Me' }],
  ];
  for (const [what, options, expected] of cases) {
    it(`fills defaults: ${what}`, () => {
      expect(describeImportedPack('holiday', options)).to.deep.equal(expected);
    });
  }
});

describe('fg-import-panel (real models, IndexedDB)', () => {
  let client: WorkerVisionClient;
  let store: Store;
  let session: ImportSession;

  before(async () => {
    client = new WorkerVisionClient();
    const info = await client.load({ backend: 'wasm', modelBasePath: MODEL_BASE_PATH, wasmPath: WASM_PATH });
    store = await openStore({ name: `facegap-panel-test-${crypto.randomUUID()}` });
    session = new ImportSession({ client, store, model: await readModelIdentity(MODEL_BASE_PATH, info.humanVersion) });
  });
  after(async () => {
    client.dispose();
    await store.forgetEverything();
  });

  it('previews identity folders, imports them into a stored pack and reports it', async () => {
    const el = await fixture<FgImportPanel>(html`<fg-import-panel .session=${session}></fg-import-panel>`);
    await expect(el).to.be.accessible();
    await session.choose('identity', await chosen('identity', IDENTITY_FILES));
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('tbody tr')).to.have.length(4);
    expect(root.textContent).to.contain('4 photos will be imported');
    await expect(el).to.be.accessible();

    const start = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Import')!;
    setTimeout(() => start.click());
    const { packId } = (await oneEvent(el, 'import-finished')) as unknown as ImportFinishedEvent;
    await el.updateComplete;
    expect(root.querySelector('[role=status]')!.textContent).to.contain('4 faces');
    const stored = await store.packs.get(packId);
    const { text } = exportStoredPack(stored!);
    const pack = decodePack(text, { modelSha256: stored!.metadata.modelSha256, dim: 1024, scoreId: SCORE_ID });
    expect(pack.samples.map((s) => [s.subject, s.labels.race])).to.deep.equal([
      ['Person_One', 'Black'], ['Person_One', 'Black'], ['Person_Two', 'White'], ['Person_Two', 'White'],
    ]);
    expect(pack.preprocessing.margin).to.equal(0);
    // Fields left as prefilled: the defaults are what the pack records.
    expect(pack).to.include({ name: 'identity', license: DEFAULT_IMPORT_LICENSE, attribution: describeDefaultAttribution('identity') });
    expect(await store.importJobs.list()).to.deep.equal([]);
  });

  it('stores the name, licence and attribution typed in the preview, in the pack and its export', async () => {
    const el = await fixture<FgImportPanel>(html`<fg-import-panel .session=${session}></fg-import-panel>`);
    await session.choose('team-photos', await chosen('identity', IDENTITY_FILES));
    await el.updateComplete;
    const root = el.shadowRoot!;
    const field = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    expect([field('name').value, field('license').value, field('attribution').value])
      .to.deep.equal(['team-photos', DEFAULT_IMPORT_LICENSE, describeDefaultAttribution('team-photos')]);
    await expect(el).to.be.accessible();

    const typed = { name: 'Team 2025', license: 'CC BY 4.0', attribution: 'Photos by the FaceGap team, with consent.' };
    for (const [name, value] of Object.entries(typed)) {
      field(name).value = `  ${value} `;
      field(name).dispatchEvent(new Event('input'));
    }
    await el.updateComplete;
    const start = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Import')!;
    setTimeout(() => start.click());
    const { packId } = (await oneEvent(el, 'import-finished')) as unknown as ImportFinishedEvent;
    const stored = (await store.packs.get(packId))!;
    expect(stored.metadata.name).to.equal(typed.name);
    expect(stored.metadata.details).to.include({ license: typed.license, attribution: typed.attribution });
    const pack = decodePack(exportStoredPack(stored).text, { modelSha256: stored.metadata.modelSha256, dim: 1024, scoreId: SCORE_ID });
    expect(pack).to.include(typed);
    await store.packs.delete(packId);
  });

  it('asks for a pack name when separate photos are chosen instead of a folder, not "4 files"', async () => {
    const el = await fixture<FgImportPanel>(html`<fg-import-panel .session=${session}></fg-import-panel>`);
    const names = ['25_0_0_20170109150557335.jpg.chip.jpg', '33_1_3_20170119000000003.jpg.chip.jpg', '41_1_1_20170113000000001.jpg.chip.jpg', '63_0_2_20170116000000002.jpg.chip.jpg'];
    const picked = new DataTransfer();
    for (const name of names) picked.items.add(new File([await (await fetch(`/test/fixtures/import/utkface/${name}`)).blob()], name, { type: 'image/jpeg' }));
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file][multiple]')!;
    input.files = picked.files;
    input.dispatchEvent(new Event('change'));
    const root = el.shadowRoot!;
    const field = () => root.querySelector<HTMLInputElement>('input[name="name"]');
    for (let i = 0; i < 200 && !field(); i++) await new Promise((done) => setTimeout(done, 50));
    await el.updateComplete;
    expect(field()!.value).to.equal('');
    expect(field()!.required).to.equal(true);
    expect(root.querySelector('#name-needed')!.textContent).to.contain('You chose separate photos, not a folder');
    const start = () => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Import')!;
    expect(start().disabled, 'Import waits for a name').to.equal(true);
    await expect(el).to.be.accessible();
    field()!.value = 'Our class, May';
    field()!.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(start().disabled).to.equal(false);
  });

  it('offers a column mapping for a generic CSV and applies it', async () => {
    const el = await fixture<FgImportPanel>(html`<fg-import-panel .session=${session}></fg-import-panel>`);
    await session.choose('generic', await chosen('generic', ['photos.csv', 'pics/g1.jpg', 'pics/g2.jpg']));
    await el.updateComplete;
    expect(session.state.preview?.detection.format).to.equal('generic-csv');
    const selects = [...el.shadowRoot!.querySelectorAll('select')];
    expect(selects.length).to.equal(5);
    await expect(el).to.be.accessible();
    await session.setMapping({ file: 'picture', subject: 'who', age: 'yrs', labels: { gender: 's', race: 'grp' } });
    await el.updateComplete;
    expect(session.state.preview!.counts.race).to.deep.equal({ Indian: 1, Asian: 1 });
    expect(el.shadowRoot!.textContent).to.contain('anna');
  });
});
