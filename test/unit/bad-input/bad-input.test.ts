import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_INPUT_CASES, renderBadInputDoc, writeCaseFiles } from './cases';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SCRIPTS = { metrics: 'scripts/metrics.ts', 'build:pack': 'scripts/build-pack.ts' } as const;
const DOC = join(ROOT, 'docs/bad-input.md');

describe('bad input to the command lines: refused, with a message that says what and where', { timeout: 120_000 }, () => {
  const printed: string[] = [];

  it.each(BAD_INPUT_CASES.map((c, i) => [i, c.cli, c.what] as const))('case %i, %s: %s', (i) => {
    const c = BAD_INPUT_CASES[i];
    const dir = mkdtempSync(join(tmpdir(), 'facegap-bad-input-'));
    writeCaseFiles(dir, c);
    const args = c.args.map((arg) => arg.replaceAll('$dir', dir));
    const result = spawnSync(TSX, [SCRIPTS[c.cli], ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(c.exitCode);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n'), 'one line, no stack trace').toHaveLength(1);
    expect(result.stderr).toMatch(c.says);
    printed[i] = result.stderr.trim().replaceAll(dir, '…');
  });

  it('docs/bad-input.md is the table of these cases and their messages', () => {
    expect(printed.filter(Boolean)).toHaveLength(BAD_INPUT_CASES.length);
    const wanted = renderBadInputDoc(printed);
    if (process.env.UPDATE_BAD_INPUT_DOC === '1') writeFileSync(DOC, wanted);
    expect(existsSync(DOC) ? readFileSync(DOC, 'utf8') : '', 'run UPDATE_BAD_INPUT_DOC=1 npx vitest run test/unit/bad-input').toBe(wanted);
  });
});

describe('--help', { timeout: 60_000 }, () => {
  it.each(Object.entries(SCRIPTS))('%s prints its usage and exits 0', (_, script) => {
    const result = spawnSync(TSX, [script, '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage:/m);
    expect(result.stdout).toMatch(/-h, --help/);
  });
});
