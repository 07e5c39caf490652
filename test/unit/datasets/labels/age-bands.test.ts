import { describe, expect, it } from 'vitest';
import { findAgeBand, findAgeBandForRange, parseAge, type AgeBand } from '../../../../src/datasets/labels/age-bands';

describe('age bands', () => {
  it.each([
    [17, null], [18, '18-29'], [29, '18-29'], [29.9, '18-29'], [30, '30-44'], [44, '30-44'], [45, '45-70'], [70, '45-70'], [71, null],
  ])('age %s -> %s with the default bands', (age, band) => {
    expect(findAgeBand(age)).toBe(band);
  });

  it('uses configured bands', () => {
    const bands: AgeBand[] = [{ label: 'young', minYears: 0, maxYears: 39 }, { label: 'old', minYears: 40, maxYears: 120 }];
    expect(findAgeBand(8, bands)).toBe('young');
    expect(findAgeBandForRange(70, 120, bands)).toBe('old');
  });

  it.each([
    [20, 29, '18-29'], [30, 39, '30-44'], [40, 49, null], [60, 69, '45-70'], [10, 19, null],
  ])('range %s-%s -> %s', (min, max, band) => {
    expect(findAgeBandForRange(min, max)).toBe(band);
  });

  it.each([
    ['34', { kind: 'years', years: 34 }],
    [' 34.5 ', { kind: 'years', years: 34.5 }],
    ['20-29', { kind: 'range', minYears: 20, maxYears: 29, raw: '20-29' }],
    ['more than 70', { kind: 'range', minYears: 70, maxYears: 120, raw: 'more than 70' }],
    ['70+', { kind: 'range', minYears: 70, maxYears: 120, raw: '70+' }],
    ['29-20', null], ['-3', null], ['old', null], ['130', null], ['', null],
  ])('parses %j', (raw, parsed) => {
    expect(parseAge(raw)).toEqual(parsed);
  });
});
