import { describe, expect, it } from 'vitest';
import { computeCosineSimilarity } from '../../../src/matching/scores';
import { compareModels, mergeComparisons, scorePairs, type ComparePack } from '../../../src/metrics/compare';
import { compareModelsInBackground } from '../../../src/metrics/compare-client';
import { formatComparisonTable } from '../../../src/metrics/compare-table';
import { buildPairTableFromSamples } from '../../../src/metrics/pair-table';
import { packEmbeddings, scoreAllPairs } from '../../../src/metrics/all-pairs';
import { computeBiasReport } from '../../../src/metrics/report';
import { findThresholdAtFmr } from '../../../src/metrics/thresholds';
import { indexScores } from '../../../src/metrics/score-index';
import { createSyntheticPack } from '../../fixtures/synthetic-pack';

function asCompared(seed: number, modelId: string, scoreId: string): ComparePack {
  const pack = createSyntheticPack({ seed, name: `synthetic ${modelId}` });
  return { name: pack.name, modelId, scoreId, samples: pack.samples, failures: pack.failures };
}

describe('compare models', () => {
  const faceres = asCompared(7, 'faceres', 'human-similarity-v1');
  const other = asCompared(7, 'dlib', 'cosine-v1');
  const report = compareModels([faceres, other], { groupBy: ['race'], fmrTarget: 1e-2, replicates: 50 });

  it('puts each model at its own threshold for the shared FMR target', () => {
    for (const [i, pack] of [faceres, other].entries()) {
      const table = buildPairTableFromSamples(scorePairs(pack.samples, pack.scoreId), pack.samples.map((s) => ({ group: s.labels.race, subject: s.subject })));
      const expected = findThresholdAtFmr(indexScores(table, 'within').overall.impostor, 1e-2);
      expect(report.models[i].threshold).toBe(expected);
      expect(report.models[i].report!.overall.fmr).toBeLessThanOrEqual(1e-2);
    }
    expect(report.models[0].threshold).not.toBe(report.models[1].threshold);
  });

  it('reports faceres exactly as metrics --pack does (same scorer, same report)', () => {
    const { packed, dim } = packEmbeddings(faceres.samples.map((s) => s.embedding));
    const table = buildPairTableFromSamples(scoreAllPairs(packed, dim), faceres.samples.map((s) => ({ group: s.labels.race, subject: s.subject })));
    const threshold = report.models[0].threshold!;
    const expected = computeBiasReport(table, { thresholds: [threshold], fmrTargets: [1e-2] });
    expect(report.models[0].report).toEqual(expected.thresholds[0]);
    expect(report.models[0].eer).toEqual(expected.eer.overall);
  });

  it('scores a cosine pack with cosine similarity, through the all-pairs scorer', () => {
    const scored = scorePairs(other.samples.slice(0, 3), 'cosine-v1');
    expect(Array.from(scored.indexA)).toEqual([0, 0, 1]);
    expect(scored.scores[2]).toBeCloseTo(computeCosineSimilarity(other.samples[1].embedding, other.samples[2].embedding), 12);
    expect(() => scorePairs(other.samples.slice(0, 3), 'euclid-v9')).toThrow(/euclid-v9/);
  });

  it('gives, with scoring and bootstrap in the background, exactly the report of compareModels', async () => {
    const models: string[] = [];
    const background = await compareModelsInBackground([faceres, other], { groupBy: ['race'], fmrTarget: 1e-2, replicates: 50 }, {
      onModel: (i, pack) => models.push(`${i} ${pack.modelId}`),
    });
    expect(background).toEqual(report);
    expect(models).toEqual(['0 faceres', '1 dlib']);
    const fewer = { ...other, samples: other.samples.slice(1) };
    await expect(compareModelsInBackground([faceres, fewer], { groupBy: ['race'], fmrTarget: 1e-3 })).rejects.toThrow(/do not hold the same photos/);
    await expect(compareModelsInBackground([faceres], { groupBy: ['race'], fmrTarget: 1e-3 }, { signal: AbortSignal.abort(new Error('stop')) })).rejects.toThrow('stop');
  });

  it('counts photos without a face per group, and gives bootstrap intervals around each rate', () => {
    const model = report.models[1];
    const failures = other.failures.filter((f) => f.labels.race === 'Black').length;
    expect(model.no_face.Black.no_face).toBe(failures);
    expect(model.no_face.Black.photos).toBe(failures + other.samples.filter((s) => s.labels.race === 'Black').length);
    const boot = model.bootstrap!.Black.fmr;
    expect(boot[0]).toBeLessThanOrEqual(model.report!.by_group.Black.fmr!);
    expect(boot[1]).toBeGreaterThanOrEqual(model.report!.by_group.Black.fmr!);
  });

  it('gives the same intervals for the same seed', () => {
    const again = compareModels([faceres, other], { groupBy: ['race'], fmrTarget: 1e-2, replicates: 50 });
    expect(again).toEqual(report);
  });

  it('gives, merged from one report per model, exactly the report of all models at once', () => {
    const options = { groupBy: ['race'], fmrTarget: 1e-2, replicates: 50 };
    const parts = [faceres, other].map((pack) => compareModels([pack], options));
    expect(mergeComparisons(parts, [faceres, other])).toEqual(report);
    const fewer = { ...other, samples: other.samples.slice(1) };
    expect(() => mergeComparisons(parts, [faceres, fewer])).toThrow(/do not hold the same photos/);
  });

  it('refuses packs that do not hold the same photos, naming both packs and models', () => {
    const fewer = { ...other, samples: other.samples.slice(1) };
    expect(() => compareModels([faceres, fewer], { groupBy: ['race'], fmrTarget: 1e-3, replicates: 0 }))
      .toThrow(/"synthetic dlib" \(dlib\) and "synthetic faceres" \(faceres\) do not hold the same photos/);
  });

  it('prints one block per model in the table, and says the no-face rates are equal by design', () => {
    const text = formatComparisonTable(report);
    expect(text).toMatch(/^faceres \(score human-similarity-v1/m);
    expect(text).toMatch(/^dlib \(score cosine-v1/m);
    expect(text).toMatch(/equal by design/);
  });

  it('never prints an infinite ratio or a 0-0 resampled interval as a finding: it names the groups with no false match', () => {
    const first = report.models[0];
    const groups = report.groups;
    const clean = groups[0];
    const byGroup = { ...first.report!.by_group, [clean]: { ...first.report!.by_group[clean], fmr: 0 } };
    const edited = {
      ...report,
      models: [{
        ...first,
        report: { ...first.report!, by_group: byGroup, summary: { ...first.report!.summary, fmr_max_min_ratio: 'Infinity' as const } },
        bootstrap: { ...first.bootstrap, [clean]: { fmr: [0, 0] as [number, number], fnmr: first.bootstrap![clean].fnmr } },
      }],
    };
    const text = formatComparisonTable(edited);
    expect(text).not.toMatch(/Infinity/);
    expect(text).toContain(`unbounded: no false match at all in ${clean} (${byGroup[clean].impostor_pairs} pairs)`);
    expect(text).toMatch(new RegExp(`^  ${clean}\\s.*none to resample`, 'm'));
  });
});
