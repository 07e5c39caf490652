import { describe, expect, it } from 'vitest';
import { nextUp } from '../../../src/metrics/float';
import { computeWilsonInterval } from '../../../src/metrics/rates';
import { computeBiasReport } from '../../../src/metrics/report';
import { computeGini, computeMaxGeomeanRatio, computeMaxMinRatio, computeRateRatio } from '../../../src/metrics/summaries';
import { computeEqualErrorRate, findThresholdAtFmr } from '../../../src/metrics/thresholds';
import type { ComparisonPair } from '../../../src/metrics/types';

const genuine = (score: number, group: string): ComparisonPair => ({ score, isGenuine: true, groupA: group, groupB: group });
const impostor = (score: number, groupA: string, groupB = groupA): ComparisonPair => ({ score, isGenuine: false, groupA, groupB });
const sorted = (...values: number[]) => Float64Array.from(values).sort();

describe('nextUp', () => {
  it.each([0.5, 0.628, 1, 1e-300, -0.25, 123456.789])('gives the adjacent float64 above %s', (x) => {
    const up = nextUp(x);
    expect(up).toBeGreaterThan(x);
    expect((x + up) / 2 === x || (x + up) / 2 === up).toBe(true);
  });
  it('handles zero and the top', () => {
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-0)).toBe(Number.MIN_VALUE);
    expect(nextUp(Number.MAX_VALUE)).toBe(Infinity);
    expect(nextUp(-Number.MIN_VALUE)).toBe(-0);
  });
  it('matches the worked-case value after 0.628', () => {
    expect(nextUp(0.628)).toBe(0.6280000000000001);
  });
});

describe('ties at the threshold: score >= t is a match', () => {
  const pairs = [genuine(0.5, 'A'), genuine(0.7, 'A'), impostor(0.5, 'A'), impostor(0.2, 'A')];
  const report = computeBiasReport(pairs, { thresholds: [0.5], fmrTargets: [] });
  it('counts an impostor at t as a false match and a genuine at t as no error', () => {
    expect(report.thresholds[0].by_group.A.fmr).toBe(0.5);
    expect(report.thresholds[0].by_group.A.fnmr).toBe(0);
  });
});

describe('empty group, single group, zero and infinite ratios', () => {
  // Within grouping: C is seen only in a cross-group impostor pair, so it has no pairs of its own.
  const pairs = [
    genuine(0.9, 'A'), genuine(0.4, 'A'), impostor(0.6, 'A'), impostor(0.1, 'A'),
    genuine(0.8, 'B'), genuine(0.7, 'B'), impostor(0.2, 'B'), impostor(0.3, 'B'),
    impostor(0.95, 'A', 'C'),
  ];
  const report = computeBiasReport(pairs, { thresholds: [0.5, 0.05], fmrTargets: [0.2] });
  const atHalf = report.thresholds[0];

  it('lists every group seen on either side, sorted', () => {
    expect(report.groups).toEqual(['A', 'B', 'C']);
  });
  it('gives an empty group null rates and intervals, and no EER', () => {
    expect(atHalf.by_group.C).toEqual({
      genuine_pairs: 0, impostor_pairs: 0, fmr: null, fnmr: null, fmr_ci95: null, fnmr_ci95: null,
    });
    expect(report.eer.by_group.C).toBeNull();
  });
  it('writes an infinite ratio as "Infinity" when only the min is 0', () => {
    // fmr A = 1/2, B = 0; fnmr A = 1/2, B = 0.
    expect(atHalf.summary.fmr_max_min_ratio).toBe('Infinity');
    expect(atHalf.summary.fnmr_max_geomean_ratio).toBe('Infinity');
    expect(atHalf.summary.inequity_rate).toBe('Infinity');
    expect(atHalf.summary.fdr).toBeCloseTo(0.5, 12);
    expect(atHalf.summary.garbe).toBeCloseTo(1, 12);
  });
  it('gives null ratios when no group has errors, and a zero Gini', () => {
    const low = report.thresholds[1]; // t = 0.05: every impostor matches, no genuine is missed.
    expect(low.summary.fnmr_max_min_ratio).toBeNull();
    expect(low.summary.fnmr_max_geomean_ratio).toBeNull();
    expect(low.summary.inequity_rate).toBeNull();
    expect(low.summary.fmr_max_min_ratio).toBe(1);
    expect(low.summary.garbe).toBe(0);
    expect(low.summary.fdr).toBe(1);
  });
  it('counts the cross-group impostor overall only', () => {
    expect(atHalf.overall.fmr).toBeCloseTo(2 / 5, 15);
    expect(atHalf.by_group.A.impostor_pairs).toBe(2);
  });
  it('returns null summaries over a single group', () => {
    const single = computeBiasReport(pairs.filter((p) => p.groupA === 'A' && p.groupB === 'A'), { thresholds: [0.5], fmrTargets: [] });
    expect(Object.values(single.thresholds[0].summary)).toEqual([null, null, null, null, null, null, null]);
  });
  it('counts the cross-group impostor for its probe group in probe mode', () => {
    const probe = computeBiasReport(pairs, { thresholds: [0.5], fmrTargets: [], impostorGrouping: 'probe' });
    expect(probe.thresholds[0].by_group.A.impostor_pairs).toBe(3);
    expect(probe.thresholds[0].by_group.C.impostor_pairs).toBe(0);
  });
});

