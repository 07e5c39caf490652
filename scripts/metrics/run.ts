/**
 * One run of the metrics CLI, callable in-process (the bad-input table's tests call it).
 */
import { formatBiasReportTable } from '../../src/metrics/format-table';
import { computeBiasReportFromIndex } from '../../src/metrics/report';
import { indexScores } from '../../src/metrics/score-index';
import { DEFAULT_TARGET_FMR, findThresholdAtFmr } from '../../src/metrics/thresholds';
import { loadPackTable, loadPairsTable } from './load';
import { METRICS_USAGE, readMetricsOptions } from './options';

/** Threshold always reported when none is given. */
const DEFAULT_THRESHOLD_SIMILARITY = 0.5;

/**
 * Runs the metrics CLI on an argument list and returns what it prints on stdout (the report, or
 * the help). Throws UsageError or PairsCsvError for refused input; notes about left-out samples go
 * to stderr.
 */
export async function runMetrics(argv: readonly string[]): Promise<string> {
  const options = readMetricsOptions(argv);
  if (options.isHelp) {
    return METRICS_USAGE;
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
  return options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : `${formatBiasReportTable(report, options.grouping)}\n`;
}

