/**
 * FaceGap's on-device storage: enrolled people (embeddings only), reference packs, settings and
 * resumable imports, in IndexedDB through idb, or in memory when IndexedDB is unavailable.
 * Face pixels are stored only as opt-in thumbnails, and the inventory always says so.
 */
export { openStore } from './idb-store';
export { createMemoryStore } from './memory-store';
export { deleteFaceGapDatabase, BLOCKED_GRACE_MS, type ClosedElsewhereReason, type OpenStoreOptions } from './database';
export { StoreError, NOT_KEPT_NOTICE, describeStoreFailure, type StoreErrorKind } from './errors';
export { DB_NAME, CURRENT_DB_VERSION, MIGRATIONS, type Migration } from './schema';
export { MAX_THUMBNAIL_BYTES, PACK_CHUNK_SAMPLES, STORE_NAMES } from './records';
export {
  DEFAULT_SETTINGS,
  DEFAULT_THRESHOLD_SIMILARITY,
  SETTING_KEYS,
  type ImpostorGrouping,
  type SettingKey,
  type Settings,
} from './settings';
export type * from './types';
