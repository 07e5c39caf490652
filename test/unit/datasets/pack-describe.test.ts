import { describe, expect, it } from 'vitest';
import { encodeBinaryPack } from '../../../src/datasets/pack';
import { readOwnPack, redescribePack } from '../../../scripts/pack-describe';
import { makePack } from './tiny-pack';

describe('pack-describe: a pack says whose photos it came from, without being built again', () => {
  const original = encodeBinaryPack(makePack());

  it('changes the licence and attribution and keeps every embedding bit for bit', () => {
    const next = redescribePack(original, { license: 'Research only', attribution: 'Zhang, Song, Qi, CVPR 2017' });
    const before = readOwnPack(original);
    const after = readOwnPack(next);
    expect(after.license).toBe('Research only');
    expect(after.attribution).toBe('Zhang, Song, Qi, CVPR 2017');
    expect(after.name).toBe(before.name);
    expect(after.samples.map((s) => [s.id, s.subject, s.labels])).toEqual(before.samples.map((s) => [s.id, s.subject, s.labels]));
    after.samples.forEach((sample, i) => expect([...sample.embedding]).toEqual([...before.samples[i].embedding]));
    expect(next.subarray(next.length - 4 * 2 * before.samples.length)).toEqual(original.subarray(original.length - 4 * 2 * before.samples.length));
  });

  it('leaves a field alone when no change is given for it', () => {
    expect(readOwnPack(redescribePack(original, { license: undefined })).license).toBe(makePack().license);
  });
});
