import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyColumnMapping, parseCsv, parseIdentityFolders } from '../../../src/datasets/labels';
import { packSummary } from '../../../src/datasets/pack';
import { countLabelValues } from '../../../src/import/label-counts';
import { computeBiasReport } from '../../../src/metrics/report';
import { createSyntheticPack } from '../../fixtures/synthetic-pack';

/** Names that are keys of Object.prototype, or its setter. */
const NAMES = ['__proto__', 'constructor', 'toString'];
const ROOT = resolve(import.meta.dirname, '../../..');

afterEach(() => {
  // Nothing may have leaked onto every object.
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).samples).toBeUndefined();
});

describe('user text that names an Object key is a name like any other', () => {
  it('as group and subject names in the metrics, and through the metrics CLI (JSON and table)', () => {
    const pairs = NAMES.flatMap((group, g) => [
      { score: 0.9, same: 1 as const, groupA: group, groupB: group, subjectA: NAMES[g], subjectB: NAMES[g] },
      { score: 0.6, same: 0 as const, groupA: group, groupB: group, subjectA: NAMES[g], subjectB: `${NAMES[g]}2` },
    ]);
    const report = computeBiasReport(pairs, { thresholds: [0.5], fmrTargets: [0.5] });
    expect(Object.keys(report.thresholds[0].by_group).sort()).toEqual([...NAMES].sort());
    expect(report.thresholds[0].by_group.__proto__.impostor_pairs).toBe(1);

    const dir = mkdtempSync(join(tmpdir(), 'facegap-keys-'));
    const file = join(dir, 'pairs.csv');
    writeFileSync(file, `score,same,group_a,group_b,subject_a,subject_b\n${pairs.map((p) => [p.score, p.same, p.groupA, p.groupB, p.subjectA, p.subjectB].join(',')).join('\n')}\n`);
    const run = (...args: string[]) => spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/metrics.ts', file, '--threshold', '0.5', ...args], { cwd: ROOT, encoding: 'utf8' });
    const json = JSON.parse(run().stdout) as { thresholds: { by_group: Record<string, { genuine_pairs: number }> }[] };
    expect(Object.keys(json.thresholds[0].by_group).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) expect(json.thresholds[0].by_group[name].genuine_pairs, name).toBe(1);
    const table = run('--format', 'table').stdout;
    for (const name of NAMES) expect(table).toMatch(new RegExp(`^\\s+${name}\\s+1\\s+1\\s`, 'm'));
  });

  it('as label values and label names in the pack summary (what build:pack prints), without polluting Object.prototype', () => {
    const pack = createSyntheticPack({
      dim: 8,
      groups: NAMES.map((name) => ({ labels: { race: name, constructor: name }, people: 2, facesPerPerson: 2, closeness: 0.3 })),
    });
    pack.labels = ['race', 'constructor'];
    const summary = packSummary(pack);
    for (const label of ['race', 'constructor']) {
      expect(Object.keys(summary.groups[label]).sort()).toEqual([...NAMES].sort());
      for (const name of NAMES) expect(summary.groups[label][name].samples, `${label}=${name}`).toBe(4);
    }
  });

  it('as label names and values in the import preview', () => {
    const items = NAMES.map((name) => ({ labels: { [name]: name, race: name } }));
    const counts = countLabelValues(items);
    expect(Object.keys(counts).sort()).toEqual([...NAMES, 'race'].sort());
    for (const name of NAMES) {
      expect(counts[name][name]).toBe(1);
      expect(counts.race[name]).toBe(1);
    }
  });

  it('as label names read from a CSV column by the import parsers', () => {
    const mapping = { file: 'file', labels: JSON.parse('{"__proto__":"__proto__","race":"race"}') as Record<string, string> };
    const perPhoto = applyColumnMapping(parseCsv(`file,__proto__,race\n${NAMES.map((name, i) => `p${i}.jpg,${name},${name}`).join('\n')}\n`), mapping);
    expect(perPhoto.items.map((item) => Object.keys(item.labels))).toEqual(NAMES.map(() => ['__proto__', 'race']));
    const folders = parseIdentityFolders(NAMES.map((name) => `${name}/1.jpg`), `identity,__proto__,constructor\n${NAMES.map((n) => `${n},${n},${n}`).join('\n')}\n`);
    expect(folders.items.map((item) => item.subject)).toEqual([...NAMES]);
    expect(folders.items.map((item) => Object.keys(item.labels))).toEqual(NAMES.map(() => ['__proto__', 'constructor']));
    expect(Object.entries(countLabelValues(folders.items).__proto__)).toEqual(NAMES.map((name) => [name, 1]));
  });

  it('the table never prints control characters from a name', () => {
    const report = computeBiasReport([{ score: 0.6, same: 0, groupA: 'A\u001b[2J\nforged row', groupB: 'A\u001b[2J\nforged row' }], { thresholds: [0.5], fmrTargets: [] });
    return import('../../../src/metrics/format-table').then(({ formatBiasReportTable }) => {
      const text = formatBiasReportTable(report, 'within');
      expect(text).not.toContain('\u001b');
      expect(text).toContain('A\\u{1b}[2J\\u{a}forged row');
    });
  });

  it('the table shows a bidirectional override in a name instead of obeying it', async () => {
    const { formatBiasReportTable } = await import('../../../src/metrics/format-table');
    const report = computeBiasReport([{ score: 0.6, same: 0, groupA: 'Black\u202eetihW', groupB: 'Black\u202eetihW' }], { thresholds: [0.5], fmrTargets: [] });
    const text = formatBiasReportTable(report, 'within');
    expect(text).not.toContain('\u202e');
    expect(text).toContain('Black\\u{202e}etihW');
  });
});

describe('a pairs CSV is read as a stream', { timeout: 60_000 }, () => {
  it('reads a file of many chunks line by line into the same report as the in-memory parser', async () => {
    const { parsePairsCsv } = await import('../../../src/metrics/pairs-csv');
    const dir = mkdtempSync(join(tmpdir(), 'facegap-stream-'));
    const file = join(dir, 'big.csv');
    const groups = ['A', 'B', 'C'];
    const lines = ['score,same,group_a,group_b'];
    // About 7 MB: readline hands it over in 64 KiB chunks, so lines cross chunk borders.
    for (let k = 0; k < 250_000; k++) lines.push(`${((k * 7919) % 1000) / 1000},${k % 10 === 0 ? 1 : 0},${groups[k % 3]},${groups[(k >> 1) % 3]}`);
    writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
    const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/metrics.ts', file, '--threshold', '0.5', '--fmr-target', '0.01'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const expected = computeBiasReport(parsePairsCsv(lines.join('\n')), { thresholds: [0.5], fmrTargets: [0.01] });
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});
