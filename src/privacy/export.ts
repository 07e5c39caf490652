/**
 * Exports of the user's own data as JSON they can keep: enrolled people (embeddings as base64,
 * little-endian float32) and settings in one file. Each imported pack is exported on its own, in
 * the pack format FaceGap imports (`exportStoredPack` in import/stored-pack, docs/pack-format.md).
 */
import { encodeFloat32Base64, encodeBase64 } from '../datasets/base64';
import { exportStoredPack } from '../import/stored-pack';
import type { Settings } from '../store/settings';
import type { Store } from '../store/types';

/** The `format` field of a personal-data export. */
export const PERSONAL_EXPORT_FORMAT = 'facegap-personal-data';
/** Version of the personal-data export format. */
export const EXPORT_VERSION = 1;

/** One enrolled person as exported. */
export interface ExportedPerson {
  id: string;
  name: string;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
  labels: Record<string, string>;
  modelSha256: string;
  scoreId: string;
  /** One per capture: base64 of little-endian float32 values. */
  embeddings: string[];
  /** The thumbnail as a data: URL, only when the user opted in and one is stored. */
  thumbnail?: string;
}

/** Everything FaceGap keeps about the people a user enrolled, and their settings. */
export interface PersonalDataExport {
  format: typeof PERSONAL_EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** What the file holds, in words. */
  note: string;
  people: ExportedPerson[];
  settings: Settings;
  /** Imported packs, listed only: each is exported on its own, as a pack file (`exportStoredPack`). */
  packs: { id: string; name: string; sampleCount: number; importedAt: string }[];
}

/** Reads the store and builds the personal-data export. Rejects with the store's `StoreError`. */
export async function buildPersonalExport(store: Pick<Store, 'people' | 'settings' | 'packs'>, now = Date.now()): Promise<PersonalDataExport> {
  const people: ExportedPerson[] = [];
  for (const person of await store.people.list()) {
    const exported: ExportedPerson = {
      id: person.id,
      name: person.name,
      createdAt: new Date(person.createdAt).toISOString(),
      updatedAt: new Date(person.updatedAt).toISOString(),
      labels: { ...person.labels },
      modelSha256: person.modelSha256,
      scoreId: person.scoreId,
      embeddings: person.embeddings.map((embedding) => encodeFloat32Base64(embedding)),
    };
    const thumbnail = person.thumbnailId ? await store.people.getThumbnail(person.id) : undefined;
    if (thumbnail) exported.thumbnail = await toDataUrl(thumbnail);
    people.push(exported);
  }
  const packs = (await store.packs.list()).map((pack) => ({
    id: pack.id,
    name: pack.name,
    sampleCount: pack.sampleCount,
    importedAt: new Date(pack.importedAt).toISOString(),
  }));
  return {
    format: PERSONAL_EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    note: 'Face embeddings (lists of numbers a model computed from your captures) and settings FaceGap kept in this browser. ' +
      (people.some((person) => person.thumbnail) ? 'Thumbnails are included because you chose to keep them.' : 'No face images are stored, so none are included.'),
    people,
    settings: await store.settings.getAll(),
    packs,
  };
}

/** A file name safe on every system: letters, digits, dashes, and the date. */
export function buildExportFileName(prefix: string, now = Date.now()): string {
  const safe = prefix.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'export';
  return `${safe}-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/**
 * Saves JSON text as a file through the browser's download, entirely in the page: the bytes go
 * from a blob: URL to the user's disk, never through a server.
 */
export function downloadJsonText(text: string, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the URL is released once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads the user's people and settings as one JSON file (`buildPersonalExport`). The only
 * implementation: the Privacy tab's export goes through it. Rejects with the store's `StoreError`.
 */
export async function downloadPersonalExport(store: Pick<Store, 'people' | 'settings' | 'packs'>, doc: Document = document): Promise<void> {
  downloadJson(await buildPersonalExport(store), buildExportFileName('facegap-my-data'), doc);
}

/**
 * Downloads one imported pack as the pack file FaceGap imports again (`exportStoredPack`). The only
 * implementation: the pack manager's and the Privacy tab's exports both go through it. Rejects with
 * "it is no longer on this device" when it was deleted meanwhile.
 */
export async function downloadStoredPack(store: Pick<Store, 'packs'>, packId: string, doc: Document = document): Promise<void> {
  const pack = await store.packs.get(packId);
  if (!pack) throw new Error('it is no longer on this device');
  const { fileName, text } = exportStoredPack(pack);
  downloadJsonText(text, fileName, doc);
}

/** Saves `data` as an indented JSON file, as `downloadJsonText` does. */
export function downloadJson(data: unknown, fileName: string, doc: Document = document): void {
  downloadJsonText(JSON.stringify(data, null, 2), fileName, doc);
}

async function toDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return `data:${blob.type || 'application/octet-stream'};base64,${encodeBase64(bytes)}`;
}
