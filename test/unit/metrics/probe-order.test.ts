/**
 * Probe grouping does not depend on the order of faces (shared/spec/bias-metrics.md,
 * `impostor_grouping`): a pack and its shuffled copy give identical numbers in both groupings.
 */
import { describe, expect, it } from 'vitest';
import { bootstrapGroupRates } from '../../../src/metrics/bootstrap';
import { computeDetCurves } from '../../../src/metrics/distributions';
import { buildPairTable } from '../../../src/metrics/pair-table';
import { createMulberry32 } from '../../../src/metrics/random';
import { computeBiasReportFromIndex } from '../../../src/metrics/report';
import { indexScores } from '../../../src/metrics/score-index';
import type { ImpostorGrouping } from '../../../src/metrics/types';
import { buildGapIndex, computeGapAtThreshold } from '../../../src/views/gap-model';
import { scorePackPairs } from '../../../src/views/sample-set';
import type { ReferencePack } from '../../../src/datasets/pack';
import { createSyntheticPack } from '../../fixtures/synthetic-pack';

const THRESHOLDS = [0.3, 0.45, 0.6];

/** The pack with its samples in a seeded random order (Fisher-Yates). */
function shufflePack(pack: ReferencePack, seed: number): ReferencePack {
  const random = createMulberry32(seed);
  const samples = [...pack.samples];
  for (let i = samples.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [samples[i], samples[j]] = [samples[j], samples[i]];
  }
  return { ...pack, samples };
}

/** The pack sorted by group, as lfw-94 is sorted by race: the order that hid the defect. */
function sortPack(pack: ReferencePack, descending: boolean): ReferencePack {
  const key = (s: ReferencePack['samples'][number]) => s.labels.race ?? '';
  const samples = [...pack.samples].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (descending ? -1 : 1));
  return { ...pack, samples };
}

/** Every number the views and the report show, for one ordering of the pack. */
async function computeEverything(pack: ReferencePack, grouping: ImpostorGrouping) {
  const gap = buildGapIndex(await scorePackPairs(pack), { groupBy: ['race'], impostorGrouping: grouping, excludeUnverified: false });
  const groups = gap.index.groups.map((group) => {
    const scores = gap.index.byGroup.get(group)!;
    return { group, genuine: Array.from(scores.genuine), impostor: Array.from(scores.impostor) };
  });
  return {
    groups,
    report: computeBiasReportFromIndex(gap.index, { thresholds: THRESHOLDS, fmrTargets: [0.01, 0.001], impostorGrouping: grouping }),
    gapRows: THRESHOLDS.map((t) => computeGapAtThreshold(gap, t).rows),
    det: computeDetCurves(gap.index),
    bootstrap: bootstrapGroupRates(gap.table, {
      thresholds: THRESHOLDS, random: createMulberry32(11), replicates: 200, impostorGrouping: grouping,
    }),
  };
}

describe('impostor grouping and the order of faces', async () => {
  const pack = createSyntheticPack();
  it.each<ImpostorGrouping>(['within', 'probe'])('%s: a shuffled or sorted pack gives identical numbers', async (grouping) => {
    const expected = await computeEverything(pack, grouping);
    for (const other of [shufflePack(pack, 1), shufflePack(pack, 2), sortPack(pack, false), sortPack(pack, true)]) {
      expect(await computeEverything(other, grouping)).toEqual(expected);
    }
  });

  it('probe: a cross-group impostor pair counts for both faces\u2019 groups, overall once', async () => {
    const gap = buildGapIndex(await scorePackPairs(pack), { groupBy: ['race'], impostorGrouping: 'probe', excludeUnverified: false });
    const within = buildGapIndex(await scorePackPairs(pack), { groupBy: ['race'], impostorGrouping: 'within', excludeUnverified: false });
    const faces = new Map<string, number>();
    for (const s of pack.samples) faces.set(s.labels.race, (faces.get(s.labels.race) ?? 0) + 1);
    const n = pack.samples.length;
    for (const group of gap.index.groups) {
      const own = faces.get(group)!;
      const crossPairs = own * (n - own);
      const ownImpostors = within.index.byGroup.get(group)!.impostor.length;
      expect(gap.index.byGroup.get(group)!.impostor.length).toBe(ownImpostors + crossPairs);
    }
    expect(gap.index.overall.impostor.length).toBe(within.index.overall.impostor.length);
  });

  it('a pairs file keeps its column order as the probe order', () => {
    const table = buildPairTable([
      { score: 0.9, isGenuine: false, groupA: 'A', groupB: 'B' },
      { score: 0.1, isGenuine: false, groupA: 'B', groupB: 'B' },
    ]);
    const index = indexScores(table, 'probe');
    expect(Array.from(index.byGroup.get('A')!.impostor)).toEqual([0.9]);
    expect(Array.from(index.byGroup.get('B')!.impostor)).toEqual([0.1]);
  });
});
