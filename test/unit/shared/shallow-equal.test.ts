import { describe, expect, it } from 'vitest';
import { hasShallowChange, isShallowEqual } from '../../../src/shared/shallow-equal';

describe('isShallowEqual', () => {
  const entry = { id: 'utkface-3000' };
  it.each([
    ['the same object', entry, entry, true],
    ['records with the same values', { faceres: 12.5, dlib: 40 }, { faceres: 12.5, dlib: 40 }, true],
    ['records, a value differs', { faceres: 12.5 }, { faceres: 12.6 }, false],
    ['records, a key more', { faceres: 1 }, { faceres: 1, dlib: 2 }, false],
    ['records, other keys', { faceres: 1, dlib: undefined }, { faceres: 1, mobileface: undefined }, false],
    ['arrays of the same entries', [entry, 2], [entry, 2], true],
    ['arrays of equal but other objects', [{ id: 'a' }], [{ id: 'a' }], false],
    ['arrays of other lengths', [1], [1, 2], false],
    ['an array and a record', [1], { 0: 1 }, false],
    ['NaN and NaN', { score: Number.NaN }, { score: Number.NaN }, true],
    ['null and a record', null, {}, false],
    ['null and null', null, null, true],
    ['a best match, the same name and score', { name: 'Ada', score: 0.71 }, { name: 'Ada', score: 0.71 }, true],
  ])('%s', (_, a, b, expected) => {
    expect(isShallowEqual(a, b)).toBe(expected);
    expect(isShallowEqual(b, a)).toBe(expected);
    expect(hasShallowChange(a, b)).toBe(!expected);
  });
});
