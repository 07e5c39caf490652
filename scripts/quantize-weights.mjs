#!/usr/bin/env node
// Re-encodes a tfjs graph model's weights (model.json + one .bin shard) with tfjs's own weight
// quantisation, the format `tensorflowjs_converter --quantize_float16 / --quantize_uint8` writes and
// tfjs-core's io decodeWeight reads back to float32 at load: per weight, `"quantization":
// {"dtype": "float16", "original_dtype": "float32"}`, or `{"dtype": "uint8", "min", "scale", ...}`
// with value = q * scale + min. Deterministic: the same input gives the same bytes.
//
//   node scripts/quantize-weights.mjs <model.json> <out.json> --to float16|uint8 [--except-upstream-of <node>]
//
// --except-upstream-of keeps, as they are stored, the weights the named graph node depends on: with
// faceres's embedding output (global_pooling/Mean) only its age and gender head is re-encoded.
// The output's shard is written beside it as <out>.bin and the manifest's `paths` renamed to match.
// Used by copy-models.mjs (at install) and by scripts/measure-quantized.ts (docs/models-float16.md).
import { Float16Array } from '@petamoriken/float16';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const BYTES = { float32: 4, int32: 4, float16: 2, uint16: 2, uint8: 1 };
const UINT8_MAX = 255;

/**
 * Decodes every weight of a single-shard weights manifest to its float32 (or int32) values, as
 * tfjs-core would at load.
 * @param {object} model the parsed model.json
 * @param {Uint8Array} bin the shard's bytes
 * @returns {{ spec: object, values: Float32Array | Int32Array }[]}
 */
export function decodeWeights(model, bin) {
  const groups = model.weightsManifest;
  if (groups.length !== 1 || groups[0].paths.length !== 1) throw new Error('quantize-weights: only single-shard models are supported.');
  const weights = [];
  let offset = 0;
  for (const spec of groups[0].weights) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const stored = spec.quantization?.dtype ?? spec.dtype;
    const bytes = bin.slice(offset, offset + size * BYTES[stored]);
    offset += size * BYTES[stored];
    const raw = stored === 'float16' ? new Float16Array(bytes.buffer) : stored === 'uint8' ? bytes
      : stored === 'uint16' ? new Uint16Array(bytes.buffer) : stored === 'int32' ? new Int32Array(bytes.buffer) : new Float32Array(bytes.buffer);
    let values;
    if (spec.dtype === 'int32') values = Int32Array.from(raw, (v) => (spec.quantization ? Math.round(v * spec.quantization.scale + spec.quantization.min) : v));
    else if (stored === 'uint8' || stored === 'uint16') values = Float32Array.from(raw, (v) => v * spec.quantization.scale + spec.quantization.min);
    else values = Float32Array.from(raw);
    weights.push({ spec, values });
  }
  if (offset !== bin.length) throw new Error(`quantize-weights: the manifest describes ${offset} bytes but the shard has ${bin.length}.`);
  return weights;
}

/**
 * The affine uint8 range of tfjs's converter: scale spreads [min, max] over 0..255, and min is
 * nudged so that 0.0 is exactly representable (zero padding and ReLU zeros stay zero).
 */
function affineRange(values) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) { if (v < min) min = v; if (v > max) max = v; }
  // min stays a double, computed from the float32 scale, so that zeroPoint * scale + min is 0.
  const scale = Math.fround(max > min ? (max - min) / UINT8_MAX : 1);
  if (min <= 0 && 0 <= max) min = -Math.round(-min / scale) * scale;
  return { min, scale };
}

/**
 * The names of the weights a node of a graph model's topology depends on, directly or not.
 * @param {object} model the parsed model.json
 * @param {string} nodeName e.g. 'global_pooling/Mean'
 * @returns {Set<string>}
 */
export function findUpstreamWeights(model, nodeName) {
  const nodes = new Map(model.modelTopology.node.map((node) => [node.name, node]));
  if (!nodes.has(nodeName)) throw new Error(`quantize-weights: the model has no node named ${nodeName}.`);
  const seen = new Set();
  const pending = [nodeName];
  while (pending.length) {
    const name = pending.pop().replace(/^\^/, '').split(':')[0];
    if (seen.has(name) || !nodes.has(name)) continue;
    seen.add(name);
    pending.push(...(nodes.get(name).input ?? []));
  }
  return seen;
}

/**
 * Encodes float32 weights as `to` (int32 weights, and those named in `kept`, stay as the source
 * stored them) and returns the new model.json (same topology, new manifest) and shard.
 * @param {object} model the parsed source model.json
 * @param {{ spec: object, values: Float32Array | Int32Array }[]} weights from decodeWeights
 * @param {'float16' | 'uint8'} to
 * @param {string} shardName the new shard's file name
 * @param {Set<string>} [kept] weights to store as the source did (float32 or float16)
 */
export function encodeWeights(model, weights, to, shardName, kept = new Set()) {
  const chunks = [];
  const specs = weights.map(({ spec, values }) => {
    const plain = { name: spec.name, shape: spec.shape, dtype: spec.dtype };
    const target = kept.has(spec.name) ? spec.quantization?.dtype ?? 'float32' : to;
    if (spec.dtype !== 'float32' || target === 'float32') {
      chunks.push(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
      return plain;
    }
    if (target === 'float16') {
      const half = Float16Array.from(values);
      chunks.push(new Uint8Array(half.buffer));
      return { ...plain, quantization: { dtype: 'float16', original_dtype: 'float32' } };
    }
    const { min, scale } = affineRange(values);
    chunks.push(Uint8Array.from(values, (v) => Math.min(UINT8_MAX, Math.max(0, Math.round((v - min) / scale)))));
    return { ...plain, quantization: { dtype: 'uint8', min, scale, original_dtype: 'float32' } };
  });
  const bin = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) { bin.set(chunk, offset); offset += chunk.length; }
  const json = { ...model, weightsManifest: [{ paths: [shardName], weights: specs }] };
  return { json, bin };
}

/**
 * Reads model.json and its shard, re-encodes them as `to` (except the weights `exceptUpstreamOf`
 * depends on, when given), writes out.json and out.bin.
 */
export function quantizeModelFile(modelPath, outPath, to, exceptUpstreamOf) {
  const model = JSON.parse(readFileSync(modelPath, 'utf8'));
  const bin = new Uint8Array(readFileSync(join(dirname(modelPath), model.weightsManifest[0].paths[0])));
  const shardName = basename(outPath).replace(/\.json$/, '.bin');
  const kept = exceptUpstreamOf ? findUpstreamWeights(model, exceptUpstreamOf) : new Set();
  const { json, bin: out } = encodeWeights(model, decodeWeights(model, bin), to, shardName, kept);
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, JSON.stringify(json));
  writeFileSync(join(dirname(outPath), shardName), out);
  return { bytes: out.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { to: { type: 'string' }, 'except-upstream-of': { type: 'string' } } });
  if (positionals.length !== 2 || !['float16', 'uint8'].includes(values.to ?? '')) {
    console.error('Usage: node scripts/quantize-weights.mjs <model.json> <out.json> --to float16|uint8 [--except-upstream-of <node>]');
    process.exit(2);
  }
  const { bytes } = quantizeModelFile(positionals[0], positionals[1], values.to, values['except-upstream-of']);
  console.log(`quantize-weights: ${positionals[1]} (${values.to}, shard ${bytes} bytes)`);
}
