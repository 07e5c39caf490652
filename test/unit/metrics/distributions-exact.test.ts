/**
 * The histograms and DET thresholds, now found by binary search and by merging sorted arrays (so a
 * new grouping of 4.5M pairs is drawn without a long task), against the score-by-score and
 * sort-everything definitions they replaced: equal results, ties, -0, edges, out-of-range and NaN.
 */
import { describe, expect, it } from 'vitest';
import { computeDetCurves, computeScoreHistograms } from '../../../src/metrics/distributions';
import { createMulberry32 } from '../../../src/metrics/random';
import type { ScoreIndex, SortedScores } from '../../../src/metrics/score-index';

/** The definition: every score binned on its own (edges snapped to 9 decimals). */
function binEachScore(sorted: Float64Array, min: number, max: number, binWidth: number, bins: number) {
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (const score of sorted) {
    if (score < min) below++;
    else if (score > max) above++;
    else counts[Math.min(bins - 1, Math.floor(Number(((score - min) / binWidth).toFixed(9))))]++;
  }
  return { counts, below, above };
}

/** The definition: both kinds sorted together, distinct values thinned evenly. */
function pickBySorting(scores: SortedScores, maxPoints: number): number[] {
  const all = new Float64Array(scores.genuine.length + scores.impostor.length);
  all.set(scores.genuine);
  all.set(scores.impostor, scores.genuine.length);
  all.sort();
  const distinct: number[] = [];
  for (let k = 0; k < all.length; k++) if (k === 0 || all[k] !== all[k - 1]) distinct.push(all[k]);
  if (distinct.length <= maxPoints) return distinct;
  const step = (distinct.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, p) => distinct[Math.round(p * step)]);
}

/** Seeded scores: on a 0.001 grid (many ties and exact bin edges), with -0, +0, 1 and out-of-range values. */
function makeScores(count: number, seed: number): Float64Array {
  const random = createMulberry32(seed);
  const specials = [-0, 0, 1, -0.25, 1.5, 0.06, 0.02, 0.98];
  return Float64Array.from({ length: count }, () => (random() < 0.05 ? specials[Math.floor(random() * specials.length)] : Math.round(random() * 1000) / 1000 + (random() < 0.3 ? random() * 1e-4 : 0))).sort();
}

function makeIndex(seed: number, sizes: readonly [number, number][]): ScoreIndex {
  const byGroup = new Map<string, SortedScores>(sizes.map(([g, i], k) => [`g${k}`, { genuine: makeScores(g, seed + 2 * k), impostor: makeScores(i, seed + 2 * k + 1) }]));
  const all = (kind: keyof SortedScores) => Float64Array.from([...byGroup.values()].flatMap((s) => [...s[kind]])).sort();
  return { groups: [...byGroup.keys()], byGroup, overall: { genuine: all('genuine'), impostor: all('impostor') }, impostorGrouping: 'within' };
}

const sameBits = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, k) => Object.is(x, b[k]));

describe('histograms and DET thresholds without visiting every score twice', () => {
  const cases: [string, ScoreIndex][] = [
    ['small', makeIndex(1, [[5, 7], [0, 3], [1, 0]])],
    ['ties and edges', makeIndex(2, [[2000, 30000], [300, 5000]])],
    ['empty', makeIndex(3, [[0, 0]])],
  ];
  it.each(cases)('bins as score by score (%s), for several bin layouts', (_, index) => {
    for (const options of [{}, { binWidth: 0.02 }, { binWidth: 0.05, min: 0.1, max: 0.9 }, { binWidth: 0.3 }]) {
      for (const h of computeScoreHistograms(index, options)) {
        const sorted = (index.byGroup.get(h.group) as SortedScores)[h.kind];
        const expected = binEachScore(sorted, h.min, h.max, h.binWidth, h.counts.length);
        expect({ counts: h.counts, below: h.below, above: h.above }).toEqual(expected);
        expect(h.total).toBe(sorted.length - expected.below - expected.above);
      }
    }
  });

  it('bins an array holding NaN as before', () => {
    const index = makeIndex(4, [[50, 50]]);
    const impostor = Float64Array.from([...index.byGroup.get('g0')!.impostor, NaN, NaN]);
    const withNaN: ScoreIndex = { ...index, byGroup: new Map([['g0', { genuine: index.byGroup.get('g0')!.genuine, impostor }]]) };
    const h = computeScoreHistograms(withNaN).find((x) => x.kind === 'impostor')!;
    expect(h.counts).toEqual(binEachScore(impostor, 0, 1, 0.02, 50).counts);
  });

  it.each(cases)('picks the DET thresholds the sort did, bit for bit (%s)', (_, index) => {
    for (const maxPoints of [2, 7, 400, 100000]) {
      const curves = computeDetCurves(index, { maxPoints });
      for (const curve of curves) {
        const expected = pickBySorting(index.byGroup.get(curve.group)!, maxPoints);
        expect(sameBits(curve.points.map((p) => p.threshold), expected), `${curve.group} at ${maxPoints} points`).toBe(true);
      }
    }
  });

  it('keeps -0 where the sort put it first', () => {
    const index: ScoreIndex = {
      groups: ['a'], byGroup: new Map([['a', { genuine: Float64Array.of(0, 0.5), impostor: Float64Array.of(-0, 0.2) }]]),
      overall: { genuine: new Float64Array(0), impostor: new Float64Array(0) }, impostorGrouping: 'within',
    };
    const thresholds = computeDetCurves(index)[0].points.map((p) => p.threshold);
    expect(sameBits(thresholds, pickBySorting(index.byGroup.get('a')!, 400))).toBe(true);
    expect(Object.is(thresholds[0], -0)).toBe(true);
  });
});
