import { describe, expect, it } from 'vitest';
import { fingerprintPack } from '../../../src/app/pack-fingerprint';
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
});
