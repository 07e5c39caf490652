/**
 * What the rest of FaceGap sees of storage: the `Store` interface, its repositories and records.
 * Two implementations: IndexedDB (`openStore`) and memory (`createMemoryStore`), interchangeable,
 * so the app element can be handed either, or a fake in tests.
 */
import type { Template } from '../matching/templates';
import type { SettingKey, Settings } from './settings';

/** One labelled face of a reference pack: an embedding and labels, never pixels. */
export interface PackSample {
  /** Unique within the pack, e.g. the source file name. */
  id: string;
  embedding: Float32Array;
  /** Label fields such as `race`, `gender`, `age_band`, `race_label_source`. */
  labels: Record<string, string>;
  /** Subject id when the source has identities (genuine pairs need it). */
  identity?: string;
  /** Anything else the pack format records per sample (flags such as exact duplicates). */
  details?: Record<string, unknown>;
}

/** A pack's description as the caller gives it to `PackRepository.put`. */
export interface PackMetadataInput {
  id: string;
  name: string;
  modelSha256: string;
  scoreId: string;
  /** Milliseconds since the epoch; the time of `put` when left out. */
  importedAt?: number;
  /** Format-specific metadata: preprocessing, attribution, licence, label fields. */
  details?: Record<string, unknown>;
}

/** A stored pack's description, listed without loading its samples. */
export interface PackMetadata extends Required<PackMetadataInput> {
  sampleCount: number;
  /** Approximate size at rest: embedding bytes plus JSON size of the rest. */
  approxBytes: number;
}

/** A whole reference pack. */
export interface StoredPack {
  metadata: PackMetadata;
  samples: PackSample[];
}

/** A resumable import of files into a pack. */
export interface ImportJob {
  id: string;
  /** What is being imported, in the user's words (folder or file name). */
  source: string;
  /** Number of files the import expects, for progress. */
  totalFiles: number;
  status: 'running' | 'finished' | 'cancelled';
  /** Pack the import will become. */
  packId?: string;
  createdAt: number;
  updatedAt: number;
  details?: Record<string, unknown>;
}

/** The outcome of one file of an import, kept so a reload skips it. */
export interface ImportFileRecord {
  jobId: string;
  /** File name or path within the source; unique within the job. */
  file: string;
  status: 'done' | 'failed';
  /** The sample made from the file, when done. */
  sample?: PackSample;
  /** Why it failed, as a sentence, when failed. */
  problem?: string;
  /**
   * Facts the importer reads back on resume (for a failure: reason code, file hash, sample id,
   * labels). Opaque to the store; never image data.
   */
  details?: Record<string, unknown>;
  recordedAt: number;
}

/** What `ImportJobRepository.recordFiles` takes per file. */
export type ImportFileOutcome = Omit<ImportFileRecord, 'jobId' | 'recordedAt'>;

/** Enrolled people. Every method rejects with a `StoreError` only. */
export interface PeopleRepository {
  /** Everyone enrolled, by name. */
  list(): Promise<Template[]>;
  get(id: string): Promise<Template | undefined>;
  /**
   * Stores a new person. A thumbnail is kept only when the `storeThumbnails` setting is on;
   * otherwise it is dropped and the returned template has no `thumbnailId`.
   */
  add(template: Template, options?: { thumbnail?: Blob }): Promise<Template>;
  rename(id: string, name: string): Promise<Template>;
  updateLabels(id: string, labels: Record<string, string | undefined>): Promise<Template>;
  /** Deletes the person and their thumbnail, if any; deleting an absent person is not an error. */
  delete(id: string): Promise<void>;
  getThumbnail(id: string): Promise<Blob | undefined>;
}

/** Reference packs. Every method rejects with a `StoreError` only. */
export interface PackRepository {
  /** Stores or replaces a pack, all or nothing. */
  put(pack: { metadata: PackMetadataInput; samples: PackSample[] }): Promise<PackMetadata>;
  /** Descriptions of all packs, by name, without reading any sample. */
  list(): Promise<PackMetadata[]>;
  get(id: string): Promise<StoredPack | undefined>;
  delete(id: string): Promise<void>;
}

