/** The packs shipped with FaceGap: packs/index.json, served at /packs/ and copied into the build. */
import { appPath } from '../shared/app-base';

/** One bundled pack as packs/index.json lists it (written by `npm run build:pack -- --index`). */
export interface BundledPackEntry {
  /** Stable id, the file name without `.json`, e.g. "utkface-600". */
  id: string;
  /** Path relative to the index, e.g. "utkface-600.json". */
  file: string;
  name: string;
  /** Embedded faces in the pack. */
  samples: number;
  /** Photos that yielded no embedding. */
  failures: number;
  /** Size of the file in bytes. */
  bytes: number;
  /** sha256 of the file, lower-case hex, to check a download against. */
  sha256: string;
}

/** URL of the bundled pack index. */
export const BUNDLED_INDEX_PATH = appPath('packs/index.json');

/** Reads the bundled pack index; rejects with a readable Error when it is missing or malformed. */
export async function loadBundledPackIndex(signal?: AbortSignal, fetcher: typeof fetch = fetch): Promise<BundledPackEntry[]> {
  const response = await fetcher(BUNDLED_INDEX_PATH, { signal });
  if (!response.ok) throw new Error(`The list of bundled packs could not be loaded (HTTP ${response.status}).`);
  const index = (await response.json()) as { packs?: BundledPackEntry[] };
  if (!Array.isArray(index.packs)) throw new Error('The list of bundled packs is damaged: it has no "packs" list.');
  return index.packs;
}

/** URL of a bundled pack's file. */
export function bundledPackUrl(entry: BundledPackEntry): string {
  return new URL(entry.file, new URL(BUNDLED_INDEX_PATH, location.href)).href;
}

/** sha256 of text as UTF-8, lower-case hex: compared with the index before a bundled pack is used. */
export async function hashText(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
