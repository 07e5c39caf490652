import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { BiasReport, ReportGroupRates } from '../../../src/metrics/report';
import { REPO_ROOT } from './preview-server';

const TSX_BIN = resolve(REPO_ROOT, 'node_modules/.bin/tsx');

/** One group's figures in the metrics CLI's JSON (shared/spec/bias-metrics.md). */
export type CliGroup = ReportGroupRates;

/** The metrics CLI's `--format json` output: the spec's report shape. */
export type CliReport = BiasReport;

/** Runs the metrics CLI on a bundled pack at one threshold, as a user would from the shell. */
export async function runMetricsCli(pack: string, groupBy: string, threshold: number): Promise<CliReport> {
  const { stdout } = await promisify(execFile)(TSX_BIN,
    ['scripts/metrics.ts', '--pack', `packs/${pack}.json`, '--group-by', groupBy, '--threshold', String(threshold), '--format', 'json'],
    { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as CliReport;
}

/**
 * Expects a percentage as the views write it ("0.45%", "12.3%", "0%") to be `rate` rounded to
 * the digits shown: two significant digits below 10%, three from 10% (src/views/format.ts).
 */
export function expectShownPercent(shown: string, rate: number, what: string): void {
  const match = /^(\d[\d,]*(?:\.\d+)?)%$/.exec(shown.trim());
  expect(match, `${what}: "${shown}" is a percentage`).not.toBeNull();
  const percent = Number(match![1].replaceAll(',', ''));
  const digits = rate * 100 >= 10 ? 3 : 2;
  const halfUnit = rate === 0 ? 0 : 0.5 * 10 ** (Math.floor(Math.log10(rate * 100)) - digits + 1);
  expect(Math.abs(percent - rate * 100), `${what}: shown ${shown}, CLI ${rate}`).toBeLessThanOrEqual(halfUnit + 1e-9);
}
