import { describe, expect, it } from 'vitest';
import { assessQuality, isTurned, MAX_PITCH_RAD, MAX_YAW_RAD } from '../../../src/vision/quality';
import type { FaceObservation } from '../../../src/vision/types';

function face(height: number, overrides: Partial<FaceObservation> = {}): FaceObservation {
  return { box: [10, 10, height, height], score: 0.99, embedding: null, yaw: 0, pitch: 0, roll: 0, age: null, gender: null, genderScore: null, ...overrides };
}

describe('assessQuality', () => {
  // Angles and sizes read from the fixtures with the real models (see quality.ts).
  it.each([
    ['no face', [], 'no-face'],
    ['a face 10% of the frame high', [face(48)], 'too-small'],
    ['camera-person-a (h 0.60, yaw 0.12, pitch 0.29)', [face(287, { yaw: 0.122, pitch: 0.294 })], 'good'],
    ['camera-person-b (h 0.73, yaw -0.46)', [face(352, { yaw: -0.461, pitch: 0.178 })], 'good'],
    ['sample2 third face (yaw 0.64)', [face(200, { yaw: 0.644 })], 'turned'],
    ['looking far down', [face(200, { pitch: 0.7 })], 'turned'],
    ['unknown angles', [face(200, { yaw: null, pitch: null })], 'good'],
    ['a second real face', [face(300), face(150, { score: 0.9 })], 'several'],
    ['a faint second box (person-a background, 0.24)', [face(300), face(104, { score: 0.24 })], 'good'],
    ['a small face among several', [face(40), face(30)], 'too-small'],
  ] as const)('%s -> %s', (_name, faces, expected) => {
    const report = assessQuality({ height: 480, faces: [...faces] });
    expect(report.state).toBe(expected);
    expect(report.message.length).toBeGreaterThan(10);
    expect(report.isUsable).toBe(expected === 'good' || expected === 'several');
  });

  it('treats the limits as inclusive', () => {
    expect(isTurned({ yaw: MAX_YAW_RAD, pitch: -MAX_PITCH_RAD })).toBe(false);
    expect(isTurned({ yaw: -MAX_YAW_RAD - 0.01, pitch: 0 })).toBe(true);
  });
});
