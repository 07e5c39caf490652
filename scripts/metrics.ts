/**
 * Bias metrics from the command line (shared/spec/bias-metrics.md).
 *
 *   npm run --silent metrics -- <pairs.csv> [--threshold T]... [--fmr-target F]...
 *       [--impostor-grouping within|probe] [--alpha A] [--format json|table]
 *   npm run --silent metrics -- --pack <pack.json> --group-by race[,gender] [--exclude-unverified] ...
 *   npm run --silent metrics -- --help      (options: scripts/metrics/options.ts)
 *
 * Defaults: FMR targets [0.001]; thresholds 0.5 plus the global threshold at each FMR target
 * (computed over all impostor pairs). `--format json` (default) prints exactly the spec's report
 * object on stdout and nothing else. Problems go to stderr with file, line and column; exit 2.
 */
import { formatBiasReportTable } from '../src/metrics/format-table';
import { PairsCsvError } from '../src/metrics/pairs-csv';
import { computeBiasReportFromIndex } from '../src/metrics/report';
import { indexScores } from '../src/metrics/score-index';
import { DEFAULT_TARGET_FMR, findThresholdAtFmr } from '../src/metrics/thresholds';
import { EXIT_BAD_INPUT, UsageError } from './cli/args';
import { loadPackTable, loadPairsTable } from './metrics/load';
import { METRICS_USAGE, readMetricsOptions } from './metrics/options';

/** Threshold always reported when none is given. */
const DEFAULT_THRESHOLD_SIMILARITY = 0.5;

async function run(argv: string[]): Promise<void> {
  const options = readMetricsOptions(argv);
  if (options.isHelp) {
    process.stdout.write(METRICS_USAGE);
    return;
  }
  const table = options.packFile !== undefined
    ? loadPackTable(options.packFile, options.groupBy, options.isExcludingUnverified)
    : await loadPairsTable(options.pairsFile as string);
  const index = indexScores(table, options.grouping);
  const fmrTargets = options.fmrTargets.length > 0 ? options.fmrTargets : [DEFAULT_TARGET_FMR];
  const thresholds = options.thresholds.length > 0
    ? options.thresholds
    : [DEFAULT_THRESHOLD_SIMILARITY, ...fmrTargets.map((f) => findThresholdAtFmr(index.overall.impostor, f)).filter((t): t is number => t !== null)];
  const report = computeBiasReportFromIndex(index, { thresholds, fmrTargets, impostorGrouping: options.grouping, alpha: options.alpha });
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : `${formatBiasReportTable(report, options.grouping)}\n`);
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (!(error instanceof PairsCsvError || error instanceof UsageError)) throw error;
  process.stderr.write(`metrics: ${error.message}\n`);
  process.exitCode = EXIT_BAD_INPUT;
});
