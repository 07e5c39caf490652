import { describe, expect, it } from 'vitest';
import { decodeWeights, encodeWeights, findUpstreamWeights, type DecodedWeight, type TfjsModelJson } from '../../../scripts/quantize-weights.mjs';

const KERNEL = Float32Array.from([-1.5, -0.25, 0, 0.1, 0.333333, 2.75]);
const INDICES = Int32Array.from([1, 2]);

function float32Model(): { model: TfjsModelJson; bin: Uint8Array } {
  const model: TfjsModelJson = {
    format: 'graph-model',
    modelTopology: { node: [] },
    weightsManifest: [{ paths: ['m.bin'], weights: [
      { name: 'conv/kernel', shape: [2, 3], dtype: 'float32' },
      { name: 'pool/indices', shape: [2], dtype: 'int32' },
    ] }],
  };
  const bin = new Uint8Array(KERNEL.byteLength + INDICES.byteLength);
  bin.set(new Uint8Array(KERNEL.buffer), 0);
  bin.set(new Uint8Array(INDICES.buffer), KERNEL.byteLength);
  return { model, bin };
}

function requantize(to: 'float16' | 'uint8'): { json: TfjsModelJson; bin: Uint8Array; decoded: DecodedWeight[] } {
  const { model, bin } = float32Model();
  const out = encodeWeights(model, decodeWeights(model, bin), to, 'q.bin');
  return { ...out, decoded: decodeWeights(out.json, out.bin) };
}

describe('quantize-weights (tfjs weight quantisation, as tfjs-core decodes it)', () => {
  it('writes float16 as tfjs-converter does: 2 bytes a value, int32 kept, the shard renamed', () => {
    const { json, bin, decoded } = requantize('float16');
    expect(bin.length).toBe(6 * 2 + 2 * 4);
    expect(json.weightsManifest[0].paths).toEqual(['q.bin']);
    expect(json.weightsManifest[0].weights[0].quantization).toEqual({ dtype: 'float16', original_dtype: 'float32' });
    expect(json.weightsManifest[0].weights[1].quantization).toBeUndefined();
    expect(json.modelTopology).toEqual({ node: [] });
    expect(Array.from(decoded[1].values)).toEqual([1, 2]);
    // Values a float16 holds exactly come back exactly; 0.1 and 1/3 to float16's 11-bit precision.
    expect(Array.from(decoded[0].values).filter((_, i) => i !== 3 && i !== 4)).toEqual([-1.5, -0.25, 0, 2.75]);
    expect(decoded[0].values[3]).toBeCloseTo(0.1, 4);
    expect(decoded[0].values[4]).toBeCloseTo(0.333333, 3);
  });

  it('is idempotent on float16 weights: re-encoding them gives the same bytes', () => {
    const once = requantize('float16');
    const twice = encodeWeights(once.json, once.decoded, 'float16', 'q.bin');
    expect(twice.bin).toEqual(once.bin);
  });

  it('writes uint8 with min and scale, keeps 0.0 exact, and errs by at most half a step', () => {
    const { json, bin, decoded } = requantize('uint8');
    expect(bin.length).toBe(6 + 2 * 4);
    const { quantization } = json.weightsManifest[0].weights[0];
    expect(quantization?.dtype).toBe('uint8');
    const step = quantization!.scale!;
    expect(step).toBeCloseTo((2.75 + 1.5) / 255, 6);
    expect(decoded[0].values[2]).toBe(0);
    KERNEL.forEach((value, i) => expect(Math.abs(decoded[0].values[i] - value)).toBeLessThanOrEqual(step / 2 + 1e-6));
  });

  it('refuses a shard whose length the manifest does not describe', () => {
    const { model, bin } = float32Model();
    expect(() => decodeWeights(model, bin.slice(0, bin.length - 4))).toThrow(/describes 32 bytes but the shard has 28/);
  });

  it('keeps the weights an output depends on as stored, and re-encodes only the others', () => {
    const model: TfjsModelJson = {
      modelTopology: { node: [
        { name: 'input', op: 'Placeholder' },
        { name: 'trunk/kernel', op: 'Const' },
        { name: 'trunk', op: 'Conv2D', input: ['input', 'trunk/kernel'] },
        { name: 'embedding', op: 'Mean', input: ['trunk:0', '^trunk/kernel'] },
        { name: 'head/kernel', op: 'Const' },
        { name: 'head', op: 'MatMul', input: ['embedding', 'head/kernel'] },
      ] },
      weightsManifest: [{ paths: ['m.bin'], weights: [
        { name: 'trunk/kernel', shape: [2], dtype: 'float32', quantization: { dtype: 'float16', original_dtype: 'float32' } },
        { name: 'head/kernel', shape: [2], dtype: 'float32', quantization: { dtype: 'float16', original_dtype: 'float32' } },
      ] }],
    };
    const kept = findUpstreamWeights(model, 'embedding');
    expect(kept.has('trunk/kernel')).toBe(true);
    expect(kept.has('head/kernel')).toBe(false);
    const bin = new Uint8Array(new Uint16Array([0x3c00, 0xbc00, 0x3800, 0x4000]).buffer); // 1, -1, 0.5, 2 as float16
    const { json, bin: out } = encodeWeights(model, decodeWeights(model, bin), 'uint8', 'q.bin', kept);
    expect(json.weightsManifest[0].weights.map((w) => w.quantization?.dtype)).toEqual(['float16', 'uint8']);
    expect(out.slice(0, 4)).toEqual(bin.slice(0, 4));
    expect(out.length).toBe(4 + 2);
    expect(() => findUpstreamWeights(model, 'nowhere')).toThrow(/no node named nowhere/);
  });
});
