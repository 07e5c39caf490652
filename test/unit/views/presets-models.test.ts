import { describe, expect, it } from 'vitest';
import { getModel } from '../../../src/models/registry';
import { listThresholdPresets } from '../../../src/views/presets';

describe('threshold presets per model', () => {
  it('offers faceres its default and the library\'s 0.5, both on human\'s similarity', () => {
    expect(listThresholdPresets(null).map((p) => [p.id, p.value])).toEqual([['default', 0.6], ['human-default', 0.5], ['fmr-1e-3', null], ['eer', null]]);
  });

  it.each(['faceres-deep', 'dlib'] as const)('offers %s its own starting threshold and no 0.5, which means nothing on its scale', (id) => {
    const presets = listThresholdPresets(null, getModel(id));
    expect(presets.map((p) => p.id)).toEqual(['default', 'fmr-1e-3', 'eer']);
    expect(presets[0].value).toBe(getModel(id).defaultThreshold);
    expect(presets[0].description).toContain(getModel(id).label);
  });
});
