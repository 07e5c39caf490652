/**
 * Writes packs/index.json version 2 from the v2 files in packs/ (`<pack>.<model>.fgpack`):
 * size, sha256, model, score and counts of each, read from the files themselves.
 *
 *   npx tsx scripts/pack-index.ts [--default utkface-600]
 *
 * Without --default the index names DEFAULT_PACK_ID (src/import/bundled.ts), the app's choice.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PACK_BINARY_EXTENSION, PACK_INDEX_FORMAT, PACK_INDEX_VERSION, type PackIndex, type PackIndexEntry } from '../src/datasets/pack';
import { describePackFile } from './pack-index-entry';
import { DEFAULT_PACK_ID } from '../src/import/bundled';

const PACKS_DIR = resolve(import.meta.dirname, '..', 'packs');

function describeFile(file: string): PackIndexEntry {
  return describePackFile(readFileSync(resolve(PACKS_DIR, file)), file);
}

// Strict: a mistyped flag (`--defualt`) is refused, not silently ignored.
const { values } = parseArgs({ options: { default: { type: 'string' } }, strict: true, allowPositionals: false });
const index: PackIndex = {
  format: PACK_INDEX_FORMAT,
  version: PACK_INDEX_VERSION,
  defaultPack: values.default ?? DEFAULT_PACK_ID,
  packs: readdirSync(PACKS_DIR).filter((file) => file.endsWith(PACK_BINARY_EXTENSION)).sort().map(describeFile),
};
writeFileSync(resolve(PACKS_DIR, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
console.log(index.packs.map(({ id, bytes }) => `${id}: ${bytes} bytes`).join('\n'));
