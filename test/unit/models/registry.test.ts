import { describe, expect, it } from 'vitest';
import { SCORE_IDS } from '../../../src/matching/scores';
import { DEFAULT_MODEL_ID, MODELS, assertSameModel, getModel, isModelId } from '../../../src/models/registry';

describe('model registry', () => {
  it('starts with faceres, on the score it was calibrated for', () => {
    expect(DEFAULT_MODEL_ID).toBe('faceres');
    expect(getModel('faceres').scoreId).toBe('human-similarity-v1');
  });

  it('gives every other model cosine similarity, a known score and its own weights file', () => {
    const weights = new Set(MODELS.map((model) => model.weightsFile));
    expect(weights.size).toBe(MODELS.length);
    for (const model of MODELS) {
      expect(SCORE_IDS).toContain(model.scoreId);
      if (model.id !== 'faceres') expect(model.scoreId).toBe('cosine-v1');
    }
  });

  it('refuses a model it does not offer, naming the offered ones', () => {
    expect(isModelId('mobilefacenet')).toBe(false);
    expect(() => getModel('mobilefacenet')).toThrow(/"mobilefacenet".*faceres, faceres-deep, dlib/);
  });
});

describe('model mismatch', () => {
  it('refuses a pack of one model used with another, naming both', () => {
    expect(() => assertSameModel('faceres', 'faceres', 'This pack')).not.toThrow();
    expect(() => assertSameModel('dlib', 'faceres-deep', 'This pack')).toThrow(
      /^This pack was made with the dlib ResNet-34 \(dlib\) model, but the active model is faceres-deep \(faceres-deep\)/,
    );
    expect(() => assertSameModel('arcface', 'faceres', 'This pack')).toThrow(/"arcface" model, but the active model is faceres \(faceres\)/);
  });
});