/** Typed settings. Every method rejects with a `StoreError` only. */
export interface SettingsRepository {
  get<K extends SettingKey>(key: K): Promise<Settings[K]>;
  getAll(): Promise<Settings>;
  /** Stores a setting; turning `storeThumbnails` off deletes every stored thumbnail at once. */
  set<K extends SettingKey>(key: K, value: Settings[K]): Promise<void>;
}

/** Resumable imports. Every method rejects with a `StoreError` only. */
export interface ImportJobRepository {
  create(input: { source: string; totalFiles: number; packId?: string; id?: string; details?: Record<string, unknown> }): Promise<ImportJob>;
  get(id: string): Promise<ImportJob | undefined>;
  list(): Promise<ImportJob[]>;
  /** Records a batch of file outcomes, all or nothing; a file recorded again is overwritten. */
  recordFiles(jobId: string, outcomes: ImportFileOutcome[]): Promise<void>;
  /** Every recorded file of a job, by file name. */
  listFiles(jobId: string): Promise<ImportFileRecord[]>;
  countFiles(jobId: string): Promise<{ done: number; failed: number }>;
  setStatus(jobId: string, status: ImportJob['status']): Promise<ImportJob>;
  /** Deletes the job and all its file records. */
  delete(jobId: string): Promise<void>;
}

/**
 * A room code the presenter chose to keep on this device: the text exactly as read from an
 * attendee's QR code (scores, self-described labels, a typed name at most; see classroom/payload.ts).
 */
export interface RoomCodeRecord {
  /** The code's attendee id: one record per laptop. */
  attendeeId: string;
  /** The code's text, decoded again (and so validated again) when the room is restored. */
  code: string;
  /** When it was kept, milliseconds since the epoch. */
  keptAt: number;
}

/** The kept room (only while the presenter chose to keep it). Every method rejects with a `StoreError` only. */
export interface RoomCodeRepository {
  /** Every kept code, in the order they were kept. */
  list(): Promise<RoomCodeRecord[]>;
  /** Keeps codes, replacing any of the same attendee, all or nothing. */
  put(records: RoomCodeRecord[]): Promise<void>;
  /** Deletes every kept code. */
  clear(): Promise<void>;
}

/** Names of the stores, as the inventory reports them. */
export type StoreName = 'people' | 'packs' | 'packSamples' | 'settings' | 'importJobs' | 'importFiles' | 'thumbnails' | 'roomCodes';

/** Record count and approximate size of one store. */
export interface StoreUsage {
  records: number;
  /** Embedding and image bytes plus JSON size of the rest; an estimate, not the disk usage. */
  approxBytes: number;
}

/** What is stored on this device, for the privacy panel. */
export interface StorageInventory {
  /** False for the in-memory store: nothing survives closing the tab. */
  isPersistent: boolean;
  stores: Record<StoreName, StoreUsage>;
  /** Total face embeddings stored (people's captures, pack samples, import results). */
  embeddingCount: number;
  /** Thumbnails stored; 0 unless the user opted in. */
  imageCount: number;
  imageBytes: number;
  /** Whether any face pixels are stored at all. */
  isStoringImages: boolean;
  /** The browser's own figures for this origin, when it gives them. */
  estimate?: { usageBytes?: number; quotaBytes?: number };
}

/** What `forgetEverything` removed. */
export interface ForgetReport {
  /** False when another tab kept the database open: it will be deleted once that tab closes. */
  isComplete: boolean;
  /** What was stored just before deletion. */
  deleted: Record<StoreName, StoreUsage>;
  /** A sentence for the user. */
  message: string;
}

/** FaceGap's storage. */
export interface Store {
  /** False for the in-memory store. */
  readonly isPersistent: boolean;
  readonly people: PeopleRepository;
  readonly packs: PackRepository;
  readonly settings: SettingsRepository;
  readonly importJobs: ImportJobRepository;
  readonly roomCodes: RoomCodeRepository;
  inventoryStorage(): Promise<StorageInventory>;
  /** Closes this store and deletes everything it holds; the store is unusable afterwards. */
  forgetEverything(): Promise<ForgetReport>;
  /** Closes the connection; later calls reject with a `closed` StoreError. */
  close(): void;
}
