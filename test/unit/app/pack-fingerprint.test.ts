import { describe, expect, it } from 'vitest';
import { fingerprintPack, isSameKeyKind, keyPackByFileSha256 } from '../../../src/app/pack-fingerprint';
import type { ReferencePack } from '../../../src/datasets/pack';
import { makePack } from '../datasets/tiny-pack';

/** A copy of the tiny pack with `change` applied: a rebuild under the same name. */
function rebuild(change: (pack: ReferencePack) => void): ReferencePack {
  const pack = makePack();
  change(pack);
  return pack;
}

describe('a pack\u2019s content key (a preset is worked out again when it changes)', () => {
  it('is the same for the same content, read twice', () => {
    expect(fingerprintPack(makePack())).toBe(fingerprintPack(makePack()));
    expect(fingerprintPack(makePack())).toMatch(/^2x4-[0-9a-f]{8}$/);
  });

  it.each([
    ['one embedding float changed', (p: ReferencePack) => { p.samples[0].embedding[2] = 0.30001; }],
    ['a face left out', (p: ReferencePack) => { p.samples.pop(); }],
    ['a label changed', (p: ReferencePack) => { p.samples[1].labels.race = 'Asian'; }],
    ['a sample renamed', (p: ReferencePack) => { p.samples[1].id = 's3'; }],
    ['other model weights', (p: ReferencePack) => { p.model.sha256 = 'cd'.repeat(32); }],
    ['one more failure', (p: ReferencePack) => { p.failures.push({ id: 'f2', labels: {}, reason: 'no-face' }); }],
    ['another name', (p: ReferencePack) => { p.name = 'Tiny 2'; }],
  ])('differs when the pack is rebuilt with %s', (_, change) => {
    expect(fingerprintPack(rebuild(change))).not.toBe(fingerprintPack(makePack()));
  });

  it('ignores the model\u2019s own guesses (age, gender), which no threshold uses', () => {
    const withoutEstimates = rebuild((p) => { delete p.samples[0].estimates; });
    expect(fingerprintPack(withoutEstimates)).toBe(fingerprintPack(makePack()));
  });

  describe('a bundled pack, keyed by the sha256 of its file (checked against the index as it loads)', () => {
    const FILE_SHA = '0123456789abcdef'.repeat(4);
    /** The tiny pack as the loader hands it over: decoded from a file whose sha256 is `sha256`. */
    function loadBundled(sha256: string, change?: (pack: ReferencePack) => void): ReferencePack {
      const pack = change ? rebuild(change) : makePack();
      keyPackByFileSha256(pack, sha256);
      return pack;
    }

    it('is the shape and the first 16 hex digits of the file\u2019s sha256, lower-cased', () => {
      expect(fingerprintPack(loadBundled(FILE_SHA))).toBe('2x4-0123456789abcdef');
      expect(fingerprintPack(loadBundled(FILE_SHA.toUpperCase()))).toBe('2x4-0123456789abcdef');
    });

    it('never reads an embedding\u2019s floats, so a preset\u2019s key costs nothing for utkface-3000', () => {
      const pack = makePack();
      // Each embedding's length is there; its floats throw when read.
      const unreadable = { length: 4, get buffer(): ArrayBuffer { throw new Error('the key read an embedding'); } };
      for (const sample of pack.samples) sample.embedding = unreadable as unknown as Float32Array;
      keyPackByFileSha256(pack, FILE_SHA);
      expect(fingerprintPack(pack)).toBe('2x4-0123456789abcdef');
    });

    it('changes when the pack is rebuilt under the same name: another file, another sha256', () => {
      const rebuilt = loadBundled('fedcba9876543210'.repeat(4), (p) => { p.samples[0].embedding[2] = 0.30001; });
      expect(fingerprintPack(rebuilt)).not.toBe(fingerprintPack(loadBundled(FILE_SHA)));
      expect(rebuilt.name).toBe(makePack().name);
    });

    it('never equals a key worked out from the embeddings (FNV), so a preset kept before is worked out again once', () => {
      expect(fingerprintPack(loadBundled(FILE_SHA))).not.toBe(fingerprintPack(makePack()));
      expect(fingerprintPack(makePack())).toMatch(/^2x4-[0-9a-f]{8}$/);
    });

    it.each([['too short', 'abc'], ['not hex', 'z'.repeat(64)], ['empty', '']])('ignores a sha256 that is %s: the pack keeps its FNV key', (_, sha256) => {
      expect(fingerprintPack(loadBundled(sha256))).toBe(fingerprintPack(makePack()));
    });

    describe('isSameKeyKind', () => {
      it('tells a file key from an FNV key, so an old preset is worked out again without saying the pack changed', () => {
        const fileKey = fingerprintPack(loadBundled(FILE_SHA));
        const fnvKey = fingerprintPack(makePack());
        expect(isSameKeyKind(fileKey, fnvKey)).toBe(false);
        expect(isSameKeyKind(fnvKey, '2x4-00000000')).toBe(true);
        expect(isSameKeyKind(fileKey, fingerprintPack(loadBundled('fedcba9876543210'.repeat(4))))).toBe(true);
      });
    });
  });
});
