/**
 * build:pack's command line: the options, their help text, and the strict reading of them into
 * {@link BuildArgs} (unknown or mistyped flags and out-of-range numbers refused, exit 2).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { DEFAULT_MAX_SIDE_PX } from '../../src/import/preprocess';
import { DEFAULT_MODEL_ID, MODELS, isModelId, type ModelId } from '../../src/models/registry';
import { parseCommandLine, parseDecimal, UsageError } from './options';

/** Padding per format when --margin is not given: tight crops are padded, framed photos are not. */
const DEFAULT_MARGIN: Record<Format, number> = { utkface: 0.25, 'identity-folders': 0, csv: 0 };

export type Format = 'utkface' | 'identity-folders' | 'csv';

export interface Args {
  format: Format;
  dir: string;
  out: string;
  labels?: string;
  name: string;
  description: string;
  license: string;
  attribution: string;
  margin: number;
  maxSide: number;
  backend: 'wasm' | 'webgl' | 'cpu';
  index?: string;
  model: ModelId;
}

export const USAGE = `Builds a reference pack from a folder of labelled photos, headless, with the app's own import pipeline.

Usage:
  npm run build:pack -- --format <format> <folder> --out <pack.fgpack|pack.json> [options]

  --format <utkface|identity-folders|csv>  how the labels are given:
       utkface           labels in the file names (age_gender_race_...)
       identity-folders  one folder per person (--labels file.csv adds labels per person or photo)
       csv               a CSV naming each photo (--labels file.csv), FairFace-style or generic
  --out <file>            where to write the pack: v2 (binary float16, what the app
                          ships), or v1 JSON (the interchange format) when it ends in .json
  --labels <file.csv>     the labels file (required for csv)
  --name, --description, --license <text>   the pack's description
  --attribution <text> | --attribution-file <file>
  --margin <m>            padding per side as a fraction of the photo, 0 to 2 (default: 0.25 utkface, else 0)
  --max-side <px>         longest side photos are scaled to, at least 64 (default ${DEFAULT_MAX_SIDE_PX})
  --backend <wasm|webgl|cpu>   human's backend (default wasm)
  --index <index.json>    also list the pack in a bundled-pack index (packs/index.json)
  --model <id>            the recognition model: ${MODELS.map((model) => model.id).join(', ')} (default ${DEFAULT_MODEL_ID}; docs/models.md)
  -h, --help              this text

Exit codes: 0 written; 1 nothing written (no face found, the import failed); 2 a usage or label problem.`;

const OPTIONS = {
  format: { type: 'string' }, out: { type: 'string' }, labels: { type: 'string' },
  name: { type: 'string' }, description: { type: 'string' }, license: { type: 'string' },
  attribution: { type: 'string' }, 'attribution-file': { type: 'string' },
  margin: { type: 'string' }, 'max-side': { type: 'string' }, backend: { type: 'string', default: 'wasm' },
  index: { type: 'string' }, model: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

export function fail(message: string): never {
  throw new UsageError(message);
}

/** Reads the command line strictly: unknown or mistyped flags (`--labls`) are refused, never ignored. */
export function readBuildOptions(argv: string[]): Args | 'help' {
  const { values, positionals } = parseCommandLine(argv, OPTIONS);
  if (values.help) return 'help';
  const format = values.format as Format | undefined;
  if (!format || !Object.hasOwn(DEFAULT_MARGIN, format)) fail('--format must be utkface, identity-folders or csv. See --help.');
  if (positionals.length !== 1) fail(`give exactly one folder of photos; got ${positionals.length}. See --help.`);
  const dir = resolve(positionals[0]);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`${dir} is not a folder.`);
  const out = values.out ?? fail('--out <file> is required (.fgpack for v2, .json for v1).');
  if (format === 'csv' && !values.labels) fail('--format csv needs --labels <file.csv>.');
  const attributionFile = values['attribution-file'];
  const attribution = attributionFile ? readFileSync(attributionFile, 'utf8').trim() : values.attribution ?? '';
  const margin = values.margin === undefined ? DEFAULT_MARGIN[format] : parseDecimal('--margin', values.margin, { min: 0, max: 2 });
  const maxSide = values['max-side'] === undefined ? DEFAULT_MAX_SIDE_PX : parseDecimal('--max-side', values['max-side'], { min: 64, max: 16384 });
  if (!Number.isInteger(maxSide)) throw new UsageError(`--max-side takes a whole number of pixels from 64 to 16384; got "${values['max-side']}".`);
  const backend = values.backend;
  if (backend !== 'wasm' && backend !== 'webgl' && backend !== 'cpu') fail(`--backend is wasm, webgl or cpu; got "${backend}".`);
  return {
    format, dir, out: resolve(out), labels: values.labels,
    name: values.name ?? basename(dir),
    description: values.description ?? `Built from ${basename(dir)} with npm run build:pack.`,
    license: values.license ?? 'Not stated: check the source photos\' terms before sharing this pack.',
    attribution, margin, maxSide, backend, index: values.index,
    model: parseModel(values.model ?? DEFAULT_MODEL_ID),
  };
}

function parseModel(id: string): ModelId {
  if (!isModelId(id)) fail(`--model must be one of ${MODELS.map((model) => model.id).join(', ')}.`);
  return id;
}

