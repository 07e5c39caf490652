import { expect } from '@open-wc/testing';
import { decodePack, encodePack } from '../../src/datasets/pack';
import { applyColumnMapping, parseCsv, parseFairFaceCsv, parseIdentityFolders, parseUtkFaceFiles } from '../../src/datasets/labels';
import type { LabelledItem } from '../../src/datasets/labels';
import { assemblePack, describePreprocessing } from '../../src/import/assemble';
import { createMemoryLedger, createStoreLedger } from '../../src/import/ledger';
import { readModelIdentity } from '../../src/import/model';
import { preprocessImage, runImport, TIGHT_CROP_PREPROCESSING, UNPADDED_PREPROCESSING } from '../../src/import/pipeline';
import type { ImportItem, ImportLedger, ImportRecord } from '../../src/import/types';
import { SCORE_ID } from '../../src/matching/similarity';
import { openStore } from '../../src/store/idb-store';
import { createStoreError } from '../../src/store/errors';
import { MODEL_BASE_PATH, WASM_PATH, WorkerVisionClient } from '../../src/vision/client';
import type { EngineInfo, VisionClient } from '../../src/vision/types';

const BASE = '/test/fixtures/import/';
const UTK_FILES = [
  'utkface/25_0_0_20170109150557335.jpg.chip.jpg',
  'utkface/41_1_1_20170113000000001.jpg.chip.jpg',
  'utkface/63_0_2_20170116000000002.jpg.chip.jpg',
  'utkface/33_1_3_20170119000000003.jpg.chip.jpg',
];

async function fetchFixture(path: string): Promise<Blob> {
  const response = await fetch(BASE + path);
  if (!response.ok) throw new Error(`fixture ${path}: HTTP ${response.status}`);
  return response.blob();
}
const fetchText = async (path: string) => (await fetchFixture(path)).text();
const toItems = (labelled: LabelledItem[], prefix = ''): ImportItem[] => labelled.map((item) => ({ labelled: item, read: () => fetchFixture(prefix + item.file) }));
const plainItem = (file: string): ImportItem => toItems([{ file, subject: null, labels: {}, notes: [] }])[0];
const done = (records: ImportRecord[]) => records.filter((r): r is Extract<ImportRecord, { status: 'done' }> => r.status === 'done');

/** Counts detect calls, so a resumed import can be shown to redo nothing. */
class CountingClient implements VisionClient {
  calls = 0;
  constructor(private readonly inner: VisionClient) {}
  load: VisionClient['load'] = (options) => this.inner.load(options);
  detect: VisionClient['detect'] = (frame, options) => {
    this.calls++;
    return this.inner.detect(frame, options);
  };
  dispose(): void {}
}

