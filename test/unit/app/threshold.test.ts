import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD_SIMILARITY, describePresetPending, followPreset, isPackPreset, type PresetChoice } from '../../../src/app/threshold';
import { listThresholdPresets, MIN_PAIRS_FOR_FMR_PRESET } from '../../../src/views/presets';

const onUtkface: PresetChoice = { id: 'fmr-1e-3', packName: 'UTKFace 600 (balanced)', packKey: '599x1024-0badc0de', value: 0.6234 };
const LFW = { name: 'LFW 94 people', key: '360x1024-12345678' };

describe('a preset when the pack changes', () => {
  it('follows the new pack\u2019s value and says so, old and new', () => {
    const presets = listThresholdPresets({ atFmr: 0.5712, eer: 0.41, impostorPairs: 40_000, genuinePairs: 500 });
    const following = followPreset(onUtkface, LFW, presets);
    expect(following.threshold).toBe(0.5712);
    expect(following.choice).toEqual({ id: 'fmr-1e-3', packName: 'LFW 94 people', packKey: '360x1024-12345678', value: 0.5712 });
    expect(following.message).toBe('The threshold follows \u201c1 in 1,000 false matches\u201d to LFW 94 people: 0.571 here (it was 0.623 on UTKFace 600 (balanced)).');
  });

  it('follows the equal-error preset too', () => {
    const presets = listThresholdPresets({ atFmr: 0.57, eer: 0.4123, impostorPairs: 40_000, genuinePairs: 500 });
    const following = followPreset({ id: 'eer', packName: 'A', value: 0.38 }, { name: 'B', key: 'b' }, presets);
    expect(following.threshold).toBe(0.4123);
    expect(following.message).toMatch(/^The threshold follows \u201cas many misses as false matches\u201d to B: 0\.412 here \(it was 0\.380 on A\)\.$/);
  });

  it('drops the preset with its reason and goes back to the default when the new pack cannot place it', () => {
    const small = listThresholdPresets({ atFmr: 0.7, eer: null, impostorPairs: 190, genuinePairs: 0 });
    const following = followPreset(onUtkface, { name: '20 faces of mine', key: 'k' }, small);
    expect(following.threshold).toBe(DEFAULT_THRESHOLD_SIMILARITY);
    expect(following.choice).toBeNull();
    expect(following.message).toBe(`\u201c1 in 1,000 false matches\u201d was dropped on 20 faces of mine: placing 1 in 1,000 needs at least ${MIN_PAIRS_FOR_FMR_PRESET.toLocaleString('en-US')} pairs of different people, and this set has 190. The threshold is back to the default (0.60).`);
  });

  it('says when the value happens to be the same', () => {
    const presets = listThresholdPresets({ atFmr: 0.6231, eer: null, impostorPairs: 40_000, genuinePairs: 0 });
    expect(followPreset(onUtkface, { name: 'Copy', key: 'c' }, presets).message).toMatch(/: 0\.623 here, as on UTKFace 600 \(balanced\)\.$/);
  });

  it('works the preset out again on a pack rebuilt under the same name, and says the pack changed', () => {
    const presets = listThresholdPresets({ atFmr: 0.6481, eer: null, impostorPairs: 40_000, genuinePairs: 0 });
    const rebuilt = { name: 'UTKFace 600 (balanced)', key: '599x1024-feedface' };
    expect(describePresetPending(onUtkface, rebuilt.name)).toBe('\u201c1 in 1,000 false matches\u201d was set on an earlier build of UTKFace 600 (balanced) (0.623); working out where it sits on the one open now\u2026');
    const following = followPreset(onUtkface, rebuilt, presets);
    expect(following.threshold).toBe(0.6481);
    expect(following.choice).toEqual({ id: 'fmr-1e-3', packName: 'UTKFace 600 (balanced)', packKey: '599x1024-feedface', value: 0.6481 });
    expect(following.message).toBe('\u201c1 in 1,000 false matches\u201d worked out again on UTKFace 600 (balanced), which changed since it was set: 0.648 now (it was 0.623 on an earlier build of UTKFace 600 (balanced)).');
    const { packKey: _, ...keptWithoutKey } = onUtkface;
    expect(followPreset(keptWithoutKey, rebuilt, listThresholdPresets({ atFmr: 0.6234, eer: null, impostorPairs: 40_000, genuinePairs: 0 })).message)
      .toBe('\u201c1 in 1,000 false matches\u201d worked out again on UTKFace 600 (balanced): 0.623 now, the same as before.');
  });

  it('counts only the pack-dependent presets, and says what it is doing meanwhile', () => {
    expect(['fmr-1e-3', 'eer', 'default', 'human-default', 'slider'].map(isPackPreset)).toEqual([true, true, false, false, false]);
    expect(describePresetPending(onUtkface, 'LFW 94 people')).toBe('\u201c1 in 1,000 false matches\u201d was set on UTKFace 600 (balanced) (0.623); working out where it sits on LFW 94 people\u2026');
  });
});
