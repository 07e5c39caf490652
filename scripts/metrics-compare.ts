/**
 * `metrics --compare`: models side by side on the same faces, each at its own threshold for a
 * shared FMR target (src/metrics/compare.ts).
 *
 *   npm run --silent metrics -- --compare <packA> <packB> [...] --group-by race [--fmr-target 1e-3]
 *     [--impostor-grouping within|probe] [--replicates 1000] [--seed 1] [--format json|table]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compareModels, decodeComparePack, DEFAULT_COMPARE_REPLICATES, DEFAULT_COMPARE_SEED, type ComparePack } from '../src/metrics/compare';
import { formatComparisonTable } from '../src/metrics/compare-table';
import { DEFAULT_TARGET_FMR } from '../src/metrics/thresholds';
import { parseDecimal, UsageError, withUsageErrors } from './cli/options';
import { describeError } from '../src/shared/errors';

/** Runs the comparison for the CLI's arguments; returns what to print on stdout. */
export function runCompare(argv: string[]): string {
  const parsed = withUsageErrors(() => parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        compare: { type: 'boolean' },
        'group-by': { type: 'string' },
        'fmr-target': { type: 'string' },
        'impostor-grouping': { type: 'string', default: 'within' },
        replicates: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string', default: 'json' },
      },
      strict: true,
    }));
  const { values, positionals } = parsed;
  if (positionals.length < 1) throw new UsageError('--compare needs one pack file per model, e.g. --compare packs/a.json packs/b.json.');
  const groupBy = (values['group-by'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (groupBy.length === 0) throw new UsageError('--compare needs --group-by, e.g. --group-by race.');
  const grouping = values['impostor-grouping'];
  if (grouping !== 'within' && grouping !== 'probe') throw new UsageError(`--impostor-grouping is within or probe, got "${grouping}".`);
  const format = values.format;
  if (format !== 'json' && format !== 'table') throw new UsageError(`--format is json or table, got "${format}".`);
  const fmrTarget = values['fmr-target'] === undefined ? DEFAULT_TARGET_FMR : parseDecimal('--fmr-target', values['fmr-target'], { min: 0, max: 1, isMinOpen: true });
  const replicates = values.replicates === undefined ? DEFAULT_COMPARE_REPLICATES : parseDecimal('--replicates', values.replicates, { min: 0, max: 100_000 });
  const seed = values.seed === undefined ? DEFAULT_COMPARE_SEED : parseDecimal('--seed', values.seed, { min: 0, max: 2 ** 32 - 1 });
  const packs = positionals.map(loadComparePack);
  let report;
  try {
    report = compareModels(packs, { groupBy, fmrTarget, impostorGrouping: grouping, replicates, seed });
  } catch (error) {
    throw new UsageError(describeError(error));
  }
  return format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : `${formatComparisonTable(report)}\n`;
}

/** Reads a pack checked against its own model and score: each model is compared on its own terms. */
export function loadComparePack(file: string): ComparePack {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  try {
    return decodeComparePack(bytes);
  } catch (error) {
    throw new UsageError(`${file}: ${describeError(error)}`);
  }
}
