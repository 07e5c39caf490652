import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PackIndex } from '../../../src/datasets/pack';
import { readOwnPack } from '../../../scripts/pack-describe';

const PACKS = resolve(import.meta.dirname, '../../../packs');
const index = JSON.parse(readFileSync(resolve(PACKS, 'index.json'), 'utf8')) as PackIndex;

/**
 * The datasets' terms ask for their credit wherever derived numbers are shown or shipped: the
 * handout and the views print a pack's attribution and licence, so every bundled file carries them
 * (utkface-3000's faceres and MobileFace files once said "Credit:" and nothing else).
 */
describe('every bundled pack credits its dataset', () => {
  it.each(index.packs.map((entry) => [entry.file]))('%s', (file) => {
    const pack = readOwnPack(readFileSync(resolve(PACKS, file)));
    expect(pack.attribution.trim()).not.toBe('');
    expect(pack.license).not.toMatch(/^Not stated/);
    expect(pack.description).not.toBe('Built from images with npm run build:pack.');
  });

  it('says the same of a dataset under every model', () => {
    const bySet = new Map<string, string[]>();
    for (const entry of index.packs) {
      const pack = readOwnPack(readFileSync(resolve(PACKS, entry.file)));
      bySet.set(entry.pack, [...(bySet.get(entry.pack) ?? []), JSON.stringify([pack.name, pack.license, pack.attribution])]);
    }
    for (const [set, texts] of bySet) expect(new Set(texts).size, set).toBe(1);
  });
});
