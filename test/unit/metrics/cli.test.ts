import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodePack, PACK_FORMAT_MARKER, PACK_FORMAT_VERSION } from '../../../src/datasets/pack';
import { SCORE_ID } from '../../../src/matching/similarity';
import { packEmbeddings, scoreAllPairs } from '../../../src/metrics/all-pairs';
import { buildPairTableFromSamples } from '../../../src/metrics/pair-table';
import { parsePairsCsv } from '../../../src/metrics/pairs-csv';
import { createMulberry32, createNormalSource } from '../../../src/metrics/random';
import { computeBiasReport } from '../../../src/metrics/report';

const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'facegap-metrics-cli-'));

function runCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  // The project's own tsx (what `npx tsx` resolves to), without npx's start-up cost per run.
  const root = new URL('../../..', import.meta.url).pathname;
  const result = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/metrics.ts', ...args], { encoding: 'utf8', cwd: root });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeScratch(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('scripts/metrics.ts', { timeout: 60_000 }, () => {
  it('prints exactly computeBiasReport as JSON for a pairs CSV', () => {
    const file = fixture('pairs-case1.csv');
    const args = ['--threshold', '0.45', '--threshold', '0.5', '--fmr-target', '0.01', '--impostor-grouping', 'probe'];
    const { status, stdout, stderr } = runCli(file, ...args, '--format', 'json');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const expected = computeBiasReport(parsePairsCsv(readFileSync(file, 'utf8')), { thresholds: [0.45, 0.5], fmrTargets: [0.01], impostorGrouping: 'probe' });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('defaults to thresholds 0.5 and the FMR 1e-3 threshold', () => {
    const { stdout } = runCli(fixture('pairs-case1.csv'));
    const report = JSON.parse(stdout) as { thresholds: { threshold: number }[]; threshold_at_fmr: { target: number; threshold: number }[] };
    expect(report.threshold_at_fmr[0].target).toBe(0.001);
    expect(report.thresholds.map((t) => t.threshold)).toEqual([0.5, report.threshold_at_fmr[0].threshold]);
  });

  it('accepts a byte-order mark, CRLF, any column order and subject columns', () => {
    const { status, stdout } = runCli(fixture('pairs-bom-crlf.csv'), '--threshold', '0.5', '--format', 'table');
    expect(status).toBe(0);
    expect(stdout).toMatch(/Black\/female/);
    expect(stdout).toMatch(/Wilson 95%/);
  });

  it.each([
    ['empty file', '', /:1:1: the file is empty/],
    ['unknown column', 'score,same,group_a,group_b,colour\n0.5,1,A,A,red\n', /:1:5: unknown column "colour"/],
    ['missing column', 'score,same,group_a\n0.5,1,A\n', /:1:4: missing column group_b/],
    ['non-numeric score', 'score,same,group_a,group_b\n0.5,1,A,A\nhigh,0,A,A\n', /:3:1: score "high" is not a finite decimal number/],
    ['non-finite score', 'same,score,group_a,group_b\n1,Infinity,A,A\n', /:2:2: score "Infinity" is not a finite decimal number/],
    ['same not 0/1', 'score,same,group_a,group_b\n0.5,yes,A,A\n', /:2:2: same must be 0 \(impostor\) or 1/],
    ['blank line inside', 'score,same,group_a,group_b\n0.5,1,A,A\n\n0.4,0,A,A\n', /:3:1: expected 4 fields, found 1 \(a blank line\)/],
  ])('refuses a file with %s, naming file, line and column, exit 2', (_, text, message) => {
    const file = writeScratch('bad.csv', text);
    const { status, stdout, stderr } = runCli(file);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(file);
    expect(stderr).toMatch(message);
  });

  it('scores a reference pack all-pairs, grouping by labels and leaving out unlabelled samples', () => {
    const normal = createNormalSource(createMulberry32(9));
    const dim = 16;
    const labels = [
      { race: 'Black', gender: 'female' }, { race: 'Black', gender: 'female' }, { race: 'White', gender: 'male' },
      { race: 'White', gender: 'male', race_label_source: 'unverified' }, { gender: 'male' }, { race: 'White', gender: 'male' },
    ];
    const samples = labels.map((l, i) => ({
      id: `p${i}`, subject: i < 2 ? 'a' : `s${i}`, labels: l as Record<string, string>,
      embedding: Float32Array.from({ length: dim }, () => normal() * 1.5),
    }));
    const pack = encodePack({
      format: PACK_FORMAT_MARKER, version: PACK_FORMAT_VERSION, name: 'tiny', description: 'test', license: 'test', attribution: 'test',
      model: { id: 'faceres', package: '@vladmandic/human@3.3.6', sha256: 'ab'.repeat(32), dim },
      score: SCORE_ID, labels: ['race', 'gender', 'race_label_source'],
      preprocessing: { margin: 0, fill: '#808080', maxSide: 200, grayscaleExpanded: false }, samples, failures: [],
    });
    const file = writeScratch('tiny-pack.json', pack);
    const { status, stdout, stderr } = runCli('--pack', file, '--group-by', 'race,gender', '--exclude-unverified', '--threshold', '0.5');
    expect(stderr).toMatch(/left out 1 samples whose race label is unverified/);
    expect(stderr).toMatch(/left out 1 of 5 samples missing a race or gender label/);
    expect(status).toBe(0);
    const kept = [0, 1, 2, 5].map((i) => samples[i]);
    const table = buildPairTableFromSamples(
      scoreAllPairs(packEmbeddings(kept.map((s) => s.embedding)).packed, dim),
      kept.map((s) => ({ group: `${s.labels.race}/${s.labels.gender}`, subject: s.subject })),
    );
    const expected = computeBiasReport(table, { thresholds: [0.5], fmrTargets: [0.001] });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect((JSON.parse(stdout) as { thresholds: { by_group: Record<string, { genuine_pairs: number }> }[] }).thresholds[0].by_group['Black/female'].genuine_pairs).toBe(1);
  });
});
