import { expect } from '@open-wc/testing';
import { SCORE_ID } from '../../src/matching/similarity';
import { EMBEDDING_LENGTH, type Template } from '../../src/matching/templates';
import {
  createMemoryStore,
  CURRENT_DB_VERSION,
  DB_NAME,
  DEFAULT_SETTINGS,
  openStore,
  PACK_CHUNK_SAMPLES,
  StoreError,
  type PackSample,
  type Store,
} from '../../src/store';

// Mocha's globals, typed here because the project has no @types/mocha.
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => Promise<void> | void): void;

const MODEL = 'test-model-sha256';
let dbCounter = 0;
const openedStores: Store[] = [];

/** A fresh database per test, so tests never see each other's data. */
function nextDbName(): string {
  dbCounter++;
  return `facegap-test-${Date.now()}-${dbCounter}`;
}

async function openTestStore(name: string, version?: number): Promise<Store> {
  const store = await openStore({ name, version, blockedGraceMs: 300 });
  openedStores.push(store);
  return store;
}

/** An embedding full of awkward floats: negative zero, subnormals, extremes. */
function makeAwkwardEmbedding(seed: number): Float32Array {
  const embedding = new Float32Array(EMBEDDING_LENGTH);
  for (let i = 0; i < embedding.length; i++) embedding[i] = Math.sin(seed * 7919 + i) * 10 ** ((i % 40) - 20);
  embedding[0] = -0;
  embedding[1] = 1.4e-45;
  embedding[2] = 3.4028234663852886e38;
  return embedding;
}

function makePerson(id: string, name: string, captures = 5): Template {
  return {
    id,
    name,
    createdAt: 1,
    updatedAt: 1,
    labels: { gender: 'female' },
    embeddings: Array.from({ length: captures }, (_, i) => makeAwkwardEmbedding(i + id.length)),
    modelSha256: MODEL,
    scoreId: SCORE_ID,
  };
}

function makeSamples(count: number, prefix = 's'): PackSample[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    embedding: new Float32Array(EMBEDDING_LENGTH).fill(i),
    labels: { race: i % 2 ? 'Black' : 'White', gender: 'male' },
  }));
}

function packInput(id: string, name: string) {
  return { id, name, modelSha256: MODEL, scoreId: SCORE_ID, details: { preprocessing: { margin: 0.25 } } };
}

function bitsOf(embedding: Float32Array): number[] {
  return Array.from(new Uint32Array(embedding.buffer, embedding.byteOffset, embedding.length));
}

/** The StoreError a promise rejects with; fails the test if it resolves or rejects otherwise. */
async function rejectionOf(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('Expected a StoreError, but the call succeeded.');
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '');
}

afterEach(async () => {
  for (const store of openedStores.splice(0)) await store.forgetEverything().catch(() => undefined);
});

