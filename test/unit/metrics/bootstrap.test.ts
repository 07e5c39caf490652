import { describe, expect, it } from 'vitest';
import { bootstrapGroupRates, computeQuantile, MIN_BOOTSTRAP_UNITS } from '../../../src/metrics/bootstrap';
import { createMulberry32, createNormalSource, type RandomSource } from '../../../src/metrics/random';
import { computeBiasReport } from '../../../src/metrics/report';
import type { ComparisonPair } from '../../../src/metrics/types';

/** Synthetic pairs: per subject 3 genuine and 12 within-group impostor pairs, group-shifted scores. */
function makePairs(subjectsPerGroup: Record<string, number>, seed: number, withSubjects = true): ComparisonPair[] {
  const random: RandomSource = createMulberry32(seed);
  const normal = createNormalSource(random);
  const pairs: ComparisonPair[] = [];
  for (const [group, subjects] of Object.entries(subjectsPerGroup)) {
    const shift = group === 'B' ? 0.05 : 0;
    for (let s = 0; s < subjects; s++) {
      const subject = `${group}-${s}`;
      const quality = normal() * 0.05; // subject effect: pairs of one subject are correlated
      const ids = (other: string) => (withSubjects ? { subjectA: subject, subjectB: other } : {});
      for (let k = 0; k < 3; k++) pairs.push({ score: 0.62 + quality + normal() * 0.08, isGenuine: true, groupA: group, groupB: group, ...ids(subject) });
      for (let k = 0; k < 12; k++) {
        const other = `${group}-${(s + 1 + k) % subjects}`;
        pairs.push({ score: 0.35 + shift + quality + normal() * 0.07, isGenuine: false, groupA: group, groupB: group, ...ids(other) });
      }
    }
  }
  return pairs;
}

const thresholds = [0.45, 0.5];

describe('subject-level bootstrap', () => {
  const pairs = makePairs({ A: 60, B: 60, C: 6 }, 1);
  const result = bootstrapGroupRates(pairs, { thresholds, random: createMulberry32(42), replicates: 400 });

  it('gives the same intervals for the same seed, and other ones for another seed', () => {
    const again = bootstrapGroupRates(pairs, { thresholds, random: createMulberry32(42), replicates: 400 });
    expect(again).toEqual(result);
    const other = bootstrapGroupRates(pairs, { thresholds, random: createMulberry32(43), replicates: 400 });
    expect(other.groups[0].byThreshold[0].fmr.low).not.toBe(result.groups[0].byThreshold[0].fmr.low);
  });

  it('has point estimates equal to the spec rates, inside their intervals', () => {
    const report = computeBiasReport(pairs, { thresholds, fmrTargets: [] });
    for (const group of result.groups) {
      group.byThreshold.forEach(({ fmr, fnmr }, t) => {
        expect(fmr.estimate).toBeCloseTo(report.thresholds[t].by_group[group.group].fmr as number, 12);
        expect(fnmr.estimate).toBeCloseTo(report.thresholds[t].by_group[group.group].fnmr as number, 12);
        for (const rate of [fmr, fnmr]) {
          expect(rate.low as number).toBeLessThanOrEqual(rate.estimate as number);
          expect(rate.high as number).toBeGreaterThanOrEqual(rate.estimate as number);
        }
      });
    }
  });

  it('flags groups with fewer than the minimum subjects', () => {
    const byName = Object.fromEntries(result.groups.map((g) => [g.group, g]));
    expect(MIN_BOOTSTRAP_UNITS).toBe(10);
    expect(byName.C.tooSmall).toBe(true);
    expect(byName.C.byThreshold[0].fnmr.units).toBe(6);
    expect(byName.A.tooSmall).toBe(false);
    expect(byName.A.resamplingUnit).toBe('subject');
    expect(result.pairsWithoutSubject).toBe(0);
  });

  it('narrows as groups grow', () => {
    const width = (subjects: number) => {
      const r = bootstrapGroupRates(makePairs({ A: subjects, B: subjects }, 7), { thresholds, random: createMulberry32(5), replicates: 400 });
      const fmr = r.groups[0].byThreshold[0].fmr;
      return (fmr.high as number) - (fmr.low as number);
    };
    expect(width(200)).toBeLessThan(width(20));
  });

  it('resamples ratio intervals and counts defined replicates', () => {
    const ratio = result.ratios[0].fmrMaxMinRatio;
    expect(ratio.definedReplicates).toBeGreaterThan(0);
    expect(ratio.low as number).toBeLessThanOrEqual(ratio.high as number);
  });

  it('falls back to pairs as units without subject ids, and says so', () => {
    const anonymous = bootstrapGroupRates(makePairs({ A: 12, B: 12 }, 3, false), { thresholds, random: createMulberry32(1), replicates: 50 });
    expect(anonymous.groups.map((g) => g.resamplingUnit)).toEqual(['pair', 'pair']);
    expect(anonymous.pairsWithoutSubject).toBe(2 * 12 * 15);
    expect(anonymous.samplesAsSubjects).toBe(0);
  });
});

