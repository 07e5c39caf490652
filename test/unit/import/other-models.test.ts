import { describe, expect, it } from 'vitest';
import {
  describeMeasuredCosts, describeModelCost, describeOtherPacks, findModelProblem, listImportSiblings, listModelsOnDevice, listOtherModels, modelPackId, nameModelPack, summariseMsPerFace,
  normaliseOtherModels, planOtherModels, selectModelRecords,
} from '../../../src/import/other-models';
import type { ImportRecord } from '../../../src/import/types';

const done = (file: string, extra: Partial<Extract<ImportRecord, { status: 'done' }>> = {}): ImportRecord => ({
  status: 'done', file, hash: `h-${file}`, id: file, subject: file, labels: { race: 'Asian' },
  embedding: Float32Array.from([1, 0]), notes: [], estimates: { age: 30, gender: 'male', genderScore: 0.8 }, ...extra,
});
const failed: ImportRecord = { status: 'failed', file: 'x.jpg', hash: 'h', id: 'x.jpg', labels: { race: 'Black' }, reason: 'no-face', message: 'No face was found in x.jpg.' };

describe('listOtherModels / normaliseOtherModels', () => {
  it('offers every model but the active one, in picker order', () => {
    expect(listOtherModels('faceres').map((model) => model.id)).toEqual(['faceres-deep', 'dlib', 'mobileface']);
    expect(listOtherModels('dlib').map((model) => model.id)).toEqual(['faceres', 'faceres-deep', 'mobileface']);
  });

  it.each([
    [['mobileface', 'dlib'], 'faceres', ['dlib', 'mobileface']],
    [['faceres', 'dlib', 'dlib'], 'faceres', ['dlib']],
    [['arcface', 'dlib'], 'faceres', ['dlib']],
    [[], 'faceres', []],
  ] as const)('keeps %j with %s active as %j', (chosen, active, expected) => {
    expect(normaliseOtherModels(chosen, active)).toEqual(expected);
  });
});

describe('planOtherModels', () => {
  it('drops a model with a problem on a kept photo, keeps the rest', () => {
    const kept = [done('a.jpg', { others: { dlib: Float32Array.of(1) } }), done('b.jpg', { otherProblems: { mobileface: 'out of memory' } }), failed];
    expect(planOtherModels(['dlib', 'mobileface'], kept)).toEqual({ running: ['dlib'], dropped: ['mobileface'] });
  });

  it('runs every chosen model on a fresh import', () => {
    expect(planOtherModels(['faceres-deep'], [])).toEqual({ running: ['faceres-deep'], dropped: [] });
  });
});

describe('selectModelRecords', () => {
  const dlib = Float32Array.from([0.1, 0.2, 0.3]);
  const records = [done('a.jpg', { others: { dlib }, otherProblems: { mobileface: 'x' } }), failed, done('b.jpg', { others: {} })];
  const selected = selectModelRecords(records, 'dlib');

  it('gives the same photos, labels and ids with the model\'s own embedding', () => {
    expect(selected.map((record) => [record.file, record.id, record.labels])).toEqual(records.map((record) => [record.file, record.id, record.labels]));
    const first = selected[0] as Extract<ImportRecord, { status: 'done' }>;
    expect(first.embedding).toBe(dlib);
    expect(first.estimates).toEqual({ age: 30, gender: 'male', genderScore: 0.8 });
    expect('others' in first || 'otherProblems' in first).toBe(false);
  });

  it('keeps failed photos as they are, and turns a face the model did not embed into a failure saying so', () => {
    expect(selected[1]).toBe(failed);
    expect(selected[2]).toMatchObject({ status: 'failed', reason: 'no-face', file: 'b.jpg' });
    expect((selected[2] as { message: string }).message).toBe('The dlib ResNet-34 model gave no embedding of the face in b.jpg.');
  });
});

