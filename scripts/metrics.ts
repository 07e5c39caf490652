/**
 * Bias metrics from the command line (shared/spec/bias-metrics.md).
 *
 *   npm run --silent metrics -- <pairs.csv> [--threshold T]... [--fmr-target F]...
 *       [--impostor-grouping within|probe] [--alpha A] [--format json|table]
 *   npm run --silent metrics -- --pack <pack.json> --group-by race[,gender] [--exclude-unverified] ...
 *   npm run --silent metrics -- --compare <packA> <packB> ... --group-by race [--fmr-target 1e-3]   (scripts/metrics-compare.ts)
 *
 * Defaults: FMR targets [0.001]; thresholds 0.5 plus the global threshold at each FMR target
 * (computed over all impostor pairs). `--format json` (default) prints exactly the spec's report
 * object on stdout and nothing else. Problems go to stderr with file, line and column; exit 2.
 */
import { readFileSync } from 'node:fs';
import { SCORE_ID } from '../src/matching/similarity';
import { decodePack, type PackSample } from '../src/datasets/pack';
import { packEmbeddings, scoreAllPairs } from '../src/metrics/all-pairs';
import { formatBiasReportTable } from '../src/metrics/format-table';
import { buildPairTable, buildPairTableFromSamples } from '../src/metrics/pair-table';
import { PairsCsvError, parsePairsCsv } from '../src/metrics/pairs-csv';
import { computeBiasReportFromIndex } from '../src/metrics/report';
import { indexScores } from '../src/metrics/score-index';
import { DEFAULT_TARGET_FMR, findThresholdAtFmr } from '../src/metrics/thresholds';
import type { ImpostorGrouping, PairTable } from '../src/metrics/types';
import { CompareUsageError, runCompare } from './metrics-compare';

/** Threshold always reported when none is given. */
const DEFAULT_THRESHOLD_SIMILARITY = 0.5;
/** FMR target used when none is given. */
/** Exit code for bad input or usage. */
const EXIT_BAD_INPUT = 2;

class UsageError extends Error {}

interface CliOptions {
  pairsFile?: string;
  packFile?: string;
  groupBy: string[];
  isExcludingUnverified: boolean;
  thresholds: number[];
  fmrTargets: number[];
  grouping: ImpostorGrouping;
  alpha: number;
  format: 'json' | 'table';
}

function parseNumberFlag(flag: string, value: string | undefined): number {
  const number = value === undefined || value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(number)) throw new UsageError(`${flag} needs a finite number, got ${value === undefined ? 'nothing' : `"${value}"`}.`);
  return number;
}

function parseArguments(argv: string[]): CliOptions {
  const options: CliOptions = { groupBy: [], isExcludingUnverified: false, thresholds: [], fmrTargets: [], grouping: 'within', alpha: 0.5, format: 'json' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => argv[++i];
    if (arg === '--threshold') options.thresholds.push(parseNumberFlag(arg, next()));
    else if (arg === '--fmr-target') options.fmrTargets.push(parseNumberFlag(arg, next()));
    else if (arg === '--alpha') options.alpha = parseNumberFlag(arg, next());
    else if (arg === '--impostor-grouping') {
      const value = next();
      if (value !== 'within' && value !== 'probe') throw new UsageError(`--impostor-grouping is within or probe, got "${value ?? ''}".`);
      options.grouping = value;
    } else if (arg === '--format') {
      const value = next();
      if (value !== 'json' && value !== 'table') throw new UsageError(`--format is json or table, got "${value ?? ''}".`);
      options.format = value;
    } else if (arg === '--pack') options.packFile = next();
    else if (arg === '--group-by') options.groupBy = (next() ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    else if (arg === '--exclude-unverified') options.isExcludingUnverified = true;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}.`);
    else if (options.pairsFile === undefined) options.pairsFile = arg;
    else throw new UsageError(`one pairs file only; got "${options.pairsFile}" and "${arg}".`);
  }
  if ((options.pairsFile === undefined) === (options.packFile === undefined)) throw new UsageError('give either a pairs CSV file or --pack <file>.');
  if (options.packFile !== undefined && options.groupBy.length === 0) throw new UsageError('--pack needs --group-by, e.g. --group-by race,gender.');
  return options;
}

/** Reads a file, turning a missing one into a readable error. */
function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}

/**
 * Decodes a pack through src/datasets/pack.ts, checked against its own model (the CLI has no
 * model of its own) and our score id, and keeps the samples that have every `groupBy` label.
 */
function loadPackTable(file: string, groupBy: string[], isExcludingUnverified: boolean): PairTable {
  const text = readText(file);
  let model: { sha256?: unknown; dim?: unknown } = {};
  try {
    model = (JSON.parse(text.replace(/^\uFEFF/, '')) as { model?: typeof model }).model ?? {};
  } catch {
    /* decodePack below says what is wrong */
  }
  let samples: PackSample[];
  try {
    samples = decodePack(text, { modelSha256: String(model.sha256), dim: Number(model.dim), scoreId: SCORE_ID }).samples;
  } catch (error) {
    throw new UsageError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const unverified = isExcludingUnverified ? samples.filter((s) => s.labels.race_label_source === 'unverified').length : 0;
  const kept = samples.filter((s) => !(isExcludingUnverified && s.labels.race_label_source === 'unverified'));
  const labelled = kept.filter((s) => groupBy.every((name) => (s.labels[name] ?? '').trim() !== ''));
  if (unverified > 0) process.stderr.write(`${file}: left out ${unverified} samples whose race label is unverified.\n`);
  if (labelled.length < kept.length) {
    process.stderr.write(`${file}: left out ${kept.length - labelled.length} of ${kept.length} samples missing a ${groupBy.join(' or ')} label.\n`);
  }
  if (labelled.length < 2) throw new UsageError(`${file}: fewer than two samples have ${groupBy.join(' and ')} labels; nothing to compare.`);
  const { packed, dim } = packEmbeddings(labelled.map((s) => s.embedding));
  const scored = scoreAllPairs(packed, dim);
  return buildPairTableFromSamples(scored, labelled.map((s) => ({ group: groupBy.map((name) => s.labels[name].trim()).join('/'), subject: s.subject })));
}

function run(argv: string[]): void {
  if (argv.includes('--compare')) {
    process.stdout.write(runCompare(argv));
    return;
  }
  const options = parseArguments(argv);
  const table = options.packFile !== undefined
    ? loadPackTable(options.packFile, options.groupBy, options.isExcludingUnverified)
    : buildPairTable(parsePairsCsv(readText(options.pairsFile as string), options.pairsFile));
  const index = indexScores(table, options.grouping);
  const fmrTargets = options.fmrTargets.length > 0 ? options.fmrTargets : [DEFAULT_TARGET_FMR];
  const thresholds = options.thresholds.length > 0
    ? options.thresholds
    : [DEFAULT_THRESHOLD_SIMILARITY, ...fmrTargets.map((f) => findThresholdAtFmr(index.overall.impostor, f)).filter((t): t is number => t !== null)];
  const report = computeBiasReportFromIndex(index, { thresholds, fmrTargets, impostorGrouping: options.grouping, alpha: options.alpha });
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : `${formatBiasReportTable(report, options.grouping)}\n`);
}

try {
  run(process.argv.slice(2));
} catch (error) {
  if (error instanceof PairsCsvError || error instanceof UsageError || error instanceof CompareUsageError) {
    process.stderr.write(`metrics: ${error.message}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  } else throw error;
}