describe('ratio of two named groups', () => {
  const pairs = makePairs({ A: 40, B: 40 }, 11);
  const t = 0.45;
  const run = (groupRatios: { numerator: string; denominator: string }[], replicates = 401) =>
    bootstrapGroupRates(pairs, { thresholds: [t], random: createMulberry32(9), replicates, groupRatios });
  const result = run([{ numerator: 'B', denominator: 'A' }, { numerator: 'A', denominator: 'B' }]);
  const [ba, ab] = result.groupRatios;

  it('has the ratio of the spec rates as its estimate, inside its interval', () => {
    const byGroup = computeBiasReport(pairs, { thresholds: [t], fmrTargets: [] }).thresholds[0].by_group;
    expect(ba).toMatchObject({ numerator: 'B', denominator: 'A', threshold: t });
    expect(ba.fmr.estimate).toBeCloseTo((byGroup.B.fmr as number) / (byGroup.A.fmr as number), 12);
    expect(ba.fnmr.estimate).toBeCloseTo((byGroup.B.fnmr as number) / (byGroup.A.fnmr as number), 12);
    expect(ba.fmr.low as number).toBeLessThanOrEqual(ba.fmr.estimate as number);
    expect(ba.fmr.high as number).toBeGreaterThanOrEqual(ba.fmr.estimate as number);
    expect(ba.fmr.definedReplicates).toBe(401);
  });

  it('comes from the same replicates as the group rates: swapping the groups inverts the interval', () => {
    // 401 replicates put the 2.5% and 97.5% quantiles on whole ranks, so no interpolation blurs it.
    expect(ab.fmr.low as number).toBeCloseTo(1 / (ba.fmr.high as number), 12);
    expect(ab.fmr.high as number).toBeCloseTo(1 / (ba.fmr.low as number), 12);
  });

  it('draws no extra random numbers: rate intervals are those of a run without ratios', () => {
    expect(run([]).groups).toEqual(result.groups);
    expect(run([]).groupRatios).toEqual([]);
  });

  it('is null for a group without pairs and Infinity where only the denominator has no errors', () => {
    const [unknown] = run([{ numerator: 'B', denominator: 'Z' }], 50).groupRatios;
    expect(unknown.fmr).toEqual({ estimate: null, low: null, high: null, definedReplicates: 0 });
    const skewed: ComparisonPair[] = [];
    for (let s = 0; s < 20; s++) {
      const side = (group: string, score: number) =>
        skewed.push({ score, isGenuine: false, groupA: group, groupB: group, subjectA: `${group}${s}`, subjectB: `${group}${(s + 1) % 20}` });
      side('H', s % 2 === 0 ? 0.9 : 0.1);
      side('L', 0.1);
    }
    const [hl] = bootstrapGroupRates(skewed, { thresholds: [0.5], random: createMulberry32(3), replicates: 100, groupRatios: [{ numerator: 'H', denominator: 'L' }] }).groupRatios;
    expect(hl.fmr.estimate).toBe(Infinity);
    expect(hl.fmr.low).toBe(Infinity);
    expect(hl.fnmr.estimate).toBeNull();
  });
});

describe('computeQuantile', () => {
  it('interpolates linearly and copes with Infinity', () => {
    expect(computeQuantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(computeQuantile([1, Infinity, Infinity], 0.9)).toBe(Infinity);
    expect(computeQuantile([], 0.5)).toBeNull();
  });
});
