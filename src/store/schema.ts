/**
 * The IndexedDB schema and its migrations. A new version is one more entry in `MIGRATIONS`;
 * `CURRENT_DB_VERSION` follows from the list.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Template } from '../matching/templates';
import type { ImportFileRecord, ImportJob, PackMetadata, PackSample, RoomCodeRecord } from './types';

/** Name of FaceGap's one database. */
export const DB_NAME = 'facegap';

/** A stored chunk of a pack's samples. */
export interface PackSamplesRecord {
  packId: string;
  chunk: number;
  samples: PackSample[];
}

/** A stored thumbnail (only when the user opted in). */
export interface ThumbnailRecord {
  /** Same as the person's id: one thumbnail per person. */
  id: string;
  personId: string;
  blob: Blob;
  createdAt: number;
}

/** The database as of the current version. */
export interface FaceGapDB extends DBSchema {
  people: { key: string; value: Template; indexes: { 'by-name': string } };
  packs: { key: string; value: PackMetadata };
  packSamples: { key: [string, number]; value: PackSamplesRecord };
  settings: { key: string; value: unknown };
  importJobs: { key: string; value: ImportJob };
  importFiles: { key: [string, string]; value: ImportFileRecord };
  thumbnails: { key: string; value: ThumbnailRecord };
  roomCodes: { key: string; value: RoomCodeRecord };
}

/** The versionchange transaction a migration runs in. */
export type UpgradeTransaction = IDBPTransaction<FaceGapDB, StoreNames<FaceGapDB>[], 'versionchange'>;

/** One schema step, from `version - 1` to `version`. */
export interface Migration {
  version: number;
  /** What the step changes, for people reading the code and the upgrade tests. */
  description: string;
  /**
   * Runs inside the upgrade transaction. It may issue requests but must not await anything
   * else: the transaction commits as soon as it has no pending requests.
   */
  migrate(db: IDBPDatabase<FaceGapDB>, tx: UpgradeTransaction): void;
}

/** Every schema step, in order. Never edit a released entry: add one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'Creates the stores: people, packs (metadata), packSamples, settings, importJobs, importFiles, thumbnails.',
    migrate(db) {
      db.createObjectStore('people', { keyPath: 'id' });
      db.createObjectStore('packs', { keyPath: 'id' });
      // Samples live apart from pack metadata so listing packs never reads megabytes of embeddings.
      db.createObjectStore('packSamples', { keyPath: ['packId', 'chunk'] });
      db.createObjectStore('settings');
      db.createObjectStore('importJobs', { keyPath: 'id' });
      // One record per file, so recording progress never rewrites a growing job record.
      db.createObjectStore('importFiles', { keyPath: ['jobId', 'file'] });
      db.createObjectStore('thumbnails', { keyPath: 'id' });
    },
  },
  {
    version: 2,
    description: 'Indexes people by name, so the list comes back sorted without loading it all first.',
    migrate(_db, tx) {
      tx.objectStore('people').createIndex('by-name', 'name');
    },
  },
  {
    version: 3,
    description: 'Creates roomCodes: the room codes a presenter chose to keep on this device (scores only, one per attendee).',
    migrate(db) {
      db.createObjectStore('roomCodes', { keyPath: 'attendeeId' });
    },
  },
];

/** The version this build writes. */
export const CURRENT_DB_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Runs every migration above `oldVersion` up to `newVersion`, in order.
 * Throws if the list has a gap, so a forgotten entry fails the upgrade tests rather than users.
 */
export function runMigrations(
  db: IDBPDatabase<FaceGapDB>,
  tx: UpgradeTransaction,
  oldVersion: number,
  newVersion: number,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  let expected = oldVersion + 1;
  for (const migration of migrations) {
    if (migration.version <= oldVersion || migration.version > newVersion) continue;
    if (migration.version !== expected) {
      throw new Error(`Migration ${expected} is missing (found ${migration.version}).`);
    }
    migration.migrate(db, tx);
    expected++;
  }
}
