/** The packs shipped with FaceGap: packs/index.json, served at /packs/ and copied into the build. */
import { PACK_INDEX_FORMAT, type PackIndexEntry } from '../datasets/pack-types';
import { appPath } from '../shared/app-base';

/**
 * One bundled pack file as packs/index.json lists it (docs/pack-format.md, index version 2).
 * Version 1 entries (faceres only, no `pack`/`model`) are read as faceres entries of pack `id`.
 */
export type BundledPackEntry = PackIndexEntry;

/**
 * The pack set the bias views open with: packs/index.json's `defaultPack`, which
 * scripts/pack-index.ts writes from this (and the app falls back to when an index names none).
 * utkface-3000 (300 people per race x gender group) gives intervals a room can read; it costs a
 * first visit nothing, since a pack is downloaded only when a bias view first opens.
 */
export const DEFAULT_PACK_ID = 'utkface-3000';

/** URL of the bundled pack index. */
export const BUNDLED_INDEX_PATH = appPath('packs/index.json');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An entry of either index version as a v2 entry; null when it lacks what the app needs. */
function readEntry(raw: unknown): BundledPackEntry | null {
  if (!isRecord(raw)) return null;
  const { id, file, name, bytes, sha256 } = raw;
  if (typeof id !== 'string' || typeof file !== 'string' || typeof sha256 !== 'string' || typeof bytes !== 'number') return null;
  const samples = typeof raw.samples === 'number' ? raw.samples : 0;
  return {
    id, file, sha256, bytes, samples,
    name: typeof name === 'string' ? name : id,
    pack: typeof raw.pack === 'string' ? raw.pack : id,
    model: typeof raw.model === 'string' ? raw.model : 'faceres',
    modelSha256: typeof raw.modelSha256 === 'string' ? raw.modelSha256 : '',
    score: typeof raw.score === 'string' ? raw.score : 'human-similarity-v1',
    failures: typeof raw.failures === 'number' ? raw.failures : 0,
    subjects: typeof raw.subjects === 'number' ? raw.subjects : samples,
  };
}

/** The bundled index: its entries and the pack set the bias views open with (null: none named). */
export interface BundledIndex {
  packs: BundledPackEntry[];
  defaultPack: string | null;
}

/** Reads the bundled pack index; rejects with a readable Error when it is missing or malformed. */
export async function loadBundledPackIndex(signal?: AbortSignal, fetcher: typeof fetch = fetch): Promise<BundledIndex> {
  const response = await fetcher(BUNDLED_INDEX_PATH, { signal });
  if (!response.ok) throw new Error(`The list of bundled packs could not be loaded (HTTP ${response.status}).`);
  const index: unknown = await response.json();
  if (!isRecord(index) || index.format !== PACK_INDEX_FORMAT || !Array.isArray(index.packs)) {
    throw new Error('The list of bundled packs is damaged: it is not a FaceGap pack index with a "packs" list.');
  }
  const packs = index.packs.map(readEntry);
  if (packs.some((entry) => entry === null)) throw new Error('The list of bundled packs is damaged: an entry lacks its file, size or sha256.');
  return { packs: packs as BundledPackEntry[], defaultPack: typeof index.defaultPack === 'string' ? index.defaultPack : null };
}

/**
 * The entry to open for `idOrPack` (an entry id, or a pack set name) under `model`: what a
 * remembered choice from index version 1 ("utkface-600") still finds.
 */
export function findBundledEntry(entries: readonly BundledPackEntry[], idOrPack: string, model = 'faceres'): BundledPackEntry | undefined {
  return entries.find((entry) => entry.id === idOrPack) ?? entries.find((entry) => entry.pack === idOrPack && entry.model === model);
}

/**
 * The bundled packs a chooser lists: one line per pack set, with the active model's file (its size
 * is what choosing it downloads; "kept" says whether that file is on this device), or the set's
 * first file when the model has none (choosing it then says so). The index holds one file per set
 * and model: listed as they are, "UTKFace 3000" showed four times with four sizes, and each line
 * opened the active model's file. `activeId` (a set's entry of any model, or an imported pack's
 * id) becomes the listed entry of its set.
 */
export function listBundledChoices(entries: readonly BundledPackEntry[], modelId: string, activeId: string | null): { entries: BundledPackEntry[]; activeId: string | null } {
  const bySet = new Map<string, BundledPackEntry>();
  for (const entry of entries) {
    const listed = bySet.get(entry.pack);
    if (!listed || (listed.model !== modelId && entry.model === modelId)) bySet.set(entry.pack, entry);
  }
  const active = activeId === null ? undefined : entries.find((entry) => entry.id === activeId);
  return { entries: [...bySet.values()], activeId: active ? bySet.get(active.pack)!.id : activeId };
}

/** URL of a bundled pack's file. */
export function bundledPackUrl(entry: BundledPackEntry): string {
  return new URL(entry.file, new URL(BUNDLED_INDEX_PATH, location.href)).href;
}

/** sha256 of bytes, lower-case hex: compared with the index before a bundled pack is used. */
export async function hashBytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** sha256 of text as UTF-8, lower-case hex. */
export async function hashText(text: string): Promise<string> {
  return hashBytes(new TextEncoder().encode(text));
}
