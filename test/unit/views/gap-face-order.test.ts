/**
 * The gap view's numbers do not depend on the order of a pack's faces (shared/spec/bias-metrics.md,
 * `impostor_grouping`), through the view path: scorePackPairs -> buildGapIndex -> rates, report,
 * DET and bootstrap, for shuffled and race-sorted copies (the metrics-level check is
 * test/unit/metrics/face-order.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { bootstrapGroupRates } from '../../../src/metrics/bootstrap';
import { computeDetCurves } from '../../../src/metrics/distributions';
import { createMulberry32 } from '../../../src/metrics/random';
import { computeBiasReportFromIndex } from '../../../src/metrics/report';
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
});
