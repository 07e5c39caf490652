import { describe, expect, it } from 'vitest';
import { decodeFloat32Base64 } from '../../../src/datasets/base64';
import { decodePack, PACK_FORMAT_MARKER, PACK_FORMAT_VERSION } from '../../../src/datasets/pack';
import { exportStoredPack, toStoredPackInput } from '../../../src/import/stored-pack';
import { createTemplate, EMBEDDING_LENGTH } from '../../../src/matching/templates';
import { buildExportFileName, buildPersonalExport, PERSONAL_EXPORT_FORMAT } from '../../../src/privacy/export';
import { createMemoryStore } from '../../../src/store';
import { createSyntheticPack } from '../../fixtures/synthetic-pack';

const NOW = Date.UTC(2025, 0, 2, 3, 4, 5);

describe('buildPersonalExport', () => {
  it('exports people with base64 embeddings that decode to the same floats, and settings', async () => {
    const store = createMemoryStore();
    const embedding = Float32Array.from({ length: EMBEDDING_LENGTH }, (_, i) => Math.sin(i));
    const made = createTemplate({ name: 'Ada', embeddings: [embedding], modelSha256: 'abc', labels: { race: 'Black' }, now: NOW, id: 'p1' });
    if (!made.ok) throw new Error(made.problem);
    await store.people.add(made.template);
    await store.settings.set('threshold', 0.42);
    const data = await buildPersonalExport(store, NOW);
    expect(data.format).toBe(PERSONAL_EXPORT_FORMAT);
    expect(data.exportedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(data.people).toHaveLength(1);
    expect(data.people[0]).toMatchObject({ id: 'p1', name: 'Ada', labels: { race: 'Black' }, modelSha256: 'abc' });
    expect(data.people[0].thumbnail).toBeUndefined();
    expect(decodeFloat32Base64(data.people[0].embeddings[0])).toEqual(embedding);
    expect(data.settings.threshold).toBe(0.42);
    expect(data.note).toMatch(/No face images are stored/);
    // Plain JSON: survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('holds no image data unless thumbnails were opted in, and then includes them and says so', async () => {
    const store = createMemoryStore();
    const add = async (id: string) => {
      const made = createTemplate({ name: id, embeddings: [new Float32Array(EMBEDDING_LENGTH).fill(0.5)], modelSha256: 'abc', now: NOW, id });
      if (!made.ok) throw new Error(made.problem);
      await store.people.add(made.template, { thumbnail: new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }) });
    };
    await add('before');
    const without = await buildPersonalExport(store, NOW);
    expect(without.people[0].thumbnail).toBeUndefined();
    expect(JSON.stringify(without)).not.toMatch(/data:|image\//);
    expect(without.note).toMatch(/No face images are stored, so none are included/);

    await store.settings.set('storeThumbnails', true);
    await add('after');
    const withThumbnails = await buildPersonalExport(store, NOW);
    const byId = new Map(withThumbnails.people.map((person) => [person.id, person]));
    expect(byId.get('before')!.thumbnail).toBeUndefined();
    expect(byId.get('after')!.thumbnail).toBe('data:image/jpeg;base64,/9j/');
    expect(withThumbnails.note).toMatch(/Thumbnails are included because you chose to keep them/);
    for (const person of withThumbnails.people) {
      expect(decodeFloat32Base64(person.embeddings[0])).toEqual(new Float32Array(EMBEDDING_LENGTH).fill(0.5));
    }
  });

  it('exports an empty store as empty lists', async () => {
    const data = await buildPersonalExport(createMemoryStore(), NOW);
    expect(data.people).toEqual([]);
    expect(data.packs).toEqual([]);
  });
});

describe('pack export', () => {
  const bitsOf = (embedding: Float32Array) => Array.from(new Uint32Array(embedding.buffer, embedding.byteOffset, embedding.length));

  it('writes a stored pack as a facegap-pack v1 file that decodes to the same pack, embeddings bit-exact', async () => {
    const pack = createSyntheticPack({ dim: 16, name: 'My photos (2025)' });
    // Floats that a decimal round trip would bend: negative zero, the smallest subnormal, a float32
    // with no short decimal form (the largest float is refused since embeddings are bounded).
    pack.samples[0].embedding.set([-0, 1.4e-45, Math.fround(123.456789), -1.1754942106924411e-38]);
    pack.samples[1].flags = ['duplicate-of:g0p0f0'];
    pack.samples[2].notes = ['several-faces:2'];
    const store = createMemoryStore();
    await store.packs.put(toStoredPackInput('imported-1', pack));

    const { fileName, text } = exportStoredPack((await store.packs.get('imported-1'))!);
    expect(fileName).toBe('my-photos-2025.json');
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(json).toMatchObject({ format: PACK_FORMAT_MARKER, version: PACK_FORMAT_VERSION });
    const decoded = decodePack(text, { modelSha256: pack.model.sha256, dim: pack.model.dim, scoreId: pack.score });
    expect(decoded.samples.map((sample) => bitsOf(sample.embedding))).toEqual(pack.samples.map((sample) => bitsOf(sample.embedding)));
    expect(Object.is(decoded.samples[0].embedding[0], -0)).toBe(true);
    expect({ ...decoded, samples: decoded.samples.map(({ embedding: _, ...rest }) => rest) })
      .toEqual({ ...pack, samples: pack.samples.map(({ embedding: _, ...rest }) => rest) });
  });
});

describe('buildExportFileName', () => {
  it.each([
    ['facegap-my-data', 'facegap-my-data-2025-01-02.json'],
    ['facegap-pack-FairFace (val) / 2k', 'facegap-pack-fairface-val-2k-2025-01-02.json'],
    ['***', 'export-2025-01-02.json'],
  ])('%s', (prefix, expected) => {
    expect(buildExportFileName(prefix, NOW)).toBe(expected);
  });
});