describe('findModelProblem', () => {
  it('returns the first problem recorded for the model, or null', () => {
    const records = [done('a.jpg'), done('b.jpg', { otherProblems: { dlib: 'first' } }), done('c.jpg', { otherProblems: { dlib: 'second' } })];
    expect(findModelProblem(records, 'dlib')).toBe('first');
    expect(findModelProblem(records, 'mobileface')).toBeNull();
  });
});

describe('names, ids and messages', () => {
  it('suffixes the pack name with the model id, and keeps the plain id for the active model', () => {
    expect(nameModelPack('My class', 'dlib')).toBe('My class (dlib)');
    expect(modelPackId('j1', 'faceres', 'faceres')).toBe('imported-j1');
    expect(modelPackId('j1', 'dlib', 'faceres')).toBe('imported-j1-dlib');
  });

  it('says which packs were saved, which were not built and why, and that the active pack is saved', () => {
    const text = describeOtherPacks([
      { id: 'dlib', status: 'saved', name: 'My class (dlib)', samples: 4 },
      { id: 'mobileface', status: 'not-built', problem: 'The MobileFace model did not load (HTTP 404).' },
    ], 'faceres');
    expect(text).toBe('Also saved "My class (dlib)": 4 faces embedded by dlib ResNet-34. The MobileFace pack was not built: The MobileFace model did not load (HTTP 404). ' +
      'The faceres pack is saved all the same; import again with MobileFace as the active model to build it.');
    expect(describeOtherPacks([], 'faceres')).toBe('');
  });

  it.each([
    [{ bytes: 6_463_647, msPerFace: 212.4 }, false, '6.5 MB to download, about 212 ms per face here'],
    [{ bytes: 6_463_647 }, false, '6.5 MB to download, time per face not measured here yet'],
    [{ bytes: 6_463_647, msPerFace: 80 }, true, 'already on this device, about 80 ms per face here'],
    [undefined, false, 'time per face not measured here yet'],
  ] as const)('describes the cost %j (on device: %s)', (cost, isLoaded, expected) => {
    expect(describeModelCost(cost, isLoaded)).toBe(expected);
  });
});

describe('listModelsOnDevice', () => {
  const base = 'https://facegap.test/app/models/';
  it('lists the models every file of which is kept', () => {
    const kept = new Set(['/app/models/dlib/face_recognition_model-weights_manifest.json', '/app/models/dlib/face_recognition_model.bin', '/app/models/mobileface.json']);
    expect([...listModelsOnDevice(kept, base)]).toEqual(['dlib']);
  });

  it('lists none without a service worker', () => {
    expect(listModelsOnDevice(null, base).size).toBe(0);
  });
});

describe('listImportSiblings', () => {
  const ids = ['imported-j1', 'imported-j1-dlib', 'imported-j10', 'imported-j1-mobileface', 'imported-j2'];
  it.each([
    ['imported-j1', ['imported-j1', 'imported-j1-dlib', 'imported-j1-mobileface']],
    ['imported-j1-dlib', ['imported-j1', 'imported-j1-dlib', 'imported-j1-mobileface']],
    ['imported-j2', ['imported-j2']],
    ['utkface-600', ['utkface-600']],
  ])('finds the packs of the import of %s', (id, expected) => {
    expect(listImportSiblings(id, ids)).toEqual(expected);
  });
});

describe('summariseMsPerFace / describeMeasuredCosts', () => {
  it('takes each model\'s median, leaving out models without a figure', () => {
    expect(summariseMsPerFace(new Map([['dlib', [300, 100, 200]], ['mobileface', [40, 60]], ['faceres-deep', []]]))).toEqual({ dlib: 200, mobileface: 50 });
  });

  it('says what each timed model took, in the order chosen', () => {
    expect(describeMeasuredCosts(['mobileface', 'dlib', 'faceres-deep'], { dlib: 181.6, mobileface: 49.5 }))
      .toBe('Embedding took about 50 ms per face with MobileFace, 182 ms per face with dlib ResNet-34 on this device.');
    expect(describeMeasuredCosts(['dlib'], {})).toBe('');
  });
});
