import { describe, expect, it } from 'vitest';
import { encodePack, tryDecodePack } from '../../../src/datasets/pack';
import { EXPECTED, makePack } from '../datasets/tiny-pack';

/** A tiny pack whose model id is `modelId`, with everything else as the reader expects. */
function packOf(modelId: string, dim = EXPECTED.dim): string {
  const json = JSON.parse(encodePack(makePack()));
  json.model.id = modelId;
  json.model.dim = dim;
  return JSON.stringify(json);
}

describe('a pack of one model used with another', () => {
  it('is refused naming both models, before the embedding length is even compared', () => {
    const result = tryDecodePack(packOf('dlib', 128), { ...EXPECTED, modelId: 'faceres' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.code).toBe('other-model');
    expect(result.rejection.message).toMatch(/^This pack was made with the dlib ResNet-34 \(dlib\) model, but the active model is faceres \(faceres\): their scores cannot be compared\./);
    expect(result.rejection.message).toContain('Nothing from this file was imported');
  });

  it('names a model this build does not offer by its raw id', () => {
    const result = tryDecodePack(packOf('arcface'), { ...EXPECTED, modelId: 'faceres-deep' });
    expect(result.ok ? '' : result.rejection.message).toMatch(/made with the "arcface" model, but the active model is faceres-deep \(faceres-deep\)/);
  });

  it('is read as before when the reader does not say which model is active', () => {
    expect(tryDecodePack(packOf('faceres'), EXPECTED).ok).toBe(true);
  });
});
