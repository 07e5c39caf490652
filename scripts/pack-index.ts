/**
 * Writes packs/index.json version 2 from the v2 files in packs/ (`<pack>.<model>.fgpack`):
 * size, sha256, model, score and counts of each, read from the files themselves.
 *
 *   npx tsx scripts/pack-index.ts [--default utkface-600]
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeBinaryPack, readBinaryPackModel, PACK_BINARY_EXTENSION, PACK_INDEX_FORMAT, PACK_INDEX_VERSION, type PackIndex, type PackIndexEntry } from '../src/datasets/pack';

const PACKS_DIR = resolve(import.meta.dirname, '..', 'packs');

function describeFile(file: string): PackIndexEntry {
  const bytes = readFileSync(resolve(PACKS_DIR, file));
  const model = readBinaryPackModel(bytes);
  if (!model) throw new Error(`${file}: not a readable v2 pack`);
  const header = { modelSha256: String(model.sha256), dim: Number(model.dim) };
  // The pack's own score: decode once to check everything and count subjects.
  const score = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + bytes.readUInt32LE(8)))).score as string;
  const pack = decodeBinaryPack(bytes, { ...header, scoreId: score });
  const set = file.slice(0, -PACK_BINARY_EXTENSION.length).split('.')[0];
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

const defaultIndex = process.argv.indexOf('--default');
const index: PackIndex = {
  format: PACK_INDEX_FORMAT,
  version: PACK_INDEX_VERSION,
  defaultPack: defaultIndex < 0 ? 'utkface-600' : process.argv[defaultIndex + 1],
  packs: readdirSync(PACKS_DIR).filter((file) => file.endsWith(PACK_BINARY_EXTENSION)).sort().map(describeFile),
};
writeFileSync(resolve(PACKS_DIR, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
console.log(index.packs.map(({ id, bytes }) => `${id}: ${bytes} bytes`).join('\n'));
