import { describe, expect, it } from 'vitest';
import { formatCount, formatGroupName, formatIndex, formatRate, formatRateInterval, formatRatio } from '../../../src/views/format';
import { selectVariedLabels } from '../../../src/views/grouping';

describe('format', () => {
  it.each([
    [null, 'not measurable'], [undefined, 'not measurable'], [NaN, 'not measurable'], [0, '0%'], [1, '100%'],
    [0.0123, '1.2%'], [0.2567, '25.7%'], [0.00027, '0.027%'],
  ])('formatRate(%s) = %s', (rate, text) => expect(formatRate(rate as number | null)).toBe(text));
  it.each([[null, 'not measurable'], [Infinity, 'not measurable'], [6.123, '6.1\u00d7'], [15.2, '15\u00d7'], [1234, '1,234\u00d7']])(
    'formatRatio(%s) = %s', (v, text) => expect(formatRatio(v as number | null)).toBe(text));
  it('intervals, counts, indices', () => {
    expect(formatRateInterval([0.008, 0.026])).toBe('0.8%\u20132.6%');
    expect(formatRateInterval(null)).toBe('');
    expect(formatCount(179700)).toBe('179,700');
    expect(formatIndex(null)).toBe('not measurable');
    expect(formatIndex(0.98765)).toBe('0.988');
  });
});

describe('selectVariedLabels', () => {
  it('offers no grouping whose label has one value in the set', () => {
    const samples = [{ labels: { race: 'Black', age_band: '18-29' } }, { labels: { race: 'White', age_band: '18-29' } }];
    expect(selectVariedLabels(['race', 'age_band'], samples)).toEqual(['race']);
  });
});

describe('formatGroupName', () => {
  it('writes underscores as spaces', () => expect(formatGroupName('East_Asian/female')).toBe('East Asian/female'));
});