describe('ratio of two rates (zero rules of the max/min ratio)', () => {
  it.each([
    [0.02, 0.005, 4],
    [0, 0.01, 0],
    [0.01, 0, Infinity],
    [0, 0, null],
    [null, 0.01, null],
    [0.01, null, null],
  ] as const)('%s / %s -> %s', (numerator, denominator, expected) => {
    expect(computeRateRatio(numerator, denominator)).toBe(expected);
  });
  it('gives the max/min and max/geomean summaries their zero rules', () => {
    expect(computeMaxGeomeanRatio([0, 0.1])).toBe(Infinity);
    expect(computeMaxGeomeanRatio([0, 0])).toBeNull();
    expect(computeMaxGeomeanRatio([0.1, 0.4])).toBeCloseTo(0.4 / 0.2, 12);
  });
});

describe('hand-computed small summaries', () => {
  it('max/min, max/geomean and Gini of 0.1, 0.2, 0.4', () => {
    expect(computeMaxMinRatio([0.1, null, 0.2, 0.4])).toBeCloseTo(4, 12);
    expect(computeMaxGeomeanRatio([0.1, 0.2, 0.4])).toBeCloseTo(0.4 / 0.2, 12);
    // sum |xi - xj| = 2 * (0.1 + 0.3 + 0.2) = 1.2; 2 n^2 mean = 2 * 9 * 0.7/3 = 4.2; n/(n-1) = 1.5.
    expect(computeGini([0.1, 0.2, 0.4])).toBeCloseTo((1.5 * 1.2) / 4.2, 12);
  });
});

describe('thresholds', () => {
  it('finds the smallest candidate at or under the target FMR, skipping inside a tie', () => {
    const scores = sorted(0.1, 0.2, 0.3, 0.3, 0.3, 0.9);
    expect(findThresholdAtFmr(scores, 1)).toBe(0.1);
    expect(findThresholdAtFmr(scores, 4 / 6)).toBe(0.3);
    expect(findThresholdAtFmr(scores, 0.5)).toBe(0.9); // 0.3 leaves fmr 4/6
    expect(findThresholdAtFmr(scores, 1 / 6)).toBe(0.9);
    expect(findThresholdAtFmr(scores, 0.1)).toBe(nextUp(0.9));
    expect(findThresholdAtFmr(new Float64Array(0), 0.1)).toBeNull();
  });
  it('takes the smallest candidate on an EER tie, and null without both kinds', () => {
    // Candidates 0.2 (fmr 1, fnmr 0), 0.3 (.5, 0), 0.4 (.5, 1), nextUp(0.4) (0, 1): 0.3 and 0.4 tie.
    const eer = computeEqualErrorRate({ genuine: sorted(0.3), impostor: sorted(0.2, 0.4) });
    expect(eer).toEqual({ threshold: 0.3, eer: 0.25 });
    expect(computeEqualErrorRate({ genuine: sorted(0.4), impostor: sorted() })).toBeNull();
  });
  it('separates perfectly at the smallest genuine score', () => {
    expect(computeEqualErrorRate({ genuine: sorted(0.7, 0.9), impostor: sorted(0.1, 0.3) })).toEqual({ threshold: 0.7, eer: 0 });
  });
});

describe('Wilson interval', () => {
  it('is null without trials and clamped to [0, 1]', () => {
    expect(computeWilsonInterval(0, 0)).toBeNull();
    const [low, high] = computeWilsonInterval(0, 10) as [number, number];
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeCloseTo(0.2775327998628899, 12);
    expect((computeWilsonInterval(10, 10) as [number, number])[1]).toBeLessThanOrEqual(1);
  });
});

describe('empty input', () => {
  it('has no groups and null overall figures', () => {
    const report = computeBiasReport([], { thresholds: [0.5], fmrTargets: [0.01] });
    expect(report.groups).toEqual([]);
    expect(report.thresholds[0].overall).toEqual({ fmr: null, fnmr: null });
    expect(report.threshold_at_fmr).toEqual([{ target: 0.01, threshold: null }]);
    expect(report.eer.overall).toBeNull();
  });
});
