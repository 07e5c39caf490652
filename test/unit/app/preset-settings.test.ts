import { describe, expect, it } from 'vitest';
import { loadStoredState } from '../../../src/app/fg-app-parts';
import { decidePresetOnPack, followPreset, setPresetChoice, type PresetChoice } from '../../../src/app/threshold';
import { getModel } from '../../../src/models/registry';
import { listThresholdPresets } from '../../../src/views/presets';
import { createMemoryStore } from '../../../src/store';
import { isValidSetting, readSetting } from '../../../src/store/settings';

const onUtkface: PresetChoice = { id: 'fmr-1e-3', packName: 'UTKFace 600 (balanced)', packKey: '599x1024-0badc0de', value: 0.6234 };
/** The same preset as kept before session 5: no content key. */
const { packKey: _, ...keptWithoutKey } = onUtkface;

describe('the preset a threshold follows is a setting, per model (issue 16)', () => {
  it('reads as none from settings written before it existed, keeping the old threshold', async () => {
    const store = createMemoryStore();
    await store.settings.set('threshold', 0.62);
    await store.settings.set('thresholds', { dlib: 0.5 });
    const loaded = await loadStoredState(store);
    expect(loaded.presets).toEqual({});
    expect(loaded.values.thresholds).toEqual({ faceres: 0.62, dlib: 0.5 });
  });

  it('reads a preset kept before its pack\u2019s content key existed, and one with it', () => {
    expect(isValidSetting('thresholdPresets', { faceres: keptWithoutKey })).toBe(true);
    expect(isValidSetting('thresholdPresets', { faceres: onUtkface })).toBe(true);
    expect(isValidSetting('thresholdPresets', { faceres: { ...onUtkface, packKey: 42 } })).toBe(false);
  });

  it('comes back from the store at start, per model', async () => {
    const store = createMemoryStore();
    const kept = { faceres: onUtkface, dlib: { id: 'eer', packName: 'LFW 94 people', value: 0.41 } } as const;
    await store.settings.set('thresholdPresets', kept);
    expect((await loadStoredState(store)).presets).toEqual(kept);
  });

  it.each([
    ['an unknown preset id', { faceres: { ...onUtkface, id: 'default' } }],
    ['a value outside 0..1', { faceres: { ...onUtkface, value: 1.5 } }],
    ['no pack name', { faceres: { id: 'eer', value: 0.4 } }],
    ['a list', [onUtkface]],
    ['a number', 0.6],
  ])('falls back to none when the kept value has %s', (_, stored) => {
    expect(isValidSetting('thresholdPresets', stored)).toBe(false);
    expect(readSetting('thresholdPresets', stored)).toEqual({});
  });

  it('is replaced or removed for one model only', () => {
    const dlib: PresetChoice = { id: 'eer', packName: 'A', value: 0.3 };
    const both = setPresetChoice({ dlib }, 'faceres', onUtkface);
    expect(both).toEqual({ dlib, faceres: onUtkface });
    expect(setPresetChoice(both, 'faceres', null)).toEqual({ dlib });
    expect(setPresetChoice({}, 'faceres', null)).toEqual({});
  });
});

describe('what happens to a kept preset when a pack opens', () => {
  it.each([
    ['no preset kept', undefined, 'faceres', { name: 'LFW 94 people', modelId: 'faceres', key: 'k' }, 'none'],
    ['the pack it was worked out on (a reload)', onUtkface, 'faceres', { name: 'UTKFace 600 (balanced)', modelId: 'faceres', key: '599x1024-0badc0de' }, 'keep'],
    ['the same name rebuilt with other content', onUtkface, 'faceres', { name: 'UTKFace 600 (balanced)', modelId: 'faceres', key: '599x1024-feedface' }, 'follow'],
    ['the same name, kept before packs had a content key', keptWithoutKey, 'faceres', { name: 'UTKFace 600 (balanced)', modelId: 'faceres', key: '599x1024-0badc0de' }, 'follow'],
    ['another pack', onUtkface, 'faceres', { name: 'LFW 94 people', modelId: 'faceres', key: '360x1024-0badc0de' }, 'follow'],
    ['the previous model\u2019s pack, still shown during a model switch', onUtkface, 'dlib', { name: 'LFW 94 people', modelId: 'faceres', key: 'k' }, 'wait'],
  ] as const)('%s', (_, choice, modelId, pack, expected) => {
    expect(decidePresetOnPack(choice, modelId, pack)).toBe(expected);
  });

  it('when dropped, goes back to the model\u2019s own default, not faceres\u2019s', () => {
    const dlib = getModel('dlib');
    const small = listThresholdPresets({ atFmr: 0.7, eer: null, impostorPairs: 190, genuinePairs: 0 }, dlib);
    const following = followPreset(onUtkface, { name: '20 faces of mine', key: 'k' }, small);
    expect(following.threshold).toBe(dlib.defaultThreshold);
    expect(following.message).toMatch(new RegExp(`back to the default \\(${dlib.defaultThreshold.toFixed(2)}\\)\\.$`));
  });
});
