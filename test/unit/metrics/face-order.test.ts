import { describe, expect, it } from 'vitest';
import { bootstrapGroupRates } from '../../../src/metrics/bootstrap';
import { computeDetCurves, computeScoreHistograms } from '../../../src/metrics/distributions';
import { buildPairTableFromSamples, type SampleLabels } from '../../../src/metrics/pair-table';
import { createMulberry32 } from '../../../src/metrics/random';
import { computeBiasReport } from '../../../src/metrics/report';
import { indexScores } from '../../../src/metrics/score-index';
import type { ImpostorGrouping } from '../../../src/metrics/types';

const GROUPS = ['Black', 'White', 'Asian'];

/** A face set: sorted by group (as lfw-94 is), 2 photos per person, a score per unordered pair. */
function makeFaceSet(people: number, seed: number) {
  const random = createMulberry32(seed);
  const faces: SampleLabels[] = [];
  for (let p = 0; p < people; p++) {
    const group = GROUPS[Math.floor((p * GROUPS.length) / people)];
    faces.push({ group, subject: `p${p}` }, { group, subject: `p${p}` });
  }
  const score = new Map<string, number>();
  for (let i = 0; i < faces.length; i++) {
    for (let j = i + 1; j < faces.length; j++) {
      const isSame = faces[i].subject === faces[j].subject;
      // Groups differ in impostor scores, so a grouping that depends on face order shows it.
      const shift = faces[i].group === 'Black' || faces[j].group === 'Black' ? 0.15 : 0;
      score.set(`${i},${j}`, isSame ? 0.5 + 0.4 * random() : Math.min(1, 0.3 * random() + shift + (random() < 0.02 ? 0.4 : 0)));
    }
  }
  return { faces, score };
}

/** The all-pairs table of `faces` in the order `order` (order[k] = original face index), i < j as the scorer lists them. */
function tableInOrder(set: ReturnType<typeof makeFaceSet>, order: number[]) {
  const n = order.length;
  const scores: number[] = [];
  const indexA: number[] = [];
  const indexB: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [a, b] = [order[i], order[j]];
      scores.push(set.score.get(a < b ? `${a},${b}` : `${b},${a}`)!);
      indexA.push(i);
      indexB.push(j);
    }
  }
  return buildPairTableFromSamples(
    { scores: Float64Array.from(scores), indexA: Uint32Array.from(indexA), indexB: Uint32Array.from(indexB) },
    order.map((k) => set.faces[k]),
  );
}

function shuffled(n: number, seed: number): number[] {
  const random = createMulberry32(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

describe('no number depends on the order of faces in a set (spec: each unordered pair probes both ways)', () => {
  const set = makeFaceSet(30, 7);
  const n = set.faces.length;
  const orders = {
    sorted: Array.from({ length: n }, (_, i) => i),
    reversed: Array.from({ length: n }, (_, i) => n - 1 - i),
    shuffled: shuffled(n, 11),
  };

  it.each(['within', 'probe'] as ImpostorGrouping[])('%s: report, histograms, DET curves and bootstrap are identical', (grouping) => {
    const results = Object.values(orders).map((order) => {
      const table = tableInOrder(set, order);
      const index = indexScores(table, grouping);
      return {
        report: computeBiasReport(table, { thresholds: [0.3, 0.5], fmrTargets: [1e-2], impostorGrouping: grouping }),
        histograms: computeScoreHistograms(index),
        det: computeDetCurves(index),
        bootstrap: bootstrapGroupRates(table, { thresholds: [0.3], random: createMulberry32(3), replicates: 200, impostorGrouping: grouping }),
      };
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('probe: a cross-group impostor pair counts for both groups, and overall once', () => {
    const table = tableInOrder(set, orders.sorted);
    const within = indexScores(table, 'within');
    const probe = indexScores(table, 'probe');
    const perGroup = (index: typeof probe) => GROUPS.reduce((sum, group) => sum + index.byGroup.get(group)!.impostor.length, 0);
    const impostors = within.overall.impostor.length;
    const withinGroupPairs = perGroup(within);
    // Every impostor pair once per face: within-group pairs count once, cross-group pairs twice.
    expect(perGroup(probe)).toBe(withinGroupPairs + 2 * (impostors - withinGroupPairs));
    expect(probe.overall.impostor.length).toBe(impostors);
    // Each group's probe count: its faces x all faces of other people.
    for (const group of GROUPS) {
      const faces = set.faces.filter((face) => face.group === group).length;
      expect(probe.byGroup.get(group)!.impostor.length).toBe(faces * (n - faces) + (faces * (faces - 2)) / 2);
    }
  });

  it('a pairs file keeps its column order as the probe order', async () => {
    const { buildPairTable } = await import('../../../src/metrics/pair-table');
    const table = buildPairTable([
      { score: 0.9, same: 0, groupA: 'Black', groupB: 'White' },
      { score: 0.1, same: 0, groupA: 'White', groupB: 'White' },
    ]);
    const probe = indexScores(table, 'probe');
    expect(Array.from(probe.byGroup.get('Black')!.impostor)).toEqual([0.9]);
    expect(Array.from(probe.byGroup.get('White')!.impostor)).toEqual([0.1]);
  });
});