function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).to.equal(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

describe('import pipeline (real models, fixture photos)', () => {
  let client: WorkerVisionClient;
  let info: EngineInfo;

  before(async () => {
    client = new WorkerVisionClient();
    info = await client.load({ backend: 'wasm', modelBasePath: MODEL_BASE_PATH, wasmPath: WASM_PATH });
  });
  after(() => client.dispose());

  it('imports UTKFace-named crops with labels from the names, one subject per photo', async () => {
    const parsed = parseUtkFaceFiles(UTK_FILES);
    const result = await runImport(toItems(parsed.items), { client, ledger: createMemoryLedger(), preprocessing: TIGHT_CROP_PREPROCESSING, subjects: 'one-per-photo' });
    expect(result.status).to.equal('finished');
    const samples = done(result.records);
    expect(samples.map((s) => [s.id, s.subject, s.labels])).to.deep.equal([
      ['25_0_0_20170109150557335.jpg.chip.jpg', '25_0_0_20170109150557335.jpg.chip.jpg', { race: 'White', gender: 'male', age_band: '18-29' }],
      ['41_1_1_20170113000000001.jpg.chip.jpg', '41_1_1_20170113000000001.jpg.chip.jpg', { race: 'Black', gender: 'female', age_band: '30-44' }],
      ['63_0_2_20170116000000002.jpg.chip.jpg', '63_0_2_20170116000000002.jpg.chip.jpg', { race: 'Asian', gender: 'male', age_band: '45-70' }],
      ['33_1_3_20170119000000003.jpg.chip.jpg', '33_1_3_20170119000000003.jpg.chip.jpg', { race: 'Indian', gender: 'female', age_band: '30-44' }],
    ]);
    for (const sample of samples) {
      expect(sample.embedding.length).to.equal(1024);
      expect(sample.estimates?.gender).to.be.oneOf(['female', 'male']);
      expect(sample.hash).to.match(/^[0-9a-f]{64}$/);
    }
    const model = await readModelIdentity(MODEL_BASE_PATH, info.humanVersion);
    const pack = assemblePack(result.records, { name: 'fixtures', description: 'd', license: 'l', attribution: 'a' }, model, describePreprocessing(TIGHT_CROP_PREPROCESSING));
    const read = decodePack(encodePack(pack), { modelSha256: model.sha256, dim: 1024, scoreId: SCORE_ID });
    expect(read.preprocessing).to.include({ margin: 0.25, fill: '#808080', maxSide: 1280, grayscaleExpanded: true });
    expect(read.labels).to.deep.equal(['race', 'gender', 'age_band']);
  });

  it('imports a FairFace CSV, identity folders with per-person labels, and a generic CSV with a mapping', async () => {
    const fairface = parseFairFaceCsv(await fetchText('fairface/labels.csv'), { files: ['val/1.jpg', 'val/2.jpg', 'val/3.jpg'] });
    const identityFiles = ['Person_One/Person_One_0001.jpg', 'Person_One/Person_One_0002.jpg', 'Person_Two/Person_Two_0001.jpg', 'Person_Two/Person_Two_0002.jpg'];
    const identity = parseIdentityFolders(identityFiles, await fetchText('identity/labels.csv'));
    const generic = applyColumnMapping(parseCsv(await fetchText('generic/photos.csv')),
      { file: 'picture', subject: 'who', age: 'yrs', labels: { gender: 's', race: 'grp' } }, { files: ['pics/g1.jpg', 'pics/g2.jpg'] });
    const cases = [
      { items: toItems(fairface.items, 'fairface/'), expected: [
        [null, { gender: 'male', race: 'East Asian', age_band: '18-29' }],
        [null, { gender: 'female', race: 'Latino_Hispanic', age_band: '45-70' }],
        [null, { gender: 'male', race: 'Middle Eastern' }],
      ] },
      { items: toItems(identity.items, 'identity/'), expected: [
        ['Person_One', { gender: 'female', race: 'Black' }], ['Person_One', { gender: 'female', race: 'Black' }],
        ['Person_Two', { gender: 'male', race: 'White' }], ['Person_Two', { gender: 'male', race: 'White' }],
      ] },
      { items: toItems(generic.items, 'generic/'), expected: [
        ['anna', { gender: 'female', race: 'Indian', age_band: '30-44' }], ['ben', { gender: 'male', race: 'Asian', age_band: '45-70' }],
      ] },
    ];
    for (const { items, expected } of cases) {
      const result = await runImport(items, { client, ledger: createMemoryLedger(), preprocessing: UNPADDED_PREPROCESSING });
      expect(result.status).to.equal('finished');
      expect(done(result.records).map((s) => [s.subject, s.labels])).to.deep.equal(expected);
    }
  });

  it('gives the embedding the live engine gives for the same preprocessed image, within 1e-5', async () => {
    for (const [file, settings] of [[UTK_FILES[0], TIGHT_CROP_PREPROCESSING], ['odd/gray.png', UNPADDED_PREPROCESSING], ['odd/huge.jpg', UNPADDED_PREPROCESSING]] as const) {
      const result = await runImport([plainItem(file)], { client, ledger: createMemoryLedger(), preprocessing: settings });
      const imported = done(result.records)[0];
      const { bitmap } = await preprocessImage(await fetchFixture(file), settings);
      const live = (await client.detect(bitmap, { embed: true })).faces[0];
      expect(maxAbsDifference(imported.embedding, live.embedding!), file).to.be.at.most(1e-5);
    }
  });

  it('records unreadable files and photos without a face as failures, and goes on', async () => {
    const unreachable: ImportItem = { labelled: { file: 'gone.jpg', subject: null, labels: { race: 'White' }, notes: [] }, read: () => Promise.reject(new Error('File was moved')) };
    const items = [plainItem('odd/corrupt.jpg'), plainItem('odd/noface.png'), unreachable, plainItem(UTK_FILES[1])];
    const result = await runImport(items, { client, ledger: createMemoryLedger(), preprocessing: TIGHT_CROP_PREPROCESSING });
    expect(result.status).to.equal('finished');
    expect(result.records.map((r) => [r.file, r.status === 'failed' ? r.reason : 'done'])).to.deep.equal([
      ['odd/corrupt.jpg', 'unreadable'], ['odd/noface.png', 'no-face'], ['gone.jpg', 'unreadable'], [UTK_FILES[1], 'done'],
    ]);
    const unreadable = result.records[2];
    expect(unreadable.status === 'failed' && unreadable.labels).to.deep.equal({ race: 'White' });
  });

  it('handles huge, grayscale and transparent images: downscaled, three channels, opaque on the fill', async () => {
    const huge = await preprocessImage(await fetchFixture('odd/huge.jpg'), TIGHT_CROP_PREPROCESSING);
    expect(Math.max(huge.bitmap.width, huge.bitmap.height)).to.be.at.most(1280);
    expect(huge.scale).to.be.below(1);
    huge.bitmap.close();
    const pixelsOf = async (file: string) => {
      const { bitmap } = await preprocessImage(await fetchFixture(file), TIGHT_CROP_PREPROCESSING);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return { width: bitmap.width, data: context.getImageData(0, 0, bitmap.width, bitmap.height).data };
    };
    const gray = await pixelsOf('odd/gray.png');
    for (let i = 0; i < gray.data.length; i += 4) {
      if (gray.data[i] !== gray.data[i + 1] || gray.data[i] !== gray.data[i + 2] || gray.data[i + 3] !== 255) throw new Error(`gray pixel ${i / 4} is not an opaque gray`);
    }
    const alpha = await pixelsOf('odd/alpha.png');
    // 1.5x canvas of a 160 px photo: (60, 60) is inside the photo, in its transparent corner.
    const corner = 4 * (60 * alpha.width + 60);
    expect([...alpha.data.slice(corner, corner + 4)]).to.deep.equal([128, 128, 128, 255]);
    const result = await runImport(['odd/huge.jpg', 'odd/gray.png', 'odd/alpha.png'].map(plainItem), { client, ledger: createMemoryLedger(), preprocessing: TIGHT_CROP_PREPROCESSING });
    expect(result.records.map((r) => r.status)).to.deep.equal(['done', 'done', 'done']);
  });

  it('hashes file bytes, so a photo chosen twice is flagged as a duplicate in the pack', async () => {
    const twice = [plainItem(UTK_FILES[2]), { labelled: { file: 'copy/again.jpg', subject: null, labels: {}, notes: [] }, read: () => fetchFixture(UTK_FILES[2]) }];
    const records = done((await runImport(twice, { client, ledger: createMemoryLedger(), preprocessing: TIGHT_CROP_PREPROCESSING })).records);
    expect(records[0].hash).to.equal(records[1].hash);
    const pack = assemblePack(records, { name: 'n', description: 'd', license: 'l', attribution: 'a' }, { id: 'faceres', package: 'p', sha256: 'a'.repeat(64), dim: 1024 }, describePreprocessing(TIGHT_CROP_PREPROCESSING));
    expect(pack.samples[1].flags).to.deep.equal([`duplicate-of:${records[0].id}`]);
  });

  it('cancelled, then resumed from IndexedDB: loses nothing and redoes nothing', async () => {
    const store = await openStore({ name: `facegap-import-test-${crypto.randomUUID()}` });
    try {
      const job = await store.importJobs.create({ source: 'utkface fixtures', totalFiles: UTK_FILES.length });
      const items = toItems(parseUtkFaceFiles(UTK_FILES).items);
      const counting = new CountingClient(client);
      const controller = new AbortController();
      const first = await runImport(items, {
        client: counting, ledger: createStoreLedger(store.importJobs, job.id), preprocessing: TIGHT_CROP_PREPROCESSING, signal: controller.signal,
        onProgress: (progress) => { if (progress.done === 2) controller.abort(); },
      });
      expect(first.status).to.equal('cancelled');
      expect(first.records).to.have.length(2);
      expect(counting.calls).to.equal(2);

      // As after a reload: a new ledger over the same job.
      const progress: number[] = [];
      const second = await runImport(items, {
        client: counting, ledger: createStoreLedger(store.importJobs, job.id), preprocessing: TIGHT_CROP_PREPROCESSING,
        onProgress: (p) => progress.push(p.done),
      });
      expect(second.status).to.equal('finished');
      expect(counting.calls).to.equal(UTK_FILES.length);
      expect(progress).to.deep.equal([3, 4]);
      expect(second.records.map((r) => r.file)).to.deep.equal(UTK_FILES);
      const kept = done(second.records);
      expect(kept[0].embedding).to.deep.equal(done(first.records)[0].embedding);
    } finally {
      await store.forgetEverything();
    }
  });

  it('keeps failures in IndexedDB as a sentence plus structured details, and does not retry them on resume', async () => {
    const store = await openStore({ name: `facegap-import-test-${crypto.randomUUID()}` });
    try {
      const job = await store.importJobs.create({ source: 'odd fixtures', totalFiles: 3 });
      const labelled: LabelledItem[] = [
        { file: 'odd/corrupt.jpg', subject: null, labels: { race: 'Others|x}' }, notes: [] },
        { file: 'odd/noface.png', subject: null, labels: { gender: 'female' }, notes: [] },
        { file: UTK_FILES[0], subject: null, labels: {}, notes: [] },
      ];
      const items = toItems(labelled);
      const counting = new CountingClient(client);
      const first = await runImport(items, { client: counting, ledger: createStoreLedger(store.importJobs, job.id), preprocessing: TIGHT_CROP_PREPROCESSING });
      expect(first.records.map((r) => [r.file, r.status === 'failed' ? r.reason : r.status])).to.deep.equal([
        ['odd/corrupt.jpg', 'unreadable'], ['odd/noface.png', 'no-face'], [UTK_FILES[0], 'done'],
      ]);

      const stored = await store.importJobs.listFiles(job.id);
      for (const failure of first.records.filter((r) => r.status === 'failed')) {
        const file = stored.find((f) => f.file === failure.file)!;
        expect(file.problem).to.equal(failure.message);
        expect(file.details).to.deep.equal({ reason: failure.reason, hash: failure.hash, id: failure.id, labels: failure.labels });
      }
      expect(stored.find((f) => f.file === UTK_FILES[0])!.details).to.be.undefined;

      // As after a reload: every outcome comes back, failures included, and no photo is redone.
      const callsBefore = counting.calls;
      const second = await runImport(items, { client: counting, ledger: createStoreLedger(store.importJobs, job.id), preprocessing: TIGHT_CROP_PREPROCESSING });
      expect(counting.calls).to.equal(callsBefore);
      expect(second.records.filter((r) => r.status === 'failed')).to.deep.equal(first.records.filter((r) => r.status === 'failed'));
    } finally {
      await store.forgetEverything();
    }
  });

  it('stops on a full disk at photo k, keeping the first k-1 whole and nothing of photo k', async () => {
    const k = 3;
    const inner = createMemoryLedger();
    let writes = 0;
    const fullAtK: ImportLedger = {
      listRecords: () => inner.listRecords(),
      record: async (record) => {
        if (++writes === k) throw createStoreError('quota', 'the import progress');
        await inner.record(record);
      },
    };
    const items = toItems(parseUtkFaceFiles(UTK_FILES).items);
    const result = await runImport(items, { client, ledger: fullAtK, preprocessing: TIGHT_CROP_PREPROCESSING });
    expect(result.status).to.equal('stopped');
    if (result.status !== 'stopped') return;
    expect(result.message).to.contain('storage is full');
    expect(result.message).to.contain(`the ${k - 1} photos finished before it are kept`);
    expect(result.records.map((r) => r.file)).to.deep.equal(UTK_FILES.slice(0, k - 1));
    const stored = await inner.listRecords();
    expect(stored.map((r) => r.file)).to.deep.equal(UTK_FILES.slice(0, k - 1));
    for (const record of done(stored)) expect(record.embedding.length).to.equal(1024);

    const counting = new CountingClient(client);
    const resumed = await runImport(items, { client: counting, ledger: inner, preprocessing: TIGHT_CROP_PREPROCESSING });
    expect(resumed.status).to.equal('finished');
    expect(counting.calls).to.equal(UTK_FILES.length - (k - 1));
  });
});
