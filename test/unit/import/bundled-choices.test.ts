import { describe, expect, it } from 'vitest';
import { listBundledChoices, type BundledPackEntry } from '../../../src/import/bundled';

const entry = (pack: string, model: string, bytes: number): BundledPackEntry => ({
  id: model === 'faceres' ? pack : `${pack}.${model}`, pack, model, modelSha256: 'x', score: 's', file: `${pack}.${model}.fgpack`,
  name: pack.toUpperCase(), bytes, sha256: 'y', samples: 1, failures: 0, subjects: 1,
});
const INDEX = [
  entry('lfw-94', 'dlib', 1), entry('lfw-94', 'faceres', 8),
  entry('utk', 'dlib', 14), entry('utk', 'faceres-deep', 65), entry('utk', 'faceres', 65), entry('utk', 'mobileface', 20),
  entry('only-dlib', 'dlib', 3),
];

describe('listBundledChoices: one line per pack, the active model\u2019s file', () => {
  it('lists each set once, with the active model\u2019s file and size, in the index\u2019s order', () => {
    const { entries } = listBundledChoices(INDEX, 'mobileface', null);
    expect(entries.map((e) => [e.pack, e.model, e.bytes])).toEqual([['lfw-94', 'dlib', 1], ['utk', 'mobileface', 20], ['only-dlib', 'dlib', 3]]);
    expect(listBundledChoices(INDEX, 'faceres', null).entries.map((e) => e.id)).toEqual(['lfw-94', 'utk', 'only-dlib.dlib']);
  });

  it('marks the set in use whichever model\u2019s entry opened it, and leaves an imported pack\u2019s id alone', () => {
    expect(listBundledChoices(INDEX, 'dlib', 'utk').activeId).toBe('utk.dlib');
    expect(listBundledChoices(INDEX, 'faceres', 'utk.mobileface').activeId).toBe('utk');
    expect(listBundledChoices(INDEX, 'faceres', 'imported-123').activeId).toBe('imported-123');
    expect(listBundledChoices(INDEX, 'faceres', null).activeId).toBeNull();
  });
});
