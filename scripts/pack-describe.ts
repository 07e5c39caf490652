/**
 * Rewrites what a v2 pack says about itself (name, description, licence, attribution) and keeps
 * every embedding bit for bit: the file written is decoded again and its vector block compared
 * with the original's. For a pack built without its dataset's credit (utkface-3000 was), without
 * building it again. Then `npx tsx scripts/pack-index.ts` updates the index's sizes and sha256s.
 *
 *   npx tsx scripts/pack-describe.ts FILE.fgpack [FILE ...] [--like OTHER.fgpack]
 *     [--name text] [--description text] [--license text] [--attribution text]
 *
 * --like copies the description, licence and attribution of another pack (the same dataset under
 * another model); the other flags win over it. Mistyped flags are refused (util.parseArgs, strict).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { blockByteLength, decodeBinaryPack, encodeBinaryPack, readBinaryPackModel, type ReferencePack } from '../src/datasets/pack';

/** The fields a pack says about itself that this script may change. */
export interface PackDescription {
  name?: string;
  description?: string;
  license?: string;
  attribution?: string;
}

/** A v2 pack's header fields these tools read before decoding: its score and its block's dtype. */
function readOwnHeader(bytes: Uint8Array): { score: string; vectors: { dtype: 'float16' | 'float32' | 'int8' } } {
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as { score: string; vectors: { dtype: 'float16' | 'float32' | 'int8' } };
}

/** Decodes a v2 pack against its own model and score (the header's, not the app's). */
export function readOwnPack(bytes: Uint8Array): ReferencePack {
  const model = readBinaryPackModel(bytes);
  if (!model) throw new Error('not a readable v2 pack');
  return decodeBinaryPack(bytes, { modelSha256: String(model.sha256), dim: Number(model.dim), scoreId: readOwnHeader(bytes).score });
}

/**
 * `bytes` (a v2 pack) with `changes` applied to its description. Throws if the vector block of the
 * result is not byte for byte the original's (it never should be: a float16 value widened to
 * float32 narrows back to itself).
 */
export function redescribePack(bytes: Uint8Array, changes: PackDescription): Uint8Array {
  const pack = readOwnPack(bytes);
  const dtype = readOwnHeader(bytes).vectors.dtype;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const next = encodeBinaryPack({ ...pack, ...defined }, dtype);
  const blockBytes = blockByteLength(dtype, pack.samples.length, pack.model.dim);
  const before = bytes.subarray(bytes.length - blockBytes);
  const after = next.subarray(next.length - blockBytes);
  if (before.length !== after.length || before.some((byte, i) => byte !== after[i])) {
    throw new Error('the vector block changed: the pack would not be the same pack');
  }
  return next;
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: {
      like: { type: 'string' }, name: { type: 'string' }, description: { type: 'string' },
      license: { type: 'string' }, attribution: { type: 'string' },
    },
    strict: true, allowPositionals: true,
  });
  if (positionals.length === 0) throw new Error('usage: pack-describe FILE.fgpack [FILE ...] [--like OTHER.fgpack] [--name|--description|--license|--attribution text]');
  const like = values.like ? readOwnPack(readFileSync(values.like)) : null;
  const changes: PackDescription = {
    name: values.name, description: values.description ?? like?.description,
    license: values.license ?? like?.license, attribution: values.attribution ?? like?.attribution,
  };
  for (const file of positionals) {
    const next = redescribePack(readFileSync(file), changes);
    writeFileSync(file, next);
    console.log(`${file}: ${next.length} bytes, embeddings unchanged`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
