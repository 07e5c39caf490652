/**
 * Checks every bundled pack of the cosine models (packs/index.json, every model but faceres) at its
 * own model's starting threshold (src/models/registry.ts `defaultThreshold`): which different pairs
 * float16 may have moved across it. Prints one line per pack:
 * - without a source, near: pairs whose shipped score lies within float16's worst case of the
 *   threshold (boundDirections), the only pairs that can have crossed; 0 proves the file has no
 *   crossing. The bound is a worst case (about 5e-3), so near is rarely 0: the source decides.
 * - with the float32 source (v1 JSON: `packs/<id>.json` when there, or `--source <id>=<file>`), after
 *   checking the file was made from it (same samples, every value within two float16 steps), the
 *   pairs that crossed up and down, exactly as build:pack counts them (scripts/pack-encode.ts).
 * With `--write`, a pack with crossings is encoded again from its source, its texts and labels kept
 * from the shipped file, crossings put back (pack-encode's fixCrossings); then run
 * `npx tsx scripts/pack-index.ts` for the new sizes and sha256.
 *
 *   npx tsx scripts/pack-check.ts [--source utkface-3000.dlib=/path/x.json ...] [--write] [--only id,id]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getFloat16, setFloat16 } from '@petamoriken/float16';
import { decodeBinaryPack, decodePack, encodePack, type PackIndex, type ReferencePack } from '../src/datasets/pack';
import { getModel } from '../src/models/registry';
import { encodePackV2, measureScoreError } from './pack-encode';

const PACKS_DIR = resolve(import.meta.dirname, '..', 'packs');

/** The float16 step above |value|: the largest rounding (half of it) plus one fix step stays below 1.5 of it. */
function stepAbove(value: number): number {
  const view = new DataView(new ArrayBuffer(2));
  setFloat16(view, 0, Math.abs(value));
  const bits = view.getUint16(0);
  view.setUint16(0, bits + 1);
  return getFloat16(view, 0) - Math.abs(value);
}

/**
 * How far float16 can have moved each vector's direction: |delta| / |v| with every element off by
 * at most 1.5 steps. Two unit vectors each turned by at most r move their cosine by at most
 * 2 (r_a + r_b), the bound a pair's score must be within to have crossed.
 */
function boundDirections(pack: ReferencePack): Float64Array {
  return Float64Array.from(pack.samples, ({ embedding }) => {
    let delta = 0, norm = 0;
    for (const value of embedding) { delta += (1.5 * stepAbove(value)) ** 2; norm += value * value; }
    return Math.sqrt(delta / norm);
  });
}

/** Different-sample pairs whose shipped cosine lies within the float16 bound of `threshold`. */
function countNearPairs(pack: ReferencePack, threshold: number): { pairs: number; near: number; bound: number } {
  const units = pack.samples.map(({ embedding }) => {
    const norm = Math.hypot(...embedding);
    return Float64Array.from(embedding, (value) => value / norm);
  });
  const turn = boundDirections(pack);
  let pairs = 0, near = 0, bound = 0;
  for (let i = 0; i < units.length; i++) {
    for (let j = i + 1; j < units.length; j++) {
      let dot = 0;
      const a = units[i], b = units[j];
      for (let k = 0; k < a.length; k++) dot += a[k] * b[k];
      const margin = 2 * (turn[i] + turn[j]);
      bound = Math.max(bound, margin);
      pairs++;
      if (Math.abs(dot - threshold) <= margin) near++;
    }
  }
  return { pairs, near, bound };
}

/** Largest distance, in float16 steps, between a shipped value and its source value; throws when the samples differ. */
function compareToSource(shipped: ReferencePack, source: ReferencePack): number {
  if (shipped.samples.length !== source.samples.length) throw new Error(`the source has ${source.samples.length} samples, the pack ${shipped.samples.length}`);
  let steps = 0;
  shipped.samples.forEach((sample, i) => {
    const from = source.samples[i];
    if (from.id !== sample.id) throw new Error(`sample ${i} is ${sample.id} in the pack and ${from.id} in the source`);
    sample.embedding.forEach((value, k) => { steps = Math.max(steps, Math.abs(value - from.embedding[k]) / stepAbove(from.embedding[k])); });
  });
  return steps;
}

const { values } = parseArgs({ options: { source: { type: 'string', multiple: true }, write: { type: 'boolean' }, only: { type: 'string' } }, strict: true });
const sources = new Map((values.source ?? []).map((pair) => pair.split('=') as [string, string]));
const index = JSON.parse(readFileSync(resolve(PACKS_DIR, 'index.json'), 'utf8')) as PackIndex;
const only = values.only?.split(',');
const checked = index.packs.filter((entry) => entry.model !== 'faceres' && (!only || only.includes(entry.id)));
let unfixedTotal = 0;
for (const entry of checked) {
  const model = getModel(entry.model);
  const threshold = model.defaultThreshold;
  const expected = { modelSha256: entry.modelSha256, dim: model.dim, scoreId: entry.score };
  const bytes = readFileSync(resolve(PACKS_DIR, entry.file));
  const shipped = decodeBinaryPack(bytes, expected);
  const started = performance.now();
  const line: Record<string, unknown> = { pack: entry.id, threshold };
  const sourceFile = sources.get(entry.id) ?? (existsSync(resolve(PACKS_DIR, `${entry.id}.json`)) ? resolve(PACKS_DIR, `${entry.id}.json`) : null);
  if (sourceFile) {
    const source = decodePack(readFileSync(sourceFile, 'utf8'), expected);
    line.source = sourceFile;
    line.maxSteps = Number(compareToSource(shipped, source).toFixed(2));
    const { pairs, crossedUp, crossedDown, maxError } = measureScoreError(source, shipped, threshold);
    Object.assign(line, { pairs, crossedUp, crossedDown, maxError: Number(maxError.toExponential(2)) });
    if (values.write && crossedUp + crossedDown > 0) {
      // The shipped file's texts and labels, the source's float32 vectors.
      const text = encodePack({ ...shipped, samples: shipped.samples.map((sample, i) => ({ ...sample, embedding: source.samples[i].embedding })) });
      const encoded = encodePackV2(text, 'float16', threshold);
      writeFileSync(resolve(PACKS_DIR, entry.file), encoded.bytes);
      unfixedTotal += encoded.crossedUp + encoded.crossedDown;
      Object.assign(line, { rewritten: entry.file, after: { crossedUp: encoded.crossedUp, crossedDown: encoded.crossedDown, unfixed: encoded.unfixed, maxError: Number(encoded.maxError.toExponential(2)) } });
    }
  } else {
    const { pairs, near, bound } = countNearPairs(shipped, threshold);
    Object.assign(line, { pairs, boundMax: Number(bound.toExponential(2)), near });
    line.source = near === 0 ? 'none needed (no pair near the threshold)' : 'none: pass --source to count the crossings';
  }
  line.seconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(JSON.stringify(line));
}
if (unfixedTotal > 0) {
  console.error(`${unfixedTotal} pairs still cross after re-encoding: those packs keep them, see the lines above.`);
  process.exitCode = 1;
}
