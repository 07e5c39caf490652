import { describe, expect, it } from 'vitest';
import { computeDetCurves, computeScoreHistograms } from '../../../src/metrics/distributions';
import { buildPairTable } from '../../../src/metrics/pair-table';
import { indexScores } from '../../../src/metrics/score-index';
import type { ComparisonPair } from '../../../src/metrics/types';

const pair = (score: number, isGenuine: boolean, group: string): ComparisonPair => ({ score, isGenuine, groupA: group, groupB: group });
const index = indexScores(
  buildPairTable([pair(0.06, false, 'A'), pair(0.0, false, 'A'), pair(1, true, 'A'), pair(0.5, true, 'A'), pair(1.2, true, 'A'), pair(0.3, false, 'B')]),
  'within',
);

describe('score histograms', () => {
  const histograms = computeScoreHistograms(index);
  it('uses 50 bins of 0.02 over 0..1 and bins edge values upward', () => {
    const impostorA = histograms.find((h) => h.group === 'A' && h.kind === 'impostor');
    expect(impostorA?.counts.length).toBe(50);
    expect(impostorA?.counts[0]).toBe(1);
    expect(impostorA?.counts[3]).toBe(1); // 0.06 is the lower edge of bin 3
  });
  it('puts 1.0 in the last bin and counts out-of-range scores apart', () => {
    const genuineA = histograms.find((h) => h.group === 'A' && h.kind === 'genuine');
    expect(genuineA?.counts[49]).toBe(1);
    expect(genuineA?.counts[25]).toBe(1);
    expect(genuineA?.above).toBe(1);
    expect(genuineA?.total).toBe(2);
  });
  it('gives an empty kind zero counts', () => {
    expect(histograms.find((h) => h.group === 'B' && h.kind === 'genuine')?.total).toBe(0);
  });
});

describe('DET curves', () => {
  it('leaves out groups missing a pair kind and flags zero-rate points', () => {
    const curves = computeDetCurves(index, { thresholds: [0.05, 0.5, 0.9] });
    expect(curves.map((c) => c.group)).toEqual(['A']);
    expect(curves[0].points).toEqual([
      { threshold: 0.05, fmr: 0.5, fnmr: 0, isLogPlottable: false },
      { threshold: 0.5, fmr: 0, fnmr: 0, isLogPlottable: false },
      { threshold: 0.9, fmr: 0, fnmr: 1 / 3, isLogPlottable: false },
    ]);
    expect(curves[0].zeroRatePoints).toBe(3);
  });
  it('defaults to the distinct scores, thinned to maxPoints', () => {
    expect(computeDetCurves(index)[0].points.length).toBe(5);
    expect(computeDetCurves(index, { maxPoints: 2 })[0].points.map((p) => p.threshold)).toEqual([0, 1.2]);
  });
});
