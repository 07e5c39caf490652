/**
 * Bias metrics from the command line (shared/spec/bias-metrics.md).
 *
 *   npm run --silent metrics -- <pairs.csv> [--threshold T]... [--fmr-target F]...
 *       [--impostor-grouping within|probe] [--alpha A] [--format json|table]
 *   npm run --silent metrics -- --pack <pack.json> --group-by race[,gender] [--exclude-unverified] ...
 *
 * Defaults: FMR targets [0.001]; thresholds 0.5 plus the global threshold at each FMR target
 * (computed over all impostor pairs). `--format json` (default) prints exactly the spec's report
 * object on stdout and nothing else. Problems go to stderr with file, line and column; exit 2.
 */
import { readFileSync } from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import { SCORE_ID } from '../src/matching/similarity';
import { decodePack, type PackSample } from '../src/datasets/pack';
import { packEmbeddings, scoreAllPairs } from '../src/metrics/all-pairs';
import { formatBiasReportTable } from '../src/metrics/format-table';
import { buildPairTableFromSamples, PairTableBuilder } from '../src/metrics/pair-table';
import { PairsCsvError, PairsCsvReader } from '../src/metrics/pairs-csv';
import { computeBiasReportFromIndex } from '../src/metrics/report';
import { indexScores } from '../src/metrics/score-index';
import { DEFAULT_TARGET_FMR, findThresholdAtFmr } from '../src/metrics/thresholds';
import type { ImpostorGrouping, PairTable } from '../src/metrics/types';
import { parseCommandLine, parseDecimal, UsageError } from './cli/options';
import { readLines } from './cli/read-lines';

/** Threshold always reported when none is given. */
const DEFAULT_THRESHOLD_SIMILARITY = 0.5;
/** Exit code for bad input or usage. */
const EXIT_BAD_INPUT = 2;

const USAGE = `Bias metrics (shared/spec/bias-metrics.md) for a pairs CSV or a reference pack.

Usage:
  npm run --silent metrics -- <pairs.csv> [options]
  npm run --silent metrics -- --pack <pack.json> --group-by race[,gender] [--exclude-unverified] [options]

  <pairs.csv>                 columns score,same,group_a,group_b[,subject_a,subject_b]; read as a stream
  --pack <file>               score all pairs of a reference pack (docs/pack-format.md)
  --group-by <labels>         with --pack: the labels that make a group, comma-separated
  --exclude-unverified        with --pack: leave out samples whose race label is unverified
  --threshold <t>             report at threshold t (repeatable; default 0.5 and the FMR-target thresholds)
  --fmr-target <f>            global threshold at false-match rate f, above 0 to 1 (repeatable; default 0.001)
  --impostor-grouping <mode>  within (default) or probe
  --alpha <a>                 weight of the false-match side in FDR, inequity rate and GARBE, 0 to 1 (default 0.5)
  --format <json|table>       json (default): exactly the spec's report on stdout; table: for people
  -h, --help                  this text

Problems go to stderr with file, line and column; exit code 2.`;

const OPTIONS = {
  pack: { type: 'string' },
  'group-by': { type: 'string' },
  'exclude-unverified': { type: 'boolean', default: false },
  threshold: { type: 'string', multiple: true },
  'fmr-target': { type: 'string', multiple: true },
  'impostor-grouping': { type: 'string', default: 'within' },
  alpha: { type: 'string', default: '0.5' },
  format: { type: 'string', default: 'json' },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

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

/** Reads the command line strictly: unknown flags, out-of-range numbers and extra files are refused. */
function parseArguments(argv: string[]): CliOptions | 'help' {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (values.help) return 'help';
  const grouping = values['impostor-grouping'];
  if (grouping !== 'within' && grouping !== 'probe') throw new UsageError(`--impostor-grouping is within or probe, got "${grouping}".`);
  const format = values.format;
  if (format !== 'json' && format !== 'table') throw new UsageError(`--format is json or table, got "${format}".`);
  if (positionals.length > 1) throw new UsageError(`one pairs file only; got ${positionals.map((p) => `"${p}"`).join(' and ')}.`);
  const options: CliOptions = {
    pairsFile: positionals[0],
    packFile: values.pack,
    groupBy: (values['group-by'] ?? '').split(',').map((name) => name.trim()).filter(Boolean),
    isExcludingUnverified: values['exclude-unverified'],
    thresholds: (values.threshold ?? []).map((t) => parseDecimal('--threshold', t, { min: -Infinity, max: Infinity })),
    fmrTargets: (values['fmr-target'] ?? []).map((f) => parseDecimal('--fmr-target', f, { min: 0, max: 1, isMinOpen: true })),
    grouping,
    alpha: parseDecimal('--alpha', values.alpha, { min: 0, max: 1 }),
    format,
  };
  if ((options.pairsFile === undefined) === (options.packFile === undefined)) throw new UsageError('give either a pairs CSV file or --pack <file>. See --help.');
  if (options.packFile !== undefined && options.groupBy.length === 0) throw new UsageError('--pack needs --group-by, e.g. --group-by race,gender.');
  if (options.packFile === undefined && (options.groupBy.length > 0 || options.isExcludingUnverified)) throw new UsageError('--group-by and --exclude-unverified go with --pack; a pairs CSV names its groups itself.');
  return options;
}

/** Streams a pairs CSV into a compact table: memory holds the pairs' columns, never the file as a string. */
async function readPairsTable(file: string): Promise<PairTable> {
  const builder = new PairTableBuilder();
  const reader = new PairsCsvReader(file, (pair) => builder.add(pair));
  await readLines(file, (line) => reader.pushLine(line));
  reader.end();
  return builder.build();
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

async function run(argv: string[]): Promise<void> {
  const options = parseArguments(argv);
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const table = options.packFile !== undefined
    ? loadPackTable(options.packFile, options.groupBy, options.isExcludingUnverified)
    : await readPairsTable(options.pairsFile as string);
  const index = indexScores(table, options.grouping);
  const fmrTargets = options.fmrTargets.length > 0 ? options.fmrTargets : [DEFAULT_TARGET_FMR];
  const thresholds = options.thresholds.length > 0
    ? options.thresholds
    : [DEFAULT_THRESHOLD_SIMILARITY, ...fmrTargets.map((f) => findThresholdAtFmr(index.overall.impostor, f)).filter((t): t is number => t !== null)];
  const report = computeBiasReportFromIndex(index, { thresholds, fmrTargets, impostorGrouping: options.grouping, alpha: options.alpha });
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : `${formatBiasReportTable(report, options.grouping)}\n`);
}

try {
  await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof PairsCsvError || error instanceof UsageError) {
    process.stderr.write(`metrics: ${error.message}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  } else throw error;
}