describe('IndexedDB store', () => {
  it('round-trips templates with bit-exact embeddings across a reopen', async () => {
    const name = nextDbName();
    const person = makePerson('p1', '  Ada  ');
    const saved = await (await openTestStore(name)).people.add(person);
    expect(saved.name).to.equal('Ada');
    openedStores[0].close();

    const reopened = await openTestStore(name);
    const loaded = await reopened.people.get('p1');
    expect(loaded).to.exist;
    expect(loaded!.embeddings).to.have.length(5);
    loaded!.embeddings.forEach((embedding, i) => {
      expect(embedding).to.be.instanceOf(Float32Array);
      expect(bitsOf(embedding)).to.deep.equal(bitsOf(person.embeddings[i]));
    });
    expect(Object.is(loaded!.embeddings[0][0], -0)).to.be.true;
    expect(loaded).to.deep.include({ modelSha256: MODEL, scoreId: SCORE_ID, labels: { gender: 'female' } });
  });

  it('renames, relabels, lists by name and deletes people', async () => {
    const store = await openTestStore(nextDbName());
    await store.people.add(makePerson('b', 'bob'));
    await store.people.add(makePerson('a', 'Ada'));
    expect((await store.people.list()).map((p) => p.name)).to.deep.equal(['Ada', 'bob']);

    const renamed = await store.people.rename('b', ' Zoe ');
    expect(renamed.name).to.equal('Zoe');
    expect(renamed.updatedAt).to.be.greaterThan(1);
    const relabelled = await store.people.updateLabels('b', { race: 'Asian', age_band: '', other: 'x' });
    expect(relabelled.labels).to.deep.equal({ race: 'Asian' });

    expect((await rejectionOf(store.people.rename('b', '   '))).kind).to.equal('invalid');
    expect((await store.people.get('b'))!.name).to.equal('Zoe');
    expect((await rejectionOf(store.people.rename('missing', 'X'))).kind).to.equal('not-found');
    expect((await rejectionOf(store.people.add(makePerson('a', 'Again')))).kind).to.equal('invalid');

    await store.people.delete('b');
    await store.people.delete('never-there');
    expect((await store.people.list()).map((p) => p.id)).to.deep.equal(['a']);
  });

  it('puts, lists without samples, gets, replaces and deletes packs', async () => {
    const store = await openTestStore(nextDbName());
    const count = PACK_CHUNK_SAMPLES * 2 + 7;
    const metadata = await store.packs.put({ metadata: packInput('utk', 'UTKFace 600'), samples: makeSamples(count) });
    expect(metadata).to.include({ id: 'utk', sampleCount: count });
    expect(metadata.approxBytes).to.be.greaterThan(count * EMBEDDING_LENGTH * 4);
    await store.packs.put({ metadata: packInput('lfw', 'LFW 94'), samples: makeSamples(3) });

    const listed = await store.packs.list();
    expect(listed.map((p) => p.name)).to.deep.equal(['LFW 94', 'UTKFace 600']);
    expect(listed[0]).not.to.have.property('samples');

    const pack = await store.packs.get('utk');
    expect(pack!.samples).to.have.length(count);
    expect(pack!.samples.map((s) => s.id)).to.deep.equal(makeSamples(count).map((s) => s.id));
    expect(pack!.samples[count - 1].embedding[5]).to.equal(count - 1);

    // Replacing with fewer samples must not leave old chunks behind.
    await store.packs.put({ metadata: packInput('utk', 'UTKFace 600'), samples: makeSamples(2, 'n') });
    expect((await store.packs.get('utk'))!.samples.map((s) => s.id)).to.deep.equal(['n0', 'n1']);
    expect((await store.inventoryStorage()).stores.packSamples.records).to.equal(2);

    await store.settings.set('activePackId', 'utk');
    await store.packs.delete('utk');
    expect(await store.packs.get('utk')).to.be.undefined;
    expect(await store.settings.get('activePackId')).to.equal(null);
    expect((await store.packs.list()).map((p) => p.id)).to.deep.equal(['lfw']);
  });

  it('keeps import progress per file, so a reload resumes where it stopped', async () => {
    const name = nextDbName();
    const store = await openTestStore(name);
    const job = await store.importJobs.create({ id: 'job1', source: 'utkface-600/', totalFiles: 4, packId: 'utk' });
    expect(job.status).to.equal('running');
    await store.importJobs.recordFiles('job1', [
      { file: 'a.jpg', status: 'done', sample: makeSamples(1)[0] },
      { file: 'b.jpg', status: 'failed', problem: 'No face was found in this photo.', details: { reason: 'no-face', labels: { race: 'Black' } } },
    ]);
    await store.importJobs.create({ id: 'job10', source: 'other', totalFiles: 1 });
    await store.importJobs.recordFiles('job10', [{ file: 'z.jpg', status: 'done' }]);
    store.close();

    const reopened = await openTestStore(name);
    const files = await reopened.importJobs.listFiles('job1');
    expect(files.map((f) => [f.file, f.status])).to.deep.equal([['a.jpg', 'done'], ['b.jpg', 'failed']]);
    expect(files[0].sample!.embedding).to.be.instanceOf(Float32Array);
    expect(files[0].details).to.be.undefined;
    expect(files[1]).to.include({ problem: 'No face was found in this photo.' });
    expect(files[1].details).to.deep.equal({ reason: 'no-face', labels: { race: 'Black' } });
    expect(await reopened.importJobs.countFiles('job1')).to.deep.equal({ done: 1, failed: 1 });

    // Retrying a failed file overwrites its record.
    await reopened.importJobs.recordFiles('job1', [{ file: 'b.jpg', status: 'done', sample: makeSamples(1)[0] }]);
    expect(await reopened.importJobs.countFiles('job1')).to.deep.equal({ done: 2, failed: 0 });
    expect((await reopened.importJobs.setStatus('job1', 'finished')).status).to.equal('finished');
    expect((await rejectionOf(reopened.importJobs.recordFiles('nope', []))).kind).to.equal('not-found');

    await reopened.importJobs.delete('job1');
    expect(await reopened.importJobs.get('job1')).to.be.undefined;
    expect(await reopened.importJobs.listFiles('job1')).to.deep.equal([]);
    expect(await reopened.importJobs.countFiles('job10')).to.deep.equal({ done: 1, failed: 0 });
  });

  it('types settings, falls back to defaults and refuses bad values', async () => {
    const name = nextDbName();
    const store = await openTestStore(name);
    expect(await store.settings.getAll()).to.deep.equal(DEFAULT_SETTINGS);
    await store.settings.set('threshold', 0.62);
    await store.settings.set('groupBy', ['race', 'gender']);
    expect(await store.settings.get('threshold')).to.equal(0.62);
    expect(await store.settings.get('groupBy')).to.deep.equal(['race', 'gender']);
    expect((await rejectionOf(store.settings.set('threshold', Number.NaN))).kind).to.equal('invalid');
    expect((await rejectionOf(store.settings.set('impostorGrouping', 'all' as 'within'))).kind).to.equal('invalid');

    // A value written by something else falls back to the default instead of breaking the app.
    store.close();
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise((resolve) => {
      const tx = raw.transaction('settings', 'readwrite');
      tx.objectStore('settings').put('very high', 'threshold');
      tx.oncomplete = resolve;
    });
    raw.close();
    expect(await (await openTestStore(name)).settings.get('threshold')).to.equal(DEFAULT_SETTINGS.threshold);
  });
});

