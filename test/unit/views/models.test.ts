import { describe, expect, it } from 'vitest';
import { computeBiasReport } from '../../../src/metrics/report';
import { buildPairTableFromSamples } from '../../../src/metrics/pair-table';
import { bootstrapGroupRates } from '../../../src/metrics/bootstrap';
import { computeDetCurves } from '../../../src/metrics/distributions';
import { createMulberry32 } from '../../../src/metrics/random';
import { indexScores } from '../../../src/metrics/score-index';
import { buildGroupDetPoints, buildGroupHistograms, findDetPointsAt, HISTOGRAM_BINS, MAX_DET_POINTS } from '../../../src/views/chart-model';
import { checkEstimates } from '../../../src/views/estimates-model';
import { buildGapIndex, computeGapAtThreshold, type GapOptions } from '../../../src/views/gap-model';
import { listGroupings, findGroupLabel } from '../../../src/views/grouping';
import { listThresholdPresets } from '../../../src/views/presets';
import { DEFAULT_SEED, resampleGap } from '../../../src/views/resampling';
import { describeRoomShortfall, scoreRoom } from '../../../src/views/room-model';
import { scorePackPairs } from '../../../src/views/sample-set';
import { countYouMatches, scoreYouAgainstPack } from '../../../src/views/you-model';
import type { Template } from '../../../src/matching/templates';
import { createSyntheticPack } from '../../fixtures/synthetic-pack';

const within = (groupBy: string[]): GapOptions => ({ groupBy, impostorGrouping: 'within', excludeUnverified: false });

describe('grouping', () => {
  it('offers each label, the pairs and the triple, never a provenance label', () => {
    expect(listGroupings(['race', 'gender', 'age_band', 'race_label_source'])).toEqual([
      ['race'], ['gender'], ['age_band'], ['race', 'gender'], ['race', 'age_band'], ['gender', 'age_band'], ['race', 'gender', 'age_band'],
    ]);
  });
  it.each([
    [{ race: 'Black', gender: 'female' }, ['race', 'gender'], 'Black/female'],
    [{ race: 'Black' }, ['race', 'gender'], 'Black/(no label)'],
    [{ race: 'Black' }, [], 'everyone'],
  ])('%j by %j -> %s', (labels, groupBy, group) => expect(findGroupLabel(labels, groupBy)).toBe(group));
});

