/**
 * Writes test/fixtures/cli-<pack>.json: the metrics CLI's report on a bundled v2 pack, grouped by
 * race, which test/browser/utkface-3000.test.ts compares with the numbers fg-gap-view shows.
 * Run again whenever the pack or the metrics change.
 *
 *   npx tsx scripts/pack-cli-fixture.ts [utkface-3000]
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const pack = process.argv[2] ?? 'utkface-3000';
const report = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/metrics.ts', '--pack', `packs/${pack}.faceres.fgpack`, '--group-by', 'race'], {
  cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
});
const out = join(ROOT, `test/fixtures/cli-${pack}.json`);
writeFileSync(out, `${JSON.stringify(JSON.parse(report), null, 2)}\n`);
console.log(`wrote ${out}`);
