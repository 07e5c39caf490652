/**
 * The pack builder's options: one table (parsing and `--help`) and the checks on each value.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DEFAULT_MAX_SIDE_PX } from '../../src/import/preprocess';
import { formatUsage, parseCommandLine, readChoiceOption, readNumberOption, UsageError, type OptionTable } from '../cli/args';

/** Label sources the builder reads. */
export type PackSourceFormat = 'utkface' | 'identity-folders' | 'csv';
const FORMATS: readonly PackSourceFormat[] = ['utkface', 'identity-folders', 'csv'];
const BACKENDS = ['wasm', 'webgl', 'cpu'] as const;

/** Padding per format when --margin is not given: tight crops are padded, framed photos are not. */
export const DEFAULT_MARGIN: Record<PackSourceFormat, number> = { utkface: 0.25, 'identity-folders': 0, csv: 0 };
/** Padding is a fraction of the photo per side; beyond 2 the face is a speck in grey. */
const MARGIN_RANGE = { min: 0, max: 2 };
/** Below 64 px the detector finds nothing; the limit is the browser's canvas. */
const MAX_SIDE_RANGE = { min: 64, max: 16384, isInteger: true };

/** Every option of `npm run build:pack`. */
export const BUILD_PACK_OPTIONS = {
  format: { type: 'string', value: '<utkface|identity-folders|csv>', help: 'how the photos are labelled (required)' },
  out: { type: 'string', value: '<pack.json>', help: 'where to write the pack (required)' },
  labels: { type: 'string', value: '<labels.csv>', help: 'label CSV (required with --format csv, optional with identity-folders)' },
  name: { type: 'string', value: '<text>', help: 'pack name; default the folder name' },
  description: { type: 'string', value: '<text>', help: 'pack description' },
  license: { type: 'string', value: '<text>', help: 'licence of the source photos' },
  attribution: { type: 'string', value: '<text>', help: 'citation of the source photos' },
  'attribution-file': { type: 'string', value: '<file>', help: 'read the attribution from a file' },
  margin: { type: 'string', value: '<0..2>', help: 'padding per side as a fraction of the photo; default 0.25 for utkface, else 0' },
  'max-side': { type: 'string', value: '<px>', help: `downscale photos to this longest side, 64 to 16384; default ${DEFAULT_MAX_SIDE_PX}` },
  backend: { type: 'string', value: '<wasm|webgl|cpu>', help: 'tfjs backend in headless Chromium; default wasm' },
  index: { type: 'string', value: '<index.json>', help: 'also list the written pack in this bundled-pack index' },
  help: { type: 'boolean', short: 'h', help: 'print this help and exit' },
} satisfies OptionTable;

/** The usage text of `--help`. */
export const BUILD_PACK_USAGE = formatUsage(`
Builds a reference pack (embeddings and labels, never photos) from a folder of labelled photos,
headless, with the page's own import pipeline.

Usage:
  npm run build:pack -- --format utkface <dir> --out packs/x.json [options]
  npm run build:pack -- --format identity-folders <dir> --out x.json [--labels labels.csv]
  npm run build:pack -- --format csv <dir> --labels labels.csv --out x.json

Refused options and input exit with code 2; a folder without a single face exits with code 1.`, BUILD_PACK_OPTIONS);

/** What a build was asked for. */
export interface BuildPackOptions {
  format: PackSourceFormat;
  dir: string;
  out: string;
  labels?: string;
  name: string;
  description: string;
  license: string;
  attribution: string;
  margin: number;
  maxSide: number;
  backend: (typeof BACKENDS)[number];
  index?: string;
}

/** Parses and checks the command line; null means `--help` was asked for. */
export function readBuildPackOptions(argv: readonly string[]): BuildPackOptions | null {
  const { values, positionals } = parseCommandLine(argv, BUILD_PACK_OPTIONS);
  if (values.help === true) return null;
  const text = (name: keyof typeof BUILD_PACK_OPTIONS) => values[name] as string | undefined;
  const formatText = text('format');
  if (formatText === undefined) throw new UsageError(`--format is required: ${FORMATS.join(', ')}.`);
  const format = readChoiceOption('format', formatText, FORMATS);
  if (positionals.length !== 1) throw new UsageError(`give exactly one folder of photos; got ${positionals.length === 0 ? 'none' : positionals.map((p) => `"${p}"`).join(', ')}.`);
  const dir = resolve(positionals[0]);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder.`);
  const out = text('out');
  if (out === undefined) throw new UsageError('--out <file.json> is required.');
  if (format === 'csv' && text('labels') === undefined) throw new UsageError('--format csv needs --labels <file.csv>.');
  const attributionFile = text('attribution-file');
  if (attributionFile !== undefined && text('attribution') !== undefined) throw new UsageError('give --attribution or --attribution-file, not both.');
  return {
    format, dir, out: resolve(out), labels: text('labels'),
    name: text('name') ?? basename(dir),
    description: text('description') ?? `Built from ${basename(dir)} with npm run build:pack.`,
    license: text('license') ?? 'Not stated: check the source photos\' terms before sharing this pack.',
    attribution: attributionFile !== undefined ? readOptionFile('attribution-file', attributionFile).trim() : text('attribution') ?? '',
    margin: text('margin') === undefined ? DEFAULT_MARGIN[format] : readNumberOption('margin', text('margin')!, MARGIN_RANGE),
    maxSide: text('max-side') === undefined ? DEFAULT_MAX_SIDE_PX : readNumberOption('max-side', text('max-side')!, MAX_SIDE_RANGE),
    backend: readChoiceOption('backend', text('backend') ?? 'wasm', BACKENDS),
    index: text('index'),
  };
}

/** Reads a file named by a flag, turning a missing one into a refusal naming the flag. */
export function readOptionFile(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--${flag} ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
}