describe('IndexedDB schema upgrades', () => {
  it('upgrades a v1 database holding data to the current version and keeps everything', async () => {
    const name = nextDbName();
    const v1 = await openTestStore(name, 1);
    await v1.people.add(makePerson('p1', 'Ada'));
    await v1.packs.put({ metadata: packInput('lfw', 'LFW 94'), samples: makeSamples(3) });
    await v1.settings.set('threshold', 0.4);
    await v1.importJobs.create({ id: 'job', source: 'x', totalFiles: 2 });
    await v1.importJobs.recordFiles('job', [{ file: 'a.jpg', status: 'done' }]);
    v1.close();

    const current = await openTestStore(name);
    expect(CURRENT_DB_VERSION).to.be.greaterThan(1);
    expect((await current.people.get('p1'))!.embeddings.map(bitsOf)).to.deep.equal(makePerson('p1', 'Ada').embeddings.map(bitsOf));
    expect((await current.packs.get('lfw'))!.samples).to.have.length(3);
    expect(await current.settings.get('threshold')).to.equal(0.4);
    expect(await current.importJobs.countFiles('job')).to.deep.equal({ done: 1, failed: 0 });
    current.close();

    const raw = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
    });
    expect(raw.version).to.equal(CURRENT_DB_VERSION);
    expect(raw.transaction('people').objectStore('people').indexNames.contains('by-name')).to.be.true;
    raw.close();
  });

  it('refuses, with a readable VersionError, a database written by a newer FaceGap', async () => {
    const name = nextDbName();
    await openTestStore(name, CURRENT_DB_VERSION);
    openedStores[0].close();
    const error = await rejectionOf(openTestStore(name, 1));
    expect(error.kind).to.equal('version');
    expect(error.message).to.match(/newer version of FaceGap/);
  });
});

