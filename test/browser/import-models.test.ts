import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/fg-import-panel';
import type { FgImportPanel, ImportFinishedEvent } from '../../src/components/fg-import-panel';
import type { OtherModelsChangeEvent } from '../../src/components/fg-import-models';
import { parseUtkFaceFiles } from '../../src/datasets/labels';
import { createMemoryLedger } from '../../src/import/ledger';
import { readModelIdentity } from '../../src/import/model';
import { runImport, TIGHT_CROP_PREPROCESSING } from '../../src/import/pipeline';
import { ImportSession } from '../../src/import/session';
import { fromStoredPack } from '../../src/import/stored-pack';
import type { ImportItem, ImportRecord } from '../../src/import/types';
import { getModel, type ModelId } from '../../src/models/registry';
import { CompareController } from '../../src/app/compare-controller';
import type { PackController } from '../../src/app/pack-controller';
import { openStore } from '../../src/store/idb-store';
import type { Store } from '../../src/store/types';
import { MODEL_BASE_PATH, WASM_PATH, WorkerVisionClient } from '../../src/vision/client';
import { VisionError, type EngineInfo, type VisionClient } from '../../src/vision/types';
import { loadFixture } from './helpers/images';

const UTK_FILES = [
  '25_0_0_20170109150557335.jpg.chip.jpg',
  '41_1_1_20170113000000001.jpg.chip.jpg',
  '63_0_2_20170116000000002.jpg.chip.jpg',
  '33_1_3_20170119000000003.jpg.chip.jpg',
];

async function fetchFixture(path: string): Promise<Blob> {
  const response = await fetch(`/test/fixtures/import/utkface/${path}`);
  if (!response.ok) throw new Error(`fixture ${path}: HTTP ${response.status}`);
  return response.blob();
}
const chosen = () => Promise.all(UTK_FILES.map(async (path) => ({ path, file: await fetchFixture(path) })));
const items = (): ImportItem[] => parseUtkFaceFiles(UTK_FILES).items.map((labelled) => ({ labelled, read: () => fetchFixture(labelled.file) }));
const done = (records: ImportRecord[]) => records.filter((r): r is Extract<ImportRecord, { status: 'done' }> => r.status === 'done');

/** Passes calls through; the first one that asks for other models fails as a crashed worker would. */
class CrashOnceClient implements VisionClient {
  calls: (readonly string[])[] = [];
  private hasCrashed = false;
  constructor(private readonly inner: VisionClient) {}
  load: VisionClient['load'] = (options) => this.inner.load(options);
  detect: VisionClient['detect'] = async (frame, options) => {
    this.calls.push(options.alsoEmbedWith ?? []);
    if (!this.hasCrashed && (options.alsoEmbedWith?.length ?? 0) > 0) {
      this.hasCrashed = true;
      frame.close();
      throw new VisionError('worker-restarted', 'The vision worker stopped (out of memory). A new vision worker was started; your enrolled people are untouched.');
    }
    return this.inner.detect(frame, options);
  };
  dispose(): void {}
}

