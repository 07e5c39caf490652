import { describe, expect, it } from 'vitest';
import { encodeFloat32Base64 } from '../../../src/datasets/base64';
import {
  decodePack, encodePack, isTruncatedJson, PackError, tryDecodePack,
  type PackExpectation, type PackRejectionCode, type ReferencePack,
} from '../../../src/datasets/pack';
import { EXPECTED, makePack, SHA } from './tiny-pack';
type Json = Record<string, any>;
const packJson = (): Json => JSON.parse(encodePack(makePack()));

function rejectionOf(text: string, expected = EXPECTED) {
  const result = tryDecodePack(text, expected);
  if (result.ok) throw new Error('expected a rejection');
  return result.rejection;
}

describe('encodePack / decodePack', () => {
  it('round-trips every field, embeddings bit-exactly', () => {
    const pack = makePack();
    const back = decodePack(encodePack(pack), EXPECTED);
    expect(back.samples[0].embedding).toBeInstanceOf(Float32Array);
    for (let i = 0; i < pack.samples.length; i++) {
      expect(new Uint8Array(back.samples[i].embedding.buffer)).toEqual(new Uint8Array(pack.samples[i].embedding.buffer));
    }
    expect(back).toEqual(pack);
  });

  it('writes embeddings as base64 of little-endian float32', () => {
    expect(packJson().samples[0].embedding).toBe(encodeFloat32Base64([0.1, -0.2, 0.3, -0]));
  });

  it('accepts a byte-order mark and an upper-case hash', () => {
    const json = packJson();
    json.model.sha256 = SHA.toUpperCase();
    expect(decodePack(`\uFEFF${JSON.stringify(json)}`, EXPECTED).model.sha256).toBe(SHA);
  });

  it('refuses to write a pack it would not read back', () => {
    const pack = makePack();
    pack.samples[1].id = 's1';
    expect(() => encodePack(pack)).toThrow(PackError);
  });
});

const mutate = (change: (json: Json) => void): string => {
  const json = packJson();
  change(json);
  return JSON.stringify(json);
};

const full = encodePack(makePack());

const REJECTIONS: [string, string, PackRejectionCode, RegExp][] = [
  ['empty file', '  ', 'not-json', /empty/],
  ['not JSON', 'name,age\nann,3', 'not-json', /not JSON/],
  ['JSON with trailing garbage', `${full}}`, 'not-json', /not JSON/],
  ['cut off mid-string', full.slice(0, full.length / 2), 'truncated', /ends early: it was cut off while saving or downloading/],
  ['cut off between fields', full.slice(0, full.indexOf('"samples"')), 'truncated', /ends early/],
  ['JSON but not an object', '[1,2]', 'wrong-format', /not a FaceGap pack: it has no "format"/],
  ['wrong marker', mutate((j) => (j.format = 'other-pack')), 'wrong-format', /"other-pack", not "facegap-pack"/],
  ['newer version', mutate((j) => (j.version = 2)), 'other-version', /made by a newer FaceGap/],
  ['nonsense version', mutate((j) => (j.version = '1')), 'other-version', /not one FaceGap ever wrote/],
  ['other dimension', mutate((j) => (j.model.dim = 512)), 'other-dimension', /512-number embeddings.*gives 4/],
  ['other model hash', mutate((j) => (j.model.sha256 = 'cd'.repeat(32))), 'other-model', /made with a different face model \(@vladmandic\/human@3\.3\.6.*\): its scores cannot be compared with yours/],
  ['other score', mutate((j) => (j.score = 'cosine')), 'other-score', /"cosine".*"human-similarity-v1"/],
  ['short embedding', mutate((j) => (j.samples[1].embedding = encodeFloat32Base64([1, 2, 3]))), 'bad-embedding', /sample "s2" has 3 numbers instead of 4/],
  ['embedding not base64', mutate((j) => (j.samples[0].embedding = 'not base64!')), 'bad-embedding', /"s1" is not valid base64/],
  ['embedding with NaN', mutate((j) => (j.samples[0].embedding = encodeFloat32Base64([1, NaN, 0, 0]))), 'bad-embedding', /not finite/],
  ['duplicate sample ids', mutate((j) => (j.samples[1].id = 's1')), 'duplicate-id', /"s1" is used twice/],
  ['failure id equal to a sample id', mutate((j) => (j.failures[0].id = 's2')), 'duplicate-id', /"s2"/],
  ['undeclared sample label', mutate((j) => (j.samples[0].labels.skin = 'V')), 'undeclared-label', /"s1" has a label "skin"/],
  ['undeclared failure label', mutate((j) => (j.failures[0].labels.age = '30')), 'undeclared-label', /"f1" has a label "age"/],
  ['missing samples', mutate((j) => delete j.samples), 'malformed', /samples should be a list/],
  ['label value not text', mutate((j) => (j.samples[0].labels.race = 3)), 'malformed', /samples\[0\]\.labels\.race should be text/],
  ['bad failure reason', mutate((j) => (j.failures[0].reason = 'blurry')), 'malformed', /failures\[0\]\.reason/],
  ['bad estimate gender', mutate((j) => (j.samples[0].estimates.gender = 'F')), 'malformed', /estimates\.gender/],
  ['missing preprocessing flag', mutate((j) => delete j.preprocessing.grayscaleExpanded), 'malformed', /grayscaleExpanded/],
  ['subject neither text nor null', mutate((j) => delete j.samples[0].subject), 'malformed', /subject should be text or null/],
];

describe('decodePack rejections', () => {
  it.each(REJECTIONS)('%s', (_name, text, code, message) => {
    const rejection = rejectionOf(text);
    expect(rejection.code).toBe(code);
    expect(rejection.message).toMatch(message);
    expect(rejection.message).toContain('Nothing from this file was imported');
  });

  it('throws PackError carrying the rejection', () => {
    try {
      decodePack('{', EXPECTED);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PackError);
      expect((error as PackError).rejection.code).toBe('truncated');
    }
  });

  it('checks the model before the samples, so the most useful reason is shown', () => {
    const text = mutate((j) => {
      j.model.sha256 = 'cd'.repeat(32);
      j.samples[0].id = j.samples[1].id;
    });
    expect(rejectionOf(text).code).toBe('other-model');
  });
});

describe('isTruncatedJson', () => {
  it.each([
    ['{"a": "x}', true],
    ['{"a": [1, 2', true],
    ['{"a": "\\"', true],
    ['{"a": 1}', false],
    ['{"a": 1}}', false],
    ['hello', false],
    ['', false],
  ])('%j -> %s', (text, isTruncated) => {
    expect(isTruncatedJson(text)).toBe(isTruncated);
  });
});
