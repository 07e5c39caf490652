/**
 * One entry of packs/index.json version 2 (docs/pack-format.md), read from a v2 pack file itself:
 * size, sha256, model, score and counts. Used by scripts/pack-index.ts and build:pack --index.
 */
import { createHash } from 'node:crypto';
import { readBinaryPackModel, PACK_BINARY_EXTENSION, type PackIndexEntry } from '../src/datasets/pack';
import { readOwnPack } from './pack-describe';

/** The index entry of the v2 pack `bytes`, listed as `file` (relative to the index). */
export function describePackFile(bytes: Uint8Array, file: string): PackIndexEntry {
  const model = readBinaryPackModel(bytes);
  if (!model) throw new Error(`${file}: not a readable v2 pack`);
  // Decoded against its own model and score, once, to check everything and count subjects.
  const pack = readOwnPack(bytes);
  const header = { modelSha256: pack.model.sha256 };
  const score = pack.score;
  const name = file.split('/').pop() ?? file;
  const set = (name.endsWith(PACK_BINARY_EXTENSION) ? name.slice(0, -PACK_BINARY_EXTENSION.length) : name).split('.')[0];
  const modelId = String(model.id);
  return {
    // faceres entries keep v1's id (the set name), so a remembered choice still opens.
    id: modelId === 'faceres' ? set : `${set}.${modelId}`,
    pack: set, model: modelId, modelSha256: header.modelSha256, score, file, name: pack.name,
    bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'),
    samples: pack.samples.length, failures: pack.failures.length,
    subjects: new Set(pack.samples.map((sample) => sample.subject ?? sample.id)).size,
  };
}

