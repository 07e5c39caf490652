/**
 * The shared threshold and the data-driven preset it may come from. Pure: the rule for when the
 * pack changes under a preset is tested in node (test/unit/app/threshold.test.ts).
 */
import { DEFAULT_THRESHOLD_SIMILARITY } from '../matching/threshold';
import { formatScore } from '../views/format';
import type { ThresholdPreset } from '../views/presets';
import type { ThresholdPresetSetting } from '../store/settings';

export { DEFAULT_THRESHOLD_SIMILARITY } from '../matching/threshold';

/** Presets whose value depends on the pack (the fixed ones mean the same on every pack). */
export type PackPresetId = Extract<ThresholdPreset['id'], 'fmr-1e-3' | 'eer'>;

/** What the room calls each pack-dependent preset. */
export const PACK_PRESET_NAMES: Record<PackPresetId, string> = {
  'fmr-1e-3': '1 in 1,000 false matches',
  eer: 'as many misses as false matches',
};

/** A pack-dependent preset the user picked, and the pack and value it was picked on (kept as is in the settings). */
export type PresetChoice = ThresholdPresetSetting;

/** The preset each model's threshold follows, by model id (thresholds are per model). */
export type PresetChoices = Readonly<Record<string, PresetChoice>>;

/** What to do when a pack opens under a model whose threshold may follow a preset. */
export type PresetOnPack = 'none' | 'wait' | 'keep' | 'follow';

/** The pack that opened, as the preset rules see it. */
export interface OpenedPack {
  name: string;
  /** The model the pack's embeddings come from. */
  modelId: string;
  /** Its content key (src/app/pack-fingerprint.ts). */
  key: string;
}

/**
 * The rule when a pack opens: `none` when the model follows no preset; `wait` while the pack
 * shown is still the previous model's (a model switch reopens the pack with the new model's
 * embeddings); `keep` when the preset was worked out on this very pack, content and all (a
 * reload: the kept threshold is already its value); `follow` when it was worked out on another
 * pack, on an earlier build of this one (same name, other content), or before presets kept the
 * pack's content key (nothing says the content is the same).
 */
export function decidePresetOnPack(choice: PresetChoice | undefined, modelId: string, pack: OpenedPack): PresetOnPack {
  if (!choice) return 'none';
  if (pack.modelId !== modelId) return 'wait';
  return choice.packName === pack.name && choice.packKey === pack.key ? 'keep' : 'follow';
}

/** `choices` with `modelId`'s entry replaced by `choice`, or removed when `choice` is null. */
export function setPresetChoice(choices: PresetChoices, modelId: string, choice: PresetChoice | null): Record<string, PresetChoice> {
  const next: Record<string, PresetChoice> = { ...choices };
  if (choice) next[modelId] = choice;
  else delete next[modelId];
  return next;
}

/** What becomes of the threshold when the pack changes under a preset. */
export interface PresetFollowing {
  threshold: number;
  /** The preset now in force, or null when it was dropped. */
  choice: PresetChoice | null;
  /** What to tell the user: the threshold never changes, or stays, without a word. */
  message: string;
}

/** Whether a threshold change came from a preset whose value depends on the pack. */
export function isPackPreset(source: string): source is PackPresetId {
  return source === 'fmr-1e-3' || source === 'eer';
}

/** The notice while the new pack's preset is being computed. */
export function describePresetPending(choice: PresetChoice, packName: string): string {
  const name = PACK_PRESET_NAMES[choice.id];
  if (choice.packName === packName) {
    return `\u201c${name}\u201d was set on ${describeEarlierBuild(choice)} (${formatScore(choice.value)}); working out where it sits on the one open now\u2026`;
  }
  return `\u201c${name}\u201d was set on ${choice.packName} (${formatScore(choice.value)}); working out where it sits on ${packName}\u2026`;
}

/** "an earlier build of X", or, for a preset kept without the pack's content key, "X as it was then". */
function describeEarlierBuild(choice: PresetChoice): string {
  return choice.packKey === undefined ? `${choice.packName} as it was then` : `an earlier build of ${choice.packName}`;
}

/**
 * The threshold after the pack changed under `choice`, from the new pack's presets: the preset's
 * value on the new pack, or, when the new pack cannot place it, the preset is dropped and the
 * threshold goes back to the default (the `default` preset's value: the model's own). Never the
 * old pack's value kept in silence.
 */
export function followPreset(choice: PresetChoice, pack: { name: string; key: string }, presets: readonly ThresholdPreset[]): PresetFollowing {
  const name = PACK_PRESET_NAMES[choice.id];
  const packName = pack.name;
  const preset = presets.find((p) => p.id === choice.id);
  if (preset && preset.value !== null) {
    const same = formatScore(preset.value) === formatScore(choice.value);
    const where = choice.packName === packName
      ? `\u201c${name}\u201d worked out again on ${packName}${choice.packKey === undefined ? '' : ', which changed since it was set'}: ${formatScore(preset.value)} now`
        + (same ? ', the same as before.' : ` (it was ${formatScore(choice.value)} on ${describeEarlierBuild(choice)}).`)
      : `The threshold follows \u201c${name}\u201d to ${packName}: ${formatScore(preset.value)} here`
        + (same ? `, as on ${choice.packName}.` : ` (it was ${formatScore(choice.value)} on ${choice.packName}).`);
    return {
      threshold: preset.value,
      choice: { id: choice.id, packName, packKey: pack.key, value: preset.value },
      message: where,
    };
  }
  const why = preset?.description.replace(/^Not offered: /, '') ?? 'this pack cannot place it.';
  // The model's own default when the presets name it (each model has its own scale).
  const fallback = presets.find((p) => p.id === 'default')?.value ?? DEFAULT_THRESHOLD_SIMILARITY;
  return {
    threshold: fallback,
    choice: null,
    message: `\u201c${name}\u201d was dropped on ${packName}: ${why.charAt(0).toLowerCase()}${why.slice(1)} The threshold is back to the default (${fallback.toFixed(2)}).`,
  };
}
