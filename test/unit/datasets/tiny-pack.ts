/** A tiny synthetic pack shared by the v1 and v2 codec tests. */
import type { PackExpectation, ReferencePack } from '../../../src/datasets/pack';

export const SHA = 'ab'.repeat(32);
export const EXPECTED: PackExpectation = { modelSha256: SHA, dim: 4, scoreId: 'human-similarity-v1' };

export function makePack(): ReferencePack {
  return {
    format: 'facegap-pack', version: 1,
    name: 'Tiny', description: 'Synthetic', license: 'CC0', attribution: 'Nobody',
    model: { id: 'faceres', package: '@vladmandic/human@3.3.6', sha256: SHA, dim: 4 },
    score: 'human-similarity-v1',
    labels: ['race', 'gender', 'age_band'],
    preprocessing: { margin: 0.25, fill: '#808080', maxSide: 640, grayscaleExpanded: false, faceChoice: 'largest' },
    samples: [
      {
        id: 's1', subject: 'ann', labels: { race: 'Black', gender: 'female', age_band: '18-29' },
        estimates: { age: 24.5, gender: 'female', genderScore: 0.93 },
        embedding: new Float32Array([0.1, -0.2, 0.3, -0]), notes: ['several-faces:3'],
      },
      { id: 's2', subject: null, labels: { race: 'White' }, embedding: new Float32Array([1e-45, 2, 3, 4]), flags: ['duplicate-of:s1'] },
    ],
    failures: [{ id: 'f1', labels: { race: 'Indian', gender: 'male' }, reason: 'no-face' }],
  };
}
