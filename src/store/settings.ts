/**
 * The user's settings: their types, defaults, and the check applied to every stored value, so a
 * value written by another version (or damaged) falls back to its default instead of breaking.
 */

import { DEFAULT_THRESHOLD_SIMILARITY } from '../matching/threshold';
import type { ImpostorGrouping } from '../metrics/types';

export { DEFAULT_THRESHOLD_SIMILARITY };
export type { ImpostorGrouping };

/** Every setting FaceGap keeps. */
export interface Settings {
  /** Match when similarity >= threshold, in 0..1. */
  threshold: number;
  /** Id of the reference pack the bias views use, or null for none. */
  activePackId: string | null;
  /** Label fields that define a group; two or more make an intersection such as `Black/female`. */
  groupBy: string[];
  /** Opt-in: keep a small thumbnail per enrolled person. Off means no face pixels are stored. */
  storeThumbnails: boolean;
  /** Impostor grouping of the bias metrics. */
  impostorGrouping: ImpostorGrouping;
  /** Leave out samples whose labels are marked unverified. */
  excludeUnverified: boolean;
  /** Presenter mode: large type and simplified views for a room. */
  presenter: boolean;
  /** The camera the user last picked (a browser device id, meaningless elsewhere), or null for the default. */
  cameraId: string | null;
  /** The presenter chose to keep the collected room codes on this device (off: memory only). */
  keepRoom: boolean;
  /** The recognition model the live loop runs (src/models/registry.ts); an unknown id opens faceres. */
  modelId: string;
  /**
   * The match threshold per model id, each on that model's own score (`threshold` above stays
   * faceres's, as versions before the model picker kept it). Never compared across models.
   */
  thresholds: Record<string, number>;
  /**
   * The pack-dependent preset each model's threshold follows ("1 in 1,000 false matches", "equal
   * error"), with the pack and value it was worked out on, so after a reload the threshold is still
   * recomputed when the pack changes. A model absent here has a threshold the user set by hand (or
   * a fixed preset). Added in session 4: settings written before it lack the key and read as {}.
   */
  thresholdPresets: Record<string, ThresholdPresetSetting>;
}

/** A pack-dependent threshold preset in force, as kept in the settings. */
export interface ThresholdPresetSetting {
  /** Which preset: its value depends on the pack. */
  id: 'fmr-1e-3' | 'eer';
  /** The name of the pack the value below was worked out on. */
  packName: string;
  /**
   * That pack's content key (src/app/pack-fingerprint.ts): a pack rebuilt under the same name has
   * another, so its preset is worked out again. Absent in presets kept before session 5.
   */
  packKey?: string;
  /** The preset's value on that pack, 0..1. */
  value: number;
}

/** A setting's name. */
export type SettingKey = keyof Settings;

/** Values used for any setting never set, or stored in a shape this version does not accept. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  threshold: DEFAULT_THRESHOLD_SIMILARITY,
  activePackId: null,
  groupBy: ['race'],
  storeThumbnails: false,
  impostorGrouping: 'within',
  excludeUnverified: false,
  presenter: false,
  cameraId: null,
  keepRoom: false,
  modelId: 'faceres',
  thresholds: {},
  thresholdPresets: {},
});

/** The setting names, in a stable order. */
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

const validators: { [K in SettingKey]: (value: unknown) => value is Settings[K] } = {
  threshold: isUnitNumber,
  activePackId: (value): value is string | null => value === null || typeof value === 'string',
  groupBy: (value): value is string[] => Array.isArray(value) && value.every((field) => typeof field === 'string'),
  storeThumbnails: isBoolean,
  impostorGrouping: (value): value is ImpostorGrouping => value === 'within' || value === 'probe',
  excludeUnverified: isBoolean,
  presenter: isBoolean,
  cameraId: (value): value is string | null => value === null || typeof value === 'string',
  keepRoom: isBoolean,
  modelId: (value): value is string => typeof value === 'string' && value !== '',
  thresholds: (value): value is Record<string, number> => isRecord(value) &&
    Object.values(value).every(isUnitNumber),
  thresholdPresets: (value): value is Record<string, ThresholdPresetSetting> => isRecord(value) && Object.values(value).every(isThresholdPresetSetting),
};

/** Whether `key` names a setting. */
export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(DEFAULT_SETTINGS, key);
}

/** Whether `value` is acceptable for setting `key`. */
export function isValidSetting<K extends SettingKey>(key: K, value: unknown): value is Settings[K] {
  return validators[key](value);
}

/** The stored value if acceptable, else the default (a copy, so callers cannot alter the defaults). */
export function readSetting<K extends SettingKey>(key: K, stored: unknown): Settings[K] {
  const value = isValidSetting(key, stored) ? stored : DEFAULT_SETTINGS[key];
  return structuredClone(value);
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

function isUnitNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is a kept preset: a known pack-dependent id, a pack name, maybe its content key, and a 0..1 value. */
export function isThresholdPresetSetting(value: unknown): value is ThresholdPresetSetting {
  return isRecord(value) && (value.id === 'fmr-1e-3' || value.id === 'eer') && typeof value.packName === 'string'
    && (value.packKey === undefined || typeof value.packKey === 'string') && isUnitNumber(value.value);
}
