import type { ResourceRecord } from '../../privacy/resource-entries';

/** A face crop as human found it: RGB floats in 0..1, row-major, `height * width * 3` values. */
export interface FaceCrop {
  width: number;
  height: number;
  rgb: Float32Array;
}

/** Messages to the dlib worker. */
export type DlibRequest =
  | { id: number; type: 'load'; modelUrl: string; wasmPath: string }
  | { id: number; type: 'embed'; crop: FaceCrop }
  | { id: number; type: 'audit' };

/** Messages from the dlib worker. */
export type DlibResponse =
  | { id: number; type: 'loaded'; backend: string; loadMs: number }
  | { id: number; type: 'embedded'; descriptor: Float32Array }
  | { id: number; type: 'audited'; requests: ResourceRecord[] }
  | { id: number; type: 'failed'; message: string };
