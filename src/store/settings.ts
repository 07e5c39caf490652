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
});

/** The setting names, in a stable order. */
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

const validators: { [K in SettingKey]: (value: unknown) => value is Settings[K] } = {
  threshold: (value): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1,
  activePackId: (value): value is string | null => value === null || typeof value === 'string',
  groupBy: (value): value is string[] => Array.isArray(value) && value.every((field) => typeof field === 'string'),
  storeThumbnails: isBoolean,
  impostorGrouping: (value): value is ImpostorGrouping => value === 'within' || value === 'probe',
  excludeUnverified: isBoolean,
  presenter: isBoolean,
  cameraId: (value): value is string | null => value === null || typeof value === 'string',
  keepRoom: isBoolean,
  modelId: (value): value is string => typeof value === 'string' && value !== '',
  thresholds: (value): value is Record<string, number> => typeof value === 'object' && value !== null && !Array.isArray(value) &&
    Object.values(value).every((threshold) => typeof threshold === 'number' && Number.isFinite(threshold) && threshold >= 0 && threshold <= 1),
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
