/**
 * Five-point face alignment as ArcFace-family models were trained with (insightface's
 * `norm_crop`): eyes, nose tip and mouth corners moved onto a fixed 112 px template by a
 * similarity transform (rotation, uniform scale, shift). Pure: no DOM.
 */

/** A point in pixels. */
export type Point = readonly [number, number];

/** A facemesh point: pixel x and y first (human adds a depth). */
export type MeshPoint = { readonly 0: number; readonly 1: number };

/** Side of the aligned crop, in pixels. */
export const ALIGNED_CROP_PX = 112;

/**
 * insightface's reference landmarks for a 112x112 crop (arcface_dst in face_align.py): the eye,
 * nose tip and mouth corner on the image's left first.
 */
export const ARCFACE_TEMPLATE_112: readonly Point[] = [
  [38.2946, 51.6963],
  [73.5318, 51.5014],
  [56.0252, 71.7366],
  [41.5493, 92.3655],
  [70.7299, 92.2041],
];

/**
 * facemesh (MediaPipe's 468-point mesh) indices of the same five points: each eye as the middle of
 * its two corners, the nose tip, the mouth corners; image-left first for an unmirrored photo.
 */
export const MESH_FIVE_POINTS = { leftEye: [33, 133], rightEye: [362, 263], nose: [1], leftMouth: [61], rightMouth: [291] } as const;

/** The five template-ordered points of one facemesh result (pixel coordinates, z ignored). */
export function meshFivePoints(mesh: readonly MeshPoint[]): Point[] {
  const mean = (indices: readonly number[]): Point => {
    let x = 0;
    let y = 0;
    for (const index of indices) {
      x += mesh[index][0];
      y += mesh[index][1];
    }
    return [x / indices.length, y / indices.length];
  };
  const m = MESH_FIVE_POINTS;
  return [mean(m.leftEye), mean(m.rightEye), mean(m.nose), mean(m.leftMouth), mean(m.rightMouth)];
}

/** x' = a x - b y + tx, y' = b x + a y + ty. */
export interface Similarity {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

/**
 * The least-squares similarity transform taking `from` onto `to` (Umeyama 1991 without
 * reflection; the closed form for 2-D). Both lists have the same length, at least two points.
 */
export function fitSimilarity(from: readonly Point[], to: readonly Point[]): Similarity {
  if (from.length !== to.length || from.length < 2) throw new RangeError('fitSimilarity needs two lists of the same length, at least 2 points.');
  const n = from.length;
  let fx = 0, fy = 0, tx = 0, ty = 0;
  for (let i = 0; i < n; i++) {
    fx += from[i][0] / n;
    fy += from[i][1] / n;
    tx += to[i][0] / n;
    ty += to[i][1] / n;
  }
  let dot = 0, cross = 0, norm = 0;
  for (let i = 0; i < n; i++) {
    const px = from[i][0] - fx, py = from[i][1] - fy;
    const qx = to[i][0] - tx, qy = to[i][1] - ty;
    dot += px * qx + py * qy;
    cross += px * qy - py * qx;
    norm += px * px + py * py;
  }
  if (norm === 0) throw new RangeError('fitSimilarity: the source points all coincide.');
  const a = dot / norm;
  const b = cross / norm;
  return { a, b, tx: tx - a * fx + b * fy, ty: ty - b * fx - a * fy };
}

/** Applies a similarity transform to one point. */
export function applySimilarity(t: Similarity, [x, y]: Point): Point {
  return [t.a * x - t.b * y + t.tx, t.b * x + t.a * y + t.ty];
}

/**
 * The canvas transform (`setTransform(a, b, c, d, e, f)`, image -> crop) that draws a face so its
 * five facemesh points land on ArcFace's 112 px template: the inverse of the least-squares
 * template -> image similarity.
 */
export function alignmentCanvasTransform(mesh: readonly MeshPoint[]): [number, number, number, number, number, number] {
  const { a, b, tx, ty } = fitSimilarity(ARCFACE_TEMPLATE_112, meshFivePoints(mesh));
  const det = a * a + b * b;
  const ia = a / det;
  const ib = -b / det;
  return [ia, ib, -ib, ia, -(ia * tx - ib * ty), -(ib * tx + ia * ty)];
}
