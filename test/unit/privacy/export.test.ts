import { describe, expect, it } from 'vitest';
import { decodeFloat32Base64 } from '../../../src/datasets/base64';
import { createTemplate, EMBEDDING_LENGTH } from '../../../src/matching/templates';
import { buildExportFileName, buildPackExport, buildPersonalExport, PERSONAL_EXPORT_FORMAT } from '../../../src/privacy/export';
import { createMemoryStore } from '../../../src/store';

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

  it('exports an empty store as empty lists', async () => {
    const data = await buildPersonalExport(createMemoryStore(), NOW);
    expect(data.people).toEqual([]);
    expect(data.packs).toEqual([]);
  });
});

describe('buildPackExport', () => {
  it('keeps metadata and encodes each sample embedding', () => {
    const embedding = new Float32Array([1, -2, 0.5]);
    const pack = {
      metadata: { id: 'k', name: 'K', modelSha256: 'abc', scoreId: 's', importedAt: NOW, details: {}, sampleCount: 1, approxBytes: 12 },
      samples: [{ id: 'a.jpg', embedding, labels: { race: 'Asian' } }],
    };
    const out = buildPackExport(pack, NOW);
    expect(out.metadata).toEqual(pack.metadata);
    expect(decodeFloat32Base64(out.samples[0].embedding)).toEqual(embedding);
    expect(out.samples[0].labels).toEqual({ race: 'Asian' });
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
