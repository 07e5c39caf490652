import { describe, expect, it } from 'vitest';
import {
  ARCFACE_TEMPLATE_112, MESH_FIVE_POINTS, alignmentCanvasTransform, applySimilarity, fitSimilarity, meshFivePoints, type Point,
} from '../../../src/models/alignment';

/** A 468-point mesh whose five alignment points are `points` (each eye as two equal corners). */
function meshWith(points: readonly Point[]): [number, number, number][] {
  const mesh: [number, number, number][] = Array.from({ length: 468 }, () => [0, 0, 0]);
  const m = MESH_FIVE_POINTS;
  const groups = [m.leftEye, m.rightEye, m.nose, m.leftMouth, m.rightMouth];
  groups.forEach((indices, i) => { for (const index of indices) mesh[index] = [points[i][0], points[i][1], 5]; });
  return mesh;
}

describe('five-point alignment', () => {
  const truth = { a: 2 * Math.cos(0.3), b: 2 * Math.sin(0.3), tx: 140, ty: 60 };

  it('recovers a rotation, scale and shift exactly from noiseless points', () => {
    const moved = ARCFACE_TEMPLATE_112.map((p) => applySimilarity(truth, p));
    const fitted = fitSimilarity(ARCFACE_TEMPLATE_112, moved);
    for (const key of ['a', 'b', 'tx', 'ty'] as const) expect(fitted[key]).toBeCloseTo(truth[key], 9);
  });

  it('reads eyes as the middle of their corners, then nose tip and mouth corners', () => {
    const mesh = meshWith(ARCFACE_TEMPLATE_112);
    mesh[33] = [10, 20, 0];
    mesh[133] = [20, 30, 0];
    expect(meshFivePoints(mesh)[0]).toEqual([15, 25]);
    expect(meshFivePoints(mesh).slice(1)).toEqual(ARCFACE_TEMPLATE_112.slice(1));
  });

  it('gives the canvas transform that draws the photo\'s five points onto the template', () => {
    const photoPoints = ARCFACE_TEMPLATE_112.map((p) => applySimilarity(truth, p));
    const [a, b, c, d, e, f] = alignmentCanvasTransform(meshWith(photoPoints));
    photoPoints.forEach(([x, y], i) => {
      expect(a * x + c * y + e).toBeCloseTo(ARCFACE_TEMPLATE_112[i][0], 9);
      expect(b * x + d * y + f).toBeCloseTo(ARCFACE_TEMPLATE_112[i][1], 9);
    });
  });

  it('refuses point lists it cannot fit', () => {
    expect(() => fitSimilarity([[0, 0]], [[1, 1]])).toThrow(/at least 2/);
    expect(() => fitSimilarity([[1, 1], [1, 1]], [[0, 0], [2, 2]])).toThrow(/coincide/);
  });
});
