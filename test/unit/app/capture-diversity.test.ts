import { describe, expect, it } from 'vitest';
import {
  computeCosine, isDifferentCapture, isNewCapture, MAX_CAPTURE_COSINE, measurePoseChange, MIN_POSE_CHANGE_RAD, type CaptureSample,
} from '../../../src/app/capture-diversity';

/** A unit vector at `cosine` to [1, 0, 0]. */
function atCosine(cosine: number): Float32Array {
  return Float32Array.from([cosine, Math.sqrt(1 - cosine * cosine), 0]);
}

function sample(cosine: number, yaw: number | null = 0, pitch: number | null = 0, roll: number | null = 0): CaptureSample {
  return { embedding: atCosine(cosine), pose: { yaw, pitch, roll } };
}

const first = sample(1);

describe('capture diversity', () => {
  it('computes the cosine and the largest pose change over known angles', () => {
    expect(computeCosine([1, 0], [0, 1])).toBe(0);
    expect(computeCosine([3, 4], [6, 8])).toBeCloseTo(1, 12);
    expect(computeCosine([0, 0], [0, 0])).toBe(1);
    expect(measurePoseChange({ yaw: 0.1, pitch: 0.3, roll: null }, { yaw: -0.1, pitch: 0.25, roll: 0.9 })).toBeCloseTo(0.2, 12);
    expect(measurePoseChange({ yaw: null, pitch: null, roll: null }, { yaw: 1, pitch: 1, roll: 1 })).toBe(0);
  });

  // Measured cases (src/app/capture-diversity.ts): a still frame, camera noise, small head moves.
  it.each([
    ['refuses the same still frame (cosine 1.000, same pose)', sample(1), false],
    ['refuses camera noise at its widest (cosine 0.978, pose change 0.023 rad)', sample(0.978, 0.023, 0.016, 0.008), false],
    ['takes a turn of 3 degrees with a near-identical embedding', sample(0.99, MIN_POSE_CHANGE_RAD), true],
    ['takes a tilt of 3 degrees (roll)', sample(0.99, 0, 0, -MIN_POSE_CHANGE_RAD), true],
    ['takes the closest pair of measured small moves (cosine 0.971, pose within 1 degree)', sample(0.971, 0.01, 0.01, 0.01), true],
    ['takes an embedding just inside the bound', sample(MAX_CAPTURE_COSINE - 0.001, 0, 0, 0), true],
    ['refuses a near-identical embedding when the mesh gave no pose', sample(0.99, null, null, null), false],
  ] as const)('%s', (_case, next, expected) => {
    expect(isDifferentCapture(next, first)).toBe(expected);
  });

  it('asks that a capture differ from every earlier one, not just the last', () => {
    const turned = sample(0.9, 0.3);
    expect(isNewCapture(first, [])).toBe(true);
    expect(isNewCapture(sample(0.99, 0.01), [turned])).toBe(true);
    expect(isNewCapture(sample(0.99, 0.01), [first, turned])).toBe(false);
  });
});
