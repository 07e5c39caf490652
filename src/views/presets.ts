/** Threshold presets offered beside the slider. */
import { formatScore } from './format';

/** human's documented default similarity threshold (its faceid demo and docs use 0.5). */
export const HUMAN_DEFAULT_THRESHOLD = 0.5;
/** Slider step on the 0..1 score. */
export const THRESHOLD_STEP = 0.005;

/** A named threshold; `value` null when it cannot be computed yet (and the button is disabled). */
export interface ThresholdPreset {
  readonly id: 'human-default' | 'fmr-1e-3' | 'eer';
  readonly label: string;
  readonly value: number | null;
  /** One sentence saying where the value comes from. */
  readonly description: string;
}

/** The three presets: human's 0.5, the global FMR 1e-3 threshold, the equal-error threshold. */
export function listThresholdPresets(atFmr: number | null, eer: number | null): ThresholdPreset[] {
  return [
    { id: 'human-default', label: 'human\u2019s 0.5', value: HUMAN_DEFAULT_THRESHOLD, description: 'The default documented by the human library.' },
    {
      id: 'fmr-1e-3', label: atFmr === null ? '1 in 1,000 false matches' : `1 in 1,000 false matches (${formatScore(atFmr)})`, value: atFmr,
      description: atFmr === null
        ? 'Needs pairs of different people in the active set.'
        : 'One global threshold where 1 in 1,000 pairs of different people match, over all pairs of the active set (as NIST sets it).',
    },
    {
      id: 'eer', label: eer === null ? 'equal error' : `equal error (${formatScore(eer)})`, value: eer,
      description: eer === null
        ? 'Needs both same-person and different-person pairs.'
        : 'Where false matches and false non-matches are equally common over the whole set.',
    },
  ];
}
