/**
 * Everything the pack builder does before a browser starts: options, the photo list and the
 * labels. Refusals here are UsageErrors (exit 2); the bad-input tests call it in-process.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  applyColumnMapping, isFairFaceHeader, parseCsv, parseFairFaceCsv, parseIdentityFolders, parseUtkFaceFiles,
  suggestColumnMapping, type LabelParseResult,
} from '../../src/datasets/labels';
import { UsageError } from '../cli/args';
import { readBuildPackOptions, readOptionFile, type BuildPackOptions } from './options';

/** A build ready to run: its options and the labelled photos. */
export interface PreparedBuild {
  args: BuildPackOptions;
  parsed: LabelParseResult;
}

/** Reads the command line and the labels; null when `--help` was asked for. */
export function prepareBuild(argv: readonly string[]): PreparedBuild | null {
  const args = readBuildPackOptions(argv);
  if (args === null) return null;
  return { args, parsed: readLabels(args, listFiles(args.dir)) };
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

function readLabels(args: BuildPackOptions, files: string[]): LabelParseResult {
  const csv = args.labels ? readOptionFile('labels', args.labels) : undefined;
  switch (args.format) {
    case 'utkface':
      return parseUtkFaceFiles(files);
    case 'identity-folders':
      return parseIdentityFolders(files, csv);
    case 'csv': {
      const table = parseCsv(csv!);
      if (isFairFaceHeader(table.header)) return parseFairFaceCsv(table, { files });
      const suggested = suggestColumnMapping(table.header);
      if (suggested.file === null) throw new UsageError(`${args.labels} has no column naming the photo (file, image, path...).`);
      return applyColumnMapping(table, { ...suggested, file: suggested.file }, { files });
    }
  }
}

