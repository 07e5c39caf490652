import { describe, expect, it } from 'vitest';
import {
  bytesLEToFloat32, decodeBase64, decodeFloat32Base64, encodeBase64, encodeFloat32Base64, float32ToBytesLE,
} from '../../../src/datasets/base64';

describe('base64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes %j as RFC 4648 test vector %j and back', (plain, encoded) => {
    const bytes = new TextEncoder().encode(plain);
    expect(encodeBase64(bytes)).toBe(encoded);
    expect(decodeBase64(encoded)).toEqual(bytes);
  });

  it('agrees with btoa on all byte values', () => {
    const bytes = Uint8Array.from({ length: 256 * 3 + 1 }, (_, i) => (i * 37) & 255);
    expect(encodeBase64(bytes)).toBe(btoa(String.fromCharCode(...bytes)));
  });

  it.each(['Zg=', 'Zg=a', 'Z===', '=Zg=', 'Zm9v\n', 'Zm9v Zm9v', 'Zm9*'])('refuses malformed %j', (text) => {
    expect(decodeBase64(text)).toBeNull();
  });
});

describe('float32 little-endian', () => {
  it('writes little-endian bytes whatever the platform', () => {
    expect([...float32ToBytesLE([1])]).toEqual([0x00, 0x00, 0x80, 0x3f]);
  });

  it('round-trips bit-exactly, including -0, subnormals and extremes', () => {
    const values = new Float32Array([0, -0, 1, -1, Math.PI, 1e-45, -1.17549435e-38, 3.4028234e38, -3.4028234e38, 0.1]);
    const back = decodeFloat32Base64(encodeFloat32Base64(values))!;
    expect(new Uint8Array(back.buffer)).toEqual(new Uint8Array(values.buffer));
    expect(Object.is(back[1], -0)).toBe(true);
  });

  it('round-trips a 1024-float embedding bit-exactly', () => {
    let seed = 42;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * 2 - 1;
    const values = Float32Array.from({ length: 1024 }, next);
    const back = decodeFloat32Base64(encodeFloat32Base64(values))!;
    expect(new Uint32Array(back.buffer)).toEqual(new Uint32Array(values.buffer));
  });

  it('refuses byte counts that are not a multiple of 4', () => {
    expect(bytesLEToFloat32(new Uint8Array(5))).toBeNull();
    expect(decodeFloat32Base64('Zm9v')).toBeNull();
  });
});
