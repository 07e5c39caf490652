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
import { PairsCsvError } from '../src/metrics/pairs-csv';
import { EXIT_BAD_INPUT, UsageError } from './cli/args';
import { runMetrics } from './metrics/run';

runMetrics(process.argv.slice(2)).then((text) => process.stdout.write(text), (error: unknown) => {
  if (!(error instanceof PairsCsvError || error instanceof UsageError)) throw error;
  process.stderr.write(`metrics: ${error.message}\n`);
  process.exitCode = EXIT_BAD_INPUT;
});
