import { describe, expect, it } from 'vitest';
import { computeSimilarity } from '../../../src/matching/similarity';
import { countPairs, packEmbeddings, scoreAllPairs, scoreAllPairsAsync } from '../../../src/metrics/all-pairs';
import { assembleDotKernelModule, createDotKernel } from '../../../src/metrics/dot-kernel-wasm';
import { buildPairTableFromSamples } from '../../../src/metrics/pair-table';
import { computeBiasReport } from '../../../src/metrics/report';
import { makeClusteredEmbeddings as makeEmbeddings } from './seeded-embeddings';

function scoreNaively(embeddings: Float32Array[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < embeddings.length; i++) for (let j = i + 1; j < embeddings.length; j++) out.push(computeSimilarity(embeddings[i], embeddings[j]));
  return out;
}

describe('all-pairs scorer', () => {
  it('assembles a valid WebAssembly SIMD module that runs here', () => {
    expect(WebAssembly.validate(assembleDotKernelModule())).toBe(true);
    expect(createDotKernel()).not.toBeNull();
  });

  it.each([
    { count: 2, dim: 4, tileRows: 64 },
    { count: 37, dim: 1024, tileRows: 8 },
    { count: 70, dim: 128, tileRows: 64 },
    { count: 23, dim: 13, tileRows: 4 }, // dim % 4 != 0: falls back to JS
  ])('equals the pair-by-pair loop within 1e-5 ($count x $dim, tiles of $tileRows)', ({ count, dim, tileRows }) => {
    const embeddings = makeEmbeddings(count, dim, count * 31 + dim);
    const { packed } = packEmbeddings(embeddings);
    const naive = scoreNaively(embeddings);
    for (const kernel of ['auto', 'js'] as const) {
      const result = scoreAllPairs(packed, dim, { tileRows, kernel });
      expect(result.scores.length).toBe(countPairs(count));
      expect(result.kernel).toBe(kernel === 'js' || dim % 4 !== 0 ? 'js' : 'wasm-simd');
      let k = 0;
      for (let i = 0; i < count; i++) {
        for (let j = i + 1; j < count; j++, k++) {
          expect(result.indexA[k]).toBe(i);
          expect(result.indexB[k]).toBe(j);
          expect(Math.abs(result.scores[k] - naive[k])).toBeLessThanOrEqual(1e-5);
        }
      }
    }
    expect(new Set(naive.map((s) => s.toFixed(2))).size).toBeGreaterThan(count > 2 ? 3 : 0); // scores really spread
  });

  it('reports progress up to the total and can be cancelled', async () => {
    const { packed, dim } = packEmbeddings(makeEmbeddings(200, 64, 7));
    const seen: number[] = [];
    await scoreAllPairsAsync(packed, dim, { tileRows: 16, onProgress: (done) => seen.push(done) });
    expect(seen.at(-1)).toBe(countPairs(200));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const controller = new AbortController();
    const run = scoreAllPairsAsync(packed, dim, { tileRows: 16, signal: controller.signal, onProgress: () => controller.abort(new Error('stop')) });
    await expect(run).rejects.toThrow('stop');
    expect(() => scoreAllPairs(packed, dim, { signal: AbortSignal.abort() })).toThrow();
  });

  it('refuses embeddings of different lengths and a ragged packed matrix', () => {
    expect(() => packEmbeddings([new Float32Array(4), new Float32Array(5)])).toThrow(/different models/);
    expect(() => scoreAllPairs(new Float32Array(10), 4)).toThrow(/multiple/);
  });

  it('feeds the metrics in compact form, genuine when subjects match', () => {
    const embeddings = makeEmbeddings(30, 32, 3);
    const result = scoreAllPairs(packEmbeddings(embeddings).packed, 32);
    const samples = embeddings.map((_, i) => ({ group: i % 2 === 0 ? 'A' : 'B', subject: i < 28 ? `s${i % 5}` : null }));
    const table = buildPairTableFromSamples(result, samples);
    expect(table.isGenuine[0]).toBe(0); // samples 0 (s0) and 1 (s1)
    expect(table.isGenuine[4]).toBe(1); // samples 0 and 5, both s0
    const report = computeBiasReport(table, { thresholds: [0.5], fmrTargets: [0.01] });
    expect(report.groups).toEqual(['A', 'B']);
    expect(report.thresholds[0].by_group.A.genuine_pairs).toBeGreaterThan(0);
  });
});
