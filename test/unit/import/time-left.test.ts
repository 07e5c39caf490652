import { describe, expect, it } from 'vitest';
import { estimateRemainingMs, formatRemaining, TIME_LEFT_WINDOW_ITEMS } from '../../../src/import/time-left';

describe('estimateRemainingMs', () => {
  it.each([
    { name: 'nothing processed yet in this run', durations: [], remaining: 10, expected: null },
    { name: 'nothing remains', durations: [], remaining: 0, expected: 0 },
    { name: 'one photo: its duration, warm-up included', durations: [900], remaining: 4, expected: 3600 },
    { name: 'the first (warm-up) photo is left out once there are others', durations: [5000, 100, 300], remaining: 10, expected: 2000 },
  ])('$name', ({ durations, remaining, expected }) => {
    expect(estimateRemainingMs(durations, remaining)).toBe(expected);
  });

  it(`follows the last ${TIME_LEFT_WINDOW_ITEMS} photos when the pace changes`, () => {
    const durations = [1000, ...Array(50).fill(1000), ...Array(TIME_LEFT_WINDOW_ITEMS).fill(200)];
    expect(estimateRemainingMs(durations, 5)).toBe(1000);
  });
});

describe('formatRemaining', () => {
  it.each([
    [null, ''],
    [1000, 'less than 5 s left'],
    [42_000, 'about 40 s left'],
    [200_000, 'about 3 min left'],
    [3 * 3600_000, 'about 3.0 h left'],
  ])('%j ms reads %j', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});
