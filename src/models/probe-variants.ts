/**
 * The input preprocessings scripts/models-probe.ts tries on candidate recognition models: every
 * crop, pixel range and channel order a 112 px face model is plausibly trained with. Pure data.
 */

/** Where the 112 px face comes from. */
export type ProbeCrop =
  /** human's face crop (detector box, squared and enlarged) resized whole: how human wires mobilefacenet. */
  | 'human'
  /** the same crop cut to its inner part (top 5%, left 15%, bottom 85%, right 85%), as human's faceres does. */
  | 'tight'
  /** five facemesh points warped onto ArcFace's template (src/models/alignment.ts). */
  | 'aligned';

/** One preprocessing: pixel values in [0, 1] become `value * scale + offset`. */
export interface ProbeVariant {
  id: string;
  crop: ProbeCrop;
  order: 'rgb' | 'bgr';
  scale: number;
  offset: number;
  /** The resulting range, for the report. */
  range: (typeof RANGES)[number]['range'];
}

export const PROBE_CROPS: readonly ProbeCrop[] = ['human', 'tight', 'aligned'];

const RANGES = [
  { range: '[0,1]', scale: 1, offset: 0 },
  // (x * 255 - 127.5) / 128, as MobileFaceNet_TF and insightface normalise.
  { range: '[-1,1]', scale: 255 / 128, offset: -127.5 / 128 },
  { range: '[0,255]', scale: 255, offset: 0 },
  { range: '[-127.5,127.5]', scale: 255, offset: -127.5 },
] as const;

/**
 * Every crop x range, in RGB. Channel order is not a variant: lfw-94's photos are grayscale
 * expanded to three channels, so RGB and BGR give the very same input there (measured: identical).
 */
export const PROBE_VARIANTS: readonly ProbeVariant[] = PROBE_CROPS.flatMap((crop) => RANGES.map((r) =>
  ({ id: `${crop} ${r.range}`, crop, order: 'rgb' as const, scale: r.scale, offset: r.offset, range: r.range })));
