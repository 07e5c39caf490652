import { describe, expect, it } from 'vitest';
import { findTabForKey } from '../../../src/app/tabs';

describe('findTabForKey', () => {
  it.each([
    ['live', 'ArrowRight', 'groups'],
    ['privacy', 'ArrowRight', 'live'],
    ['live', 'ArrowLeft', 'privacy'],
    ['gap', 'Home', 'live'],
    ['gap', 'End', 'privacy'],
    ['gap', 'a', null],
    ['room', 'ArrowRight', 'import'],
    ['import', 'ArrowRight', 'privacy'],
  ] as const)('%s + %s -> %s', (from, key, expected) => {
    expect(findTabForKey(from, key)).toBe(expected);
  });
});