describe('gap model', async () => {
  const pack = createSyntheticPack();
  const set = await scorePackPairs(pack);
  it('scores each pack once (cached promise)', async () => {
    expect(await scorePackPairs(pack)).toBe(set);
  });
  it.each([0.3, 0.5])('equals computeBiasReport over the same pairs at %s', (t) => {
    const gap = buildGapIndex(set, within(['race', 'gender']));
    const labels = set.samples.map((s) => ({ group: findGroupLabel(s.labels, ['race', 'gender']), subject: s.subject }));
    const report = computeBiasReport(buildPairTableFromSamples(set.scored, labels), { thresholds: [t], fmrTargets: [1e-3] });
    const view = computeGapAtThreshold(gap, t);
    expect(view.report).toEqual(report.thresholds[0]);
    for (const row of view.rows) expect(row.fmr.rate).toBe(report.thresholds[0].by_group[row.group].fmr);
    expect(gap.thresholdAtTargetFmr).toBe(report.threshold_at_fmr[0].threshold);
  });
  it('flags a group of one person and a small group; counts people', () => {
    const onePerson = createSyntheticPack({ groups: [
      { labels: { race: 'A' }, people: 10, facesPerPerson: 2, closeness: 0.3 },
      { labels: { race: 'B' }, people: 1, facesPerPerson: 2, closeness: 0.3 },
      { labels: { race: 'C' }, people: 3, facesPerPerson: 1, closeness: 0.3 },
    ] });
    return scorePackPairs(onePerson).then((s) => {
      const rows = computeGapAtThreshold(buildGapIndex(s, within(['race'])), 0.5).rows;
      const b = rows.find((r) => r.group === 'B')!;
      expect(b).toMatchObject({ people: 1, isSmall: true });
      expect(b.fmr.rate).toBeNull();
      expect(b.smallReason).toContain('one person');
      expect(rows.find((r) => r.group === 'C')!.fnmr.rate).toBeNull();
      expect(rows.find((r) => r.group === 'A')).toMatchObject({ people: 10, samples: 20, isSmall: false });
    });
  });
  it('a grouping on a label the pack lacks puts everyone under "(no label)"', () => {
    const gap = buildGapIndex(set, within(['skin_tone']));
    expect(gap.index.groups).toEqual(['(no label)']);
  });
  it('leaves out unverified labels without rescoring', async () => {
    const p = createSyntheticPack({ groups: [
      { labels: { race: 'A', race_label_source: 'published' }, people: 6, facesPerPerson: 2, closeness: 0.3 },
      { labels: { race: 'B', race_label_source: 'unverified' }, people: 6, facesPerPerson: 2, closeness: 0.3 },
    ] });
    const s = await scorePackPairs(p);
    const gap = buildGapIndex(s, { ...within(['race']), excludeUnverified: true });
    expect(gap.index.groups).toEqual(['A']);
    expect(gap.excludedSamples).toBe(12);
  });
  it('threshold above every score: every rate zero, nothing NaN', () => {
    const view = computeGapAtThreshold(buildGapIndex(set, within(['race'])), 1.01);
    for (const row of view.rows) expect(row.fmr.rate === null || row.fmr.rate === 0).toBe(true);
    expect(view.report.summary.fmr_max_min_ratio).toBeNull();
  });
  it('empty set: no groups, null thresholds', async () => {
    const empty = createSyntheticPack({ groups: [] });
    const gap = buildGapIndex(await scorePackPairs(empty), within(['race']));
    expect(gap.index.groups).toEqual([]);
    expect(gap.thresholdAtTargetFmr).toBeNull();
    expect(computeGapAtThreshold(gap, 0.5).rows).toEqual([]);
  });
});

describe('resampling people (src/metrics/bootstrap)', async () => {
  const set = await scorePackPairs(createSyntheticPack());
  const gap = buildGapIndex(set, within(['race', 'gender']));
  const ratio = ['Black/female', 'White/male'] as const;
  const a = resampleGap(gap, 0.35, { replicates: 200, random: createMulberry32(1), ratio });

  it('is reproducible with a seed and brackets the point estimate', () => {
    expect(resampleGap(gap, 0.35, { replicates: 200, random: createMulberry32(1), ratio })).toEqual(a);
    const rows = computeGapAtThreshold(gap, 0.35).rows;
    for (const row of rows) {
      const ci = a.fmr.get(row.group);
      if (row.fmr.rate !== null && ci) {
        expect(ci[0]).toBeLessThanOrEqual(row.fmr.rate + 1e-12);
        expect(ci[1]).toBeGreaterThanOrEqual(row.fmr.rate - 1e-12);
      }
    }
    expect(a.fmrRatio).not.toBeNull();
    expect(a.replicates).toBe(200);
  });

  it('shows exactly the metrics bootstrap over the gap table, people as units, default seed', () => {
    const shown = resampleGap(gap, 0.35, { ratio });
    const metrics = bootstrapGroupRates(gap.table, {
      thresholds: [0.35], random: createMulberry32(DEFAULT_SEED), groupRatios: [{ numerator: ratio[0], denominator: ratio[1] }],
    });
    expect(shown.replicates).toBe(metrics.replicates);
    for (const group of metrics.groups) {
      const { fmr, fnmr } = group.byThreshold[0];
      expect(shown.fmr.get(group.group)).toEqual(fmr.low === null ? null : [fmr.low, fmr.high]);
      expect(shown.fnmr.get(group.group)).toEqual(fnmr.low === null ? null : [fnmr.low, fnmr.high]);
      expect(group.resamplingUnit).toBe('subject');
    }
    expect(shown.fmrRatio).toEqual([metrics.groupRatios[0].fmr.low, metrics.groupRatios[0].fmr.high]);
  });

  it('resamples faces as people where a pack has no subjects (UTKFace-like)', async () => {
    const single = await scorePackPairs(createSyntheticPack({ groups: [
      { labels: { race: 'A' }, people: 40, facesPerPerson: 1, closeness: 0.6 },
      { labels: { race: 'B' }, people: 40, facesPerPerson: 1, closeness: 0.3 },
    ] }));
    const singleGap = buildGapIndex(single, within(['race']));
    const metrics = bootstrapGroupRates(singleGap.table, { thresholds: [0.3], random: createMulberry32(2), replicates: 20 });
    expect(metrics.groups.map((g) => g.resamplingUnit)).toEqual(['subject', 'subject']);
    expect(metrics.pairsWithoutSubject).toBe(0);
    expect(singleGap.index.overall.genuine.length).toBe(0);
  });

  it('has no ratio interval unless asked, and none for a group it has never seen', () => {
    expect(resampleGap(gap, 0.35, { replicates: 50 }).fmrRatio).toBeNull();
    expect(resampleGap(gap, 0.35, { replicates: 50, ratio: ['Black/female', 'nobody'] }).fmrRatio).toBeNull();
  });
});

