import { afterEach, describe, expect, it } from 'vitest';
import { formatPackSummary } from '../../../scripts/build-pack/summary';
import { packSummary } from '../../../src/datasets/pack';
import { countLabelValues, parseCsv, applyColumnMapping, parseIdentityFolders } from '../../../src/datasets/labels';
import { decodePack } from '../../../src/datasets/pack';
import { SCORE_ID } from '../../../src/matching/similarity';
import { createMulberry32, createNormalSource } from '../../../src/metrics/random';
import type { BiasReport } from '../../../src/metrics/report';
import { createScratch, makePackText, runCli } from './run-cli';

/** Names that are also properties of every plain object. */
const NAMES = ['__proto__', 'constructor', 'toString'] as const;
const writeScratch = createScratch('facegap-hostile-names-');

function expectPrototypeUntouched(): void {
  const probe = {} as Record<string, unknown>;
  for (const key of ['samples', 'failures', 'subjects', 'genuineCapableSubjects']) expect(probe[key], `Object.prototype.${key}`).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

function makeNamedPackText(): string {
  const normal = createNormalSource(createMulberry32(3));
  const samples = NAMES.flatMap((name, g) => [0, 1].map((k) => ({
    id: `${name}-${k}`, subject: name, labels: { [name]: name, group: name } as Record<string, string>,
    embedding: Float32Array.from({ length: 1024 }, () => normal() * 0.35 + (g === 0 ? 0.05 : 0)),
  })));
  // Computed keys are own properties, so the pack text holds a label named __proto__ as a hostile file would.
  return makePackText(samples, { labels: ['group', ...NAMES], dim: 1024 });
}

describe('group, label and subject names that are Object.prototype properties', { timeout: 60_000 }, () => {
  afterEach(expectPrototypeUntouched);

  it('metrics CLI: a pairs CSV with groups and subjects __proto__, constructor, toString reports every group', () => {
    const rows = NAMES.flatMap((a) => NAMES.map((b) => `${a === b ? 0.9 : 0.2},${a === b ? 1 : 0},${a},${b},${a},${b}`));
    const file = writeScratch('names.csv', `score,same,group_a,group_b,subject_a,subject_b\n${rows.join('\n')}\n`);
    const { status, stdout, stderr } = runCli('metrics', [file, '--threshold', '0.5']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as BiasReport;
    expect(report.groups).toEqual([...NAMES]);
    const byGroup = report.thresholds[0].by_group;
    expect(Object.keys(byGroup)).toEqual([...NAMES]);
    for (const name of NAMES) expect(byGroup[name]).toMatchObject({ genuine_pairs: 1, fnmr: 0 });
    expect(Object.keys(report.eer.by_group)).toEqual([...NAMES]);
    const table = runCli('metrics', [file, '--threshold', '0.5', '--format', 'table']).stdout;
    for (const name of NAMES) expect(table).toMatch(new RegExp(`^  ${name} +1 `, 'm'));
  });

  it('metrics CLI: a pack with those labels and values groups by them', () => {
    const file = writeScratch('names-pack.json', makeNamedPackText());
    const { status, stdout, stderr } = runCli('metrics', ['--pack', file, '--group-by', 'group', '--threshold', '0.5']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const byGroup = (JSON.parse(stdout) as BiasReport).thresholds[0].by_group;
    expect(Object.keys(byGroup).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) expect(byGroup[name].genuine_pairs).toBe(1);
  });

  it('build:pack summary counts a label and values named __proto__ and constructor, without polluting Object.prototype', () => {
    const text = makeNamedPackText();
    const pack = decodePack(text, { modelSha256: 'ab'.repeat(32), dim: 1024, scoreId: SCORE_ID });
    const summary = packSummary(pack);
    expect(Object.keys(summary.groups)).toEqual(['group', ...NAMES]);
    expect(Object.keys(summary.groups.__proto__)).toEqual(['__proto__', '(no label)']);
    expect(summary.groups.__proto__.__proto__).toMatchObject({ samples: 2, subjects: 1, genuineCapableSubjects: 1 });
    expect(Object.keys(summary.groups.group)).toEqual([...NAMES]);
    for (const name of NAMES) expect(summary.groups.group[name]).toMatchObject({ samples: 2, subjects: 1, genuineCapableSubjects: 1 });
    const printed = formatPackSummary(text);
    expect(printed).toContain('  group: __proto__ 2, constructor 2, toString 2');
    expect(printed).toContain('  __proto__: __proto__ 2, (no label) 4');
    expect(printed).toContain('  constructor: (no label) 4, constructor 2');
  });

  it('import preview: a CSV column and values named __proto__, constructor, toString are counted', () => {
    const csv = `file,__proto__,race,person\n${NAMES.map((name, i) => `p${i}.jpg,${name},${name},${name}`).join('\n')}\n`;
    const parsed = applyColumnMapping(parseCsv(csv), { file: 'file', subject: 'person', labels: JSON.parse('{"__proto__":"__proto__","race":"race"}') as Record<string, string> });
    expect(parsed.items.map((item) => Object.keys(item.labels))).toEqual(NAMES.map(() => ['__proto__', 'race']));
    expect(parsed.items.map((item) => item.subject)).toEqual([...NAMES]);
    const counts = countLabelValues(parsed.items);
    expect(Object.keys(counts)).toEqual(['__proto__', 'race']);
    expect(Object.entries(counts.race)).toEqual(NAMES.map((name) => [name, 1]));
    expect(Object.entries(counts.__proto__)).toEqual(NAMES.map((name) => [name, 1]));

    const folders = parseIdentityFolders(NAMES.map((name) => `${name}/1.jpg`), `identity,__proto__\n${NAMES.map((n) => `${n},${n}`).join('\n')}\n`);
    const folderCounts = countLabelValues(folders.items);
    expect(folders.items.map((item) => item.subject)).toEqual([...NAMES]);
    expect(Object.entries(folderCounts.__proto__)).toEqual(NAMES.map((name) => [name, 1]));
  });
});
