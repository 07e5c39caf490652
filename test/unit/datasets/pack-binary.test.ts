import { describe, expect, it } from 'vitest';
import {
  decodeBinaryPack, decodePackBytes, encodeBinaryPack, encodePack, isBinaryPack, PackError,
  type PackRejection, type PackVectorDtype,
} from '../../../src/datasets/pack';
import { EXPECTED, makePack } from './tiny-pack';

const HEADER_LENGTH_OFFSET = 8;
const PREAMBLE_BYTES = 12;

function rejectionOf(run: () => unknown): PackRejection {
  try {
    run();
  } catch (error) {
    if (error instanceof PackError) return error.rejection;
    throw error;
  }
  throw new Error('expected a PackError');
}

/** Rewrites the JSON header of a v2 file (the block is kept byte for byte). */
function withHeader(bytes: Uint8Array, edit: (header: Record<string, any>) => void): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const length = view.getUint32(HEADER_LENGTH_OFFSET, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + length)));
  const block = bytes.subarray(Math.ceil((PREAMBLE_BYTES + length) / 8) * 8);
  edit(header);
  const text = new TextEncoder().encode(JSON.stringify(header));
  const offset = Math.ceil((PREAMBLE_BYTES + text.length) / 8) * 8;
  const out = new Uint8Array(offset + block.length);
  out.set(bytes.subarray(0, 8));
  new DataView(out.buffer).setUint32(HEADER_LENGTH_OFFSET, text.length, true);
  out.set(text, PREAMBLE_BYTES);
  out.set(block, offset);
  return out;
}

describe('pack format v2', () => {
  it('round-trips every field, float32 block bit for bit', () => {
    const pack = makePack();
    const decoded = decodeBinaryPack(encodeBinaryPack(pack, 'float32'), EXPECTED);
    expect(decoded).toEqual(pack);
    expect(Object.is(decoded.samples[0].embedding[3], -0)).toBe(true);
  });

  it.each<[PackVectorDtype, number]>([['float16', 1e-3], ['int8', 0.02]])('round-trips %s within its precision', (dtype, relative) => {
    const pack = makePack();
    const decoded = decodeBinaryPack(encodeBinaryPack(pack, dtype), EXPECTED);
    expect({ ...decoded, samples: [] }).toEqual({ ...pack, samples: [] });
    decoded.samples.forEach((sample, i) => {
      const { embedding, ...rest } = pack.samples[i];
      expect(sample).toMatchObject(rest);
      const max = Math.max(...embedding.map(Math.abs));
      embedding.forEach((value, j) => expect(Math.abs(sample.embedding[j] - value)).toBeLessThanOrEqual(max * relative));
    });
  });

  it('is told apart from v1 JSON, and decodePackBytes reads both', () => {
    const v2 = encodeBinaryPack(makePack(), 'float32');
    const v1 = new TextEncoder().encode(encodePack(makePack()));
    expect(isBinaryPack(v2)).toBe(true);
    expect(isBinaryPack(v1)).toBe(false);
    expect(decodePackBytes(v2, EXPECTED)).toEqual(decodePackBytes(v1, EXPECTED));
  });

  it('refuses a file cut off inside the block, naming the pack and the byte counts', () => {
    const bytes = encodeBinaryPack(makePack());
    const rejection = rejectionOf(() => decodeBinaryPack(bytes.subarray(0, bytes.length - 3), EXPECTED));
    expect(rejection.code).toBe('bad-block');
    expect(rejection.message).toContain('"Tiny"');
    expect(rejection.message).toContain('cut off');
  });

  it('refuses a file cut off inside the header as truncated', () => {
    expect(rejectionOf(() => decodeBinaryPack(encodeBinaryPack(makePack()).subarray(0, 40), EXPECTED)).code).toBe('truncated');
    expect(rejectionOf(() => decodeBinaryPack(encodeBinaryPack(makePack()).subarray(0, 6), EXPECTED)).code).toBe('truncated');
  });

  it('refuses a header promising more vectors than the block holds', () => {
    const bytes = withHeader(encodeBinaryPack(makePack()), (header) => {
      header.samples.push({ ...header.samples[1], id: 's3' });
      header.vectors.count = 3;
      header.vectors.byteLength = 3 * 4 * 2;
    });
    const rejection = rejectionOf(() => decodeBinaryPack(bytes, EXPECTED));
    expect(rejection).toMatchObject({ code: 'bad-block', packName: 'Tiny' });
    expect(rejection.message).toMatch(/promises 3 vectors .* holds 16 bytes/);
  });

  it.each([
    ['an unknown dtype', (h: Record<string, any>) => { h.vectors.dtype = 'bfloat16'; }, /"bfloat16"/],
    ['a block of another dtype', (h: Record<string, any>) => { h.vectors.dtype = 'float32'; }, /takes 16 bytes, but 2 vectors of 4 take 32/],
    ['a count other than the samples', (h: Record<string, any>) => { h.vectors.count = 1; }, /2 samples but 1 vectors/],
    ['a dim other than the model', (h: Record<string, any>) => { h.vectors.dim = 8; }, /8 values but its model gives 4/],
  ])('refuses %s, naming the pack', (_name, edit, pattern) => {
    const rejection = rejectionOf(() => decodeBinaryPack(withHeader(encodeBinaryPack(makePack()), edit), EXPECTED));
    expect(rejection.code).toBe('bad-block');
    expect(rejection.message).toContain('"Tiny"');
    expect(rejection.message).toMatch(pattern);
  });

  it('reports another model before a damaged block', () => {
    const bytes = encodeBinaryPack(makePack());
    const rejection = rejectionOf(() => decodeBinaryPack(bytes.subarray(0, bytes.length - 3), { ...EXPECTED, modelSha256: 'cd'.repeat(32) }));
    expect(rejection.code).toBe('other-model');
  });

  it('refuses other versions and files that are not packs', () => {
    const bytes = encodeBinaryPack(makePack());
    new DataView(bytes.buffer).setUint32(4, 3, true);
    expect(rejectionOf(() => decodeBinaryPack(bytes, EXPECTED))).toMatchObject({ code: 'other-version', isNewer: true });
    expect(rejectionOf(() => decodeBinaryPack(new Uint8Array([1, 2, 3]), EXPECTED)).code).toBe('wrong-format');
    expect(rejectionOf(() => decodeBinaryPack(new Uint8Array(), EXPECTED)).code).toBe('not-json');
  });
});
