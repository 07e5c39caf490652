/**
 * Converts a v1 pack (JSON) to v2 (binary, docs/pack-format.md) and reports how far the encoding
 * moves the scores (scripts/pack-encode.ts): the largest difference over all pairs, and the pairs
 * that cross the threshold either way.
 *
 *   npx tsx scripts/pack-convert.ts packs-in.json out.fgpack [--dtype float16|int8|float32] [--threshold 0.6]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { PackVectorDtype } from '../src/datasets/pack';
import { DEFAULT_THRESHOLD_SIMILARITY } from '../src/matching/threshold';
import { encodePackV2 } from './pack-encode';

function main(argv: string[]): void {
  const [input, output] = argv.filter((arg, i) => !arg.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const option = (name: string) => { const i = argv.indexOf(`--${name}`); return i < 0 ? undefined : argv[i + 1]; };
  if (!input || !output) throw new Error('usage: pack-convert IN.json OUT.fgpack [--dtype float16|int8|float32] [--threshold 0.6]');
  const dtype = (option('dtype') ?? 'float16') as PackVectorDtype;
  const threshold = Number(option('threshold') ?? DEFAULT_THRESHOLD_SIMILARITY);
  const text = readFileSync(input, 'utf8');
  const started = performance.now();
  const { bytes, ...error } = encodePackV2(text, dtype, threshold);
  writeFileSync(output, bytes);
  console.log(JSON.stringify({
    input, output, dtype, v1Bytes: Buffer.byteLength(text), v2Bytes: bytes.length, ...error,
    measureSeconds: Math.round((performance.now() - started) / 100) / 10,
  }));
}

main(process.argv.slice(2));
