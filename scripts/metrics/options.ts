/**
 * The metrics CLI's options: one table (parsing and `--help`), then checks that every value is in
 * its allowed range, so a number outside it is refused instead of printing nonsense.
 */
import type { ImpostorGrouping } from '../../src/metrics/types';
import { formatUsage, parseCommandLine, readChoiceOption, readNumberOption, UsageError, type OptionTable } from '../cli/args';

/** Every option of `npm run metrics`. */
export const METRICS_OPTIONS = {
  pack: { type: 'string', value: '<pack.json>', help: 'score every pair of a reference pack instead of reading a pairs CSV' },
  'group-by': { type: 'string', value: '<label[,label]>', help: 'with --pack: the labels that form a group, e.g. race,gender' },
  'exclude-unverified': { type: 'boolean', help: 'with --pack: leave out samples whose race_label_source is "unverified"' },
  threshold: { type: 'string', multiple: true, value: '<score>', help: 'report at this threshold (repeatable); default 0.5 and the threshold at each FMR target' },
  'fmr-target': { type: 'string', multiple: true, value: '<rate>', help: 'find the global threshold at this false-match rate, above 0 and below 1 (repeatable); default 0.001' },
  'impostor-grouping': { type: 'string', value: '<within|probe>', help: 'which impostor pairs count for a group; default within' },
  alpha: { type: 'string', value: '<0..1>', help: 'weight of the false-match side in FDR, inequity rate and GARBE; default 0.5' },
  format: { type: 'string', value: '<json|table>', help: 'json: the spec\'s report object on stdout (default); table: for reading' },
  help: { type: 'boolean', short: 'h', help: 'print this help and exit' },
} satisfies OptionTable;

/** The usage text of `--help`. */
export const METRICS_USAGE = formatUsage(`
Bias metrics (shared/spec/bias-metrics.md) for a face system's comparison scores.

Usage:
  npm run --silent metrics -- <pairs.csv> [options]
  npm run --silent metrics -- --pack <pack.json> --group-by race[,gender] [options]

A pairs CSV has the columns score,same,group_a,group_b and optionally subject_a,subject_b.
Problems go to stderr with file:line:column, and the exit code is 2.`, METRICS_OPTIONS);

/** What a metrics run was asked for. */
export interface MetricsOptions {
  isHelp: boolean;
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

/** A false-match-rate target: a rate strictly between 0 and 1 (0 or 1 asks for no threshold). */
const FMR_TARGET_RANGE = { min: 0, max: 1, isMinExcluded: true, isMaxExcluded: true };
/** alpha weighs two error rates: outside 0..1 the spec's FDR and GARBE lose their meaning. */
const ALPHA_RANGE = { min: 0, max: 1 };

/** Parses and checks the command line; throws {@link UsageError} with a readable message. */
export function readMetricsOptions(argv: readonly string[]): MetricsOptions {
  const { values, positionals } = parseCommandLine(argv, METRICS_OPTIONS);
  const text = (name: string) => values[name] as string | undefined;
  const list = (name: string) => (values[name] as string[] | undefined) ?? [];
  const options: MetricsOptions = {
    isHelp: values.help === true,
    packFile: text('pack'),
    groupBy: (text('group-by') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    isExcludingUnverified: values['exclude-unverified'] === true,
    thresholds: list('threshold').map((t) => readNumberOption('threshold', t)),
    fmrTargets: list('fmr-target').map((f) => readNumberOption('fmr-target', f, FMR_TARGET_RANGE)),
    grouping: readChoiceOption('impostor-grouping', text('impostor-grouping') ?? 'within', ['within', 'probe'] as const),
    alpha: text('alpha') === undefined ? 0.5 : readNumberOption('alpha', text('alpha')!, ALPHA_RANGE),
    format: readChoiceOption('format', text('format') ?? 'json', ['json', 'table'] as const),
  };
  if (options.isHelp) return options;
  if (positionals.length > 1) throw new UsageError(`one pairs file only; got ${positionals.map((p) => `"${p}"`).join(', ')}.`);
  options.pairsFile = positionals[0];
  if ((options.pairsFile === undefined) === (options.packFile === undefined)) throw new UsageError('give either a pairs CSV file or --pack <file>; see --help.');
  if (options.packFile !== undefined && options.groupBy.length === 0) throw new UsageError('--pack needs --group-by, e.g. --group-by race,gender.');
  if (options.packFile === undefined && (options.groupBy.length > 0 || options.isExcludingUnverified)) {
    throw new UsageError('--group-by and --exclude-unverified apply to --pack only; a pairs CSV names its groups.');
  }
  return options;
}
