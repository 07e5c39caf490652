import { describe, expect, it } from 'vitest';
import type { PackModel } from '../../../src/datasets/pack-types';
import { describePreprocessing } from '../../../src/import/assemble';
import { TIGHT_CROP_PREPROCESSING } from '../../../src/import/preprocess';
import { saveImportPacks, type SavePacksInput } from '../../../src/import/save-packs';
import { fromStoredPack } from '../../../src/import/stored-pack';
import type { ImportRecord } from '../../../src/import/types';
import type { RecognitionModel } from '../../../src/models/registry';
import { createMemoryStore } from '../../../src/store/memory-store';

const sha = (digit: string) => digit.repeat(64);
const active: PackModel = { id: 'faceres', package: '@vladmandic/human@3.3.6', sha256: sha('a'), dim: 3 };
const identify = async (model: RecognitionModel): Promise<PackModel> => ({ id: model.id, package: model.package, sha256: sha('b'), dim: 2 });
const done = (file: string, others: Extract<ImportRecord, { status: 'done' }>['others'], otherProblems?: Record<string, string>): ImportRecord => ({
  status: 'done', file, hash: `h-${file}`, id: file, subject: file, labels: { race: file.startsWith('a') ? 'Asian' : 'Black' },
  embedding: Float32Array.from([file.charCodeAt(0), 1, 0]), notes: [], others, ...(otherProblems ? { otherProblems } : {}),
});
const failed: ImportRecord = { status: 'failed', file: 'x.jpg', hash: 'h', id: 'x.jpg', labels: { race: 'White' }, reason: 'no-face', message: 'No face.' };

async function save(records: ImportRecord[], others: SavePacksInput['others'], store = createMemoryStore()) {
  const job = await store.importJobs.create({ source: 'class', totalFiles: records.length });
  const result = await saveImportPacks({
    store, jobId: job.id, records, active, others, identify, preprocessing: describePreprocessing(TIGHT_CROP_PREPROCESSING),
    about: { name: 'My class', description: 'd', license: 'l', attribution: 'a' },
  });
  return { store, job, result };
}

describe('saveImportPacks', () => {
  it('saves one pack per model: same faces and labels, own model, score and name suffix', async () => {
    const records = [done('a.jpg', { dlib: Float32Array.of(1, 0) }), failed, done('b.jpg', { dlib: Float32Array.of(0, 1) })];
    const { store, job, result } = await save(records, ['dlib']);
    expect(result.status).toBe('saved');
    const packs = await Promise.all((await store.packs.list()).map(async (meta) => fromStoredPack((await store.packs.get(meta.id))!)));
    const byModel = new Map(packs.map((pack) => [pack.model.id, pack]));
    const faceres = byModel.get('faceres')!;
    const dlib = byModel.get('dlib')!;
    expect([faceres.name, dlib.name]).toEqual(['My class (faceres)', 'My class (dlib)']);
    expect([faceres.score, dlib.score]).toEqual(['human-similarity-v1', 'cosine-v1']);
    expect(dlib.model.sha256).toBe(sha('b'));
    expect(dlib.samples.map((s) => [s.id, s.labels])).toEqual(faceres.samples.map((s) => [s.id, s.labels]));
    expect(dlib.failures).toEqual(faceres.failures);
    expect(Array.from(dlib.samples[1].embedding)).toEqual([0, 1]);
    expect(result.status === 'saved' && result.packId).toBe(`imported-${job.id}`);
    expect(await store.importJobs.list()).toEqual([]);
  });

  it('keeps the plain name and one pack when no other model was chosen', async () => {
    const { store, result } = await save([done('a.jpg', undefined)], []);
    expect((await store.packs.list()).map((meta) => meta.name)).toEqual(['My class']);
    expect(result.status === 'saved' && result.message).toBe('Saved "My class": 1 face, 0 photos without a usable face. Only embeddings and labels were stored, no photos.');
  });

  it('saves the active pack and says which other pack was not built and why', async () => {
    const records = [done('a.jpg', { dlib: Float32Array.of(1, 0) }), done('b.jpg', { dlib: Float32Array.of(0, 1) }, { mobileface: 'The MobileFace model did not load (HTTP 404).' })];
    const { store, result } = await save(records, ['dlib', 'mobileface']);
    expect((await store.packs.list()).map((meta) => meta.name).sort()).toEqual(['My class (dlib)', 'My class (faceres)']);
    expect(result.status === 'saved' && result.message).toContain('The MobileFace pack was not built: The MobileFace model did not load (HTTP 404). The faceres pack is saved all the same');
    expect(result.status === 'saved' && result.outcomes.map((outcome) => outcome.status)).toEqual(['saved', 'not-built']);
  });

  it('still saves the active pack when another model\'s identity cannot be read', async () => {
    const store = createMemoryStore();
    const job = await store.importJobs.create({ source: 'class', totalFiles: 1 });
    const result = await saveImportPacks({
      store, jobId: job.id, records: [done('a.jpg', { dlib: Float32Array.of(1, 0) })], active, others: ['dlib'],
      identify: () => Promise.reject(new Error('The list of face models could not be read')),
      preprocessing: describePreprocessing(TIGHT_CROP_PREPROCESSING), about: { name: 'My class', description: 'd', license: 'l', attribution: 'a' },
    });
    expect((await store.packs.list()).map((meta) => meta.name)).toEqual(['My class (faceres)']);
    expect(result.status === 'saved' && result.message).toContain('The dlib ResNet-34 pack was not built: it could not be saved (The list of face models could not be read).');
  });
});
