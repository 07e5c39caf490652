/**
 * The identity of the embedding model, read from the app's own model manifest: the one place
 * FaceGap learns the faceres sha256 that templates and packs record and are checked against.
 */
import type { PackModel } from '../datasets/pack-types';
import { describeError } from '../shared/errors';

/** Length of a faceres embedding. */
export const FACERES_DIM = 1024;

/** The embedding model's weights file, as named in models/manifest.json. */
const EMBEDDING_MODEL_FILE = 'faceres.bin';

/** The package that runs faceres, without its version. */
const HUMAN_PACKAGE = '@vladmandic/human';

const MANIFEST_NAME = 'The list of face models (models/manifest.json)';

interface ManifestFile {
  path?: unknown;
  sha256?: unknown;
  /** The npm package and version the file was copied from, e.g. "@vladmandic/human@3.3.6". */
  source?: unknown;
}

/** Options of `readModelIdentity`. */
export interface ReadModelIdentityOptions {
  signal?: AbortSignal;
  /** `fetch` unless a test hands in another. */
  fetcher?: typeof fetch;
}

/**
 * Reads models/manifest.json (written at install time by scripts/copy-models.mjs) and returns
 * faceres's identity: the sha256 of faceres.bin (lower-case hex) is what another FaceGap compares
 * before trusting a pack's embeddings. `humanVersion` is the running engine's version; when empty,
 * the version the manifest says the file was copied from is used.
 * Rejects with an Error whose message says what could not be read (an abort rejects as fetch does).
 */
export async function readModelIdentity(modelBasePath: string, humanVersion?: string, options: ReadModelIdentityOptions = {}): Promise<PackModel> {
  const { signal, fetcher } = options;
  let manifest: { files?: ManifestFile[] };
  try {
    manifest = await (fetcher ? fetchManifest(modelBasePath, fetcher, signal) : readManifestOnce(modelBasePath));
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error(`${MANIFEST_NAME} could not be read (${describeError(error)}).`);
  }
  const weights = Array.isArray(manifest.files) ? manifest.files.find((file) => file?.path === EMBEDDING_MODEL_FILE) : undefined;
  const sha256 = typeof weights?.sha256 === 'string' ? weights.sha256.toLowerCase() : '';
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`${MANIFEST_NAME} does not give the sha256 of ${EMBEDDING_MODEL_FILE}.`);
  const source = typeof weights?.source === 'string' && weights.source.startsWith(`${HUMAN_PACKAGE}@`) ? weights.source : HUMAN_PACKAGE;
  return { id: 'faceres', package: humanVersion ? `${HUMAN_PACKAGE}@${humanVersion}` : source, sha256, dim: FACERES_DIM };
}

async function fetchManifest(modelBasePath: string, fetcher: typeof fetch, signal?: AbortSignal): Promise<{ files?: ManifestFile[] }> {
  const response = await fetcher(new URL('manifest.json', modelBasePath), { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as { files?: ManifestFile[] };
}

/** One read of the manifest per page and base path: the engine, the packs and the import share it. */
const manifests = new Map<string, Promise<{ files?: ManifestFile[] }>>();

function readManifestOnce(modelBasePath: string): Promise<{ files?: ManifestFile[] }> {
  let manifest = manifests.get(modelBasePath);
  if (!manifest) {
    manifest = fetchManifest(modelBasePath, fetch);
    manifests.set(modelBasePath, manifest);
    // A failed read may succeed later (the server came back): do not keep the failure.
    manifest.catch(() => manifests.delete(modelBasePath));
  }
  return manifest;
}
