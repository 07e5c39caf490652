/**
 * Rules shared by the IndexedDB and in-memory stores, so both behave the same: record checks,
 * size estimates, pack chunking and the sentences of the privacy reports.
 */
import { normalizeLabels, normalizeName, type Template } from '../matching/templates';
import { createStoreError, StoreError } from './errors';
import type { ForgetReport, ImportJob, ImportJobRepository, PackMetadata, PackMetadataInput, PackSample, RoomCodeRecord, StoreName, StoreUsage } from './types';

/** Largest thumbnail kept, in bytes: enough for a small JPEG, too small for a usable photo. */
export const MAX_THUMBNAIL_BYTES = 64 * 1024;
/** Samples per stored chunk of a pack, so no single record grows past a few megabytes. */
export const PACK_CHUNK_SAMPLES = 500;

/** Every store name, in the order reports list them. */
export const STORE_NAMES: readonly StoreName[] = [
  'people',
  'packs',
  'packSamples',
  'settings',
  'importJobs',
  'importFiles',
  'thumbnails',
  'roomCodes',
];

/** A usage table with every store at zero. */
export function createEmptyUsage(): Record<StoreName, StoreUsage> {
  return Object.fromEntries(STORE_NAMES.map((name) => [name, { records: 0, approxBytes: 0 }])) as Record<StoreName, StoreUsage>;
}

/** Approximate bytes of a record: binary parts (typed arrays, buffers, blobs) plus the JSON of the rest. */
export function estimateRecordBytes(record: unknown): number {
  let binaryBytes = 0;
  const json = JSON.stringify(record, (_key, value: unknown) => {
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
      binaryBytes += value.byteLength;
      return null;
    }
    if (typeof Blob !== 'undefined' && value instanceof Blob) {
      binaryBytes += value.size;
      return null;
    }
    return value;
  });
  return binaryBytes + (json?.length ?? 0);
}

/** Checks a template before it is stored; the name is normalised as `createTemplate` does. */
export function prepareTemplateForStorage(template: Template): Template {
  const what = 'this person';
  const name = normalizeName(template.name);
  if (!name.ok) throw new StoreError('invalid', `${name.problem} Nothing was saved.`);
  if (typeof template.id !== 'string' || template.id === '') throw createStoreError('invalid', what);
  if (template.embeddings.length === 0 || !template.embeddings.every((e) => e instanceof Float32Array)) {
    throw new StoreError('invalid', 'This person has no usable captures, so nothing was saved. Capture again.');
  }
  // The thumbnail id is the store's to set: a caller cannot point at another person's image.
  const { thumbnailId: _ignored, ...rest } = template;
  return { ...rest, name: name.name, labels: normalizeLabels(template.labels) };
}

/** Checks a thumbnail before it is stored. */
export function checkThumbnail(thumbnail: Blob): void {
  if (thumbnail.size > MAX_THUMBNAIL_BYTES) {
    throw new StoreError(
      'invalid',
      `The thumbnail is ${Math.ceil(thumbnail.size / 1024)} KiB; FaceGap keeps thumbnails up to ${MAX_THUMBNAIL_BYTES / 1024} KiB. Nothing was saved; shrink it and try again.`,
    );
  }
}

/** A pack's stored description, with sample count and size filled in. */
export function describePack(input: PackMetadataInput, samples: PackSample[], now: number): PackMetadata {
  if (!input.id || !input.name) throw createStoreError('invalid', 'this pack (it has no id or name)');
  const metadata: PackMetadata = {
    id: input.id,
    name: input.name,
    modelSha256: input.modelSha256,
    scoreId: input.scoreId,
    importedAt: input.importedAt ?? now,
    details: input.details ?? {},
    sampleCount: samples.length,
    approxBytes: 0,
  };
  metadata.approxBytes = estimateRecordBytes(metadata) + samples.reduce((sum, sample) => sum + estimateRecordBytes(sample), 0);
  return metadata;
}

/** Splits samples into chunks of `PACK_CHUNK_SAMPLES`. */
export function chunkSamples(samples: PackSample[]): PackSample[][] {
  const chunks: PackSample[][] = [];
  for (let start = 0; start < samples.length; start += PACK_CHUNK_SAMPLES) {
    chunks.push(samples.slice(start, start + PACK_CHUNK_SAMPLES));
  }
  return chunks;
}

/** Sorts by name in the user's locale, then id, for lists shown to them. */
export function compareByName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The report of `forgetEverything`. */
export function createForgetReport(deleted: Record<StoreName, StoreUsage>, isComplete: boolean): ForgetReport {
  const people = deleted.people.records;
  const packs = deleted.packs.records;
  const images = deleted.thumbnails.records;
  const roomCodes = deleted.roomCodes.records;
  const kept = roomCodes > 0 ? `, ${roomCodes} kept room ${roomCodes === 1 ? 'code' : 'codes'}` : '';
  const summary = `${people} ${people === 1 ? 'person' : 'people'}, ${packs} ${packs === 1 ? 'pack' : 'packs'}, ${images} ${images === 1 ? 'thumbnail' : 'thumbnails'}${kept}, your settings and any unfinished imports`;
  const message = isComplete
    ? `Everything FaceGap stored on this device was deleted: ${summary}.`
    : `FaceGap is still open in another tab, so its storage (${summary}) will be deleted as soon as that tab is closed. Close the other FaceGap tabs now.`;
  return { isComplete, deleted, message };
}

/** A new import job as both stores keep it: running, stamped `now`, optional fields only when given. */
export function createImportJobRecord(input: Parameters<ImportJobRepository['create']>[0], now: number): ImportJob {
  return {
    id: input.id ?? crypto.randomUUID(),
    source: input.source,
    totalFiles: input.totalFiles,
    status: 'running',
    createdAt: now,
    updatedAt: now,
    ...(input.packId === undefined ? {} : { packId: input.packId }),
    ...(input.details === undefined ? {} : { details: structuredClone(input.details) }),
  };
}

/** Sorts records in the order they were kept. */
export function sortByKeptAt(records: RoomCodeRecord[]): RoomCodeRecord[] {
  return records.sort((a, b) => a.keptAt - b.keptAt);
}

/** Checks records before they are kept: a code is text, tied to its attendee id. */
export function checkRoomCodes(records: RoomCodeRecord[]): void {
  for (const record of records) {
    if (typeof record.attendeeId !== 'string' || record.attendeeId === '' || typeof record.code !== 'string' || !Number.isFinite(record.keptAt)) {
      throw createStoreError('invalid', 'the kept room');
    }
  }
}
