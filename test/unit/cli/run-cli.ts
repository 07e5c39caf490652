import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePack, PACK_FORMAT_MARKER, PACK_FORMAT_VERSION, type PackSample } from '../../../src/datasets/pack';
import { SCORE_ID } from '../../../src/matching/similarity';

/** The repository root: the CLIs run from there, as `npm run` does. */
export const REPO_ROOT = new URL('../../..', import.meta.url).pathname;

/** The command lines under test and their scripts. */
export const CLI_SCRIPTS = { metrics: 'scripts/metrics.ts', 'build:pack': 'scripts/build-pack.ts' } as const;

/** What a command line run printed and returned. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI with the project's own tsx (what `npx tsx` resolves to), without npx's start-up cost. */
export function runCli(command: keyof typeof CLI_SCRIPTS, args: readonly string[]): CliRun {
  const result = spawnSync(join(REPO_ROOT, 'node_modules/.bin/tsx'), [CLI_SCRIPTS[command], ...args], { encoding: 'utf8', cwd: REPO_ROOT });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder for one test file's inputs (never committed). */
export function createScratch(prefix: string): (name: string, text: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
}

/** A valid pack file's text holding these samples (model faceres unless a dim other than 1024 is given). */
export function makePackText(samples: PackSample[], options: { labels: string[]; dim: number }): string {
  return encodePack({
    format: PACK_FORMAT_MARKER, version: PACK_FORMAT_VERSION, name: 'test pack', description: 'test', license: 'test', attribution: 'test',
    model: { id: 'faceres', package: '@vladmandic/human@3.3.6', sha256: 'ab'.repeat(32), dim: options.dim },
    score: SCORE_ID, labels: options.labels,
    preprocessing: { margin: 0, fill: '#808080', maxSide: 200, grayscaleExpanded: false }, samples, failures: [],
  });
}
