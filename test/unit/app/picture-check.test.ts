import { describe, expect, it } from 'vitest';
import { FROZEN_THUMBNAILS, PICTURE_MESSAGES, assessPicture, computeLuma, measureDifference, measureSpread } from '../../../src/app/picture-check';
import { createMulberry32 } from '../../../src/metrics/random';

const SIZE = 32 * 24;
const solid = (r: number, g: number, b: number) => computeLuma(Uint8ClampedArray.from({ length: SIZE * 4 }, (_, i) => [r, g, b, 255][i % 4]));
/** A scene: a gradient with a bright blob, plus sensor noise of about +-2 levels. */
function scene(random: () => number, noise = 2): Float32Array {
  return Float32Array.from({ length: SIZE }, (_, i) => {
    const x = i % 32;
    const y = Math.floor(i / 32);
    const blob = (x - 16) ** 2 + (y - 12) ** 2 < 36 ? 120 : 0;
    return 40 + 3 * x + blob + (random() * 2 - 1) * noise;
  });
}

describe('picture check', () => {
  it('computes Rec. 601 luma, spread and difference', () => {
    expect(Array.from(computeLuma([255, 0, 0, 255, 0, 0, 255, 255]))).toEqual([expect.closeTo(76.245, 3), expect.closeTo(29.07, 3)]);
    expect(measureSpread(solid(10, 200, 30))).toBeCloseTo(0, 9);
    expect(measureDifference(solid(0, 0, 0), solid(10, 10, 10))).toBeCloseTo(10, 4);
    expect(measureDifference(solid(0, 0, 0), new Float32Array(3))).toBe(Infinity);
  });

  it.each([
    ['no thumbnails yet', () => [], null],
    ['a solid green feed', () => [solid(0, 255, 0)], 'uniform'],
    ['a black feed (covered lens)', () => [solid(0, 0, 0)], 'uniform'],
    ['a live scene with sensor noise', () => { const r = createMulberry32(1); return Array.from({ length: FROZEN_THUMBNAILS }, () => scene(r)); }, null],
    ['the same frame 8 times', () => { const still = scene(createMulberry32(2)); return Array.from({ length: FROZEN_THUMBNAILS }, () => still); }, 'frozen'],
    ['the same frame 7 times (not yet)', () => { const still = scene(createMulberry32(2)); return Array.from({ length: FROZEN_THUMBNAILS - 1 }, () => still); }, null],
    ['frozen, then it moves again', () => { const r = createMulberry32(3); const still = scene(r); return [...Array.from({ length: FROZEN_THUMBNAILS }, () => still), scene(r)]; }, null],
  ] as const)('%s', (_name, make, expected) => {
    expect(assessPicture(make() as Float32Array[])).toBe(expected);
  });

  it('says the camera shows nothing', () => {
    expect(PICTURE_MESSAGES.uniform).toMatch(/^The camera shows nothing/);
    expect(PICTURE_MESSAGES.frozen).toMatch(/^The camera shows nothing new/);
  });
});
