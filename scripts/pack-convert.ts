/**
 * Converts a v1 pack (JSON) to v2 (binary, docs/pack-format.md) and reports how far the encoding
 * moves the scores: every pair's human-similarity-v1 (or cosine-v1) before and after, the largest
 * difference, and the pairs that cross a threshold either way.
 *
 *   npx tsx scripts/pack-convert.ts packs-in.json out.fgpack [--dtype float16|int8|float32] [--threshold 0.6]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeBinaryPack, decodePack, encodeBinaryPack, type PackVectorDtype, type ReferencePack } from '../src/datasets/pack';
import { DEFAULT_THRESHOLD_SIMILARITY } from '../src/matching/threshold';
import { computeSimilarity } from '../src/matching/similarity';

/** The score the pack is meant for; cosine for models other than faceres. */
function scoreOf(pack: ReferencePack): (a: Float32Array, b: Float32Array) => number {
  if (pack.score === 'human-similarity-v1') return computeSimilarity;
  return (a, b) => {
    let dot = 0, na = 0, nb = 0;
    for (let i = 0; i < a.length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
    return dot / Math.sqrt(na * nb);
  };
}

/** Largest score difference over all pairs, and pairs on either side of `threshold` that switch. */
export function measureScoreError(before: ReferencePack, after: ReferencePack, threshold: number) {
  const score = scoreOf(before);
  let maxError = 0, sumError = 0, pairs = 0, crossedUp = 0, crossedDown = 0;
  const n = before.samples.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s0 = score(before.samples[i].embedding, before.samples[j].embedding);
      const s1 = score(after.samples[i].embedding, after.samples[j].embedding);
      const error = Math.abs(s1 - s0);
      maxError = Math.max(maxError, error);
      sumError += error;
      pairs++;
      if (s0 < threshold && s1 >= threshold) crossedUp++;
      if (s0 >= threshold && s1 < threshold) crossedDown++;
    }
  }
  return { pairs, maxError, meanError: sumError / Math.max(pairs, 1), crossedUp, crossedDown };
}

function main(argv: string[]): void {
  const [input, output] = argv.filter((arg, i) => !arg.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const option = (name: string) => { const i = argv.indexOf(`--${name}`); return i < 0 ? undefined : argv[i + 1]; };
  if (!input || !output) throw new Error('usage: pack-convert IN.json OUT.fgpack [--dtype float16|int8|float32] [--threshold 0.6]');
  const dtype = (option('dtype') ?? 'float16') as PackVectorDtype;
  const threshold = Number(option('threshold') ?? DEFAULT_THRESHOLD_SIMILARITY);
  const text = readFileSync(input, 'utf8');
  const root = JSON.parse(text) as { model: { sha256: string; dim: number }; score: string };
  const expected = { modelSha256: root.model.sha256, dim: root.model.dim, scoreId: root.score };
  const before = decodePack(text, expected);
  const bytes = encodeBinaryPack(before, dtype);
  writeFileSync(output, bytes);
  const after = decodeBinaryPack(bytes, expected);
  const started = performance.now();
  const error = measureScoreError(before, after, threshold);
  console.log(JSON.stringify({
    input, output, dtype, samples: before.samples.length, v1Bytes: Buffer.byteLength(text), v2Bytes: bytes.length,
    threshold, ...error, measureSeconds: Math.round((performance.now() - started) / 100) / 10,
  }));
}

main(process.argv.slice(2));