describe('IndexedDB failures', () => {
  it('maps a full disk to a quota StoreError and leaves no half-written pack', async () => {
    const store = await openTestStore(nextDbName());
    await store.packs.put({ metadata: packInput('old', 'Old pack'), samples: makeSamples(3) });
    const originalPut = IDBObjectStore.prototype.put;
    let samplePuts = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      // Let the metadata and first chunk through, so a non-atomic write would leave them behind.
      if (this.name === 'packSamples' && ++samplePuts > 1) throw new DOMException('Quota exceeded.', 'QuotaExceededError');
      return originalPut.apply(this, args);
    };
    let error: StoreError;
    try {
      error = await rejectionOf(store.packs.put({ metadata: packInput('big', 'Big pack'), samples: makeSamples(PACK_CHUNK_SAMPLES + 1) }));
    } finally {
      IDBObjectStore.prototype.put = originalPut;
    }
    expect(error.kind).to.equal('quota');
    expect(error.message).to.equal(
      "The device's storage is full: the pack “Big pack” was not saved. Everything saved before is still there. Free some space or delete a pack, then try again.",
    );
    expect((await store.packs.list()).map((p) => p.id)).to.deep.equal(['old']);
    expect(await store.packs.get('big')).to.be.undefined;
    expect((await store.inventoryStorage()).stores.packSamples.records).to.equal(1);
    expect((await store.packs.get('old'))!.samples).to.have.length(3);
  });

  it('reports IndexedDB as unavailable when the browser has none', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'indexedDB');
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    try {
      const error = await rejectionOf(openStore({ name: nextDbName() }));
      expect(error.kind).to.equal('unavailable');
      expect(error.message).to.match(/Nothing will be kept after you close this tab|nothing will be kept/i);
    } finally {
      if (descriptor) Object.defineProperty(window, 'indexedDB', descriptor);
      else delete (window as { indexedDB?: IDBFactory }).indexedDB;
    }
    expect(typeof indexedDB.open).to.equal('function');
  });
});

