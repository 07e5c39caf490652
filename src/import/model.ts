/** The model identity a pack records, read from the app's own model manifest. */
import type { PackModel } from '../datasets/pack-types';

/** Length of a faceres embedding. */
export const FACERES_DIM = 1024;

interface ManifestFile {
  path: string;
  sha256: string;
}

/**
 * Reads models/manifest.json (written at install time) and returns faceres's identity: the
 * sha256 of faceres.bin is what another FaceGap compares before trusting a pack's embeddings.
 */
export async function readModelIdentity(modelBasePath: string, humanVersion: string, signal?: AbortSignal): Promise<PackModel> {
  const response = await fetch(new URL('manifest.json', modelBasePath), { signal });
  if (!response.ok) throw new Error(`The model manifest could not be read (HTTP ${response.status}).`);
  const manifest = (await response.json()) as { files?: ManifestFile[] };
  const weights = manifest.files?.find((file) => file.path === 'faceres.bin');
  if (!weights) throw new Error('The model manifest does not list faceres.bin.');
  return { id: 'faceres', package: `@vladmandic/human@${humanVersion}`, sha256: weights.sha256, dim: FACERES_DIM };
}