describe('import with other models (real models, fixture photos, IndexedDB)', () => {
  let client: WorkerVisionClient;
  let info: EngineInfo;
  let store: Store;

  before(async () => {
    client = new WorkerVisionClient();
    info = await client.load({ backend: 'wasm', modelBasePath: MODEL_BASE_PATH, wasmPath: WASM_PATH });
    store = await openStore({ name: `facegap-import-models-${crypto.randomUUID()}` });
  });
  after(async () => {
    client.dispose();
    await store.forgetEverything();
  });

  const newSession = async (target: VisionClient) => new ImportSession({
    client: target, store, model: await readModelIdentity(MODEL_BASE_PATH, info.humanVersion),
    identify: (model) => readModelIdentity(MODEL_BASE_PATH, info.humanVersion, { model }),
  });

  it('builds a faceres and a dlib pack in one pass: same faces and labels, own model, weights and score', async () => {
    const session = await newSession(client);
    await session.choose('utk', await chosen());
    await session.start({ name: 'My class', pad: true, otherModels: ['dlib'] });
    expect(session.state.phase, session.state.message ?? '').to.equal('finished');
    const packs = await Promise.all((await store.packs.list()).map(async (meta) => fromStoredPack((await store.packs.get(meta.id))!)));
    expect(packs.map((pack) => pack.name).sort()).to.deep.equal(['My class (dlib)', 'My class (faceres)']);
    const faceres = packs.find((pack) => pack.model.id === 'faceres')!;
    const dlib = packs.find((pack) => pack.model.id === 'dlib')!;
    expect(faceres.samples.length).to.equal(4);
    expect(dlib.samples.map((s) => [s.id, s.subject, s.labels])).to.deep.equal(faceres.samples.map((s) => [s.id, s.subject, s.labels]));
    expect(dlib.failures).to.deep.equal(faceres.failures);
    expect(faceres.score).to.equal(getModel('faceres').scoreId);
    expect(dlib.score).to.equal(getModel('dlib').scoreId).and.not.equal(faceres.score);
    expect(dlib.model.sha256).to.match(/^[0-9a-f]{64}$/).and.not.equal(faceres.model.sha256);
    for (const sample of dlib.samples) expect(sample.embedding.length).to.equal(128);
    for (const sample of faceres.samples) expect(sample.embedding.length).to.equal(1024);
    expect(session.state.message).to.contain('Also saved "My class (dlib)": 4 faces embedded by dlib ResNet-34.');
    expect(session.state.message).to.match(/Embedding took about \d+ ms per face with dlib ResNet-34 on this device\./);
    expect(session.state.measuredMsPerFace.dlib).to.be.above(0);
    expect(session.state.packId).to.equal((await store.packs.list()).find((meta) => meta.name === 'My class (faceres)')!.id);
    // The other model changes nothing of the active model's embeddings.
    const run = (otherModels: ('dlib')[]) => runImport(items(), { client, ledger: createMemoryLedger(), preprocessing: TIGHT_CROP_PREPROCESSING, subjects: 'one-per-photo', otherModels });
    const alone = done((await run([])).records);
    const withDlib = done((await run(['dlib'])).records);
    alone.forEach((record, i) => {
      expect(Math.max(...record.embedding.map((value, j) => Math.abs(value - withDlib[i].embedding[j]))), record.file).to.equal(0);
      expect(withDlib[i].others?.dlib?.length, record.file).to.equal(128);
    });
  });

  it('fetches the chosen model only: dlib from this origin, never faceres-deep nor mobileface', async () => {
    const audit = await client.audit();
    const paths = audit.requests.map((request) => new URL(request.url).pathname);
    for (const request of audit.requests) expect(new URL(request.url).origin, request.url).to.equal(location.origin);
    expect(paths, paths.join(' ')).to.include.members(['/models/dlib/face_recognition_model-weights_manifest.json', '/models/dlib/face_recognition_model.bin']);
    for (const unchosen of ['faceres-deep.json', 'faceres-deep.bin', 'mobileface.json', 'mobileface.bin']) {
      expect(paths, paths.join(' ')).not.to.include(`/models/${unchosen}`);
    }
  });

  it('continues a cancelled import with the same other models, redoing no photo', async () => {
    const ledger = createMemoryLedger();
    const controller = new AbortController();
    const first = await runImport(items(), {
      client, ledger, preprocessing: TIGHT_CROP_PREPROCESSING, subjects: 'one-per-photo', otherModels: ['mobileface'],
      signal: controller.signal, onProgress: (progress) => { if (progress.done === 2) controller.abort(); },
    });
    expect(first.status).to.equal('cancelled');
    expect(first.records).to.have.length(2);
    const calls: (readonly string[])[] = [];
    const counting: VisionClient = { load: (o) => client.load(o), dispose: () => undefined, detect: (frame, o) => { calls.push(o.alsoEmbedWith ?? []); return client.detect(frame, o); } };
    const second = await runImport(items(), { client: counting, ledger, preprocessing: TIGHT_CROP_PREPROCESSING, subjects: 'one-per-photo', otherModels: ['mobileface'] });
    expect(second.status).to.equal('finished');
    expect(calls).to.deep.equal([['mobileface'], ['mobileface']]);
    for (const record of done(second.records)) {
      expect(record.others?.mobileface?.length, record.file).to.equal(256);
      expect(record.otherProblems).to.equal(undefined);
    }
  });

  it('saves the active pack when the worker dies with the other models, and says which pack was not built and why', async () => {
    const crashing = new CrashOnceClient(client);
    const session = await newSession(crashing);
    await session.choose('utk-again', await chosen());
    await session.start({ name: 'Crash class', pad: true, otherModels: ['faceres-deep'] });
    expect(session.state.phase, session.state.message ?? '').to.equal('finished');
    // The photo is tried again without the other model, which is not asked for again.
    expect(crashing.calls).to.deep.equal([['faceres-deep'], [], [], [], []]);
    const names = (await store.packs.list()).map((meta) => meta.name);
    expect(names).to.include('Crash class (faceres)').and.not.include('Crash class (faceres-deep)');
    expect(session.state.message).to.contain('Saved "Crash class (faceres)": 4 faces');
    expect(session.state.message).to.contain('The faceres-deep pack was not built: the vision worker stopped while it embedded 25_0_0_20170109150557335.jpg.chip.jpg with the other models');
  });

  it('offers the other models with their cost in the Import tab, and builds the ticked one\'s pack too', async () => {
    const session = await newSession(client);
    const costs = { 'faceres-deep': { bytes: 14_020_815 }, dlib: { bytes: 6_463_647, msPerFace: 180 }, mobileface: { bytes: 2_216_236 } };
    const el = await fixture<FgImportPanel>(html`<fg-import-panel .session=${session} .modelCosts=${costs} .modelsOnDevice=${new Set(['mobileface'])}></fg-import-panel>`);
    await session.choose('panel-class', await chosen());
    await el.updateComplete;
    const choice = el.shadowRoot!.querySelector('fg-import-models')!;
    await choice.updateComplete;
    await expect(choice).to.be.accessible();
    const labels = [...choice.shadowRoot!.querySelectorAll('label')].map((label) => label.textContent!.replace(/\s+/g, ' ').trim());
    expect(labels).to.deep.equal([
      'faceres-deep (14.0 MB to download, time per face not measured here yet)',
      'dlib ResNet-34 (6.5 MB to download, about 180 ms per face here)',
      'MobileFace (already on this device, time per face not measured here yet)',
    ]);
    const dlibBox = choice.shadowRoot!.querySelector<HTMLInputElement>('input[value=dlib]')!;
    setTimeout(() => dlibBox.click());
    const change = (await oneEvent(choice, 'other-models-change')) as unknown as OtherModelsChangeEvent;
    expect(change.modelIds).to.deep.equal(['dlib']);
    await el.updateComplete;
    const start = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Import')!;
    setTimeout(() => start.click());
    const { packId } = (await oneEvent(el, 'import-finished')) as unknown as ImportFinishedEvent;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Also saved "panel-class (dlib)": 4 faces');
    expect((await store.packs.get(packId))!.metadata.name).to.equal('panel-class (faceres)');
    expect((await store.packs.get(`${packId}-dlib`))!.samples).to.have.length(4);
  });

  it('compares the packs one import built for two models, each at its own threshold (Compare models)', async () => {
    const metas = await store.packs.list();
    const active = metas.find((meta) => meta.name === 'My class (faceres)')!;
    // Only the fields CompareController reads: a bundled list (never matching here), the imported list, the active pack.
    const packs = { bundled: [{ id: 'utkface-600', pack: 'utkface-600', model: 'faceres' }], imported: metas, state: { status: 'ready', id: active.id } } as unknown as PackController;
    const host = { addController: () => undefined, removeController: () => undefined, requestUpdate: () => undefined, updateComplete: Promise.resolve(true) };
    const compare = new CompareController(host, {
      packs: () => packs, request: () => ({ groupBy: ['race'], impostorGrouping: 'within' }), readImported: (id) => store.packs.get(id),
    });
    compare.hostUpdate();
    for (let i = 0; i < 600 && (compare.state.status === 'computing' || compare.state.status === 'idle'); i++) await new Promise((done) => setTimeout(done, 100));
    expect(compare.state.status, JSON.stringify(compare.state)).to.equal('ready');
    const report = (compare.state as Extract<typeof compare.state, { status: 'ready' }>).report;
    expect(report.models.map((model) => [model.model_id, model.score_id])).to.deep.equal([['faceres', 'human-similarity-v1'], ['dlib', 'cosine-v1']]);
    expect(report.groups).to.deep.equal(['Asian', 'Black', 'Indian', 'White']);
  });

  it('continues a cancelled import after a reload with the models it started with, and saves both packs', async () => {
    const first = await newSession(client);
    await first.choose('resumed-class', await chosen());
    const onChange = () => { if ((first.state.progress?.done ?? 0) >= 1) first.cancel(); };
    first.addEventListener('change', onChange);
    await first.start({ pad: true, otherModels: ['mobileface'] });
    first.removeEventListener('change', onChange);
    expect(first.state.phase).to.equal('cancelled');

    // A new session, as after a reload: the same files are offered to continue, with mobileface.
    const second = await newSession(client);
    await second.refreshUnfinished();
    await second.choose('resumed-class', await chosen());
    expect(second.state.preview?.resumeJob).to.not.equal(null);
    expect(second.state.preview?.resumeOtherModels).to.deep.equal(['mobileface']);
    // The checkboxes cannot change what the import started with.
    await second.start({ pad: true, otherModels: ['dlib'] });
    expect(second.state.phase, second.state.message ?? '').to.equal('finished');
    const names = (await store.packs.list()).map((meta) => meta.name);
    expect(names).to.include.members(['resumed-class (faceres)', 'resumed-class (mobileface)']).and.not.include('resumed-class (dlib)');
    const mobileface = (await store.packs.list()).find((meta) => meta.name === 'resumed-class (mobileface)')!;
    const pack = fromStoredPack((await store.packs.get(mobileface.id))!);
    expect(pack.samples.map((sample) => sample.embedding.length)).to.deep.equal([256, 256, 256, 256]);
    expect(pack.model.id).to.equal('mobileface');
  });

  (['faceres-deep', 'dlib', 'mobileface'] as ModelId[]).forEach((modelId) => {
    it(`embeds with ${modelId} as an other model exactly as an engine running ${modelId} does`, async () => {
      const own = new WorkerVisionClient();
      await own.load({ backend: 'wasm', modelBasePath: MODEL_BASE_PATH, wasmPath: WASM_PATH, modelId });
      try {
        const run = async (target: VisionClient, otherModels: ModelId[]) => done((await runImport(items(), {
          client: target, ledger: createMemoryLedger(), preprocessing: TIGHT_CROP_PREPROCESSING, subjects: 'one-per-photo', otherModels,
        })).records);
        // The first run after loading is like any other (vision-determinism.test.ts).
        const reference = await run(own, []);
        const asOther = await run(client, [modelId]);
        reference.forEach((record, i) => {
          const other = asOther[i].others?.[modelId];
          expect(other?.length, record.file).to.equal(getModel(modelId).dim);
          const difference = Math.max(...record.embedding.map((value, j) => Math.abs(value - other![j])));
          expect(difference, `${modelId} ${record.file}`).to.be.below(1e-4);
        });
      } finally {
        own.dispose();
      }
    });
  });

  it('embeds only the first face of a group photo with the other models: the one an import keeps', async () => {
    const observation = await client.detect(await loadFixture('sample1.jpg'), { embed: true, alsoEmbedWith: ['dlib'] });
    expect(observation.faces.length).to.be.above(2);
    expect(observation.faces[0].otherEmbeddings?.dlib?.length).to.equal(128);
    for (const face of observation.faces.slice(1)) expect(face.otherEmbeddings).to.equal(undefined);
    for (const face of observation.faces) expect(face.embedding?.length).to.equal(1024);
    expect(observation.otherMsPerFace?.dlib).to.be.above(0);
  });
});