describe('Privacy: inventory and forgetting', () => {
  it('reports no image data unless thumbnails are opted in, and opting out deletes them', async () => {
    const store = await openTestStore(nextDbName());
    const thumbnail = new Blob([new Uint8Array(2000)], { type: 'image/jpeg' });
    const withoutOptIn = await store.people.add(makePerson('a', 'Ada'), { thumbnail });
    expect(withoutOptIn.thumbnailId).to.be.undefined;
    let inventory = await store.inventoryStorage();
    expect(inventory).to.include({ isPersistent: true, imageCount: 0, imageBytes: 0, isStoringImages: false, embeddingCount: 5 });
    expect(inventory.stores.people.records).to.equal(1);
    expect(inventory.stores.people.approxBytes).to.be.greaterThan(5 * EMBEDDING_LENGTH * 4);
    expect(inventory.stores.thumbnails.records).to.equal(0);

    await store.settings.set('storeThumbnails', true);
    const withOptIn = await store.people.add(makePerson('b', 'Bob'), { thumbnail });
    expect(withOptIn.thumbnailId).to.equal('b');
    expect((await store.people.getThumbnail('b'))!.size).to.equal(2000);
    inventory = await store.inventoryStorage();
    expect(inventory).to.include({ imageCount: 1, imageBytes: 2000, isStoringImages: true });

    const tooBig = new Blob([new Uint8Array(200 * 1024)]);
    expect((await rejectionOf(store.people.add(makePerson('c', 'Cyd'), { thumbnail: tooBig }))).kind).to.equal('invalid');

    await store.settings.set('storeThumbnails', false);
    inventory = await store.inventoryStorage();
    expect(inventory).to.include({ imageCount: 0, imageBytes: 0, isStoringImages: false });
    expect((await store.people.get('b'))!.thumbnailId).to.be.undefined;
    expect(await store.people.getThumbnail('b')).to.be.undefined;
  });

  it('forgetEverything deletes the facegap database and reports what it held', async () => {
    const store = await openStore({ blockedGraceMs: 300 });
    await store.people.add(makePerson('a', 'Ada'));
    await store.packs.put({ metadata: packInput('lfw', 'LFW 94'), samples: makeSamples(3) });
    expect(await databaseNames()).to.include(DB_NAME);

    const report = await store.forgetEverything();
    expect(report.isComplete).to.be.true;
    expect(report.deleted.people.records).to.equal(1);
    expect(report.deleted.packs.records).to.equal(1);
    expect(report.message).to.match(/^Everything FaceGap stored on this device was deleted: 1 person, 1 pack, 0 thumbnails/);
    expect(await databaseNames()).not.to.include(DB_NAME);
    expect((await rejectionOf(store.people.list())).kind).to.equal('closed');
  });

  it('forgetEverything says so when another tab keeps the database open', async () => {
    const name = nextDbName();
    const store = await openTestStore(name);
    const otherTab = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
    });
    const report = await store.forgetEverything();
    expect(report.isComplete).to.be.false;
    expect(report.message).to.match(/still open in another tab/);
    otherTab.close();
    // The browser finishes the queued deletion once the other connection is gone.
    for (let i = 0; i < 50 && (await databaseNames()).includes(name); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await databaseNames()).not.to.include(name);
  });
});

describe('memory store', () => {
  it('follows the same contract and never claims persistence', async () => {
    const store = createMemoryStore();
    const person = makePerson('a', ' Ada ');
    await store.people.add(person, { thumbnail: new Blob(['x']) });
    const loaded = await store.people.get('a');
    expect(loaded!.name).to.equal('Ada');
    expect(loaded!.thumbnailId).to.be.undefined;
    expect(bitsOf(loaded!.embeddings[3])).to.deep.equal(bitsOf(person.embeddings[3]));
    loaded!.embeddings[0][0] = 42;
    expect((await store.people.get('a'))!.embeddings[0][0]).to.not.equal(42);
    expect((await store.people.rename('a', 'Zoe')).name).to.equal('Zoe');
    expect((await rejectionOf(store.people.rename('b', 'X'))).kind).to.equal('not-found');

    await store.packs.put({ metadata: packInput('p', 'Pack'), samples: makeSamples(2) });
    expect((await store.packs.list())[0]).to.include({ id: 'p', sampleCount: 2 });
    await store.importJobs.create({ id: 'j', source: 's', totalFiles: 1 });
    const details = { reason: 'no-face', labels: { race: 'Black' } };
    await store.importJobs.recordFiles('j', [{ file: 'f', status: 'failed', problem: 'No face.', details }]);
    expect(await store.importJobs.countFiles('j')).to.deep.equal({ done: 0, failed: 1 });
    const [file] = await store.importJobs.listFiles('j');
    expect(file.details).to.deep.equal(details);
    details.labels.race = 'changed';
    expect((await store.importJobs.listFiles('j'))[0].details).to.deep.equal({ reason: 'no-face', labels: { race: 'Black' } });
    expect((await rejectionOf(store.settings.set('threshold', 2))).kind).to.equal('invalid');

    const inventory = await store.inventoryStorage();
    expect(inventory).to.include({ isPersistent: false, imageCount: 0, isStoringImages: false, embeddingCount: 7 });
    expect(inventory.estimate).to.be.undefined;

    const report = await store.forgetEverything();
    expect(report).to.include({ isComplete: true });
    expect(report.deleted.people.records).to.equal(1);
    expect((await rejectionOf(store.people.list())).kind).to.equal('closed');
  });
});