describe('chart data (src/metrics/distributions)', async () => {
  const set = await scorePackPairs(createSyntheticPack());
  const gap = buildGapIndex(set, within(['race', 'gender']));
  const histograms = buildGroupHistograms(gap.index);
  const det = buildGroupDetPoints(gap.index);

  it('histograms: one row per group, shares of each kind summing to 1, pairs counted', () => {
    expect(histograms.map((h) => h.group)).toEqual(gap.index.groups);
    const bf = histograms.find((h) => h.group === 'Black/female')!;
    const scores = gap.index.byGroup.get('Black/female')!;
    expect(bf.impostor).toHaveLength(HISTOGRAM_BINS);
    expect(bf.impostor.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
    expect(bf.genuine.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
    expect(bf).toMatchObject({ genuinePairs: scores.genuine.length, impostorPairs: scores.impostor.length });
  });

  it('histograms: an empty kind is an empty row', async () => {
    const single = buildGapIndex(await scorePackPairs(createSyntheticPack({ groups: [
      { labels: { race: 'A' }, people: 5, facesPerPerson: 1, closeness: 0.3 },
    ] })), within(['race']));
    expect(buildGroupHistograms(single.index)[0]).toMatchObject({ genuine: [], genuinePairs: 0, impostorPairs: 10 });
  });

  it('DET: the metrics curves, at most MAX_DET_POINTS, every group listed, none without genuine pairs', () => {
    expect(det.map((d) => d.group)).toEqual(gap.index.groups);
    const curves = computeDetCurves(gap.index, { maxPoints: MAX_DET_POINTS });
    for (const curve of curves) expect(det.find((d) => d.group === curve.group)!.points).toEqual(curve.points);
    expect(det.every((d) => d.points.length <= MAX_DET_POINTS)).toBe(true);
    expect(det.find((d) => d.group === 'Black/female')!.points.length).toBeGreaterThan(10);
    const noGenuine = indexScores(buildPairTableFromSamples(set.scored, set.samples.map(() => ({ group: 'all', subject: null }))), 'within');
    expect(buildGroupDetPoints(noGenuine)).toEqual([{ group: 'all', points: [] }]);
    expect(findDetPointsAt(noGenuine, 0.5).size).toBe(0);
  });

  it('DET marker: the group rates of the table at the threshold', () => {
    const at = computeGapAtThreshold(gap, 0.4);
    const points = findDetPointsAt(gap.index, 0.4);
    for (const row of at.rows) {
      const point = points.get(row.group);
      if (row.fmr.rate === null || row.fnmr.rate === null) expect(point).toBeUndefined();
      else expect(point).toMatchObject({ threshold: 0.4, fmr: row.fmr.rate, fnmr: row.fnmr.rate });
    }
  });
});

describe('you vs the groups', () => {
  const pack = createSyntheticPack();
  const you = Float32Array.from(pack.samples[0].embedding, (v) => v + 0.1);
  it('counts people taken for you; your own face in the set is found', () => {
    const rows = countYouMatches(scoreYouAgainstPack(you, pack, ['race', 'gender']), 0.5);
    const bf = rows.find((r) => r.group === 'Black/female')!;
    expect(bf.people).toBe(14);
    expect(bf.falseMatches).toBeGreaterThanOrEqual(1);
    expect(bf.closest!.score).toBeGreaterThan(0.8);
    expect(countYouMatches(scoreYouAgainstPack(you, pack, ['race']), 1.01).every((r) => r.falseMatches === 0)).toBe(true);
  });
  it('an embedding of another length matches nothing (no NaN)', () => {
    expect(scoreYouAgainstPack(new Float32Array(3), pack, ['race'])).toEqual([]);
  });
});

describe('estimates and failures', () => {
  it('per group, with Wilson intervals', () => {
    const rows = checkEstimates(createSyntheticPack(), ['race'], false);
    const black = rows.find((r) => r.group === 'Black')!;
    expect(black.failures.errors).toBe(5);
    expect(black.failures.pairs).toBe(5 + 56);
    expect(black.genderAgreement.pairs).toBe(56);
    expect(black.genderAgreement.ci95).not.toBeNull();
  });
});

describe('room', () => {
  const t = (id: string, n: number, labels: Record<string, string> = {}): Template => ({
    id, name: id, createdAt: 0, updatedAt: 0, labels, modelSha256: 'x', scoreId: 'human-similarity-v1',
    embeddings: Array.from({ length: n }, (_, i) => Float32Array.from([i * 0.1, id.length, 1])),
  });
  it.each([
    [[], 'Nobody is enrolled'],
    [[t('ann', 3)], 'Only ann is enrolled'],
    [[t('ann', 1), t('bob', 1)], 'single capture'],
    [[t('ann', 2), t('bob', 2)], null],
  ] as const)('shortfall %#', (people, text) => {
    const out = describeRoomShortfall(people as unknown as Template[]);
    if (text === null) expect(out).toBeNull();
    else expect(out).toContain(text);
  });
  it('genuine pairs within a person, impostor pairs across people', () => {
    const set = scoreRoom([t('ann', 3, { gender: 'female' }), t('bob', 2)]);
    const gap = buildGapIndex(set, within(['gender']));
    expect(gap.index.overall.genuine.length).toBe(3 + 1);
    expect(gap.index.overall.impostor.length).toBe(6);
    expect(gap.index.groups).toEqual(['(no label)', 'female']);
  });
});

describe('presets', () => {
  it('disable what cannot be computed', () => {
    const presets = listThresholdPresets({ atFmr: null, eer: 0.31, impostorPairs: 0, genuinePairs: 400 });
    expect(presets.map((p) => p.value)).toEqual([0.6, 0.5, null, 0.31]);
    expect(presets[0].label).toBe('default (0.60)');
  });

  it('refuse presets from sets too small to place them (20-face import, 25 room pairs)', () => {
    const presets = listThresholdPresets({ atFmr: 0.71, eer: 1, impostorPairs: 190, genuinePairs: 25 });
    expect(presets.map((p) => p.value)).toEqual([0.6, 0.5, null, null]);
    expect(presets[2].description).toBe('Not offered: placing 1 in 1,000 needs at least 10,000 pairs of different people, and this set has 190.');
    expect(presets[3].description).toBe('Not offered: needs at least 100 same-person pairs, and this set has 25.');
  });
});
