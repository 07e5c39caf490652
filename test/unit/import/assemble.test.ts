import { describe, expect, it } from 'vitest';
import { decodePack, encodePack } from '../../../src/datasets/pack';
import { assemblePack, collectLabelNames, describePreprocessing } from '../../../src/import/assemble';
import { planCanvas, TIGHT_CROP_PREPROCESSING } from '../../../src/import/preprocess';
import type { ImportRecord } from '../../../src/import/types';
import { SCORE_ID } from '../../../src/matching/similarity';

const model = { id: 'faceres', package: '@vladmandic/human@3.3.6', sha256: 'a'.repeat(64), dim: 4 };
const description = { name: 'Test', description: 'd', license: 'l', attribution: 'a' };
const sample = (id: string, hash: string, embedding: number[], labels: Record<string, string> = { race: 'White' }): ImportRecord => ({
  status: 'done', file: id, hash, id, subject: id, labels, embedding: Float32Array.from(embedding), notes: [],
});

describe('assemblePack', () => {
  const records: ImportRecord[] = [
    sample('a', 'h1', [1, 0, 0, 0]),
    sample('b', 'h1', [1, 0, 0, 0]),
    sample('c', 'h2', [0, 1, 0, 0], { race: 'Black', source: 'published' }),
    sample('d', 'h3', [0, 1, 0, 0]),
    { status: 'failed', file: 'e', hash: 'h4', id: 'e', labels: { race: 'Indian', gender: 'male' }, reason: 'no-face', message: '' },
  ];
  const pack = assemblePack(records, description, model, describePreprocessing(TIGHT_CROP_PREPROCESSING));

  it('flags duplicates by file bytes and by identical embeddings, and drops none', () => {
    expect(pack.samples.map((s) => [s.id, s.flags ?? []])).toEqual([
      ['a', []], ['b', ['duplicate-of:a']], ['c', []], ['d', ['duplicate-of:c']],
    ]);
  });

  it('keeps failures with their labels and reason', () => {
    expect(pack.failures).toEqual([{ id: 'e', labels: { race: 'Indian', gender: 'male' }, reason: 'no-face' }]);
  });

  it('records the preprocessing and writes a pack FaceGap reads back', () => {
    expect(pack.preprocessing).toMatchObject({ margin: 0.25, fill: '#808080', maxSide: 1280, grayscaleExpanded: true });
    const read = decodePack(encodePack(pack), { modelSha256: model.sha256, dim: 4, scoreId: SCORE_ID });
    expect(read.samples).toHaveLength(4);
  });

  it('lists known labels first', () => {
    expect(collectLabelNames(records)).toEqual(['race', 'gender', 'source']);
  });
});

describe('planCanvas', () => {
  it.each([
    { name: 'a 200 px crop padded 25%', w: 200, h: 200, margin: 0.25, maxSide: 1280, expected: { width: 300, height: 300, scale: 1, offsetX: 50, offsetY: 50 } },
    { name: 'an unpadded small photo', w: 250, h: 250, margin: 0, maxSide: 1280, expected: { width: 250, height: 250, scale: 1, offsetX: 0, offsetY: 0 } },
    { name: 'a huge photo scaled to the longest side', w: 6000, h: 3000, margin: 0, maxSide: 1200, expected: { width: 1200, height: 600, scale: 0.2, offsetX: 0, offsetY: 0 } },
  ])('$name', ({ w, h, margin, maxSide, expected }) => {
    expect(planCanvas(w, h, { margin, maxSide, fill: '#808080' })).toEqual(expected);
  });
});

describe('flagNearDuplicates', () => {
  it('flags a later sample almost parallel to an earlier one, and keeps it', async () => {
    const { flagNearDuplicates } = await import('../../../src/import/assemble');
    const records: ImportRecord[] = [sample('a', 'h1', [1, 0, 0, 0]), sample('b', 'h2', [0.99, 0.05, 0, 0]), sample('c', 'h3', [0.7, 0.7, 0, 0])];
    const pack = assemblePack(records, description, model, describePreprocessing(TIGHT_CROP_PREPROCESSING));
    expect(pack.samples.map((s) => s.flags ?? [])).toEqual([[], ['near-duplicate-of:a'], []]);
    expect(pack.samples[1].notes).toEqual(['near-duplicate-cosine:0.999']);
    expect(flagNearDuplicates(pack).samples[1].flags).toEqual(['near-duplicate-of:a']);
  });
});
