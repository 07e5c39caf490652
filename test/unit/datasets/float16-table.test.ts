/** The float16 lookup table the pack reader uses, against @petamoriken/float16 for every code. */
import { getFloat16 } from '@petamoriken/float16';
import { describe, expect, it } from 'vitest';
import { getFloat16Table } from '../../../src/datasets/float16-table';

describe('float16 table', () => {
  it('gives getFloat16 of every one of the 65,536 codes, to the bit (NaN as NaN)', () => {
    const table = getFloat16Table();
    const view = new DataView(new ArrayBuffer(2));
    const wrong: string[] = [];
    for (let code = 0; code < 65536; code++) {
      view.setUint16(0, code, true);
      const expected = getFloat16(view, 0, true);
      const isSame = Number.isNaN(expected) ? Number.isNaN(table[code]) : Object.is(table[code], expected);
      if (!isSame && wrong.length < 5) wrong.push(`0x${code.toString(16)}: ${table[code]} vs ${expected}`);
    }
    expect(wrong).toEqual([]);
  });
  it('keeps the edges: -0, the smallest subnormal, the largest finite, infinities', () => {
    const table = getFloat16Table();
    expect(Object.is(table[0x8000], -0)).toBe(true);
    expect(table[0x0001]).toBe(2 ** -24);
    expect(table[0x7bff]).toBe(65504);
    expect([table[0x7c00], table[0xfc00]]).toEqual([Infinity, -Infinity]);
  });
});
