/** Threshold presets offered beside the slider, refused where the set is too small to set them. */
import { DEFAULT_THRESHOLD_SIMILARITY } from '../matching/threshold';
import { DEFAULT_TARGET_FMR } from '../metrics/thresholds';
import { formatCount, formatScore } from './format';
import type { GapIndex } from './gap-model';

/** human's documented default similarity threshold (its faceid demo and docs use 0.5). */
export const HUMAN_DEFAULT_THRESHOLD = 0.5;
/** Slider step on the 0..1 score. */
export const THRESHOLD_STEP = 0.005;
/**
 * Fewest different-person pairs for a "1 in 1,000 false matches" threshold: 10 / 1e-3, so that
 * about ten false matches, not one or none, decide where it sits.
 */
export const MIN_PAIRS_FOR_FMR_PRESET = Math.round(10 / DEFAULT_TARGET_FMR);
/**
 * Fewest same-person pairs for the equal-error threshold: with fewer, one pair moves it by a
 * whole step of the missed-match rate (25 room pairs gave "1.000").
 */
export const MIN_GENUINE_PAIRS_FOR_EER = 100;

/** A named threshold; `value` null when it cannot or should not be used (the button is disabled). */
export interface ThresholdPreset {
  readonly id: 'default' | 'human-default' | 'fmr-1e-3' | 'eer';
  readonly label: string;
  readonly value: number | null;
  /** One sentence saying where the value comes from, or why it is refused. */
  readonly description: string;
}

/** What the data-driven presets are computed from. */
export interface PresetSource {
  /** Global threshold at FMR 1e-3, null without impostor pairs. */
  readonly atFmr: number | null;
  /** Overall equal-error threshold, null without both kinds of pairs. */
  readonly eer: number | null;
  readonly impostorPairs: number;
  readonly genuinePairs: number;
}

/** The model whose scale the presets are on: its name, starting threshold and score id. */
export interface PresetModel {
  label: string;
  defaultThreshold: number;
  scoreId: string;
}

/** faceres on human's similarity, the presets' model unless told. */
const FACERES_PRESETS: PresetModel = { label: 'faceres', defaultThreshold: DEFAULT_THRESHOLD_SIMILARITY, scoreId: 'human-similarity-v1' };

/**
 * The presets: FaceGap's default, the library's 0.5, the global FMR 1e-3 threshold and the
 * equal-error threshold. The last two are refused (value null, the reason in the description)
 * when the set has too few pairs to place them.
 */
export function listThresholdPresets(source: PresetSource | null, model: PresetModel = FACERES_PRESETS): ThresholdPreset[] {
  const impostors = source?.impostorPairs ?? 0;
  const genuines = source?.genuinePairs ?? 0;
  const atFmr = source && impostors >= MIN_PAIRS_FOR_FMR_PRESET ? source.atFmr : null;
  const eer = source && genuines >= MIN_GENUINE_PAIRS_FOR_EER ? source.eer : null;
  // human's documented 0.5 is on faceres's score only; another model's scale has no such value.
  const isHumanScore = model.scoreId === FACERES_PRESETS.scoreId;
  const humanDefault: ThresholdPreset[] = isHumanScore ? [{ id: 'human-default', label: `library\u2019s own (${HUMAN_DEFAULT_THRESHOLD.toFixed(2)})`, value: HUMAN_DEFAULT_THRESHOLD, description: 'The threshold the face library documents; it lets more strangers through.' }] : [];
  return [
    { id: 'default', label: `default (${model.defaultThreshold.toFixed(2)})`, value: model.defaultThreshold,
      description: isHumanScore ? 'FaceGap\u2019s starting threshold (see the README).' : `FaceGap\u2019s starting threshold for ${model.label} (docs/models.md).` },
    ...humanDefault,
    {
      id: 'fmr-1e-3', label: atFmr === null ? '1 in 1,000 false matches' : `1 in 1,000 false matches (${formatScore(atFmr)})`, value: atFmr,
      description: atFmr !== null
        ? 'One global threshold where 1 in 1,000 pairs of different people match, over all pairs of the active set (as NIST sets it).'
        : source?.atFmr === null || !source
          ? 'Needs pairs of different people in the active set.'
          : `Not offered: placing 1 in 1,000 needs at least ${formatCount(MIN_PAIRS_FOR_FMR_PRESET)} pairs of different people, and this set has ${formatCount(impostors)}.`,
    },
    {
      id: 'eer', label: eer === null ? 'as many misses as false matches' : `as many misses as false matches (${formatScore(eer)})`, value: eer,
      description: eer !== null
        ? 'Where false matches and missed matches are equally common over the whole set (the equal-error threshold).'
        : source?.eer === null || !source
          ? 'Needs both same-person and different-person pairs.'
          : `Not offered: needs at least ${formatCount(MIN_GENUINE_PAIRS_FOR_EER)} same-person pairs, and this set has ${formatCount(genuines)}.`,
    },
  ];
}

/** The presets of a grouped set (its overall pairs), or the empty-state presets for null. */
export function listGapPresets(gap: GapIndex | null, model: PresetModel = FACERES_PRESETS): ThresholdPreset[] {
  if (!gap) return listThresholdPresets(null, model);
  return listThresholdPresets({
    atFmr: gap.thresholdAtTargetFmr, eer: gap.eer?.threshold ?? null,
    impostorPairs: gap.index.overall.impostor.length, genuinePairs: gap.index.overall.genuine.length,
  }, model);
}
