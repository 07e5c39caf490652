import { describe, expect, it } from 'vitest';
import { findExactDuplicates, flagExactDuplicates, packSummary, type PackSample, type ReferencePack } from '../../../src/datasets/pack';

function sample(id: string, subject: string | null, race: string, embedding: number[], gender?: string): PackSample {
  return { id, subject, labels: gender ? { race, gender } : { race }, embedding: new Float32Array(embedding) };
}

function makePack(samples: PackSample[]): ReferencePack {
  return {
    format: 'facegap-pack', version: 1, name: 'n', description: 'd', license: 'l', attribution: 'a',
    model: { id: 'faceres', package: 'p', sha256: '00', dim: 2 }, score: 'human-similarity-v1',
    labels: ['race', 'gender'],
    preprocessing: { margin: 0, fill: '#808080', maxSide: 200, grayscaleExpanded: true },
    samples,
    failures: [
      { id: 'f1', labels: { race: 'Black', gender: 'male' }, reason: 'no-face' },
      { id: 'f2', labels: { race: 'Black' }, reason: 'unreadable' },
    ],
  };
}

const PACK = makePack([
  sample('a1', 'ann', 'Black', [1, 2], 'female'),
  sample('a2', 'ann', 'Black', [3, 4], 'female'),
  sample('b1', 'bo', 'White', [1, 2], 'male'),
  sample('c1', 'cy', 'White', [5, 6], 'male'),
  sample('u1', null, 'White', [1, 2]),
  sample('z1', null, 'White', [0, 0]),
  sample('z2', null, 'White', [-0, 0]),
]);

describe('findExactDuplicates', () => {
  it('groups byte-identical embeddings in pack order; -0 and 0 differ', () => {
    expect(findExactDuplicates(PACK)).toEqual([{ firstId: 'a1', duplicateIds: ['b1', 'u1'] }]);
  });

  it('returns an empty list when all embeddings differ', () => {
    expect(findExactDuplicates(makePack([sample('a', null, 'x', [1, 2])]))).toEqual([]);
  });

  it('flags later duplicates without dropping any sample, and only once', () => {
    const flagged = flagExactDuplicates(flagExactDuplicates(PACK));
    expect(flagged.samples).toHaveLength(PACK.samples.length);
    expect(flagged.samples.map((s) => s.flags ?? [])).toEqual([[], [], ['duplicate-of:a1'], [], ['duplicate-of:a1'], [], []]);
    expect(PACK.samples[2].flags).toBeUndefined();
  });
});

describe('packSummary', () => {
  it('counts samples, subjects, genuine-capable subjects and failures per group', () => {
    const summary = packSummary(flagExactDuplicates(PACK));
    expect(summary).toMatchObject({
      sampleCount: 7, failureCount: 2, subjectCount: 3, genuineCapableSubjectCount: 1, duplicateCount: 2,
      failuresByReason: { unreadable: 1, 'no-face': 1, 'several-faces': 0 },
    });
    expect(summary.groups.race).toEqual({
      Black: { samples: 2, failures: 2, subjects: 1, genuineCapableSubjects: 1 },
      White: { samples: 5, failures: 0, subjects: 2, genuineCapableSubjects: 0 },
    });
    expect(summary.groups.gender['(no label)']).toEqual({ samples: 3, failures: 1, subjects: 0, genuineCapableSubjects: 0 });
  });

  it('gives zeros and empty groups for an empty pack', () => {
    const summary = packSummary({ ...makePack([]), failures: [] });
    expect(summary).toMatchObject({ sampleCount: 0, failureCount: 0, subjectCount: 0, groups: { race: {}, gender: {} } });
  });
});
